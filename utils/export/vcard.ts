// vCard export: leads as vCard 3.0 or 4.0 cards (escaped, folded in linear time).
import { nameParts } from '../leads/normalize';
import type { Lead } from '../leads/schema';
import type { VCardVersion } from './preset-ids';

export type { VCardVersion } from './preset-ids';

/**
 * Escapes a vCard text value (RFC 6350 §3.4, same rules in vCard 3.0):
 * backslash, comma and line breaks, and the semicolon in a field of a
 * compound property (N, ADR, ORG), where it separates fields. Elsewhere the
 * RFC leaves escaping `;` optional and some readers (ical.js) keep the
 * backslash, so it is written plain (`compound = false`). Escaping line
 * breaks is also what stops a hostile page's text from injecting properties
 * or cards.
 */
export function escapeText(value: string, compound = true): string {
  const out = value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
  return compound ? out.replace(/;/g, '\\;') : out;
}

/** A text value of a property that is not compound: `;` stays plain. */
const text = (value: string) => escapeText(value, false);

/** UTF-8 length of one code point. */
function utf8Octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line to at most 75 octets per physical line (RFC 6350
 * §3.2), CRLF followed by a space, never splitting a UTF-8 character.
 * Linear: octets are counted from code points, and a line that already fits
 * (most of them) is returned as is.
 */
export function foldLine(line: string, maxOctets = 75): string {
  // Every UTF-16 unit is at most 3 octets: a line this short cannot need folding.
  // eslint-disable-next-line no-control-regex
  if (line.length * 3 <= maxOctets || (line.length <= maxOctets && /^[\u0000-\u007f]*$/.test(line))) return line;
  const out: string[] = [];
  let start = 0;
  let octets = 0;
  for (let i = 0; i < line.length; ) {
    const cp = line.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    const size = utf8Octets(cp);
    // continuation lines begin with a space, which counts towards their length
    const limit = out.length ? maxOctets - 1 : maxOctets;
    if (octets + size > limit) {
      out.push(line.slice(start, i));
      start = i;
      octets = 0;
    }
    octets += size;
    i += units;
  }
  out.push(line.slice(start));
  return out.join('\r\n ');
}

const SOCIAL = [
  ['linkedin', 'linkedin'],
  ['x', 'twitter'],
  ['github', 'github'],
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** vCard 4.0 timestamp (RFC 6350 §4.3.5, basic format): 2026-11-01T10:00:00.000Z → 20261101T100000Z. */
function basicTimestamp(iso: string): string {
  return iso.replace(/\.\d+/, '').replace(/[-:]/g, '');
}

/**
 * One lead as a vCard. 3.0 (default) is what Outlook, Google Contacts and
 * Apple Contacts all import; 4.0 (RFC 6350) is for apps that read it
 * (Apple Contacts, Thunderbird, Nextcloud/DAV servers). Profiles go in
 * X-SOCIALPROFILE (Apple) and, so other apps keep them too, in URL; tags
 * become CATEGORIES. In 4.0, types are lower case with PREF=1, phones are
 * `tel:` URIs, a UUID id becomes a `urn:uuid:` UID and REV is a basic-format
 * timestamp.
 */
export function leadToVCard(lead: Lead, version: VCardVersion = '3.0'): string {
  const v4 = version === '4.0';
  const names = nameParts(lead);
  const fn = lead.name || `${names.firstName} ${names.lastName}`.trim() || lead.emails[0] || lead.company || 'Unnamed';
  const uid = v4 && UUID.test(lead.id) ? `urn:uuid:${lead.id.toLowerCase()}` : text(lead.id);
  const lines = ['BEGIN:VCARD', `VERSION:${version}`];
  if (v4) lines.push('KIND:individual');
  lines.push(`UID:${uid}`, `FN:${text(fn)}`, `N:${escapeText(names.lastName)};${escapeText(names.firstName)};;;`);
  if (lead.company) lines.push(`ORG:${escapeText(lead.company)}`);
  if (lead.title) lines.push(`TITLE:${text(lead.title)}`);
  lead.emails.forEach((e, i) => lines.push(v4 ? `EMAIL;TYPE=work${i === 0 ? ';PREF=1' : ''}:${text(e)}` : `EMAIL;TYPE=INTERNET${i === 0 ? ',PREF' : ''}:${text(e)}`));
  lead.phones.forEach((p, i) => {
    // A tel: URI takes no spaces; an E.164 number is already one, anything else stays text.
    const uri = /^\+?[0-9()\-.]+$/.test(p) ? p.replace(/[().]/g, '') : '';
    if (v4) lines.push(uri ? `TEL;VALUE=uri;TYPE=voice${i === 0 ? ';PREF=1' : ''}:tel:${uri}` : `TEL;TYPE=voice${i === 0 ? ';PREF=1' : ''}:${text(p)}`);
    else lines.push(`TEL;TYPE=VOICE${i === 0 ? ',PREF' : ''}:${text(p)}`);
  });
  if (lead.website) lines.push(`URL${v4 ? ';TYPE=work' : ''}:${text(lead.website)}`);
  for (const [slot, type] of SOCIAL) {
    const url = lead.profiles[slot];
    if (!url) continue;
    lines.push(`X-SOCIALPROFILE;TYPE=${type}:${text(url)}`, `URL;TYPE=${type}:${text(url)}`);
  }
  lead.profiles.other.forEach((u) => lines.push(`URL:${text(u)}`));
  // Location is free text ("Austin, TX"): it goes whole into the locality, the field importers show.
  if (lead.location) lines.push(`ADR;TYPE=${v4 ? 'work' : 'WORK'}:;;;${escapeText(lead.location)};;;`);
  if (lead.tags.length) lines.push(`CATEGORIES:${lead.tags.map((t) => text(t)).join(',')}`);
  const note = [lead.note, lead.sourceUrl && `Source: ${lead.sourceUrl}`].filter(Boolean).join('\n');
  if (note) lines.push(`NOTE:${text(note)}`);
  if (v4 && lead.sourceUrl) lines.push(`SOURCE:${text(lead.sourceUrl)}`);
  lines.push(`REV:${v4 ? basicTimestamp(lead.updatedAt) : lead.updatedAt}`, 'END:VCARD');
  return lines.map((l) => foldLine(l)).join('\r\n') + '\r\n';
}

/** Leads as one .vcf file of vCards (3.0 unless asked for 4.0), CRLF line ends, UTF-8. */
export function toVCards(leads: Iterable<Lead>, version: VCardVersion = '3.0'): string {
  let out = '';
  for (const lead of leads) out += leadToVCard(lead, version);
  return out;
}
