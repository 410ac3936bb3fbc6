import { describe, expect, it } from 'vitest';
import { cleanPersonName } from '@/utils/extract/names';
import { extractHtml } from './helpers';

describe('company registers listing officers', () => {
  const officer = (n: number, name: string, role: string, status = 'ACTIVE', residence = '') => `
    <div class="appointment-${n}">
      <h2><span id="officer-name-${n}"><a href="/officers/x${n}/appointments">${name}</a></span></h2>
      <dl><dt>Correspondence address</dt><dd>Unit 4, Tanyard Court, Chesterfield, England, S41 7AB</dd></dl>
      <dl class="column-quarter"><dt>Role <span class="status-tag govuk-tag">${status}</span></dt><dd class="data">${role}</dd></dl>
      <dl class="column-quarter"><dt>Date of birth</dt><dd class="data">March 1974</dd></dl>
      ${residence ? `<dl class="column-quarter"><dt>Country of residence</dt><dd class="data">${residence}</dd></dl>` : ''}
      <p><a href="/officers/x${n}/appointments">View appointments<span class="govuk-visually-hidden"> for ${name}</span></a></p>
    </div>`;
  const page = `<title>ACME KILNS LTD officers - Find and update company information - GOV.UK</title>
    <main><div class="appointments-list">
      ${officer(1, 'HALVERSON, Margaret Anne', 'Director', 'ACTIVE', 'England')}
      ${officer(2, 'DE SOUSA, João Miguel', 'Director')}
      ${officer(3, 'FITZWILLIAM-CHO, Grace', 'Secretary', 'RESIGNED')}
    </div></main>`;

  it('reads each numbered record as one officer, named forenames first, with the labelled role as title', () => {
    const { prospects } = extractHtml(page, 'https://find-and-update.company-information.service.gov.uk/company/1/officers');
    expect(prospects.map((p) => [p.name, p.title])).toEqual([
      ['Margaret Anne Halverson', 'Director'],
      ['João Miguel De Sousa', 'Director'],
      ['Grace Fitzwilliam-Cho', 'Secretary'],
    ]);
    // The field label with its status tag ("Role ACTIVE") is nobody; the screen-reader "View appointments for …" is no place.
    expect(prospects.map((p) => p.location)).not.toContain('View appointments for FITZWILLIAM-CHO, Grace');
    // The register's page title names the company in capitals before what the page shows of it.
    expect(prospects.every((p) => p.company === 'ACME KILNS LTD')).toBe(true);
  });

  it('turns "SURNAME, Forenames" around, the capitals of the family name and its particles made readable', () => {
    expect(cleanPersonName('HALVERSON, Margaret Anne')).toBe('Margaret Anne Halverson');
    expect(cleanPersonName('OYELARAN-BRIGGS, Tobi')).toBe('Tobi Oyelaran-Briggs');
    expect(cleanPersonName('DE SOUSA, João Miguel')).toBe('João Miguel De Sousa');
    expect(cleanPersonName('de Vries, Jan')).toBe('Jan de Vries');
    expect(cleanPersonName('Sorensen, Helena')).toBe('Helena Sorensen');
    // A name with credentials keeps its order; a lower-case "forename" is not one.
    expect(cleanPersonName('Jane Doe, PhD')).toBe('Jane Doe');
    expect(cleanPersonName('MÜLLER, hans')).toBe('MÜLLER, hans');
    // A job line with a comma is no inverted name.
    expect(cleanPersonName('PhD Student, Electrical Engineering')).toBe('PhD Student, Electrical Engineering');
  });
});
