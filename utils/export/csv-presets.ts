// CSV presets: the exact column headers each CRM or address-book importer maps by itself, and the custom column picker's columns.
import { nameParts } from '../leads/normalize';
import type { Lead } from '../leads/schema';
import { xHandle } from '../sync/map-common';
import { DEFAULT_COLUMNS, type CsvColumn, type LeadDerived } from './csv';
import type { CsvPresetId } from './preset-ids';

/** A named column layout. */
export interface CsvPreset {
  id: Exclude<CsvPresetId, 'custom'>;
  /** Shown in the export panel. */
  label: string;
  /** Where the file goes, for the panel's hint. */
  importer: string;
  columns: CsvColumn[];
}

const col = (header: string, value: (lead: Lead, d: LeadDerived) => string): CsvColumn => ({ header, value });
/** A phone column: E.164 values go out without the formula apostrophe (see {@link CsvColumn.e164}). */
const tel = (header: string, value: (lead: Lead, d: LeadDerived) => string): CsvColumn => ({ header, value, e164: true });
const first = (l: Lead) => nameParts(l).firstName;
const last = (l: Lead) => nameParts(l).lastName;

/**
 * A note that keeps what the importer has no column for, so nothing is lost:
 * the user's note, then `extras` ("Other emails: …"), then where the lead was
 * captured.
 */
export function noteWith(lead: Lead, extras: Array<string | false | undefined>): string {
  return [lead.note.trim(), ...extras, lead.sourceUrl && `Source: ${lead.sourceUrl}`].filter(Boolean).join('\n');
}

/** `label: a, b` when there is anything to list. */
const listed = (label: string, items: string[]) => items.length > 0 && `${label}: ${items.join(', ')}`;

const profileLines = (l: Lead, skip: Array<'linkedin' | 'x' | 'github'> = []) => [
  !skip.includes('linkedin') && l.profiles.linkedin && `LinkedIn: ${l.profiles.linkedin}`,
  !skip.includes('x') && l.profiles.x && `X: ${l.profiles.x}`,
  !skip.includes('github') && l.profiles.github && `GitHub: ${l.profiles.github}`,
  listed('Profiles', l.profiles.other),
];

/** The location as typed when it could not be split into city/state/country. */
const rawLocation = (d: LeadDerived) => {
  const loc = d.location();
  return loc.raw && `Location: ${loc.raw}`;
};

/**
 * HubSpot contacts import: headers are HubSpot's default contact property
 * labels, which its import tool maps without asking. One email per contact
 * (HubSpot's dedupe key); main and mobile phone split by number type.
 */
const HUBSPOT: CsvPreset = {
  id: 'hubspot',
  label: 'HubSpot',
  importer: 'HubSpot → Contacts → Import',
  columns: [
    col('First Name', first),
    col('Last Name', last),
    col('Email', (l) => l.emails[0] ?? ''),
    tel('Phone Number', (_, d) => d.phones().phone),
    tel('Mobile Phone Number', (_, d) => d.phones().mobile),
    col('Job Title', (l) => l.title),
    col('Company Name', (l) => l.company),
    col('Website URL', (l) => l.website),
    col('City', (_, d) => d.location().city),
    col('State/Region', (_, d) => d.location().state),
    col('Country/Region', (_, d) => d.location().country),
    col('LinkedIn URL', (l) => l.profiles.linkedin),
    col('Twitter Username', (l) => xHandle(l.profiles.x)),
  ],
};

/**
 * Pipedrive spreadsheet import of people: "Item - Field" headers, as
 * Pipedrive names its fields in the import mapping. Email and phone take a
 * label (Work, Mobile, Other); what has no field goes into a note.
 */
const PIPEDRIVE: CsvPreset = {
  id: 'pipedrive',
  label: 'Pipedrive',
  importer: 'Pipedrive → Import data → From a spreadsheet',
  columns: [
    col('Person - Name', (l) => l.name || `${first(l)} ${last(l)}`.trim()),
    col('Person - First name', first),
    col('Person - Last name', last),
    col('Person - Job title', (l) => l.title),
    col('Person - Email - Work', (l) => l.emails[0] ?? ''),
    col('Person - Email - Other', (l) => l.emails[1] ?? ''),
    tel('Person - Phone - Work', (_, d) => d.phones().phone),
    tel('Person - Phone - Mobile', (_, d) => d.phones().mobile),
    tel('Person - Phone - Other', (_, d) => d.phones().others[0] ?? ''),
    col('Organization - Name', (l) => l.company),
    col('Note - Content', (l, d) =>
      noteWith(l, [
        listed('Tags', l.tags),
        listed('Other emails', l.emails.slice(2)),
        listed('Other phones', d.phones().others.slice(1)),
        ...profileLines(l),
        l.website && `Website: ${l.website}`,
        l.location && `Location: ${l.location}`,
      ]),
    ),
  ],
};

/** Salesforce requires a lead's Last Name and Company; its web-to-lead fills a missing one with this. */
export const SALESFORCE_NOT_PROVIDED = '[not provided]';

/**
 * Salesforce Data Import Wizard, Leads: headers are the Lead field labels,
 * which the wizard maps automatically. Last Name and Company are required
 * by Salesforce, so an empty one becomes "[not provided]" rather than a
 * rejected row; LinkedIn, tags and extra contacts go into Description.
 */
const SALESFORCE: CsvPreset = {
  id: 'salesforce',
  label: 'Salesforce (Leads)',
  importer: 'Salesforce → Setup → Data Import Wizard → Leads',
  columns: [
    col('First Name', first),
    col('Last Name', (l) => last(l) || SALESFORCE_NOT_PROVIDED),
    col('Title', (l) => l.title),
    col('Company', (l) => l.company || SALESFORCE_NOT_PROVIDED),
    col('Email', (l) => l.emails[0] ?? ''),
    tel('Phone', (_, d) => d.phones().phone),
    tel('Mobile Phone', (_, d) => d.phones().mobile),
    col('Website', (l) => l.website),
    col('City', (_, d) => d.location().city),
    col('State/Province', (_, d) => d.location().state),
    col('Country', (_, d) => d.location().country),
    col('Description', (l, d) =>
      noteWith(l, [listed('Tags', l.tags), listed('Other emails', l.emails.slice(1)), listed('Other phones', d.phones().others), ...profileLines(l), rawLocation(d)]),
    ),
  ],
};

/** Numbered "<Kind> N - Label" / "<Kind> N - Value" column pairs, Google Contacts style. */
function numbered(kind: string, count: number, values: (l: Lead, d: LeadDerived) => Array<[label: string, value: string]>): CsvColumn[] {
  return Array.from({ length: count }, (_, i) => [
    col(`${kind} ${i + 1} - Label`, (l, d) => values(l, d)[i]?.[0] ?? ''),
    { ...col(`${kind} ${i + 1} - Value`, (l, d) => values(l, d)[i]?.[1] ?? ''), e164: kind === 'Phone' },
  ]).flat();
}

const GOOGLE_SLOTS = { emails: 3, phones: 3, websites: 4 } as const;
const googleEmails = (l: Lead) => l.emails.map((e): [string, string] => ['Work', e]);
const googlePhones = (_: Lead, d: LeadDerived) => {
  const { phone, mobile, others } = d.phones();
  return [...(phone ? [['Work', phone]] : []), ...(mobile ? [['Mobile', mobile]] : []), ...others.map((p) => ['Other', p])] as Array<[string, string]>;
};
const googleSites = (l: Lead) =>
  [
    ['Work', l.website],
    ['LinkedIn', l.profiles.linkedin],
    ['X', l.profiles.x],
    ['GitHub', l.profiles.github],
    ...l.profiles.other.map((u) => ['Profile', u]),
  ].filter(([, v]) => v) as Array<[string, string]>;

/**
 * Google Contacts CSV (the template Google exports and imports): one
 * numbered Label/Value column pair per email, phone and website; tags become
 * Google labels (" ::: " between them). Values beyond the numbered columns go
 * into Notes.
 */
const GOOGLE: CsvPreset = {
  id: 'google',
  label: 'Google Contacts',
  importer: 'contacts.google.com → Import',
  columns: [
    col('First Name', first),
    col('Middle Name', () => ''),
    col('Last Name', last),
    col('Organization Name', (l) => l.company),
    col('Organization Title', (l) => l.title),
    col('Notes', (l, d) =>
      noteWith(l, [
        listed('Other emails', l.emails.slice(GOOGLE_SLOTS.emails)),
        listed('Other phones', googlePhones(l, d).slice(GOOGLE_SLOTS.phones).map(([, v]) => v)),
        listed('Other links', googleSites(l).slice(GOOGLE_SLOTS.websites).map(([, v]) => v)),
      ]),
    ),
    col('Labels', (l) => l.tags.join(' ::: ')),
    ...numbered('E-mail', GOOGLE_SLOTS.emails, googleEmails),
    ...numbered('Phone', GOOGLE_SLOTS.phones, googlePhones),
    col('Address 1 - Label', (l) => (l.location ? 'Work' : '')),
    col('Address 1 - Formatted', (l) => l.location),
    col('Address 1 - City', (_, d) => d.location().city),
    col('Address 1 - Region', (_, d) => d.location().state),
    col('Address 1 - Country', (_, d) => d.location().country),
    ...numbered('Website', GOOGLE_SLOTS.websites, googleSites),
  ],
};

/**
 * Outlook (outlook.com, new Outlook and Outlook for Windows) CSV: the field
 * names of Outlook's own export, mapped automatically on import. Three email
 * columns, business/mobile phones; Categories separated by ';' as Outlook
 * writes them; the rest goes into Notes.
 */
const OUTLOOK: CsvPreset = {
  id: 'outlook',
  label: 'Outlook',
  importer: 'Outlook → People → Import contacts',
  columns: [
    col('First Name', first),
    col('Middle Name', () => ''),
    col('Last Name', last),
    col('Company', (l) => l.company),
    col('Job Title', (l) => l.title),
    col('E-mail Address', (l) => l.emails[0] ?? ''),
    col('E-mail 2 Address', (l) => l.emails[1] ?? ''),
    col('E-mail 3 Address', (l) => l.emails[2] ?? ''),
    tel('Business Phone', (_, d) => d.phones().phone),
    tel('Business Phone 2', (_, d) => d.phones().others[0] ?? ''),
    tel('Mobile Phone', (_, d) => d.phones().mobile),
    col('Web Page', (l) => l.website),
    col('Business City', (_, d) => d.location().city),
    col('Business State', (_, d) => d.location().state),
    col('Business Country/Region', (_, d) => d.location().country),
    col('Categories', (l) => l.tags.join(';')),
    col('Notes', (l, d) =>
      noteWith(l, [listed('Other emails', l.emails.slice(3)), listed('Other phones', d.phones().others.slice(1)), ...profileLines(l), rawLocation(d)]),
    ),
  ],
};

/** Every fixed preset, in the order the export panel offers them. */
export const CSV_PRESETS: readonly CsvPreset[] = [
  { id: 'default', label: 'All fields (Prospect Scout)', importer: 'spreadsheets, and CRMs with manual mapping', columns: DEFAULT_COLUMNS },
  HUBSPOT,
  PIPEDRIVE,
  SALESFORCE,
  GOOGLE,
  OUTLOOK,
];

/** Columns the custom picker offers: every field of the full export, by header. */
export const PICKABLE_COLUMNS: readonly CsvColumn[] = DEFAULT_COLUMNS;

/** A custom selection: the picked headers in the picked order; unknown or repeated headers are ignored. */
export function customColumns(headers: readonly string[]): CsvColumn[] {
  const byHeader = new Map(PICKABLE_COLUMNS.map((c) => [c.header, c]));
  const seen = new Set<string>();
  return headers.flatMap((h) => {
    const c = byHeader.get(h);
    if (!c || seen.has(h)) return [];
    seen.add(h);
    return [c];
  });
}

/** The columns of a preset; `custom` uses `customHeaders` (all fields when none of them is known). */
export function presetColumns(id: CsvPresetId, customHeaders: readonly string[] = []): CsvColumn[] {
  if (id === 'custom') {
    const picked = customColumns(customHeaders);
    return picked.length ? picked : DEFAULT_COLUMNS;
  }
  return (CSV_PRESETS.find((p) => p.id === id) ?? CSV_PRESETS[0]!).columns;
}
