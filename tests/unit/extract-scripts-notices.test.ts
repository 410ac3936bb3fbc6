// Names in scripts without capitals (Hebrew, Arabic, Chinese), headings that are not names, and builders' flat canvases.
import { describe, expect, it } from 'vitest';
import { isPersonName, cleanPersonName } from '@/utils/extract/names';
import { extractHtml } from './helpers';

describe('names in scripts without capital letters', () => {
  it('reads a Hebrew or Arabic name where the page marks it as a name, never a heading in those scripts', () => {
    expect(isPersonName('רונית אבירם', true)).toBe(true);
    expect(isPersonName('خالد المنصوري', true)).toBe(true);
    // Without the page saying a name is there, two Hebrew words may be any heading ("investor relations").
    expect(isPersonName('קשרי משקיעים')).toBe(false);
    // A company with its legal form ("ذ.م.م") is no name.
    expect(isPersonName('الخليج للمعدات الثقيلة ذ.م.م', true)).toBe(false);
  });

  it('leaves Hebrew credentials (acronyms with gershayim) out of the name', () => {
    expect(cleanPersonName('רונית אבירם, רו"ח')).toBe('רונית אבירם');
    expect(cleanPersonName("פרופ' מיכל שחר")).toBe('מיכל שחר');
    expect(cleanPersonName('ד"ר דנה כהן')).toBe('דנה כהן');
  });

  it('makes one prospect per Hebrew contact card, and a management chip with a Hebrew job is a person too', () => {
    const html = `<html lang="he" dir="rtl"><body><h1>קשרי משקיעים</h1>
      <ul class="mgmt"><li><span class="pc__name">דני לוי</span><span class="pc__role">מנכ"ל</span></li>
      <li><span class="pc__name">רונית אבירם, רו"ח</span><span class="pc__role">סמנכ"לית כספים</span></li></ul>
      <h2>אנשי קשר למשקיעים</h2><div class="grid">
      <article class="ct-card"><h3 class="ct-card__name">רונית אבירם</h3><p class="ct-card__role">סמנכ"לית כספים</p>
        <a href="tel:+97246505512">04-6505512</a> <a href="mailto:ronit.aviram@oranim.example">ronit.aviram@oranim.example</a></article>
      <article class="ct-card"><h3 class="ct-card__name">עומר בן-דוד</h3><p class="ct-card__role">מנהל קשרי משקיעים</p>
        <a href="tel:054-7712034">054-7712034</a> <a href="mailto:omer.bd@oranim.example">omer.bd@oranim.example</a></article>
      </div></body></html>`;
    const { prospects } = extractHtml(html, 'https://www.oranim.example/investors');
    expect(prospects.map((p) => p.name).sort()).toEqual(['דני לוי', 'עומר בן-דוד', 'רונית אבירם']);
    expect(prospects.find((p) => p.name === 'דני לוי')).toMatchObject({ title: 'מנכ"ל', emails: [], phones: [] });
    expect(prospects.find((p) => p.name === 'רונית אבירם')).toMatchObject({ emails: ['ronit.aviram@oranim.example'], phones: ['+97246505512'] });
    expect(prospects.find((p) => p.name === 'עומר בן-דוד')).toMatchObject({ title: 'מנהל קשרי משקיעים', phones: ['+972547712034'] });
  });

  it('reads the name of a heading that writes the job in a <small>, in ideographs too, and not a section heading so written', () => {
    const person = (name: string, job: string, tel: string) =>
      `<div class="col-sm-6"><div class="people-card"><h4>${name} <small>${job}</small></h4><p>手机：<a href="tel:${tel}">${tel}</a></p></div></div>`;
    const html = `<html lang="zh-CN"><body><h3 class="sub-title">业务联系人 <small>Sales &amp; Purchasing Contacts</small></h3><div class="row">
      ${person('王建国', '总经理', '13855501427')}${person('陈思雨 (Cindy Chen)', '海外销售经理 / Overseas Sales Manager', '18655501093')}
      ${person('Lena Brandt', 'Sales Manager', '13955501346')}</div></body></html>`;
    const { prospects } = extractHtml(html, 'https://www.xld.example/contact/', { defaultCountry: 'CN' });
    expect(prospects.map((p) => [p.name, p.title, p.phones])).toEqual([
      ['王建国', '总经理', ['+8613855501427']],
      ['陈思雨', '海外销售经理 / Overseas Sales Manager', ['+8618655501093']],
      ['Lena Brandt', 'Sales Manager', ['+8613955501346']],
    ]);
  });
});

describe('headings and canvases that are not one person', () => {
  it('does not read a Turkish team heading as a name', () => {
    expect(isPersonName('Yurt Dışı Satış Ekibi')).toBe(false);
    expect(isPersonName('Mehmet Ali Yıldırım')).toBe(true);
  });

  it('does not take a builder canvas naming several people as the card of the first, and reads their own cards', () => {
    // A Tilda-style Zero Block: every name, job and link is an absolutely placed sibling; the mobile copy has real cards.
    const elem = (inner: string) => `<div class="t396__elem tn-elem"><div class="tn-atom">${inner}</div></div>`;
    const html = `<body><h1>Export team</h1>
      <div class="r t-rec"><div class="t396"><div class="t396__artboard">
        ${elem('<strong>Mehmet Ali Yildirim</strong>')}${elem('Export Manager')}${elem('<a href="mailto:m.yildirim@bozkir.example">mail</a>')}
        ${elem('<a href="mailto:ayse.sahin@bozkir.example">mail</a>')}${elem('<strong>Ayse Gul Sahin</strong>')}${elem('Regional Sales Manager')}
      </div></div></div>
      <div class="r t-rec"><div class="t524">
        <div class="t524__col"><div class="t524__persname t-name">Mehmet Ali Yildirim</div><div class="t524__persdescr">Export Manager<br><a href="mailto:m.yildirim@bozkir.example">E-mail</a></div></div>
        <div class="t524__col"><div class="t524__persname t-name">Ayse Gul Sahin</div><div class="t524__persdescr">Regional Sales Manager<br><a href="mailto:ayse.sahin@bozkir.example">E-mail</a></div></div>
      </div></div></body>`;
    const { prospects } = extractHtml(html, 'https://bozkir.example/ekip');
    expect(prospects.map((p) => [p.name, p.emails])).toEqual([
      ['Mehmet Ali Yildirim', ['m.yildirim@bozkir.example']],
      ['Ayse Gul Sahin', ['ayse.sahin@bozkir.example']],
    ]);
  });
});
