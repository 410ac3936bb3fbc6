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
});
