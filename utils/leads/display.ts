// How a lead's values read on screen: initials, phones formatted, "3 days ago", which values are guesses, what a save would change.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { FieldSource, Lead } from './schema';

/** Up to two initials of a name (or of an email's local part), for an avatar. */
export function initials(name: string, email = ''): string {
  const words = name.trim().split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const letters = words.length ? [words[0]!, words.length > 1 ? words[words.length - 1]! : ''] : [email.split('@')[0] ?? ''];
  return letters
    .map((w) => [...w].find((c) => /\p{L}/u.test(c)) ?? '')
    .join('')
    .toUpperCase()
    .slice(0, 2) || '?';
}

/** An E.164 number as people write it (+1 415 555 0132); anything unparseable as stored. */
export function formatPhone(e164: string): string {
  const n = parsePhoneNumberFromString(e164);
  return n ? n.formatInternational() : e164;
}

/** "3 days ago", "just now", in the browser's language. */
export function relativeTime(iso: string, now = new Date(), locale?: string): string {
  const seconds = (Date.parse(iso) - now.getTime()) / 1000;
  if (Math.abs(seconds) < 45) return 'just now';
  const fmt = new Intl.RelativeTimeFormat(locale ?? 'en', { numeric: 'auto' });
  const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['minute', 60],
    ['hour', 3600],
    ['day', 86_400],
    ['week', 604_800],
    ['month', 2_592_000],
    ['year', 31_536_000],
  ];
  let unit = steps[0]!;
  for (const s of steps) if (Math.abs(seconds) >= s[1]) unit = s;
  return fmt.format(Math.round(seconds / unit[1]), unit[0]);
}

/** Sources that read a value from loose page text or layout, not from markup meant to describe a person. */
const GUESSED: ReadonlySet<FieldSource> = new Set(['text', 'heading', 'meta']);

/**
 * Whether a value is a guess worth checking: its `confidence` (when the
 * extraction gives one) is below 0.7, or else it came from loose page text,
 * a heading or a meta tag. `key` is a provenance key (`title`, `emails:x@y`).
 */
export function isLowConfidence(lead: Pick<Lead, 'provenance'> & { confidence?: Record<string, number | string> }, key: string): boolean {
  const c = lead.confidence?.[key];
  if (typeof c === 'number') return c < 0.7;
  // Extraction's own levels (ProspectSchema.confidence): only a guess is marked.
  if (c === 'low') return true;
  if (c === 'high' || c === 'medium') return false;
  const src = lead.provenance[key];
  return !!src && GUESSED.has(src);
}

const LABELS: Partial<Record<keyof Lead, string>> = {
  name: 'name',
  title: 'title',
  company: 'company',
  website: 'website',
  location: 'location',
  note: 'note',
};

/**
 * What saving `next` over `saved` changes, in words ("title: VP → CRO",
 * "adds phone +1 212 555 0123"); empty when nothing would.
 */
export function describeChanges(saved: Lead, next: Lead): string[] {
  const out: string[] = [];
  for (const [key, label] of Object.entries(LABELS) as Array<[keyof Lead, string]>) {
    const a = String(saved[key] ?? '');
    const b = String(next[key] ?? '');
    if (a !== b && b) out.push(a ? `${label}: ${a} → ${b}` : `adds ${label} ${b}`);
  }
  for (const e of next.emails) if (!saved.emails.includes(e)) out.push(`adds email ${e}`);
  for (const p of next.phones) if (!saved.phones.includes(p)) out.push(`adds phone ${formatPhone(p)}`);
  for (const k of ['linkedin', 'x', 'github'] as const) {
    if (next.profiles[k] && next.profiles[k] !== saved.profiles[k]) out.push(`${saved.profiles[k] ? 'changes' : 'adds'} ${k === 'x' ? 'X' : k === 'github' ? 'GitHub' : 'LinkedIn'} profile`);
  }
  for (const t of next.tags) if (!saved.tags.includes(t)) out.push(`adds tag ${t}`);
  return out;
}

/** What a saved lead's row is called, for its heading and for screen readers. */
export function rowLabel(r: { name: string; email: string }): string {
  return r.name || r.email || 'Unnamed lead';
}
