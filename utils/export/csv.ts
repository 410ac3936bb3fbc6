// CSV export: RFC 4180 writer with formula neutralisation, for CRM importers and spreadsheets.
import { nameParts } from '../leads/normalize';
import type { Lead } from '../leads/schema';
import { cachedPhoneType, splitLocation, splitPhones } from '../sync/map-common';

/**
 * Values several columns of one row derive from a lead, computed at most
 * once per lead (phone typing parses each number) and only if a column asks.
 */
export interface LeadDerived {
  /** Main and mobile phone and the rest (libphonenumber tells mobiles apart). */
  phones(): { phone: string; mobile: string; others: string[] };
  /** City, state, country when the location names a country; else `raw`. */
  location(): { city: string; state: string; country: string; raw: string };
}

/** The lazily derived values of one lead; `phoneType` tells phone types apart (one cache per file, see {@link cachedPhoneType}). */
export function deriveLead(lead: Lead, phoneType?: (phone: string) => string | undefined): LeadDerived {
  let phones: ReturnType<LeadDerived['phones']> | undefined;
  let location: ReturnType<LeadDerived['location']> | undefined;
  return {
    phones: () => (phones ??= splitPhones(lead.phones, phoneType)),
    location: () => (location ??= splitLocation(lead.location)),
  };
}

/** One CSV column: its header and how to read it from a lead. */
export interface CsvColumn {
  header: string;
  value: (lead: Lead, derived: LeadDerived) => string;
  /**
   * A phone column of a CRM preset: an E.164 number (`+` and digits only,
   * which no spreadsheet can run as anything but a number) is written as is,
   * because importers would keep a neutralising apostrophe in the phone field.
   */
  e164?: boolean;
}

const E164 = /^\+\d{4,15}$/;

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

/** Field separators offered: `,` (English locales, CRM importers) and `;` (Excel in most of Europe). */
export const CSV_DELIMITERS = [',', ';'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number] | '\t';

/** Options of {@link toCsv}. */
export interface CsvOptions {
  columns?: CsvColumn[];
  /** Start with a UTF-8 byte order mark so Excel reads the file as UTF-8. Default true. */
  bom?: boolean;
  /** Field separator. Default ','; Excel in German, French and other locales expects ';'. */
  delimiter?: CsvDelimiter;
  /** Prefix formula-like lines with an apostrophe (CSV injection). Default true. */
  neutraliseFormulas?: boolean;
  /** How phone columns tell a number's type; a file written in pieces passes one cache for all of them (default: a cache per call). */
  phoneType?: (phone: string) => string | undefined;
}

// Characters a spreadsheet may read as the start of a formula, including the full-width forms
// (＝＋－＠) that some spreadsheets fold to ASCII.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
// Where a spreadsheet may start a new cell or line when the file is opened with another separator.
const BREAKS = /(\r\n|\n|\r|,|;|\t)/;

// Any character that can start a formula or a new cell; a value without one is left as is.
const ANY_TRIGGER = /[=+\-@\t\r\n,;\uFF1D\uFF0B\uFF0D\uFF20]/;
// After a separator, spaces before a formula sign are trimmed by some spreadsheets' import.
const SPACED_FORMULA = /^( +)([=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

function neutralisePart(part: string, afterBreak: boolean): string {
  if (FORMULA_START.test(part)) return `'${part}`;
  return afterBreak ? part.replace(SPACED_FORMULA, "$1'$2") : part;
}

/**
 * Neutralises spreadsheet formulas: a field beginning with = + - @ (or their
 * full-width forms), tab or CR gets a leading apostrophe, and so does every
 * part of it after a line break, a comma, a semicolon or a tab (spaces
 * after the separator included), because a
 * spreadsheet opened with another separator (`;` in German or French
 * locales) starts a new cell there and evaluates it.
 */
export function neutraliseFormula(value: string): string {
  // Most cells hold none of these characters: nothing to split.
  if (!ANY_TRIGGER.test(value)) return value;
  // No separator or line break (a date, a hyphenated name): only the start can be a formula.
  if (!BREAKS.test(value)) return FORMULA_START.test(value) ? `'${value}` : value;
  const parts = value.split(BREAKS);
  const out = parts.map((part, i) => (i % 2 === 0 ? neutralisePart(part, i > 0) : part)).join('');
  // A field starting with a separator is caught here: its first part is empty.
  return FORMULA_START.test(value) && !out.startsWith("'") ? `'${out}` : out;
}

/**
 * Quotes a field per RFC 4180 when it holds a comma, a semicolon, a tab, a
 * quote or a line break, whatever the file's own separator: a spreadsheet
 * guessing another separator must still see one cell.
 */
export function quoteField(value: string): string {
  return /[",;\t\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes leads as RFC 4180 CSV: a header row, CRLF line ends, quoted fields
 * where needed, formula injection neutralised and (by default) a UTF-8 BOM.
 */
export function toCsv(leads: Lead[], options: CsvOptions = {}): string {
  return csvHead(options) + csvRows(leads, options);
}

/** The start of a CSV file: the BOM (unless turned off) and the header row, CRLF-terminated. */
export function csvHead(options: CsvOptions = {}): string {
  const { columns = DEFAULT_COLUMNS, bom = true, delimiter = ',', neutraliseFormulas = true } = options;
  const cell = (v: string) => quoteField(neutraliseFormulas ? neutraliseFormula(v) : v);
  return (bom ? '\uFEFF' : '') + columns.map((c) => cell(c.header)).join(delimiter) + '\r\n';
}

/** Data rows of `leads`, each CRLF-terminated: what a chunked export appends after {@link csvHead}. */
export function csvRows(leads: Iterable<Lead>, options: CsvOptions = {}): string {
  const { columns = DEFAULT_COLUMNS, delimiter = ',', neutraliseFormulas = true } = options;
  const cell = (v: string, c: CsvColumn) => quoteField(neutraliseFormulas && !(c.e164 && E164.test(v)) ? neutraliseFormula(v) : v);
  const phoneType = options.phoneType ?? cachedPhoneType();
  let out = '';
  for (const lead of leads) {
    const derived = deriveLead(lead, phoneType);
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i]!;
      out += (i ? delimiter : '') + cell(c.value(lead, derived) ?? '', c);
    }
    out += '\r\n';
  }
  return out;
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
