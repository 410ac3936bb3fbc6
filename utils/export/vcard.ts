// vCard export: leads as vCard 3.0 cards (escaped, folded).
import { nameParts } from '../leads/normalize';
import type { Lead } from '../leads/schema';

/**
 * Escapes a vCard text value (RFC 6350 §3.4, same rules in vCard 3.0):
 * backslash, comma, semicolon and line breaks. Escaping line breaks is also
 * what stops a hostile page's text from injecting properties or cards.
 */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');
}

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

/**
 * One lead as a vCard 3.0 (the version Outlook, Google Contacts and Apple
 * Contacts all import). Profiles go in X-SOCIALPROFILE (Apple) and, so other
 * apps keep them too, in URL; tags become CATEGORIES.
 */
export function leadToVCard(lead: Lead): string {
  const names = nameParts(lead);
  const fn = lead.name || `${names.firstName} ${names.lastName}`.trim() || lead.emails[0] || lead.company || 'Unnamed';
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `UID:${escapeText(lead.id)}`, `FN:${escapeText(fn)}`, `N:${escapeText(names.lastName)};${escapeText(names.firstName)};;;`];
  if (lead.company) lines.push(`ORG:${escapeText(lead.company)}`);
  if (lead.title) lines.push(`TITLE:${escapeText(lead.title)}`);
  lead.emails.forEach((e, i) => lines.push(`EMAIL;TYPE=INTERNET${i === 0 ? ',PREF' : ''}:${escapeText(e)}`));
  lead.phones.forEach((p, i) => lines.push(`TEL;TYPE=VOICE${i === 0 ? ',PREF' : ''}:${escapeText(p)}`));
  if (lead.website) lines.push(`URL:${escapeText(lead.website)}`);
  for (const [slot, type] of SOCIAL) {
    const url = lead.profiles[slot];
    if (!url) continue;
    lines.push(`X-SOCIALPROFILE;TYPE=${type}:${escapeText(url)}`, `URL;TYPE=${type}:${escapeText(url)}`);
  }
  lead.profiles.other.forEach((u) => lines.push(`URL:${escapeText(u)}`));
  // Location is free text ("Austin, TX"): it goes whole into the locality, the field importers show.
  if (lead.location) lines.push(`ADR;TYPE=WORK:;;;${escapeText(lead.location)};;;`);
  if (lead.tags.length) lines.push(`CATEGORIES:${lead.tags.map(escapeText).join(',')}`);
  const note = [lead.note, lead.sourceUrl && `Source: ${lead.sourceUrl}`].filter(Boolean).join('\n');
  if (note) lines.push(`NOTE:${escapeText(note)}`);
  lines.push(`REV:${lead.updatedAt}`, 'END:VCARD');
  return lines.map((l) => foldLine(l)).join('\r\n') + '\r\n';
}

/** Leads as one .vcf file of vCards, CRLF line ends, UTF-8. */
export function toVCards(leads: Lead[]): string {
  return leads.map(leadToVCard).join('');
}
