import { describe, expect, it } from 'vitest';
import { parseHtml } from '@/utils/extract/cli';
import { isLocationLine, labelledLocation } from '@/utils/extract/location';
import { phoneLabel } from '@/utils/extract/phone-scan';
import { isPersonName } from '@/utils/extract/names';
import { extractHtml } from './helpers';

const speaker = (name: string, role: string, company: string, extra = '') =>
  `<div class="speaker"><h3 class="speaker__name">${name}</h3><div class="speaker__role">${role}</div><div class="speaker__company">${company}</div>${extra}<a href="/s/${name.split(' ')[0]}">Read bio</a></div>`;

describe('fields of people in cards', () => {
  it('reads a company written in its own element, and a website link labelled as one', () => {
    const html = `<h1>Speakers</h1><div class="grid">${speaker('Inês Baptista', 'Chief Data Officer', 'Varanda Insurance')}${speaker(
      'Lena Vogel',
      'Independent Consultant',
      '',
      `<a href="https://lenavogel.de" aria-label="Lena Vogel's website"><i></i></a>`,
    )}</div><footer><a href="https://agency.example">Website by Agency</a></footer>`;
    const { prospects } = extractHtml(html, 'https://summit.example/speakers/');
    expect(prospects.map((p) => [p.name, p.company, p.website])).toEqual([
      ['Inês Baptista', 'Varanda Insurance', ''],
      ['Lena Vogel', '', 'https://lenavogel.de/'],
    ]);
  });

  it('reads a place line under the job line as the location, not the job or an inverted name', () => {
    const card = (n: string, t: string, place: string) => `<li><h3>${n}</h3><p>${t}</p><p>${place}</p><a href="mailto:${n.split(' ')[0]!.toLowerCase()}@q.example">Email</a></li>`;
    const { prospects } = extractHtml(`<ul>${card('Nadia Petrovic', 'Co-founder &amp; CEO', 'Austin, TX')}${card('Maya Goldberg', 'VP Sales, North America', 'Toronto, ON')}</ul>`);
    expect(prospects.map((p) => [p.title, p.location])).toEqual([
      ['Co-founder & CEO', 'Austin, TX'],
      ['VP Sales, North America', 'Toronto, ON'],
    ]);
  });
});

describe('locations', () => {
  it('tells place lines from job lines, names with degrees, dates and addresses', () => {
    for (const s of ['Austin, TX', 'Cambridge, England, United Kingdom', 'Greater Boston Area', 'Washington, D.C.', 'Remote']) expect(isLocationLine(s), s).toBe(true);
    for (const s of ['VP Sales, North America', 'Jeff Leek, PhD', '1 Liberty Plaza, New York', 'June 2, 2026', 'Jane Doe', 'info@x.example, London']) expect(isLocationLine(s), s).toBe(false);
  });

  it('reads a value after its label, in a sibling or in the next element', () => {
    const doc = parseHtml(
      `<ul><li><span class="label">Location</span><span><a href="/l/cam">Cambridge</a>, <a href="/l/uk">United Kingdom</a></span></li></ul><dl><dt>Standort</dt><dd>Berlin</dd></dl>`,
      'https://x.example/',
    );
    expect(labelledLocation(doc.body)).toBe('Cambridge, United Kingdom');
    expect(labelledLocation(parseHtml('<dl><dt>Standort:</dt><dd>Berlin</dd></dl>', 'https://x.example/').body)).toBe('Berlin');
    expect(labelledLocation(parseHtml('<p>Our location is great</p>', 'https://x.example/').body)).toBe('');
  });

  it('takes the first office a firm links its person to; a place link is never a name', () => {
    const html = `<main><div class="hero"><p class="eyebrow">Partner</p><h1>Catherine Delacroix</h1>
      <div><a href="/offices/new-york/">New York</a> <a href="tel:+12125550187">+1 212 555 0187</a></div>
      <div><a href="/offices/washington-dc/">Washington, D.C.</a></div></div></main>`;
    const { prospects } = extractHtml(html, 'https://www.ashby.example/people/catherine/');
    expect(prospects[0]).toMatchObject({ name: 'Catherine Delacroix', title: 'Partner', location: 'New York' });
  });
});

describe('the employer of a one-person page', () => {
  it('comes from a title part or site name that reads as an organization, never from a personal site or a platform', () => {
    const bio = (title: string, url: string, site = '') =>
      extractHtml(`<html><head><title>${title}</title>${site ? `<meta property="og:site_name" content="${site}">` : ''}</head><body><main><h1>James Whitcombe</h1><p>Partner</p></main></body></html>`, url).prospects[0]!;
    expect(bio('James Whitcombe – Partner, Employment | Fenwick Hale Solicitors', 'https://www.fenwickhale.co.uk/people/james/').company).toBe('Fenwick Hale Solicitors');
    expect(bio('James Whitcombe | Bayline Realty Group | San Diego Homes', 'https://jw.example/about').company).toBe('Bayline Realty Group');
    expect(bio('James Whitcombe', 'https://jw.example/', 'James Whitcombe').company).toBe('');
    expect(bio('James Whitcombe | Blog', 'https://jw.example/')).toMatchObject({ company: '' });
    expect(bio('James Whitcombe - Partner @ Acme Capital - Crunchbase', 'https://www.crunchbase.com/person/jw').company).toBe('Acme Capital');
  });
});

describe('contacts that are not the person\'s', () => {
  it('leaves out the assistant\'s line, single-letter fax labels and the office number repeated outside the main content', () => {
    const html = `<div class="strip">Office: <a href="tel:+18585550100">858-555-0100</a></div><main><h1>Danielle Brooks</h1>
      <ul><li>Cell: <a href="tel:8585550163">(858) 555-0163</a></li><li>Office: (858) 555-0100</li><li><span>F</span> +1 858 555 0101</li></ul>
      <p>Assistant: Paul Whitford · <a href="tel:+18585550190">858 555 0190</a> · <a href="mailto:pw@db.example">pw@db.example</a></p>
      <a href="mailto:danielle@db.example">danielle@db.example</a></main>`;
    const { prospects, organizations } = extractHtml(html, 'https://db.example/about');
    expect(prospects[0]).toMatchObject({ phones: ['+18585550163'], emails: ['danielle@db.example'] });
    expect(organizations[0]!.phones).toContain('+18585550100');
    expect(organizations[0]!.fax).toContain('+18585550101');
    expect(phoneLabel('his PA, Lucy Barnes (')).toBe('assistant');
    expect(phoneLabel('T ')).toBe('phone');
  });

  it('does not read a press release\'s SOURCE line or a company name as a person', () => {
    expect(isPersonName('SOURCE Cobaltline Robotics')).toBe(false);
    expect(isPersonName('Acme Software Group')).toBe(false);
    expect(isPersonName('United Kingdom')).toBe(false);
    expect(isPersonName('Anna de la Cruz')).toBe(true);
  });

  it('reads a jobs table whose first column is the organization as no people', () => {
    const html = `<h1>Tariq Haddad</h1><table><thead><tr><th>Organization Name</th><th>Title At Company</th></tr></thead>
      <tbody><tr><td><a href="/o/s">Saltmarsh Bio</a></td><td>Co-Founder &amp; CEO</td></tr><tr><td><a href="/o/v">Verdant Genomics</a></td><td>Senior Scientist</td></tr></tbody></table>
      <a href="https://www.linkedin.com/in/tariq">View on LinkedIn</a>`;
    const { prospects } = extractHtml(html, 'https://www.crunchbase.com/person/tariq');
    expect(prospects.map((p) => p.name)).toEqual(['Tariq Haddad']);
    expect(prospects[0]!.profiles.linkedin).toBe('https://www.linkedin.com/in/tariq');
  });
});

describe('the organization behind a listing page', () => {
  it('is the title part that spells the domain, not a tagline; an order number is no event year', () => {
    const card = (n: string, t: string) => `<div class="c"><h3>${n}</h3><p>${t}</p><a href="mailto:${n[0]}@ateliermorvan.com">mail</a></div>`;
    const fr = extractHtml(
      `<html lang="fr"><head><title>Contact — Atelier Morvan | Agence de design industriel</title></head><body><div>${card('Élodie Marchand', 'Directrice')}${card('Yannick Le Goff', 'Responsable commercial')}</div></body></html>`,
      'https://www.ateliermorvan.com/contact',
    );
    expect(fr.prospects.map((p) => p.company)).toEqual(['Atelier Morvan', 'Atelier Morvan']);
    const order = extractHtml(
      `<html><head><title>Order #WM-2026-118834 · Westmark Office Supply</title></head><body><div class="am"><p class="am__name">Rachel Greene</p><p class="am__title">Senior Account Manager, Enterprise</p><a href="mailto:rachel@westmarkoffice.com">rachel@westmarkoffice.com</a></div></body></html>`,
      'https://www.westmarkoffice.com/account/orders/WM-2026-118834',
    );
    expect(order.prospects[0]).toMatchObject({ title: 'Senior Account Manager, Enterprise', company: 'Westmark Office Supply' });
  });
});
