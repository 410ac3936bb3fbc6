import { describe, expect, it } from 'vitest';
import { parseHtml } from '@/utils/extract/cli';
import { isLocationLine, labelledLocation } from '@/utils/extract/location';
import { phoneLabel } from '@/utils/extract/phone-scan';
import { cleanPersonName, isPersonName } from '@/utils/extract/names';
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

describe('pages unlike the own corpus', () => {
  it('reads a board list of "Name, Credentials, Role" lines, with nicknames and honorifics', async () => {
    const { nameAndRole } = await import('@/utils/extract/cards');
    expect(nameAndRole('Lisa Tran, CPA, Treasurer')).toEqual({ name: 'Lisa Tran', role: 'Treasurer' });
    expect(nameAndRole('Read our annual report, 2024')).toBeNull();
    const html = `<h1>Board of Directors</h1><ul><li>Angela Whitmore, Chair</li><li>Lisa Tran, CPA, Treasurer</li><li>Robert “Bob” Kinsella, Secretary</li><li>Kevin O’Malley, Member</li></ul>
      <ul><li>Annual Reports, 2024</li><li>Our Story</li></ul>`;
    const { prospects } = extractHtml(html, 'https://www.rlc.example/about/board/');
    expect(prospects.map((p) => [p.name, p.title])).toEqual([
      ['Angela Whitmore', 'Chair'],
      ['Lisa Tran', 'Treasurer'],
      ['Robert “Bob” Kinsella', 'Secretary'],
      ['Kevin O’Malley', 'Member'],
    ]);
  });

  it('finds cards whose name is styled by utility classes only, and a lone guest card with only profile links', () => {
    const item = (n: string, r: string) =>
      `<div role="listitem" class="team_item"><div class="team_item-content"><div class="text-size-large text-weight-semibold">${n}</div><div class="team_role">${r}</div></div><a href="https://www.linkedin.com/in/${n.split(' ')[0]!.toLowerCase()}">in</a></div>`;
    const team = extractHtml(`<h2>Founders</h2><div role="list">${item('Nadia Brandt', 'Co-founder &amp; CEO')}${item('Tobi Adeyemi', 'Co-founder &amp; CTO')}</div>`, 'https://tern.example/about');
    expect(team.prospects.map((p) => [p.name, p.title, p.profiles.linkedin])).toEqual([
      ['Nadia Brandt', 'Co-founder & CEO', 'https://www.linkedin.com/in/nadia'],
      ['Tobi Adeyemi', 'Co-founder & CTO', 'https://www.linkedin.com/in/tobi'],
    ]);
    const guest = extractHtml(
      `<h1>#142 Rebuilding RevOps</h1><div class="GuestCard_body__hK8sA"><p class="GuestCard_label">Guest</p><p class="GuestCard_name__bS0Rv">Priya Raman</p><p class="GuestCard_bio">VP of Revenue Operations at Quorum Health. Previously led sales ops at Medlinea and spent six years as a consultant.</p><ul><li><a href="https://x.com/priya_ops">X</a></li><li><a href="https://priyaraman.co">priyaraman.co</a></li></ul></div>`,
      'https://pipeline.example/episodes/142',
    );
    expect(guest.prospects[0]).toMatchObject({ name: 'Priya Raman', title: 'VP of Revenue Operations', company: 'Quorum Health', website: 'https://priyaraman.co/' });
  });

  it('gives a number printed on every card to the organization, and ends a media-contacts list at the press office line', () => {
    const agent = (n: string, cell: string) => `<article><h2>${n}</h2><p>Realtor</p><dl><dt>Cell</dt><dd><a href="tel:${cell}">${cell}</a></dd><dt>Office</dt><dd>(831) 555-0100</dd></dl></article>`;
    const agents = extractHtml(`<title>Our Agents | Bayview &amp; Pine Realty</title><div>${agent('Christine Alvarado', '8315550142')}${agent('Derek Huang', '8315550157')}</div>`, 'https://www.bayviewpine.com/agents');
    expect(agents.prospects.map((p) => [p.phones, p.company])).toEqual([
      [['+18315550142'], 'Bayview & Pine Realty'],
      [['+18315550157'], 'Bayview & Pine Realty'],
    ]);
    expect(agents.organizations[0]!.phones).toContain('+18315550100');
    const pr = extractHtml(
      `<h1>Halden Energy opens a wind farm</h1><h3>Media contacts</h3><p><strong>Olivia Marsh</strong><br>Head of Media Relations, Halden Energy<br>+44 (0)20 7946 0321<br><a href="mailto:olivia@halden.example">olivia@halden.example</a></p>
       <p><strong>James Whitaker</strong><br>Associate Director, Ridgeway Communications (PR adviser to Halden)<br>+44 (0)7700 900412<br><a href="mailto:jw@ridgeway.example">jw@ridgeway.example</a></p>
       <p>Press office (24h): +44 (0)20 7946 0300 · <a href="mailto:press@halden.example">press@halden.example</a></p><h3>About Halden Energy</h3><p>Halden Energy plc is an energy company.</p>`,
      'https://www.halden.example/news/wind',
    );
    expect(pr.prospects.map((p) => [p.name, p.title, p.company, p.phones, p.emails])).toEqual([
      ['Olivia Marsh', 'Head of Media Relations', 'Halden Energy', ['+442079460321'], ['olivia@halden.example']],
      ['James Whitaker', 'Associate Director', 'Ridgeway Communications', ['+447700900412'], ['jw@ridgeway.example']],
    ]);
  });
});

describe('schedules, credentials and firm names', () => {
  it('reads people linked to their speaker pages with the company in brackets, also for a group of names', () => {
    const html = `<h1>Schedule</h1><div class="session"><h3><a href="/2025/talks/a">Data contracts</a></h3><p><a href="/2025/speakers/aisha-bello">Aisha Bello</a> (Lumenbank)</p></div>
      <div class="session"><h3><a href="/2025/talks/b">Iceberg</a></h3><p><a href="/2025/speakers/tom-wexler">Tom Wexler</a> &amp; <a href="/2025/speakers/yuki-sato">Yuki Sato</a> (Harborline)</p></div>
      <aside class="related"><a href="/speakers/old-friend">Old Friend Person</a></aside>`;
    const { prospects } = extractHtml(html, 'https://conf.example/2025/schedule');
    expect(prospects.map((p) => [p.name, p.company])).toEqual([
      ['Aisha Bello', 'Lumenbank'],
      ['Tom Wexler', 'Harborline'],
      ['Yuki Sato', 'Harborline'],
    ]);
  });

  it('leaves credentials out of names, takes the legal name from the title and practice areas are not companies', () => {
    const card = (n: string, t: string, tel: string) => `<div class="card"><h3>${n}</h3><p>${t}</p><a href="tel:${tel}">${tel}</a></div>`;
    const { prospects } = extractHtml(
      `<title>Our Partners | Brennan, Okafor &amp; Vale LLP – Certified Public Accountants</title><div>${card('Adaeze N. Okafor, CPA, CFE', 'Partner, Audit &amp; Assurance', '6175550101')}${card('Javier R. Montoya, CPA/PFS', 'Partner, Private Client &amp; Wealth Advisory', '5085550138')}</div>`,
      'https://www.bovcpa.com/about/our-partners/',
    );
    expect(prospects.map((p) => [p.name, p.title, p.company, p.location])).toEqual([
      ['Adaeze N. Okafor', 'Partner, Audit & Assurance', 'Brennan, Okafor & Vale LLP', ''],
      ['Javier R. Montoya', 'Partner, Private Client & Wealth Advisory', 'Brennan, Okafor & Vale LLP', ''],
    ]);
    expect(isPersonName('Columbus Headquarters')).toBe(false);
  });
});

describe('German team cards', () => {
  it('drops academic degrees before a name, reads a "Funktion:" line and trusts the shown number over a broken tel: link', () => {
    const card = (n: string, f: string, tel: string, shown: string) =>
      `<div class="w"><div class="c"><h3>${n}</h3></div><ul><li><strong>Funktion:</strong> ${f}</li><li><a href="tel:${tel}"><strong>Telefon:</strong> ${shown}</a></li></ul></div>`;
    const { prospects } = extractHtml(
      `<html lang="de"><body><h1>Ihre Ansprechpartner</h1><div>${card('Dipl.-Ing. (FH) Matthias Kestner', 'Geschäftsführer', '+498999998210', '089 99998-210')}${card('Sabine Hollmann', 'Geschäftsführerin', '0899999822', '089 99998-220')}</div></body></html>`,
      'https://www.kh.example/team/',
    );
    expect(prospects.map((p) => [p.name, p.title, p.phones])).toEqual([
      ['Matthias Kestner', 'Geschäftsführer', ['+498999998210']],
      ['Sabine Hollmann', 'Geschäftsführerin', ['+498999998220']],
    ]);
  });
});

describe('a person on their own site, and places by icon', () => {
  it('keeps hello@ on a personal site, makes the site their website and reads "based in" as the location, not the job', () => {
    const html = `<main><div class="intro"><h1>Inês Carvalho</h1><p class="sub">Independent product &amp; brand designer based in Lisbon, Portugal.</p></div>
      <p>Email me at <a href="mailto:hello@inescarvalho.design">hello@inescarvalho.design</a></p><a href="https://dribbble.com/inescarvalho" rel="me">Dribbble</a></main>`;
    const p = extractHtml(html, 'https://inescarvalho.design/').prospects[0]!;
    expect(p).toMatchObject({ title: 'Independent product & brand designer', company: '', emails: ['hello@inescarvalho.design'], website: 'https://inescarvalho.design/', location: 'Lisbon, Portugal' });
    // On a company's site hello@ stays the company's.
    const team = extractHtml(`<main><h1>Inês Carvalho</h1><p>Designer</p><a href="mailto:hello@acme.example">hello@acme.example</a></main>`, 'https://acme.example/about/ines');
    expect(team.prospects[0]!.emails).toEqual([]);
  });

  it('reads a one-word place led by a map-pin icon in a card', () => {
    const card = (n: string, city: string) => `<div class="card"><h3>${n}</h3><p>Partner</p><ul><li><i class="bi bi-geo-alt"></i>${city}</li><li><a href="mailto:${n[0]}@bov.example">mail</a></li></ul></div>`;
    const { prospects } = extractHtml(`<div>${card('Thomas Brennan', 'Boston')}${card('Richard Vale', 'Worcester')}</div>`, 'https://bov.example/partners');
    expect(prospects.map((p) => p.location)).toEqual(['Boston', 'Worcester']);
  });
});

describe('titles and companies of directory and exhibitor listings', () => {
  it('takes an element marked as the title whatever its words, without its "Titles:" label', () => {
    const card = (id: string, name: string, titles: string) => `<div class="fsConstituentItem"><h3 class="fsFullName"><a href="#" data-id="${id}">${name}</a></h3>
<div class="fsTitles"><strong>Titles: </strong>${titles}</div><div class="fsEmail"><a href="mailto:${id}@harborviewschools.org">${name}</a></div></div>`;
    const { prospects } = extractHtml(
      `<!doctype html><html lang="en"><head><title>Faculty &amp; Staff Directory - Harborview Middle School</title></head><body><main>
${card('jwhitaker', 'Jamal Whitaker', '7th Grade Science')}${card('aprice', 'Amelia Price', '8th Grade ELA<br>Yearbook Advisor')}${card('kbrandt', 'Kelsey Brandt', 'School Nurse')}
</main></body></html>`,
      'https://www.harborviewschools.org/staff',
    );
    expect(prospects.map((p) => [p.name, p.title])).toEqual([
      ['Jamal Whitaker', '7th Grade Science'],
      ['Amelia Price', '8th Grade ELA'],
      ['Kelsey Brandt', 'School Nurse'],
    ]);
  });

  it('reads an exhibitor\'s "Contact person" block: the person, their role on the next line, the exhibitor as company', () => {
    const row = (company: string, person: string, role: string, phone: string) => `<div class="_3k9a exh-row"><div class="_2d7 exh-name">${company}</div>
<div class="_7fa2 exh-contact"><div class="_lbl">Contact person</div><div class="_b31">${person}</div><div class="_a0d">${role}</div><div><span class="_lbl">Phone</span><a href="tel:${phone}">${phone}</a></div></div></div>`;
    const { prospects } = extractHtml(
      `<!doctype html><html lang="en"><head><title>Exhibitor list – IntraLogix Berlin 2027</title></head><body><main>
${row('Convoyeurs Roussel SAS', 'Élodie Garnier', 'Responsable Export', '+33199002741')}${row('Pallisade Systems Ltd', 'Owen Pritchard', 'Sales Director EMEA', '+442079460957')}
</main><div class="_ft"><div class="_ftc"><div>Organiser</div><div>Kontor Messen Berlin GmbH</div><div>Messedamm 22, 14055 Berlin</div></div>
<div class="_ftc"><div>Legal</div><div>Managing Directors: Dr. Henrik Saalfeld, Ute Marquardt</div></div></div></body></html>`,
      'https://www.intralogix-berlin.de/en/exhibitors',
    );
    expect(prospects.map((p) => [p.name, p.title, p.company])).toEqual([
      ['Élodie Garnier', 'Responsable Export', 'Convoyeurs Roussel SAS'],
      ['Owen Pritchard', 'Sales Director EMEA', 'Pallisade Systems Ltd'],
      // The imprint's representatives run the legal entity named beside them, not the first company the page lists.
      ['Dr. Henrik Saalfeld', 'Managing Directors', 'Kontor Messen Berlin GmbH'],
      ['Ute Marquardt', 'Managing Directors', 'Kontor Messen Berlin GmbH'],
    ]);
  });

  it('drops Spanish professional prefixes from names: "Arq.", "Lic.", "C.P."', () => {
    expect(cleanPersonName('C.P. Leticia Navarro Mújica')).toBe('Leticia Navarro Mújica');
    const { prospects } = extractHtml(
      `<!doctype html><html lang="es-MX"><head><title>Nuestros asesores | Casa Jacaranda Bienes Raíces</title></head><body><main>
<div class="agent-card"><h3 class="agent-card__name">Arq. Ana Sofía Gutiérrez de la Torre</h3><p class="agent-card__position">Asesora de Preventa y Desarrollos</p><a href="mailto:anasofia@casajacaranda.mx">anasofia@casajacaranda.mx</a></div>
<div class="agent-card"><h3 class="agent-card__name">Lic. María Fernanda Orozco Villaseñor</h3><p class="agent-card__position">Directora Comercial</p><a href="mailto:mf@casajacaranda.mx">mf@casajacaranda.mx</a></div>
</main></body></html>`,
      'https://www.casajacaranda.mx/asesores',
    );
    expect(prospects.map((p) => [p.name, p.title])).toEqual([
      ['Ana Sofía Gutiérrez de la Torre', 'Asesora de Preventa y Desarrollos'],
      ['María Fernanda Orozco Villaseñor', 'Directora Comercial'],
    ]);
  });
});

describe('fields of academic, governance and about pages', () => {
  it('reads a lab page: a discipline after a comma stays in the title, a home institute is the company, an abbreviation ends no title, a globe icon is the homepage', () => {
    const person = (slug: string, name: string, job: string, links: string) => `<div class="people-person"><div class="portrait-title">
<h2><a href="/author/${slug}/">${name}</a></h2><h3>${job}</h3><ul class="network-icon">${links}</ul></div></div>`;
    const { prospects } = extractHtml(
      `<!doctype html><html lang="en-us"><head><title>People | CNSL</title><meta property="og:site_name" content="CNSL"></head><body><main>
${person('kab', 'Kwabena Asare-Boateng', 'PhD Candidate, Bioengineering (5th year)', '<li><a href="mailto:kab@halvorsen.edu"><i class="fas fa-envelope"></i></a></li>')}
${person('dr', 'Devika Raman', 'PhD Student (co-advised with Prof. Harold Lindgren)', '<li><a href="https://devikaraman.github.io/"><i class="fas fa-globe big-icon"></i></a></li>')}
${person('je', 'Dr. Joaquín Etxeberria', 'Visiting Associate Researcher, Instituto Vasco de Neurocomputación (Sept 2026 – Feb 2027)', '<li><a href="https://www.linkedin.com/in/joaquin-etxeberria-ivn/"><i class="fab fa-linkedin"></i></a></li>')}
</main></body></html>`,
      'https://cnsl.halvorsen.edu/people/',
    );
    const fields = (name: string) => {
      const p = prospects.find((q) => q.name.endsWith(name));
      return [p?.title, p?.company, p?.website];
    };
    expect(fields('Kwabena Asare-Boateng')).toEqual(['PhD Candidate, Bioengineering (5th year)', 'CNSL', '']);
    expect(fields('Devika Raman')).toEqual(['PhD Student (co-advised with Prof. Harold Lindgren)', 'CNSL', 'https://devikaraman.github.io/']);
    expect(fields('Joaquín Etxeberria')).toEqual(['Visiting Associate Researcher', 'Instituto Vasco de Neurocomputación', '']);
  });

  it('takes a maintainers table\'s Area column as the title when it has no title column', () => {
    const row = (name: string, gh: string, aff: string, area: string) => `<tr><td>${name}</td><td><a href="https://github.com/${gh}">@${gh}</a></td><td>${aff}</td><td>${area}</td></tr>`;
    const { prospects } = extractHtml(
      `<!doctype html><html lang="en"><head><title>Governance | Tidewater</title></head><body><main><table><thead><tr><th>Name</th><th>GitHub</th><th>Affiliation</th><th>Area</th></tr></thead><tbody>
${row('Matteo Ricci', 'mricci-tw', 'Fenwick &amp; Hale', 'SQL dialects, JDBC/ODBC')}${row('Oluwaseun Adeyemi', 'seun-a', 'Marlowe Analytics', 'Release management, CI')}
</tbody></table></main></body></html>`,
      'https://tidewater.example/docs/governance',
    );
    expect(prospects.map((p) => [p.name, p.title, p.company])).toEqual([
      ['Matteo Ricci', 'SQL dialects, JDBC/ODBC', 'Fenwick & Hale'],
      ['Oluwaseun Adeyemi', 'Release management, CI', 'Marlowe Analytics'],
    ]);
  });

  it('reads where an About page\'s author says they are now, not where they come from; an independent consultant works for nobody', () => {
    const { prospects } = extractHtml(
      `<!doctype html><html lang="en"><head><title>About - Margin Notes</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebSite","name":"Margin Notes","author":{"@type":"Person","name":"Clara Vasquez-Hale"}}</script></head><body><main>
<h1>About</h1><p>I'm originally from Valencia, lived in London for a decade, and I'm now writing from Lisbon, usually with too much coffee.</p>
<h2>Guest writers</h2>
<div class="profile"><a class="profile-name" href="https://substack.com/@claravh">Clara Vasquez-Hale</a><div class="profile-bio">Head of Pricing at Ledgerly</div></div>
<div class="profile"><a class="profile-name" href="https://substack.com/@meilinhsu">Mei-Lin Hsu</a><div class="profile-bio">Independent pricing consultant</div></div>
</main></body></html>`,
      'https://www.marginnotes.pub/about',
    );
    const clara = prospects.find((p) => p.name === 'Clara Vasquez-Hale');
    const meiLin = prospects.find((p) => p.name === 'Mei-Lin Hsu');
    expect(clara?.location).toBe('Lisbon');
    expect(meiLin?.company).toBe('');
  });
});
