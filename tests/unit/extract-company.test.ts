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
});
