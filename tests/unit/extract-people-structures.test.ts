import { describe, expect, it } from 'vitest';
import { extractHtml } from './helpers';

// A board page: each office as a heading, the holder's name and occupation in a paragraph, contacts in the next one.
const boardCard = (role: string, name: string, occupation: string, contact: string) => `
  <div class="col"><div class="frame">
    <header><h3>${role}</h3></header>
    <div class="bodytext">
      <p><strong>${name}</strong><br>${occupation}</p>
      ${contact}
      <p>Zuständig für: Finanzen</p>
    </div>
  </div></div>`;

describe('boards listing each office as a heading above its holder', () => {
  const html = `<html lang="de"><body><main><h1>Vorstand</h1><div class="row">
    ${boardCard('1. Vorsitzende', 'Friederike Lanz', 'Stadtökologin, Vorstand seit 2020', '<p>Tel.: 030 23125-401<br>E-Mail: f.lanz(at)garten-berlin.de</p>')}
    ${boardCard('Schatzmeister', 'Klaus Wendland', 'Dipl.-Kaufmann i. R.', '<p>Tel.: 030 23125-403 (Di + Do, 16–18 Uhr)</p>')}
    ${boardCard('Schriftführerin', 'Annika Brückner', 'Lehrerin', '<p>E-Mail: <img src="/mail.png" alt="annika.brueckner@garten-berlin.de"></p>')}
  </div></main></body></html>`;
  const { prospects } = extractHtml(html, 'https://www.garten-berlin.de/vorstand');

  it('finds each holder, with the office as title and the contacts of the whole box', () => {
    expect(prospects.map((p) => [p.name, p.title])).toEqual([
      ['Friederike Lanz', '1. Vorsitzende'],
      ['Klaus Wendland', 'Schatzmeister'],
      ['Annika Brückner', 'Schriftführerin'],
    ]);
    expect(prospects[0]).toMatchObject({ emails: ['f.lanz@garten-berlin.de'], phones: ['+493023125401'] });
  });

  it('reads an address drawn as an image from its alt text, and office hours after a number are no phone', () => {
    expect(prospects[2]!.emails).toEqual(['annika.brueckner@garten-berlin.de']);
    expect(prospects[1]!.phones).toEqual(['+493023125403']);
  });

  it('keeps a paragraph that holds the person and their contacts as their whole block', () => {
    const section = (h: string, body: string) => `<div class="block"><div class="inner"><h3>${h}</h3>${body}</div></div>`;
    const page = `<main><h1>Contact</h1><div class="grid">
      ${section('Private Events', '<p>Buyouts for up to 140 guests.</p><p><strong>Claudia Reyes</strong><br>Private Events Manager<br><a href="mailto:claudia@ember.example">claudia@ember.example</a></p><p>Or write to <a href="mailto:events@ember.example">events@ember.example</a>.</p>')}
      ${section('Kitchen', '<p><strong>Anton Brekke</strong> — Executive Chef<br><a href="mailto:anton@ember.example">anton@ember.example</a></p>')}
    </div></main>`;
    const found = extractHtml(page, 'https://ember.example/contact').prospects;
    expect(found.find((p) => p.name === 'Claudia Reyes')!.emails).toEqual(['claudia@ember.example']);
  });
});

describe('names listed under the office they hold', () => {
  it('makes each name of a list under a role heading a person, the bracket being their remit', () => {
    const { prospects } = extractHtml(
      `<main><h1>Vorstand</h1><div><header><h3>Beisitzerinnen und Beisitzer</h3></header>
        <ul><li>Jonas Ebert (Kompostnetz)</li><li>Leyla Haddad (Öffentlichkeitsarbeit)</li></ul></div>
        <h3>Unsere Gärten</h3><ul><li>Rübezahl</li><li>Wilde Möhre</li></ul></main>`,
      'https://www.garten-berlin.de/vorstand',
    );
    expect(prospects.map((p) => p.name)).toEqual(['Jonas Ebert', 'Leyla Haddad']);
  });

  it('does not read a list of names under a heading that is no role', () => {
    const { prospects } = extractHtml(`<main><h1>Thanks</h1><h3>Our donors</h3><ul><li>Jonas Ebert</li><li>Leyla Haddad</li></ul></main>`);
    expect(prospects).toEqual([]);
  });
});

describe('Korean executive pages', () => {
  const page = `<html lang="ko"><body><div id="contents"><h3>임원 소개</h3>
    <table class="tbl_exec"><tbody>
      <tr><td class="photo"><img src="/e1.jpg" alt="김도현 대표이사"></td><td class="info">
        <p class="name"><strong>김도현</strong> <span class="eng">(Kim Do-hyun)</span></p><p class="position">대표이사 사장 / CEO</p>
        <dl><dt>약력</dt><dd><ul><li>2012.01 ~ 2018.12 (주)세온파워 PCS사업본부장 (상무)</li></ul></dd></dl></td></tr>
      <tr><td class="photo"><img src="/e2.jpg" alt="박준호 전무"></td><td class="info">
        <p class="name"><strong>박준호</strong> <span class="eng">(Park Jun-ho)</span></p><p class="position">전무 / CTO</p></td></tr>
    </tbody></table>
    <table><thead><tr><th>성명</th><th>직책</th><th>담당업무</th></tr></thead><tbody>
      <tr><td>최민지 <span>(Choi Min-ji)</span></td><td>상무</td><td>영업본부장</td></tr>
      <tr><td>오태경 <span>(Oh Tae-kyung)</span></td><td>이사</td><td>생산본부장</td></tr>
    </tbody></table>
    <div class="box_ir"><h4>IR 문의</h4><ul>
      <li><span class="tit">담당자</span> 경영지원팀 한지수 과장 (Han Ji-su, IR Manager)</li>
      <li><span class="tit">Tel.</span> +82-2-6952-1147</li>
    </ul></div>
    <ul class="m_only"><li><strong>김도현</strong> 대표이사 사장</li></ul>
  </div></body></html>`;
  const { prospects } = extractHtml(page, 'https://www.hanbit.example.co.kr/kor/company/executives.asp');

  it('finds each executive once, named in Hangul, with the rank and function as title', () => {
    expect(prospects.map((p) => p.name).sort()).toEqual(['Han Ji-su', '김도현', '박준호', '오태경', '최민지'].sort());
    expect(prospects.find((p) => p.name === '김도현')!.title).toBe('대표이사 사장 / CEO');
    expect(prospects.find((p) => p.name === '최민지')!.title).toBe('상무');
  });

  it('gives the contact person named after 담당자 the phone of the lines after them', () => {
    expect(prospects.find((p) => p.name === 'Han Ji-su')).toMatchObject({ title: 'IR Manager', phones: ['+82269521147'] });
  });

  it('does not take Korean labels and section words for names', () => {
    const none = extractHtml(`<table><thead><tr><th>성명</th><th>직책</th></tr></thead><tbody><tr><td>회사소개</td><td>이사</td></tr><tr><td>약력</td><td>상무</td></tr></tbody></table>`);
    expect(none.prospects).toEqual([]);
  });
});

describe('member tables and exhibitor listings', () => {
  it('drops a membership mark after a name and never takes a committee for a person', () => {
    const { prospects } = extractHtml(
      `<main><h1>Governance</h1><table><thead><tr><th>Name</th><th>GitHub</th><th>Affiliation</th></tr></thead><tbody>
        <tr><td>Priya Raghunathan ★</td><td><a href="https://github.com/praghu">@praghu</a></td><td>Snowdrift Data</td></tr>
        <tr><td>Oluwaseun Adeyemi</td><td><a href="https://github.com/seun-a">@seun-a</a></td><td>Marlowe Analytics</td></tr>
      </tbody></table></main>
      <div class="toc"><ul><li><a href="#technical-steering-committee">Technical Steering Committee</a></li><li><a href="#maintainers">Maintainers</a></li></ul></div>`,
      'https://tidewater.example/docs/governance',
    );
    expect(prospects.map((p) => [p.name, p.profiles.github])).toEqual([
      ['Priya Raghunathan', 'https://github.com/praghu'],
      ['Oluwaseun Adeyemi', 'https://github.com/seun-a'],
    ]);
  });

  const exhibitor = (company: string, contact: string) => `
    <div class="_3k9a row"><div class="_f0"><div class="_2d7 exh-name">${company}</div><div>Conveyors</div></div>
      <div class="_b8c"><div class="_lbl">Stand</div><div>Hall 4.2 / B17</div></div>${contact}</div>`;
  const page = `<main><h1>Exhibitors</h1><div class="_lst">
    ${exhibitor('Vantor Robotics GmbH', '<div class="_7f"><div class="_lbl">Contact person</div><div class="_b31">Lena Hofbauer</div><div class="_a0d">Key Account Manager</div><div class="_c9"><span class="_lbl">E-mail</span><a href="mailto:l.hofbauer@vantor.example">l.hofbauer@vantor.example</a></div></div>')}
    ${exhibitor('Convoyeurs Roussel SAS', '<div class="_7f"><div class="_lbl">Contact person</div><div class="_b31">Élodie Garnier</div><div class="_a0d">Responsable Export</div><div class="_c9"><a href="tel:+33199002741">+33 1 99 00 27 41</a></div></div>')}
    ${exhibitor('Aurelio Ferri S.r.l.', '')}
    </div>
    <div class="_side"><div class="_sb1"><div class="_sbt">Questions about exhibiting?</div><div class="_sbn">Katrin Vogel</div><div class="_sbr">Exhibitor Services</div>
      <div class="_sbc"><a href="tel:+493023125600">+49 30 23125 600</a></div><div class="_sbc"><a href="mailto:k.vogel@kontor.example">k.vogel@kontor.example</a></div></div></div></main>`;
  const { prospects } = extractHtml(page, 'https://www.fair.example/en/exhibitors');

  it('reads the contact person a listing labels in a div of its own, with their job and the listing as company', () => {
    expect(prospects.find((p) => p.name === 'Lena Hofbauer')).toMatchObject({ title: 'Key Account Manager', company: 'Vantor Robotics GmbH', emails: ['l.hofbauer@vantor.example'] });
    expect(prospects.find((p) => p.name === 'Élodie Garnier')).toMatchObject({ title: 'Responsable Export', company: 'Convoyeurs Roussel SAS', phones: ['+33199002741'] });
    // A company with a legal form is no person, even when shaped like a name.
    expect(prospects.map((p) => p.name)).not.toContain('Convoyeurs Roussel SAS');
  });

  it('adds a lone contact box beside the listings as one more person', () => {
    expect(prospects.find((p) => p.name === 'Katrin Vogel')).toMatchObject({ emails: ['k.vogel@kontor.example'], phones: ['+493023125600'] });
    expect(prospects).toHaveLength(3);
  });
});

describe('a bio sentence under a name', () => {
  it('gives the first of two roles it names', () => {
    const { prospects } = extractHtml(
      `<main><h1>Episode 142</h1><div class="x"><div><p class="a">Marcus Bell</p><p class="b">Founder of Bellwether Revenue Partners and host of The Pipeline since 2019.</p><p><a href="https://www.linkedin.com/in/marcusbell">LinkedIn</a></p></div></div></main>`,
      'https://pipeline.example/episodes/142',
    );
    expect(prospects[0]).toMatchObject({ name: 'Marcus Bell', title: 'Founder of Bellwether Revenue Partners' });
  });
});

describe('a card and its bio dialog', () => {
  it('makes one person of the card and the hidden dialog repeating it, with the email only the dialog shows', () => {
    const consultant = (slug: string, name: string, job: string, tel: string, mail: string) => ({
      card: `<div class="col consultant-col"><div class="card"><div class="card-body"><h3 class="h5">${name}</h3><p class="role">${job}</p><a href="tel:${tel}">${tel}</a></div></div></div>`,
      modal: `<div class="modal fade" id="bio-${slug}" aria-hidden="true"><div class="modal-dialog"><div class="modal-content"><div class="modal-header"><h2 class="modal-title">${name} <small>| ${job}</small></h2></div>
        <div class="modal-body"><p>${name.split(' ')[0]} places finance leaders.</p><dl><dt>Mobile</dt><dd><a href="tel:${tel}">${tel}</a></dd><dt>Email</dt><dd><a href="mailto:${mail}">${mail}</a></dd></dl></div></div></div></div>`,
    });
    const a = consultant('olivia', 'Olivia Brennan', 'Director – Finance', '+447700900418', 'olivia.brennan@fh.example');
    const b = consultant('marcus', 'Marcus Adeyemi', 'Principal Consultant', '+447700900422', 'marcus.adeyemi@fh.example');
    const { prospects } = extractHtml(`<main><h1>Meet our consultants</h1><div class="row">${a.card}${b.card}</div></main>${a.modal}${b.modal}`, 'https://www.fh.example/consultants');
    expect(prospects.map((p) => [p.name, p.emails, p.phones])).toEqual([
      ['Olivia Brennan', ['olivia.brennan@fh.example'], ['+447700900418']],
      ['Marcus Adeyemi', ['marcus.adeyemi@fh.example'], ['+447700900422']],
    ]);
  });
});
