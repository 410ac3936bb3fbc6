// The company of people listed on an organization's own page: its name, never a register number, an address or a copyright line.
import { describe, expect, it } from 'vitest';
import { extractHtml } from './helpers';

const team = (title: string, cards: string, footer: string) => `<!doctype html><html lang="en-GB"><head><title>${title}</title></head><body>
<main><h1>Meet the team</h1>${cards}</main><footer><p>${footer}</p></footer></body></html>`;

describe('company of listed people', () => {
  it('takes the organization from the title even when its name is shaped like a person\'s', () => {
    const { prospects } = extractHtml(
      team(
        'Meet the team – Harbourside Dental Group',
        `<div class="member"><h3>Aisha Rahman</h3><p>Principal Dentist · GDC no. 264419</p></div>
         <div class="member"><h3>Owen Pryce</h3><p>Practice Manager</p></div>`,
        '© 2026 Harbourside Dental Group Ltd',
      ),
      'https://harbourside-dental.example/team',
    );
    expect(prospects.map((p) => [p.name, p.company])).toEqual([
      ['Aisha Rahman', 'Harbourside Dental Group'],
      ['Owen Pryce', 'Harbourside Dental Group'],
    ]);
  });

  it('reads a copyright line without its year, and never a line that is someone\'s affiliation', () => {
    const { prospects } = extractHtml(
      team(
        'Our people',
        `<dl><dt>Marisol Vega</dt><dd>Executive Director</dd><dt>Ayesha Siddiqui</dt><dd>Treasurer · CPA, Siddiqui &amp; Fong LLP</dd></dl>`,
        '© 2026 Riverbend Land Trust Inc.',
      ),
      'https://riverbend.example/people',
    );
    const marisol = prospects.find((p) => p.name === 'Marisol Vega');
    expect(marisol?.company).toBe('Riverbend Land Trust Inc.');
  });

  it('names the organization from a title part whose first words spell the domain, with its trade after them', () => {
    const { prospects } = extractHtml(
      team(
        'Meet our consultants | Fenwick Hale Recruitment',
        `<div class="card"><h3>Olivia Brennan</h3><p>Director</p><a href="tel:+442079460418">020 7946 0418</a></div>
         <div class="card"><h3>Marcus Adeyemi</h3><p>Principal Consultant</p><a href="tel:+442079460562">020 7946 0562</a></div>`,
        'Registered in England',
      ),
      'https://www.fenwickhale.co.uk/consultants/',
    );
    expect(prospects.map((p) => p.company)).toEqual(['Fenwick Hale Recruitment', 'Fenwick Hale Recruitment']);
  });

  it('keeps a team, specialism or region after a dash or dot in the title, and gives the page\'s organization as company', () => {
    const { prospects } = extractHtml(
      team(
        'Nuestros asesores | Casa Jacaranda Bienes Raíces',
        `<div class="card"><h3>José Luis Ramírez Peña</h3><p>Asesor Senior · Zona Zapopan / Puerta de Hierro</p></div>
         <div class="card"><h3>Rodrigo Castañeda Ibarra</h3><p>Asesor Comercial · Tlajomulco y Sur</p></div>
         <div class="card"><h3>Olivia Brennan</h3><p>Director – Finance &amp; Accounting</p></div>
         <div class="card"><h3>Antoine Vasseur</h3><p>Avocat associé – Contentieux des affaires</p></div>`,
        '',
      ),
      'https://www.casajacaranda.mx/asesores',
    );
    expect(prospects.map((p) => [p.title, p.company])).toEqual([
      ['Asesor Senior · Zona Zapopan / Puerta de Hierro', 'Casa Jacaranda Bienes Raíces'],
      ['Asesor Comercial · Tlajomulco y Sur', 'Casa Jacaranda Bienes Raíces'],
      ['Director – Finance & Accounting', 'Casa Jacaranda Bienes Raíces'],
      ['Avocat associé – Contentieux des affaires', 'Casa Jacaranda Bienes Raíces'],
    ]);
  });

  it('reads a department after a comma as part of the title, but a short name after it as a company', () => {
    const { prospects } = extractHtml(
      team(
        'Staff – Harborview Middle School',
        `<div class="card"><h3>Thomas Kowalski</h3><p>Head Coach, Boys Basketball</p></div>
         <div class="card"><h3>Graham Oyelowo</h3><p>Vice President, Investor Relations</p></div>`,
        '',
      ),
      'https://harborview.example/staff',
    );
    expect(prospects.map((p) => [p.title, p.company])).toEqual([
      ['Head Coach, Boys Basketball', 'Harborview Middle School'],
      ['Vice President, Investor Relations', 'Harborview Middle School'],
    ]);
  });

  it('keeps the companies of a list of affiliations when one of them reads as an organization', () => {
    const { prospects } = extractHtml(
      team(
        'Governance | Tidewater',
        `<ul><li><strong>Amara Osei</strong> — Community Manager — Lattice Data Foundation</li>
         <li><strong>Benjamin Hollis</strong> — Developer Advocate — Corvid Cloud</li></ul>`,
        '',
      ),
      'https://tidewater.example/governance',
    );
    expect(prospects.map((p) => [p.name, p.company])).toEqual([
      ['Amara Osei', 'Lattice Data Foundation'],
      ['Benjamin Hollis', 'Corvid Cloud'],
    ]);
  });

  it('completes the performers an Event lists by name from their speaker cards: job line, logo company, profiles', () => {
    const perf = (n: string) => `{"@type":"Person","name":"${n}"}`;
    const html = `<!doctype html><html lang="en"><head><title>Webinar: Forecasts | Quillstack</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Event","name":"Forecasts","organizer":{"@type":"Organization","name":"Quillstack"},
"performer":[${perf('Darnell Whitfield-Oyo')},${perf('Sunita Raghavan')}]}</script></head><body><main>
<div class="speaker-card"><h3 class="speaker-card__name">Darnell Whitfield-Oyo</h3><p class="speaker-card__title">VP, Revenue Operations</p>
<p class="speaker-card__company"><img src="/logos/tandem.svg" alt="Tandem Freight"></p><a href="https://www.linkedin.com/in/darnellwhitfieldoyo/">in</a></div>
<div class="speaker-card"><h3 class="speaker-card__name">Sunita Raghavan</h3><p class="speaker-card__title">Principal Analyst, B2B Revenue Practice · Northfold Research</p>
<a href="https://x.com/sunita_r_nf">X</a></div></main></body></html>`;
    const { prospects } = extractHtml(html, 'https://www.quillstack.com/webinars/forecasts');
    expect(prospects.map((p) => [p.name, p.title, p.company, p.profiles.linkedin || p.profiles.x])).toEqual([
      ['Darnell Whitfield-Oyo', 'VP, Revenue Operations', 'Tandem Freight', 'https://www.linkedin.com/in/darnellwhitfieldoyo'],
      ['Sunita Raghavan', 'Principal Analyst, B2B Revenue Practice', 'Northfold Research', 'https://x.com/sunita_r_nf'],
    ]);
  });

  it('gives an agent locator\'s listings their own agency, not the site\'s operator, and the town of their address', () => {
    const { prospects } = extractHtml(
      team(
        'Find an Agent | Harborline Mutual Insurance',
        `<ul><li><article><h3 class="css-5ngd1k-AgentName"><a href="/agents/a-1">Danielle R. Whitaker</a></h3><p class="css-qpv4mb-AgencyName">Whitaker Insurance Group LLC</p><a href="tel:+19165550142">(916) 555-0142</a></article></li>
         <li><article><h3 class="css-5ngd1k-AgentName"><a href="/agents/a-2">Hector Villanueva</a></h3><p class="css-qpv4mb-AgencyName">Villanueva &amp; Sons Insurance Agency</p><a href="tel:+19165550117">(916) 555-0117</a></article></li>
         <li><article><h3 class="css-5ngd1k-AgentName"><a href="/agents/a-3">Thomas Brannigan</a></h3><p class="css-qpv4mb-AgencyName">Brannigan Insurance Agency, Inc.</p>
         <address>7800 Sunrise Blvd, Suite C<br>Citrus Heights, CA 95610</address><a href="tel:+19165550163">(916) 555-0163</a></article></li></ul>`,
        '',
      ),
      'https://www.harborlinemutual.com/find-an-agent',
    );
    expect(prospects.map((p) => [p.company, p.location])).toEqual([
      ['Whitaker Insurance Group LLC', ''],
      ['Villanueva & Sons Insurance Agency', ''],
      // The town line of the listing's address, not the agency's legal name shaped like "Town, ST".
      ['Brannigan Insurance Agency, Inc.', 'Citrus Heights, CA'],
    ]);
  });

  it('names the organization from a later title part that reads as one, without the town after it, also on a venue\'s events pages', () => {
    const cards = `<div class="card"><h3>Meredith Vance-Cole</h3><p>Director of Sales &amp; Marketing</p><a href="tel:+19125550131">912.555.0131</a></div>
       <div class="card"><h3>Curtis Oduya</h3><p>Regional Sales Manager</p><a href="tel:+19125550137">912.555.0137</a></div>`;
    const hotel = extractHtml(team('Meet Our Sales Team | The Larkspur Hotel & Conference Center, Savannah GA', cards, ''), 'https://www.larkspurhotelsavannah.com/meetings-events/sales-team');
    expect(hotel.prospects.map((p) => p.company)).toEqual(['The Larkspur Hotel & Conference Center', 'The Larkspur Hotel & Conference Center']);
    const clinic = extractHtml(team('Our Providers | Lakeshore Heart & Vascular Clinic – Milwaukee Cardiologists', cards, ''), 'https://www.lakeshoreheartclinic.com/providers');
    expect(clinic.prospects.map((p) => p.company)).toEqual(['Lakeshore Heart & Vascular Clinic', 'Lakeshore Heart & Vascular Clinic']);
    // An episode's title naming a guest's company is no organization of the page.
    const episode = extractHtml(team('#142 — Rebuilding RevOps from zero, with Priya Raman (Quorum Health) | The Pipeline', cards, ''), 'https://www.pipelinepodcast.fm/episodes/142');
    expect(episode.prospects.map((p) => p.company)).not.toContain('Rebuilding RevOps from zero, with Priya Raman (Quorum Health)');
  });
});
