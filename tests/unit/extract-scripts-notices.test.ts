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

describe('label/value notices', () => {
  it("reads an EU eForms notice's contact points, each working for the organisation its block names", () => {
    const row = (label: string, value: string) => `<div><span class="label">${label}</span>: <span class="data">${value}</span></div>`;
    const html = `<html lang="da"><head><title>Udbud – TED</title></head><body><div class="notice"><span class="bold">8. Organisationer</span>
      <div>ORG-0001</div>${row('Officielt navn', 'Vesthavn Kommune')}${row('Registreringsnummer', '35501421')}${row('By', 'Vesthavn')}
      ${row('Kontaktpunkt', 'Mette Skovgaard Lund')}${row('E-mail', 'mslu@vesthavn.example')}${row('Telefon', '+45 72365514')}${row('Internetadresse', 'https://www.vesthavn.example')}
      <div>ORG-0002</div>${row('Officielt navn', 'Holm &amp; Vester Rådgivende Ingeniører A/S')}${row('Registreringsnummer', '28550139')}
      ${row('Kontaktpunkt', 'Anders Vester Holm')}${row('E-mail', 'avh@holmvester.example')}${row('Telefon', '+45 28550147')}
      <div>ORG-0003</div>${row('Officielt navn', 'Klagenævnet for Udbud')}${row('E-mail', 'klfu@klage.example')}${row('Telefon', '+45 72405501')}
      </div></body></html>`;
    const { prospects } = extractHtml(html, 'https://ted.europa.eu/da/notice/-/detail/185501-2026', { defaultCountry: 'DK' });
    expect(prospects.map((p) => [p.name, p.company, p.emails, p.phones])).toEqual([
      ['Mette Skovgaard Lund', 'Vesthavn Kommune', ['mslu@vesthavn.example'], ['+4572365514']],
      ['Anders Vester Holm', 'Holm & Vester Rådgivende Ingeniører A/S', ['avh@holmvester.example'], ['+4528550147']],
    ]);
  });

  it("reads a tender's enquiry contacts (the job may come before the name), not its details table, and no P.O. Box as a phone", () => {
    const html = `<html lang="en"><head><title>Invitation to Tender | Highlands Water</title></head><body><table class="tbl-details">
      <tr><td class="lbl">Tender Number</td><td>HW/T/014/2026-2027</td></tr>
      <tr><td class="lbl">Tender Document</td><td>Free download below, or KES 1,000 at the Kerugoya office</td></tr>
      <tr><td class="lbl">Clarifications</td><td>Procurement enquiries (in writing only):<br>
        <b>Head of Supply Chain Management</b> &ndash; Ms. Faith Wanjiku Muriithi<br>E-mail: <a href="mailto:f.muriithi@hw.example">f.muriithi@hw.example</a><br>Tel: 0733 555 187<br><br>
        Technical enquiries:<br><b>Eng. Samuel Kiprono Cheruiyot</b>, Technical Services Manager<br>E-mail: <a href="mailto:s.cheruiyot@hw.example">s.cheruiyot@hw.example</a> Mobile: +254 722 555 012</td></tr>
      </table><p>QQ: 2455017831 · P.O. Box 1455&ndash;10300, Kerugoya</p></body></html>`;
    const { prospects, organizations } = extractHtml(html, 'http://www.hw.example/tender.php?id=14', { defaultCountry: 'KE' });
    expect(prospects.map((p) => [p.name.replace(/^(?:Ms|Eng)\. /, ''), p.title, p.emails, p.phones])).toEqual([
      ['Faith Wanjiku Muriithi', 'Head of Supply Chain Management', ['f.muriithi@hw.example'], ['+254733555187']],
      ['Samuel Kiprono Cheruiyot', 'Technical Services Manager', ['s.cheruiyot@hw.example'], ['+254722555012']],
    ]);
    expect(organizations.flatMap((o) => o.phones)).toEqual([]);
  });
});
