import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '@/utils/export/csv';
import { CSV_PRESETS, customColumns, presetColumns, SALESFORCE_NOT_PROVIDED } from '@/utils/export/csv-presets';
import type { CsvPresetId } from '@/utils/export/preset-ids';
import { makeLead } from './helpers';

/** The file as the importer reads it: one object per row keyed by header (delimiter guessed, like Excel does not). */
function read(id: CsvPresetId, leads = [jane], opts: { custom?: string[]; delimiter?: ',' | ';' } = {}) {
  const csv = toCsv(leads, { columns: presetColumns(id, opts.custom), delimiter: opts.delimiter, bom: false });
  const parsed = Papa.parse<string[]>(csv.trimEnd(), { delimiter: opts.delimiter ?? ',' });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  return { header: header!, rows: rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
}

const jane = makeLead({
  name: 'Jane Doe',
  title: 'VP of Sales',
  company: 'Acme, Inc',
  // a US mobile-only range is hard to find: a UK mobile and a UK landline tell libphonenumber's types apart
  phones: ['+442079460000', '+447700900123', '+14155550132', '+14155550199'],
  emails: ['jane@acme.example', 'j.doe@acme.example', 'jd@home.example', 'old@acme.example'],
  website: 'https://acme.example/',
  location: 'London, United Kingdom',
  profiles: { linkedin: 'https://www.linkedin.com/in/jane', x: 'https://x.com/janedoe', github: 'https://github.com/jane', other: [] },
  sourceUrl: 'https://acme.example/team',
  tags: ['expo', 'hot lead'],
  note: 'Met at booth',
});

describe('CSV presets', () => {
  it('HubSpot: contact property labels, first email, phone and mobile apart, location split, X handle', () => {
    const { header, rows } = read('hubspot');
    expect(header).toEqual([
      'First Name', 'Last Name', 'Email', 'Phone Number', 'Mobile Phone Number', 'Job Title', 'Company Name',
      'Website URL', 'City', 'State/Region', 'Country/Region', 'LinkedIn URL', 'Twitter Username',
    ]);
    expect(rows[0]).toEqual({
      'First Name': 'Jane', 'Last Name': 'Doe', Email: 'jane@acme.example', 'Phone Number': '+442079460000',
      'Mobile Phone Number': '+447700900123', 'Job Title': 'VP of Sales', 'Company Name': 'Acme, Inc',
      'Website URL': 'https://acme.example/', City: 'London', 'State/Region': '', 'Country/Region': 'United Kingdom',
      'LinkedIn URL': 'https://www.linkedin.com/in/jane', 'Twitter Username': 'janedoe',
    });
  });

  it('Pipedrive: Item - Field headers, labelled emails and phones, the rest in the note', () => {
    const { header, rows } = read('pipedrive');
    expect(header).toEqual([
      'Person - Name', 'Person - First name', 'Person - Last name', 'Person - Job title', 'Person - Email - Work',
      'Person - Email - Other', 'Person - Phone - Work', 'Person - Phone - Mobile', 'Person - Phone - Other',
      'Organization - Name', 'Note - Content',
    ]);
    const r = rows[0]!;
    expect(r['Person - Name']).toBe('Jane Doe');
    expect(r['Person - Email - Work']).toBe('jane@acme.example');
    expect(r['Person - Email - Other']).toBe('j.doe@acme.example');
    expect(r['Person - Phone - Work']).toBe('+442079460000');
    expect(r['Person - Phone - Mobile']).toBe('+447700900123');
    expect(r['Person - Phone - Other']).toBe('+14155550132');
    expect(r['Organization - Name']).toBe('Acme, Inc');
    expect(r['Note - Content']!.split('\n')).toEqual([
      'Met at booth',
      'Tags: expo, hot lead',
      'Other emails: jd@home.example, old@acme.example',
      'Other phones: +14155550199',
      'LinkedIn: https://www.linkedin.com/in/jane',
      'X: https://x.com/janedoe',
      'GitHub: https://github.com/jane',
      'Website: https://acme.example/',
      'Location: London, United Kingdom',
      'Source: https://acme.example/team',
    ]);
  });

  it('Salesforce: Lead field labels; the required Last Name and Company are never empty', () => {
    const { header, rows } = read('salesforce', [jane, makeLead({ name: 'Cher', emails: ['cher@example.com'] })]);
    expect(header).toEqual(['First Name', 'Last Name', 'Title', 'Company', 'Email', 'Phone', 'Mobile Phone', 'Website', 'City', 'State/Province', 'Country', 'Description']);
    expect(rows[0]).toMatchObject({ 'First Name': 'Jane', 'Last Name': 'Doe', Title: 'VP of Sales', Company: 'Acme, Inc', Email: 'jane@acme.example', Phone: '+442079460000', 'Mobile Phone': '+447700900123', City: 'London', Country: 'United Kingdom' });
    expect(rows[0]!.Description).toContain('Other emails: j.doe@acme.example, jd@home.example, old@acme.example');
    expect(rows[0]!.Description).toContain('LinkedIn: https://www.linkedin.com/in/jane');
    expect(rows[1]).toMatchObject({ 'First Name': 'Cher', 'Last Name': SALESFORCE_NOT_PROVIDED, Company: SALESFORCE_NOT_PROVIDED, Email: 'cher@example.com' });
  });

  it('Google Contacts: template headers, numbered Label/Value pairs, labels joined with :::, overflow in Notes', () => {
    const { header, rows } = read('google');
    expect(header.slice(0, 7)).toEqual(['First Name', 'Middle Name', 'Last Name', 'Organization Name', 'Organization Title', 'Notes', 'Labels']);
    expect(header).toContain('E-mail 1 - Value');
    expect(header.filter((h) => /^E-mail \d - Value$/.test(h))).toEqual(['E-mail 1 - Value', 'E-mail 2 - Value', 'E-mail 3 - Value']);
    expect(header.filter((h) => /^Phone \d - Value$/.test(h))).toHaveLength(3);
    expect(header.indexOf('E-mail 1 - Label')).toBe(header.indexOf('E-mail 1 - Value') - 1);
    const r = rows[0]!;
    expect([r['E-mail 1 - Value'], r['E-mail 2 - Value'], r['E-mail 3 - Value']]).toEqual(['jane@acme.example', 'j.doe@acme.example', 'jd@home.example']);
    expect(r['E-mail 1 - Label']).toBe('Work');
    expect([r['Phone 1 - Label'], r['Phone 1 - Value'], r['Phone 2 - Label'], r['Phone 2 - Value'], r['Phone 3 - Value']]).toEqual(['Work', '+442079460000', 'Mobile', '+447700900123', '+14155550132']);
    expect([r['Website 1 - Value'], r['Website 2 - Label'], r['Website 2 - Value'], r['Website 3 - Value'], r['Website 4 - Value']]).toEqual([
      'https://acme.example/', 'LinkedIn', 'https://www.linkedin.com/in/jane', 'https://x.com/janedoe', 'https://github.com/jane',
    ]);
    expect(r.Labels).toBe('expo ::: hot lead');
    expect(r['Address 1 - Formatted']).toBe('London, United Kingdom');
    expect(r.Notes).toContain('Other emails: old@acme.example');
    expect(r.Notes).toContain('Other phones: +14155550199');
    // a lead with one email leaves the other pairs empty, labels included
    const solo = read('google', [makeLead({ name: 'Solo', emails: ['solo@example.com'] })]).rows[0]!;
    expect([solo['E-mail 2 - Label'], solo['E-mail 2 - Value'], solo['Phone 1 - Label']]).toEqual(['', '', '']);
  });

  it('Outlook: export field names, three email columns, Categories with ;', () => {
    const { header, rows } = read('outlook');
    expect(header).toEqual([
      'First Name', 'Middle Name', 'Last Name', 'Company', 'Job Title', 'E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address',
      'Business Phone', 'Business Phone 2', 'Mobile Phone', 'Web Page', 'Business City', 'Business State', 'Business Country/Region', 'Categories', 'Notes',
    ]);
    const r = rows[0]!;
    expect([r['E-mail Address'], r['E-mail 2 Address'], r['E-mail 3 Address']]).toEqual(['jane@acme.example', 'j.doe@acme.example', 'jd@home.example']);
    expect([r['Business Phone'], r['Business Phone 2'], r['Mobile Phone']]).toEqual(['+442079460000', '+14155550132', '+447700900123']);
    expect(r.Categories).toBe('expo;hot lead');
    expect(r.Notes).toContain('Other emails: old@acme.example');
    expect(r.Notes).toContain('Other phones: +14155550199');
  });

  it('phone columns write E.164 numbers without the apostrophe, but anything else in them is still neutralised', () => {
    const hostile = makeLead({ name: 'X Y', phones: ['=HYPERLINK("http://evil.example")'] });
    for (const id of ['hubspot', 'salesforce', 'outlook', 'pipedrive', 'google'] as const) {
      const csv = toCsv([hostile], { columns: presetColumns(id), bom: false });
      expect(csv, id).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    }
    expect(toCsv([jane], { columns: presetColumns('default'), bom: false })).toContain("'+442079460000");
  });

  it('every preset has unique headers and reads back with the ; separator too', () => {
    for (const p of CSV_PRESETS) {
      const headers = p.columns.map((c) => c.header);
      expect(new Set(headers).size, p.id).toBe(headers.length);
      const semi = read(p.id, [jane], { delimiter: ';' });
      expect(semi.header).toEqual(headers);
      expect(Object.values(semi.rows[0]!).some((v) => v.includes('jane@acme.example'))).toBe(true);
    }
  });

  it('custom: the picked columns in the picked order; unknown and repeated headers ignored; nothing known falls back to all', () => {
    expect(customColumns(['Email', 'Full Name', 'Nope', 'Email']).map((c) => c.header)).toEqual(['Email', 'Full Name']);
    const { header, rows } = read('custom', [jane], { custom: ['Company', 'Email', 'Tags'] });
    expect(header).toEqual(['Company', 'Email', 'Tags']);
    expect(rows[0]).toEqual({ Company: 'Acme, Inc', Email: 'jane@acme.example', Tags: 'expo; hot lead' });
    expect(presetColumns('custom', ['Nope']).length).toBe(presetColumns('default').length);
  });
});
