import { describe, expect, it } from 'vitest';
import { extractHtml } from './helpers';

const people = (html: string, url: string) => extractHtml(html, url).prospects.map((p) => ({ name: p.name, title: p.title, emails: p.emails, phones: p.phones }));

describe('a team page whose markup names one of its people', () => {
  it('lists every card when an Organization block names its founder, who is one of the cards', () => {
    const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"Dijkstra Web B.V.","telephone":"+31 20 555 0100","founder":{"@type":"Person","name":"Eva Dijkstra"}}</script>`;
    const card = (name: string, role: string, mail: string) => `<li class="member"><h3 class="member__name">${name}</h3><p class="member__role">${role}</p><a href="mailto:${mail}@dijkstraweb.example">${mail}@dijkstraweb.example</a></li>`;
    const html = `<html lang="nl"><head><title>Over ons – Dijkstra Web</title>${ld}</head><body><main><h1>Wij zijn Dijkstra Web</h1><ul class="team">${card('Eva Dijkstra', 'Oprichter', 'eva')}${card('Ruben Smit', 'Lead developer', 'ruben')}${card('Noor Bakker', 'Accountmanager', 'noor')}</ul><p>Kantoor: 020 555 0100</p></main></body></html>`;
    expect(people(html, 'https://dijkstraweb.example/over-ons')).toEqual([
      { name: 'Eva Dijkstra', title: 'Oprichter', emails: ['eva@dijkstraweb.example'], phones: [] },
      { name: 'Ruben Smit', title: 'Lead developer', emails: ['ruben@dijkstraweb.example'], phones: [] },
      { name: 'Noor Bakker', title: 'Accountmanager', emails: ['noor@dijkstraweb.example'], phones: [] },
    ]);
  });
  it('still reads a profile page whose one structured person is not among the cards around it', () => {
    const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Eva Dijkstra","jobTitle":"Partner"}</script>`;
    const card = (name: string) => `<div class="colleague"><h3>${name}</h3><p>Associate</p><a href="mailto:x@firm.example">x@firm.example</a></div>`;
    const html = `<html><head><title>Eva Dijkstra</title>${ld}</head><body><main><h1>Eva Dijkstra</h1><p>Partner</p><a href="mailto:eva@firm.example">eva@firm.example</a></main><aside>${card('Ruben Smit')}${card('Noor Bakker')}</aside></body></html>`;
    expect(people(html, 'https://firm.example/people/eva-dijkstra').map((p) => [p.name, p.emails])).toEqual([['Eva Dijkstra', ['eva@firm.example']]]);
  });
});

describe('cards built by site builders', () => {
  it('sees cards whose every element has a class of its own (its id, as Wix writes them)', () => {
    let n = 0;
    const id = () => `comp-k${(n++).toString(36)}x9`;
    const col = (name: string, job: string, mail: string) => {
      const [a, b, c] = [id(), id(), id()];
      return `<div id="${a}" class="${a} wixui-column"><div id="${b}" class="${b} wixui-image"><img src="x.jpg" alt="x"></div><div id="${c}" class="${c} wixui-rich-text"><h4>${name}</h4><p>${job}</p><p>${mail}</p></div></div>`;
    };
    const html = `<html lang="pt-BR"><title>Equipe | Rota Norte Cargas</title><body><main><h1>Nossa equipe</h1><div class="cols">${col('Marina Lopes Ferreira', 'Diretora Comercial', 'marina@rotanorte.example')}${col('Caio Mendes', 'Gerente de Contas – Norte (AM, PA e RR)', 'caio@rotanorte.example')}</div></main></body></html>`;
    expect(people(html, 'https://www.rotanorte.example/equipe')).toEqual([
      { name: 'Marina Lopes Ferreira', title: 'Diretora Comercial', emails: ['marina@rotanorte.example'], phones: [] },
      { name: 'Caio Mendes', title: 'Gerente de Contas – Norte (AM, PA e RR)', emails: ['caio@rotanorte.example'], phones: [] },
    ]);
  });
  it('reads a WhatsApp chat link as the person’s phone and as a contact that makes a card', () => {
    const card = (name: string, n: string) => `<div class="card"><h3>${name}</h3><a href="https://wa.me/${n}?text=Ol%C3%A1">WhatsApp</a></div>`;
    const html = `<main><h1>Equipe</h1>${card('Marina Lopes', '5511955550123')}${card('Caio Mendes', '5541985550147')}</main>`;
    expect(people(html, 'https://rotanorte.example/equipe').map((p) => [p.name, p.phones])).toEqual([
      ['Marina Lopes', ['+5511955550123']],
      ['Caio Mendes', ['+5541985550147']],
    ]);
  });
});

describe('staff directories of ASP.NET sites', () => {
  it('reads a staff table inside the form that wraps the whole page, with a script-written email from its <noscript>', () => {
    const html = `<html><title>Public Works - Town of Elmbrook</title><body><form method="post" id="form1"><input type="hidden" name="__VIEWSTATE" value="x"><div id="content"><h1>Public Works</h1>
      <table class="datatable"><thead><tr><th>Name</th><th>Title</th><th>Phone</th><th>Email</th></tr></thead><tbody>
      <tr><td>Rosa Whitcombe, P.Eng.</td><td>Director, Public Works</td><td>705-555-0121</td><td><a href="mailto:rwhitcombe@elmbrook.example">rwhitcombe@elmbrook.example</a></td></tr>
      <tr><td>Dale Fortier</td><td>Manager, Economic Development</td><td>705-555-0134</td><td><script>document.write('<a href="mailto:' + 'dfortier' + '@' + 'elmbrook.example' + '">x</a>');</script><noscript>dfortier (at) elmbrook.example</noscript></td></tr>
      </tbody></table></div></form></body></html>`;
    const found = extractHtml(html, 'https://www.elmbrook.example/en/public-works.aspx', { defaultCountry: 'CA' }).prospects;
    expect(found.map((p) => [p.name, p.title, p.emails])).toEqual([
      ['Rosa Whitcombe', 'Director, Public Works', ['rwhitcombe@elmbrook.example']],
      ['Dale Fortier', 'Manager, Economic Development', ['dfortier@elmbrook.example']],
    ]);
  });
  it('still ignores a contact form’s placeholders', () => {
    const html = `<main><h1>Contact</h1><form><table><tr><td><label>Name</label></td><td><input placeholder="Jane Smith"></td></tr><tr><td>Jane Smith</td><td>Operations Manager</td></tr><tr><td>John Doe</td><td>Sales Manager</td></tr></table></form></main>`;
    expect(people(html, 'https://acme.example/contact')).toEqual([]);
  });
});

describe('member directories: a company listing with a named contact', () => {
  const listing = (company: string, contact: string, extra = '') =>
    `<article class="listing"><h2><a href="/members/${company.length}">${company}</a></h2><p class="badges"><span class="badge">Accredited Member</span></p><dl><dt>Location</dt><dd>Leeds</dd><dt>Contact</dt><dd>${contact}</dd>${extra}</dl></article>`;
  it('is the contact’s card, with the listing’s company, not the directory’s', () => {
    const html = `<html><title>Find a Member | Guild of Stair Makers</title><body><main><h1>Find a Member</h1><div class="results">
      ${listing('Hartley Joinery Ltd', 'Simon Hartley, Managing Director', '<dt>Telephone</dt><dd>0113 496 0123</dd><dt>Fax</dt><dd>0113 496 0999</dd><dt>Email</dt><dd><a href="mailto:simon@hartley.example">simon@hartley.example</a></dd>')}
      ${listing('Kestrel Staircases', 'Mrs Angela Price-Jones, Sales Director', '<dt>Email</dt><dd><a href="mailto:angela@kestrel.example">angela@kestrel.example</a></dd>')}
      ${listing('Vale Doors', 'Sales Office', '<dt>Email</dt><dd><a href="mailto:sales@vale.example">sales@vale.example</a></dd>')}
    </div></main></body></html>`;
    const found = extractHtml(html, 'https://www.stairguild.example/find-a-member/', { defaultCountry: 'GB' }).prospects;
    expect(found.map((p) => ({ name: p.name, title: p.title, company: p.company, phones: p.phones }))).toEqual([
      { name: 'Simon Hartley', title: 'Managing Director', company: 'Hartley Joinery Ltd', phones: ['+441134960123'] },
      { name: 'Angela Price-Jones', title: 'Sales Director', company: 'Kestrel Staircases', phones: [] },
    ]);
  });
});

describe('a phone label on the line above the number', () => {
  it('reads "<dt>Telephone</dt><dd>number</dd>" as labelled, and a fax so labelled as no one’s phone', async () => {
    const { scanPhones } = await import('@/utils/extract/phone-scan');
    expect(scanPhones('Telephone\n0113 496 0123\nFax:\n0113 496 0999', 'GB')).toEqual([
      { number: '+441134960123', kind: 'phone', labelled: true },
      { number: '+441134960999', kind: 'fax', labelled: true },
    ]);
    // A sentence above a number is no label.
    expect(scanPhones('Call our friendly office team\n0113 496 0123', 'GB')).toEqual([{ number: '+441134960123', kind: 'phone', labelled: false }]);
  });
});

describe('a "Contact:" line that gives a way to reach the person', () => {
  it('leaves the card named by its heading', () => {
    const card = (name: string, mail: string) => `<div class="card"><h3>${name}</h3><p>Account Manager</p><p><strong>Contact:</strong> <a href="mailto:${mail}">${mail}</a></p></div>`;
    const html = `<main><h1>Team</h1>${card('Jane Doe', 'jane@acme.example')}${card('Omar Haddad', 'omar@acme.example')}</main>`;
    expect(people(html, 'https://acme.example/team').map((p) => [p.name, p.title, p.emails])).toEqual([
      ['Jane Doe', 'Account Manager', ['jane@acme.example']],
      ['Omar Haddad', 'Account Manager', ['omar@acme.example']],
    ]);
  });
});

describe('cards styled only by generated classes, without contact links', () => {
  it('finds each name line with the job line under it, initials-first names included', () => {
    const card = (name: string, job: string, extra = '') => `<div class="sc-jXbUNg kXyTrp"><img src="x.jpg" alt=""><div class="sc-dhKdcB eZqWmL">${name}</div><div class="sc-kpDqfm dFgHjK">${job}</div>${extra}</div>`;
    const html = `<html lang="en-IN"><title>Team | Bhoomi Sensors</title><body><main><h1>The people behind Bhoomi</h1><div class="sc-imWYAI">${card('R. Raghavan', 'Founder &amp; CEO')}${card('Dr. K. Meena Sundaram', 'Chief Scientific Officer')}${card('S. P. Iyer, FCA', 'Chief Financial Officer', '<p>Mob: 98230 55027</p>')}</div>
      <section><h2>Reviews</h2><div class="review"><div class="r-name">Sarah K.</div><div class="r-badge">Verified Buyer</div></div><div class="review"><div class="r-name">Sam W.</div><div class="r-badge">Verified Buyer</div></div></section></main></body></html>`;
    expect(extractHtml(html, 'https://www.bhoomi.example/team', { defaultCountry: 'IN' }).prospects.map((p) => [p.name, p.title, p.phones])).toEqual([
      ['R. Raghavan', 'Founder & CEO', []],
      ['Dr. K. Meena Sundaram', 'Chief Scientific Officer', []],
      ['S. P. Iyer', 'Chief Financial Officer', ['+919823055027']],
    ]);
  });
  it('reads "Name – Role, Company" list lines with the company apart', () => {
    const html = `<main><h1>Advisors</h1><ul><li>Meera Iyer – former Director, Central Soil Institute</li><li>Harish Gowda – Co-founder, Krishi Ledger</li></ul></main>`;
    expect(extractHtml(html, 'https://www.bhoomi.example/advisors').prospects.map((p) => [p.name, p.title, p.company])).toEqual([
      ['Meera Iyer', 'former Director', 'Central Soil Institute'],
      ['Harish Gowda', 'Co-founder', 'Krishi Ledger'],
    ]);
  });
});
