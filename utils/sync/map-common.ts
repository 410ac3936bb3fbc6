// Lead → CRM field helpers shared by every client: primary email, phones, location, note text, limits.
import { parsePhoneNumber } from 'libphonenumber-js/max';
import { nameParts } from '../leads/normalize';
import { isFreeMailDomain } from '../leads/free-mail';
import type { Lead } from '../leads/schema';

/** The lead's dedupe key in every CRM: first email, trimmed and lower-cased ('' when none). */
export function primaryEmail(lead: Pick<Lead, 'emails'>): string {
  return (lead.emails[0] ?? '').trim().toLowerCase();
}

/** Cuts a value to a CRM field's length limit (by code points, so no half emoji is sent). */
export function truncate(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max ? value : chars.slice(0, max - 1).join('') + '…';
}

/** Drops empty and whitespace-only values: an empty string would clear the CRM's field. */
export function compact<T extends Record<string, string | undefined>>(fields: T): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) {
    const t = v?.trim();
    if (t) out[k] = t;
  }
  return out;
}

/** Escapes text placed in an HTML field (HubSpot note bodies, Pipedrive notes). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** First and last name, from the lead's own parts or split from its full name. */
export function leadName(lead: Lead): { firstName: string; lastName: string } {
  return nameParts(lead);
}

/**
 * libphonenumber's type of a number written with its country code (MOBILE,
 * FIXED_LINE, …); undefined when it cannot be parsed or typed. No default
 * country is used, so the answer depends on the text alone.
 */
export function phoneType(phone: string): string | undefined {
  try {
    return parsePhoneNumber(phone).getType();
  } catch {
    return undefined;
  }
}

/**
 * {@link phoneType} remembered per distinct text, for one export or sync
 * run: parsing with the full metadata is the costly part, and a company's
 * switchboard may be on thousands of leads. The key is the exact text (the
 * type depends on nothing else); at most `max` numbers are kept.
 */
export function cachedPhoneType(max = 10_000): (phone: string) => string | undefined {
  const known = new Map<string, string | undefined>();
  return (phone) => {
    if (known.has(phone)) return known.get(phone);
    const type = phoneType(phone);
    if (known.size >= max) known.clear();
    known.set(phone, type);
    return type;
  };
}

/**
 * Main and mobile phone, and the rest. libphonenumber's full metadata tells
 * MOBILE from fixed lines; a number whose type it cannot tell (reserved
 * ranges, FIXED_LINE_OR_MOBILE) takes whichever slot is still free, main first.
 */
export function splitPhones(phones: string[], typeOf: (phone: string) => string | undefined = phoneType): { phone: string; mobile: string; others: string[] } {
  let phone = '';
  let mobile = '';
  const unknown: string[] = [];
  for (const p of phones) {
    const type = typeOf(p);
    if (type === 'MOBILE' && !mobile) mobile = p;
    else if (type && type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE' && !phone) phone = p;
    else unknown.push(p);
  }
  for (const p of unknown) {
    if (!phone) phone = p;
    else if (!mobile) mobile = p;
  }
  return { phone, mobile, others: phones.filter((p) => p !== phone && p !== mobile) };
}

let countryNames: Set<string> | undefined;
function isCountryName(part: string): boolean {
  if (!countryNames) {
    const names = new Set<string>(['usa', 'us', 'uk', 'u.s.', 'u.s.a.', 'england', 'scotland', 'wales']);
    const dn = new Intl.DisplayNames(['en'], { type: 'region' });
    for (let a = 65; a <= 90; a++)
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        try {
          const n = dn.of(code);
          if (n && n !== code) names.add(n.toLowerCase());
        } catch {
          // not a region code
        }
      }
    countryNames = names;
  }
  return countryNames.has(part.trim().toLowerCase());
}

/**
 * Best-effort split of a free-text location: "City, State, Country" or
 * "City, Country". Only when the last part names a country; otherwise the
 * address fields stay empty and `raw` keeps the text for the note.
 */
export function splitLocation(location: string): { city: string; state: string; country: string; raw: string } {
  const parts = location.split(',').map((p) => p.trim()).filter(Boolean);
  const none = { city: '', state: '', country: '', raw: location.trim() };
  if (!parts.length) return { ...none, raw: '' };
  if (!isCountryName(parts[parts.length - 1]!)) return none;
  if (parts.length === 1) return { city: '', state: '', country: parts[0]!, raw: '' };
  if (parts.length === 2) return { city: parts[0]!, state: '', country: parts[1]!, raw: '' };
  if (parts.length === 3) return { city: parts[0]!, state: parts[1]!, country: parts[2]!, raw: '' };
  return none;
}

/** The X/Twitter handle from a profile URL or an @handle ('' when none). */
export function xHandle(url: string): string {
  const m = /^(?:https?:\/\/)?(?:www\.|mobile\.)?(?:x|twitter)\.com\/@?([A-Za-z0-9_]{1,15})(?:[/?#]|$)/i.exec(url.trim()) ?? /^@?([A-Za-z0-9_]{1,15})$/.exec(url.trim());
  return m ? m[1]! : '';
}

/** The host of the lead's company: its website, else a non-free-mail email domain. */
export function companyDomain(lead: Lead): string {
  try {
    if (lead.website) return new URL(/^https?:/i.test(lead.website) ? lead.website : `https://${lead.website}`).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    // not a URL: try the email
  }
  const domain = primaryEmail(lead).split('@')[1] ?? '';
  return domain && !isFreeMailDomain(domain) ? domain : '';
}

/**
 * The lines of the note that carries what has no CRM field: the user's note,
 * tags, other emails and phones, profiles, an unsplit location. Plain text;
 * each client escapes and joins them. Empty when there is nothing to add
 * (the source URL alone does not make a note).
 */
export function noteLines(lead: Lead, opts: { otherPhones: string[]; rawLocation: string; mapped: Array<'linkedin' | 'x' | 'github' | 'website'> }): string[] {
  const lines: string[] = [];
  if (lead.note.trim()) lines.push(lead.note.trim());
  if (lead.tags.length) lines.push(`Tags: ${lead.tags.join(', ')}`);
  if (lead.emails.length > 1) lines.push(`Other emails: ${lead.emails.slice(1).join(', ')}`);
  if (opts.otherPhones.length) lines.push(`Other phones: ${opts.otherPhones.join(', ')}`);
  if (lead.profiles.linkedin && !opts.mapped.includes('linkedin')) lines.push(`LinkedIn: ${lead.profiles.linkedin}`);
  if (lead.profiles.x && !opts.mapped.includes('x')) lines.push(`X: ${lead.profiles.x}`);
  if (lead.profiles.github && !opts.mapped.includes('github')) lines.push(`GitHub: ${lead.profiles.github}`);
  if (lead.profiles.other.length) lines.push(`Profiles: ${lead.profiles.other.join(', ')}`);
  if (lead.website && !opts.mapped.includes('website')) lines.push(`Website: ${lead.website}`);
  if (opts.rawLocation) lines.push(`Location: ${opts.rawLocation}`);
  if (!lines.length) return [];
  if (lead.sourceUrl) lines.push(`Captured from: ${lead.sourceUrl} (Prospect Scout)`);
  return lines;
}

/** A short stable hash (FNV-1a, hex) to tell whether a note changed since it was sent. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
