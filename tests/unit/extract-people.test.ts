import { describe, expect, it } from 'vitest';
import { ProspectSchema, LeadSchema } from '@/utils/leads/schema';
import { extractHtml } from './helpers';
import { parseHtml } from '@/utils/extract/cli';
import { scanPhones } from '@/utils/extract/phone-scan';
import { cleanText, visibleText } from '@/utils/extract/visible-text';

describe('no state shared between prospects', () => {
  it('gives every parsed prospect its own lists', () => {
    const a = ProspectSchema.parse({});
    const b = ProspectSchema.parse({});
    a.profiles.other.push('https://a.example/');
    a.emails.push('a@a.example');
    a.provenance.name = 'text';
    expect(b.profiles.other).toEqual([]);
    expect(b.emails).toEqual([]);
    expect(b.provenance).toEqual({});
    expect(ProspectSchema.parse({}).profiles.other).toEqual([]);
    const l = LeadSchema.parse({ id: '1', capturedAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' });
    l.tags.push('x');
    expect(LeadSchema.parse({ id: '2', capturedAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }).tags).toEqual([]);
  });

  it("does not give one person's sameAs to everybody on the page", () => {
    const people = [1, 2, 3].map((i) => ({
      '@type': 'Person',
      name: `Person Number${'abc'[i - 1]}`,
      email: `p${i}@acme.example`,
      sameAs: [`https://blog${i}.example/`],
    }));
    const html = `<html><body><script type="application/ld+json">${JSON.stringify({ '@graph': people })}</script></body></html>`;
    const { prospects } = extractHtml(html);
    expect(prospects).toHaveLength(3);
    expect(prospects.map((p) => p.profiles.other)).toEqual([['https://blog1.example/'], ['https://blog2.example/'], ['https://blog3.example/']]);
  });
});

const byName = (ps: Array<{ name: string }>) => ps.map((p) => p.name);

describe('phones read in context', () => {
  it('keeps register, VAT, IBAN and order numbers, dates and versions out of phones; fax and switchboard go to the organization', () => {
    const html = `<html lang="de"><body><main><h1>Erika Mustermann</h1><p>Vertriebsleiterin</p>
      <p>Telefon: 030 12345678<br>Fax: 030 12345679<br>Zentrale: 030 1234560<br>Assistenz: 030 12345670</p></main>
      <footer><p>Registergericht: Amtsgericht Charlottenburg HRB 123456789<br>USt-IdNr.: DE 301234567<br>IBAN DE89 3704 0044 0532 0130 00
      <br>Bestellnummer 0301234567<br>Stand 12.03.2024, Version 2.10.3</p></footer></body></html>`;
    const { prospects, organizations } = extractHtml(html, 'https://muster.example.com/team/erika');
    expect(byName(prospects)).toEqual(['Erika Mustermann']);
    expect(prospects[0]!.phones).toEqual(['+493012345678']);
    expect(organizations[0]).toMatchObject({ phones: ['+49301234560'], fax: ['+493012345679'] });
  });

  it('reads national numbers in the country of the page language, +44 (0)20 and full-width digits', () => {
    const fr = extractHtml('<html lang="fr"><body><h1>Marie Dupont</h1><p>Tél. : 01 42 68 53 00</p></body></html>', 'https://acme.com/contact', { defaultCountry: 'US' });
    expect(fr.prospects[0]!.phones).toEqual(['+33142685300']);
    const gb = extractHtml('<h1>Tom Baker</h1><p>Direct: +44 (0)20 7946 0958</p>');
    expect(gb.prospects[0]!.phones).toEqual(['+442079460958']);
    const ja = extractHtml('<html lang="ja"><body><h1>Jun Sato</h1><p>電話：０３－１２３４－５６７８</p></body></html>', 'https://acme.com/');
    expect(ja.prospects[0]!.phones).toEqual(['+81312345678']);
  });

  it('takes the country from the other numbers of the page when nothing else tells it', () => {
    const html = `<h1>Lena Berg</h1><p>Mobil: 0171 2345678</p><footer>Office +49 30 1234567, Support +49 89 7654321</footer>`;
    expect(extractHtml(html, 'https://berg.example.com/').prospects[0]!.phones).toEqual(['+491712345678']);
  });

  it('gives the fax of a tel: link to the organization', () => {
    const html = `<h1>Ann Lee</h1><p>Phone <a href="tel:+14155550132">+1 415 555 0132</a></p><p>Fax <a href="tel:+14155550199">+1 415 555 0199</a></p>`;
    const { prospects, organizations } = extractHtml(html);
    expect(prospects[0]!.phones).toEqual(['+14155550132']);
    expect(organizations[0]!.fax).toEqual(['+14155550199']);
  });
});

describe('text budget and phone scan bounds', () => {
  it('never reads a huge text node whole', () => {
    const doc = parseHtml('<div id="r"></div>', 'https://x.example/');
    const root = doc.getElementById('r')!;
    const node = doc.createTextNode('a'.repeat(5_000_000));
    // Reading the whole node is what made a 50 MB page take seconds and a gigabyte.
    Object.defineProperty(node, 'nodeValue', { get: () => { throw new Error('read whole'); } });
    Object.defineProperty(node, 'textContent', { get: () => { throw new Error('read whole'); } });
    root.appendChild(node);
    expect(visibleText(root, 1000).length).toBeLessThanOrEqual(1000);
    expect(cleanText(root, 100).length).toBeLessThanOrEqual(100);
  });

  it('skips a megabyte run of digits and still finds the phone after it', () => {
    const hits = scanPhones(`${'7'.repeat(1_000_000)} Call +1 650 253 0000`, 'US');
    expect(hits.map((h) => h.number)).toEqual(['+16502530000']);
  });

  it('stops scanning when its time budget is spent', () => {
    let t = 0;
    let calls = 0;
    const clock = () => {
      calls++;
      return (t += 300);
    };
    scanPhones('12 34 56 78\n'.repeat(10_000), 'US', clock);
    expect(calls).toBeLessThan(10);
  });
});

describe('emails that are not addresses', () => {
  it('drops asset names, SSH remotes, package scopes, at-rules and code samples; role addresses go to the organization', () => {
    const html = `<h1>Ada Byte</h1><p>Write to ada@byte.example.</p>
      <p>Icons: logo@2x.png sprite@3x.webp; clone git@github.com:byte/app.git; npm i @byte/ui@1.2.0 or pkg@byte.example/path</p>
      <pre>contact example@example.com</pre><p><code>user@host.example</code></p>
      <footer>Questions? <a href="mailto:info@byte.example">info@byte.example</a> · careers@byte.example</footer>`;
    const { prospects, organizations } = extractHtml(html);
    expect(prospects[0]!.emails).toEqual(['ada@byte.example']);
    expect(organizations[0]!.emails.sort()).toEqual(['careers@byte.example', 'info@byte.example']);
  });
});

describe('person segmentation', () => {
  it('reads a table directory: one person per row, columns named by the header', () => {
    const html = `<html><head><meta property="og:site_name" content="Northfield University"></head><body>
      <h1>Faculty directory</h1>
      <table><thead><tr><th>Name</th><th>Position</th><th>Email</th><th>Phone</th></tr></thead><tbody>
      <tr><td><a href="/p/kim">Dr. Alice Kim</a></td><td>Professor of Chemistry</td><td>akim@northfield.example</td><td>(617) 555-0143</td></tr>
      <tr><td><a href="/p/ortiz">Ben Ortiz</a></td><td>Associate Professor, Emeritus</td><td><a href="mailto:bortiz@northfield.example">Email</a></td><td></td></tr>
      <tr><td>Carla Nguyen</td><td>Lecturer</td><td></td><td>(617) 555-0177</td></tr>
      </tbody></table><footer>Main office (617) 555-0100 · info@northfield.example</footer></body></html>`;
    const { prospects, organizations } = extractHtml(html, 'https://chem.northfield.example/faculty');
    expect(byName(prospects)).toEqual(['Dr. Alice Kim', 'Ben Ortiz', 'Carla Nguyen']);
    expect(prospects[0]).toMatchObject({ title: 'Professor of Chemistry', emails: ['akim@northfield.example'], phones: ['+16175550143'] });
    // A comma inside a title is not "Title, Company".
    expect(prospects[1]).toMatchObject({ title: 'Associate Professor, Emeritus', emails: ['bortiz@northfield.example'], phones: [] });
    expect(prospects[2]).toMatchObject({ title: 'Lecturer', emails: [], phones: ['+16175550177'] });
    expect(organizations[0]).toMatchObject({ name: 'Northfield University', emails: ['info@northfield.example'], phones: ['+16175550100'] });
  });

  it("reads a speaker grid without contact links, and the event is nobody's company", () => {
    const speaker = (n: string, t: string) => `<div class="speaker"><img src="x.jpg" alt=""><h3 class="speaker-name">${n}</h3><p class="speaker-title">${t}</p></div>`;
    const html = `<html><head><title>Speakers | DataConf 2026</title><meta property="og:site_name" content="DataConf 2026"></head><body>
      <nav><a href="/">Home</a><a href="/tickets">Get Tickets</a></nav><h1>Speakers</h1><h2>Meet Our Speakers</h2>
      <div class="grid">${speaker('Priya Raman', 'Head of Data at Lumen Labs')}${speaker('Jonas Weber', 'CTO, Nordwind GmbH')}${speaker('Sofia Rossi', 'Staff Engineer')}</div>
      <a class="btn" href="/cfp">Submit A Talk</a></body></html>`;
    const { prospects } = extractHtml(html, 'https://dataconf.example/speakers');
    expect(byName(prospects)).toEqual(['Priya Raman', 'Jonas Weber', 'Sofia Rossi']);
    expect(prospects.map((p) => [p.title, p.company])).toEqual([
      ['Head of Data', 'Lumen Labs'],
      ['CTO', 'Nordwind GmbH'],
      ['Staff Engineer', ''],
    ]);
  });

  it('reads search results: "View Name’s profile" is not part of the name', () => {
    const result = (n: string, slug: string, job: string, place: string) => `<li class="result">
      <span class="entity-title"><a href="https://www.linkedin.com/in/${slug}"><span aria-hidden="true">${n}</span><span class="visually-hidden">View ${n}’s profile</span></a></span>
      <span class="badge">• 2nd</span><div class="entity-result__primary-subtitle">${job}</div><div class="entity-result__location">${place}</div></li>`;
    const html = `<h1>Search results</h1><ul>${result('Nora Quist', 'noraquist', 'VP Sales at Brightline', 'Austin, Texas')}${result('Omar Haddad', 'ohaddad', 'Founder at Tidepool', 'Toronto')}</ul>`;
    const { prospects } = extractHtml(html, 'https://search.example/people?q=sales');
    expect(prospects.map((p) => [p.name, p.title, p.company, p.location, p.profiles.linkedin])).toEqual([
      ['Nora Quist', 'VP Sales', 'Brightline', 'Austin, Texas', 'https://www.linkedin.com/in/noraquist'],
      ['Omar Haddad', 'Founder', 'Tidepool', 'Toronto', 'https://www.linkedin.com/in/ohaddad'],
    ]);
  });

  it('reads a definition list of people and a flat run of name headings', () => {
    const dl = extractHtml(`<h1>Contacts</h1><dl><dt>Jana Novak</dt><dd>Account Executive</dd><dd><a href="mailto:jana@x.example">jana@x.example</a></dd>
      <dt>Luis Ortega</dt><dd>Support Engineer</dd><dd>Tel. +1 312 555 0148</dd></dl>`);
    expect(dl.prospects.map((p) => [p.name, p.title, p.emails, p.phones])).toEqual([
      ['Jana Novak', 'Account Executive', ['jana@x.example'], []],
      ['Luis Ortega', 'Support Engineer', [], ['+13125550148']],
    ]);
    const flat = extractHtml(`<h1>Our Leadership</h1><section><h3>Grace Ito</h3><p>Chief Executive Officer</p><p>grace@ito.example</p>
      <h3>Henry Vale</h3><p>Chief Financial Officer</p></section>`);
    expect(flat.prospects.map((p) => [p.name, p.title, p.emails])).toEqual([
      ['Grace Ito', 'Chief Executive Officer', ['grace@ito.example']],
      ['Henry Vale', 'Chief Financial Officer', []],
    ]);
  });

  it('reads the author of a blog post from the byline; the byline is not a title', () => {
    const html = `<html><head><title>Scaling Postgres | Acme Blog</title></head><body><article><h1>Scaling Postgres to a billion rows</h1>
      <p class="byline">By <a rel="author" href="/authors/mia">Mia Chen</a> · March 3, 2026</p><p>Text…</p>
      <div class="author-bio"><p>Mia Chen is a senior engineer at Acme.</p><a href="https://github.com/miachen">GitHub</a></div></article>
      <footer><a href="mailto:hello@acme.example">hello@acme.example</a></footer></body></html>`;
    const { prospects } = extractHtml(html, 'https://acme.example/blog/scaling');
    expect(prospects.map((p) => [p.name, p.title, p.company, p.profiles.github, p.emails])).toEqual([
      ['Mia Chen', 'Senior engineer', 'Acme', 'https://github.com/miachen', []],
    ]);
  });

  it('reads "Media contact:" blocks of a press release, not the quoted people', () => {
    const html = `<h1>Acme launches Rocket 2</h1><p>"We are thrilled," said Jane Roe, CEO of Acme.</p>
      <p><strong>Media contact:</strong><br>Paul Grant<br>Director of Communications<br>Acme Inc.<br>press@acme.example<br>+1 (212) 555-0187</p>
      <p>About Acme: Acme makes rockets. Main line +1 212 555 0100.</p>`;
    const { prospects, organizations } = extractHtml(html, 'https://acme.example/news/rocket-2');
    expect(prospects.map((p) => [p.name, p.title, p.company, p.emails, p.phones])).toEqual([
      ['Paul Grant', 'Director of Communications', 'Acme Inc.', ['press@acme.example'], ['+12125550187']],
    ]);
    expect(organizations[0]!.phones).toEqual(['+12125550100']);
  });

  it('reads every representative of a German Impressum, and the register numbers are not phones', () => {
    const html = `<html lang="de"><head><meta property="og:site_name" content="Muster Software GmbH"></head><body><h1>Impressum</h1>
      <p>Muster Software GmbH<br>Hauptstraße 1<br>10115 Berlin</p><p>Geschäftsführer: Max Mustermann und Erika Beispiel</p>
      <p>Telefon: +49 30 1234567<br>E-Mail: info@muster.example</p><p>Handelsregister: HRB 1234567 B<br>USt-IdNr.: DE123456789</p></body></html>`;
    const { prospects, organizations } = extractHtml(html, 'https://muster.example/impressum');
    expect(prospects.map((p) => [p.name, p.title, p.company, p.emails, p.phones])).toEqual([
      ['Max Mustermann', 'Geschäftsführer', 'Muster Software GmbH', [], []],
      ['Erika Beispiel', 'Geschäftsführer', 'Muster Software GmbH', [], []],
    ]);
    expect(organizations[0]).toMatchObject({ emails: ['info@muster.example'], phones: ['+49301234567'] });
  });

  it('reads a Japanese company profile: 代表取締役 and 電話', () => {
    const html = `<html lang="ja"><body><h1>会社概要</h1><table><tr><th>会社名</th><td>株式会社サンプル</td></tr>
      <tr><th>代表者</th><td>代表取締役 山田 太郎</td></tr><tr><th>電話</th><td>03-1234-5678</td></tr></table></body></html>`;
    const { prospects, organizations } = extractHtml(html, 'https://sample.example.jp/company');
    expect(prospects.map((p) => [p.name, p.title])).toEqual([['山田 太郎', '代表取締役']]);
    expect(organizations[0]!.phones).toEqual(['+81312345678']);
  });

  it('does not take CSS utility classes for job titles, nor headings and buttons for names', () => {
    const html = `<div class="position-relative"><nav class="position-sticky"><a href="/pricing">Pricing Director Plans</a></nav></div>
      <h1>Rosa Diaz</h1><p class="text-muted">Detective</p><a class="btn" href="/contact">Contact Sales Team</a>`;
    const { prospects } = extractHtml(html);
    expect(prospects.map((p) => [p.name, p.title])).toEqual([['Rosa Diaz', '']]);
  });

  it('finds nobody on a company page without people, but its contacts as the organization', () => {
    const html = `<html><head><meta property="og:site_name" content="Brightline"></head><body><h1>Contact Us</h1><h2>Get In Touch</h2>
      <p>Sales: <a href="mailto:sales@brightline.example">sales@brightline.example</a>, phone <a href="tel:+15125550100">+1 512 555 0100</a></p></body></html>`;
    const { prospects, organizations } = extractHtml(html, 'https://brightline.example/contact');
    expect(prospects).toEqual([]);
    expect(organizations).toEqual([
      { name: 'Brightline', emails: ['sales@brightline.example'], phones: ['+15125550100'], fax: [], website: 'https://brightline.example/', sourceUrl: 'https://brightline.example/contact' },
    ]);
  });
});

describe('confidence', () => {
  it('marks structured and linked values high, labelled text medium, guesses low', () => {
    const html = `<h1>Kai Moreno</h1><p>Head of Growth at Finch</p><a href="mailto:kai@finch.example">mail</a>
      <p>Mobile: +1 415 555 0123</p><p>Ping me on +1 415 555 0124 any time</p><a href="https://www.linkedin.com/in/kaimoreno">in</a>`;
    const p = extractHtml(html).prospects[0]!;
    expect(p.confidence).toMatchObject({
      name: 'medium',
      title: 'medium',
      'emails:kai@finch.example': 'high',
      'phones:+14155550123': 'medium',
      'phones:+14155550124': 'low',
      'profiles.linkedin': 'high',
    });
    // Same keys as provenance.
    expect(Object.keys(p.confidence ?? {}).sort()).toEqual(Object.keys(p.provenance).sort());
  });
});

describe('text of one element', () => {
  it('separates words at <br> and block boundaries, and firstLine stops there', async () => {
    const { firstLine } = await import('@/utils/extract/visible-text');
    const doc = parseHtml('<p id="a">Associate Dentist &amp; Implantologist<br>BDS (Cardiff)</p><div id="b"><span>Jane</span><div>Doe</div></div>', 'https://x.example/');
    expect(cleanText(doc.getElementById('a'))).toBe('Associate Dentist & Implantologist BDS (Cardiff)');
    expect(cleanText(doc.getElementById('b'))).toBe('Jane Doe');
    expect(firstLine(doc.getElementById('a'))).toBe('Associate Dentist & Implantologist');
    expect(firstLine(null)).toBe('');
  });
});
