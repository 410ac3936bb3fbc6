// CSV export: RFC 4180 writer with formula neutralisation, for CRM importers and spreadsheets.
import { nameParts } from '../leads/normalize';
import type { Lead } from '../leads/schema';

/** One CSV column: its header and how to read it from a lead. */
export interface CsvColumn {
  header: string;
  value: (lead: Lead) => string;
}

const join = (items: string[]) => items.join('; ');

/**
 * Default columns, named as CRM importers (HubSpot, Pipedrive, Salesforce)
 * recognise them; the first email and phone get their own column because
 * importers map only one.
 */
export const DEFAULT_COLUMNS: CsvColumn[] = [
  { header: 'Full Name', value: (l) => l.name },
  { header: 'First Name', value: (l) => nameParts(l).firstName },
  { header: 'Last Name', value: (l) => nameParts(l).lastName },
  { header: 'Job Title', value: (l) => l.title },
  { header: 'Company', value: (l) => l.company },
  { header: 'Email', value: (l) => l.emails[0] ?? '' },
  { header: 'Other Emails', value: (l) => join(l.emails.slice(1)) },
  { header: 'Phone', value: (l) => l.phones[0] ?? '' },
  { header: 'Other Phones', value: (l) => join(l.phones.slice(1)) },
  { header: 'LinkedIn', value: (l) => l.profiles.linkedin },
  { header: 'X', value: (l) => l.profiles.x },
  { header: 'GitHub', value: (l) => l.profiles.github },
  { header: 'Other Profiles', value: (l) => join(l.profiles.other) },
  { header: 'Website', value: (l) => l.website },
  { header: 'Location', value: (l) => l.location },
  { header: 'Tags', value: (l) => join(l.tags) },
  { header: 'Note', value: (l) => l.note },
  { header: 'Source URL', value: (l) => l.sourceUrl },
  { header: 'Captured At', value: (l) => l.capturedAt },
  { header: 'Updated At', value: (l) => l.updatedAt },
];

/** Options of {@link toCsv}. */
export interface CsvOptions {
  columns?: CsvColumn[];
  /** Start with a UTF-8 byte order mark so Excel reads the file as UTF-8. Default true. */
  bom?: boolean;
  /** Field separator. Default ','. */
  delimiter?: ',' | ';' | '\t';
  /** Prefix formula-like lines with an apostrophe (CSV injection). Default true. */
  neutraliseFormulas?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises spreadsheet formulas: a field beginning with = + - @ tab or
 * CR, and any later line of a multi-line field beginning with one of them,
 * gets a leading apostrophe, because spreadsheets evaluate each of them.
 */
export function neutraliseFormula(value: string): string {
  const parts = value.split(/(\r\n|\n|\r)/);
  const out = parts.map((part, i) => (i % 2 === 0 && FORMULA_START.test(part) ? `'${part}` : part)).join('');
  // A field starting with a line break is caught here: its first "line" is empty.
  return FORMULA_START.test(value) && !out.startsWith("'") ? `'${out}` : out;
}

/** Quotes a field per RFC 4180 when it holds the delimiter, a quote or a line break. */
export function quoteField(value: string, delimiter = ','): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes leads as RFC 4180 CSV: a header row, CRLF line ends, quoted fields
 * where needed, formula injection neutralised and (by default) a UTF-8 BOM.
 */
export function toCsv(leads: Lead[], options: CsvOptions = {}): string {
  const { columns = DEFAULT_COLUMNS, bom = true, delimiter = ',', neutraliseFormulas = true } = options;
  const cell = (v: string) => quoteField(neutraliseFormulas ? neutraliseFormula(v) : v, delimiter);
  const rows = [columns.map((c) => cell(c.header)).join(delimiter)];
  for (const lead of leads) rows.push(columns.map((c) => cell(c.value(lead) ?? '')).join(delimiter));
  return (bom ? '\uFEFF' : '') + rows.join('\r\n') + '\r\n';
}

/** File name for an export, e.g. `prospect-scout-conference-2026-11-23.csv`. */
export function exportFileName(ext: 'csv' | 'json' | 'vcf', tag = '', now = new Date()): string {
  const slug = tag
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `prospect-scout-${slug ? `${slug}-` : ''}${now.toISOString().slice(0, 10)}.${ext}`;
}
