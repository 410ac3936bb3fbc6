// Lead → Salesforce Lead bodies (REST, sObject Collections, Web-to-Lead) and lookup queries, pure, within Salesforce's field limits.
import type { Lead } from '../leads/schema';
import { leadName, noteLines, primaryEmail, splitLocation, splitPhones, truncate } from './map-common';

/** Standard Lead field lengths (Salesforce field reference; an org can only make them shorter for custom fields). */
export const SALESFORCE_LIMITS = {
  FirstName: 40,
  LastName: 80,
  Company: 255,
  Title: 128,
  Email: 80,
  Phone: 40,
  MobilePhone: 40,
  Website: 255,
  City: 40,
  State: 80,
  Country: 80,
  Description: 32_000,
} as const;

/** What Salesforce's own Web-to-Lead and data loaders put in a required Company nobody gave. */
export const NO_COMPANY = '[not provided]';

type Field = keyof typeof SALESFORCE_LIMITS;
export type SalesforceLeadBody = Partial<Record<Field, string>>;

/**
 * The Description: the user's note, a blank line, then what has no Lead
 * field (tags, other emails and phones, profiles, an unsplit location) and
 * where it was captured. Plain text (Description is not HTML). '' when empty.
 */
export function salesforceDescription(lead: Lead, otherPhones: string[], rawLocation: string): string {
  const lines = noteLines(lead, { otherPhones, rawLocation, mapped: ['website'] }).filter((l) => !l.startsWith('Captured from:'));
  if (!lines.length) return '';
  // The source page is worth a line unless a line already names it (a LinkedIn capture's source is the profile).
  if (lead.sourceUrl && !lines.some((l) => l.includes(lead.sourceUrl))) lines.push(`Captured from: ${lead.sourceUrl} (Prospect Scout, ${lead.capturedAt})`);
  const [first, ...rest] = lines;
  const text = lead.note.trim() && rest.length ? `${first}\n\n${rest.join('\n')}` : lines.join('\n');
  return truncate(text, SALESFORCE_LIMITS.Description);
}

/**
 * The Lead's fields, trimmed, cut to the limits, never an empty string (an
 * empty value would clear the field in Salesforce). `required` adds the
 * LastName and Company fallbacks a create needs; an update by id leaves
 * them out so a company typed in Salesforce is not overwritten with
 * "[not provided]". `withEmail` is false for upsert-by-Email, where the
 * address is in the URL and must not be repeated in the body.
 */
export function salesforceLead(lead: Lead, opts: { required: boolean; withEmail: boolean }): SalesforceLeadBody {
  const { firstName, lastName } = leadName(lead);
  const { phone, mobile, others } = splitPhones(lead.phones);
  const loc = splitLocation(lead.location);
  const tokens = lead.name.trim().split(/\s+/).filter(Boolean);
  // A one-word name ("Cher") is a last name in Salesforce, where only LastName is required.
  const last = lastName.trim() || (firstName.trim() ? firstName : tokens[tokens.length - 1] ?? '');
  const first = lastName.trim() ? firstName : '';
  const raw: Record<Field, string> = {
    FirstName: first,
    LastName: last || (opts.required ? NO_COMPANY : ''),
    Company: lead.company || (opts.required ? NO_COMPANY : ''),
    Title: lead.title,
    Email: opts.withEmail ? primaryEmail(lead) : '',
    Phone: phone,
    MobilePhone: mobile,
    Website: lead.website,
    City: loc.city,
    State: loc.state,
    Country: loc.country,
    Description: salesforceDescription(lead, others, loc.raw),
  };
  const out: SalesforceLeadBody = {};
  for (const [k, v] of Object.entries(raw) as Array<[Field, string]>) {
    const t = v.trim();
    // An email longer than the field cannot be cut (it would be another address): left out, it stays in Description.
    if (!t || (k === 'Email' && [...t].length > SALESFORCE_LIMITS.Email)) continue;
    out[k] = truncate(t, SALESFORCE_LIMITS[k]);
  }
  return out;
}

/** Web-to-Lead form fields (Salesforce's own names) for one lead; `oid` is the org id. */
export function webToLeadForm(lead: Lead, orgId: string, leadSource = ''): URLSearchParams {
  const b = salesforceLead(lead, { required: true, withEmail: true });
  const names: Partial<Record<Field, string>> = {
    FirstName: 'first_name',
    LastName: 'last_name',
    Company: 'company',
    Title: 'title',
    Email: 'email',
    Phone: 'phone',
    MobilePhone: 'mobile',
    Website: 'URL',
    City: 'city',
    State: 'state',
    Country: 'country',
    Description: 'description',
  };
  const form = new URLSearchParams({ oid: orgId });
  for (const [k, v] of Object.entries(b) as Array<[Field, string]>) if (names[k]) form.set(names[k]!, v);
  if (leadSource.trim()) form.set('lead_source', leadSource.trim());
  return form;
}

/** SOQL's escape sequences for a quoted string (backslash first, so the others are not escaped twice). */
const SOQL_ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** A SOQL string literal: quotes, backslashes and control characters escaped (SOQL's own rules). */
export function soqlString(value: string): string {
  return `'${value.replace(/[\\'"\n\r\t\b\f]/g, (c) => SOQL_ESCAPES[c]!)}'`;
}

/**
 * Salesforce answers URIs up to 16,384 bytes but recommends keeping them
 * under 2,000 characters (the query is expanded server-side; knowledge
 * article 000386264), so lookups are split to stay under that.
 */
export const MAX_QUERY_URI = 2000;

/**
 * SOQL queries finding the leads with any of these emails (each with the
 * emails it asks for), split so that
 * each one's URI (`queryUrl` + `?q=` + the encoded query) stays within
 * `maxUri`. Emails are compared case-insensitively by Salesforce; the
 * answer carries Email so the caller can tell which lead each row is.
 * An email too long for one query on its own is left out (it cannot be a
 * Lead's Email, which holds 80 characters).
 */
export function leadsByEmailQueries(emails: string[], queryUrl: string, maxUri = MAX_QUERY_URI): Array<{ soql: string; emails: string[] }> {
  const head = 'SELECT Id, IsConverted, Email FROM Lead WHERE Email IN (';
  const tail = ')';
  const size = (soql: string) => `${queryUrl}?${new URLSearchParams({ q: soql })}`.length;
  const out: Array<{ soql: string; emails: string[] }> = [];
  let values: string[] = [];
  let chunk: string[] = [];
  const flush = () => {
    if (values.length) out.push({ soql: `${head}${values.join(', ')}${tail}`, emails: chunk });
    values = [];
    chunk = [];
  };
  for (const email of [...new Set(emails)]) {
    const v = soqlString(email);
    if (size(`${head}${[...values, v].join(', ')}${tail}`) > maxUri) flush();
    if (size(`${head}${v}${tail}`) > maxUri) continue;
    values.push(v);
    chunk.push(email);
  }
  flush();
  return out;
}

/** One record of an sObject Collections create: the create body with its type. */
export function collectionCreateRecord(lead: Lead): SalesforceLeadBody & { attributes: { type: 'Lead' } } {
  return { attributes: { type: 'Lead' }, ...salesforceLead(lead, { required: true, withEmail: true }) };
}

/**
 * One record of an sObject Collections update: the lead's fields by id,
 * without the create-only fallbacks (a company typed in Salesforce stays).
 */
export function collectionUpdateRecord(lead: Lead, id: string): SalesforceLeadBody & { attributes: { type: 'Lead' }; id: string } {
  return { attributes: { type: 'Lead' }, id, ...salesforceLead(lead, { required: false, withEmail: true }) };
}
