// Company email patterns: inferred from saved leads at one domain, applied to a named prospect without an email.
import { isFreeMailDomain } from './free-mail';
import { isPlatformHost, registrableDomain } from './hosts';
import { foldNameWord, nameParts } from './normalize';
import type { Lead, Prospect } from './schema';

/** Address patterns a company may use; `f`/`l` are the initials. */
export const EMAIL_PATTERNS = [
  'first.last',
  'firstlast',
  'first_last',
  'first-last',
  'flast',
  'f.last',
  'f_last',
  'first',
  'firstl',
  'first.l',
  'last.first',
  'lastfirst',
  'last_first',
  'last',
  'lastf',
  'last.f',
] as const;
export type EmailPattern = (typeof EMAIL_PATTERNS)[number];

/**
 * How a name part of several words is written: `join` (marieclaire,
 * vanderberg), `hyphen` (marie-claire, van-der-berg), only its `first` word
 * (garcia of García Márquez) or its `last` word (berg of van der Berg).
 */
export type PartStyle = 'join' | 'hyphen' | 'first' | 'last';
const STYLES: PartStyle[] = ['join', 'hyphen', 'first', 'last'];

/** A company's inferred address pattern. */
export interface InferredPattern {
  domain: string;
  pattern: EmailPattern;
  /** How multi-word first and last names are written (`join` when no saved lead showed it). */
  firstStyle: PartStyle;
  lastStyle: PartStyle;
  /** Saved leads whose address follows the pattern. */
  count: number;
}

/** A suggested address for a prospect, never part of the lead until the user accepts it. */
export interface EmailSuggestion {
  email: string;
  domain: string;
  pattern: EmailPattern;
  /** How many saved leads at the domain follow the pattern ("guessed from N saved leads"). */
  count: number;
}

/** Leads needed to agree on a pattern before it is used. */
export const MIN_PATTERN_LEADS = 2;


/** The words of a name part, folded ("Marie-Claire" → marie, claire; "O'Neil" → oneil). */
function words(part: string): string[] {
  return part
    .split(/[\s\-‐‑–]+/)
    .map(foldNameWord)
    .filter(Boolean);
}

function render(ws: string[], style: PartStyle): string {
  if (style === 'first') return ws[0] ?? '';
  if (style === 'last') return ws.at(-1) ?? '';
  return ws.join(style === 'hyphen' ? '-' : '');
}

/** The folded first- and last-name words of a lead or prospect; null without both. */
export function nameWords(p: { name: string; firstName: string; lastName: string }): { first: string[]; last: string[] } | null {
  const { firstName, lastName } = nameParts(p);
  const first = words(firstName);
  const last = words(lastName.replace(/,.*$/, ''));
  return first.length && last.length ? { first, last } : null;
}

/** The local part a pattern gives for a name, with the given ways of writing multi-word parts. */
export function localPart(pattern: EmailPattern, name: { first: string[]; last: string[] }, firstStyle: PartStyle = 'join', lastStyle: PartStyle = 'join'): string {
  const f = render(name.first, firstStyle);
  const l = render(name.last, lastStyle);
  const fi = f[0] ?? '';
  const li = l[0] ?? '';
  const parts: Record<EmailPattern, string> = {
    'first.last': `${f}.${l}`,
    firstlast: `${f}${l}`,
    first_last: `${f}_${l}`,
    'first-last': `${f}-${l}`,
    flast: `${fi}${l}`,
    'f.last': `${fi}.${l}`,
    f_last: `${fi}_${l}`,
    first: f,
    firstl: `${f}${li}`,
    'first.l': `${f}.${li}`,
    'last.first': `${l}.${f}`,
    lastfirst: `${l}${f}`,
    last_first: `${l}_${f}`,
    last: l,
    lastf: `${l}${fi}`,
    'last.f': `${l}.${fi}`,
  };
  return parts[pattern];
}

/** The lower-cased domain of an address, '' if it has none. */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1).trim().toLowerCase();
}

interface Match {
  pattern: EmailPattern;
  /** Styles that reproduce the address; all of them when the part has one word (no evidence). */
  firstStyles: PartStyle[];
  lastStyles: PartStyle[];
}

/** Every pattern (with the part styles) that turns this name into this local part. */
function matchesOf(local: string, name: { first: string[]; last: string[] }): Match[] {
  const out: Match[] = [];
  for (const pattern of EMAIL_PATTERNS) {
    const firstStyles: PartStyle[] = [];
    const lastStyles: PartStyle[] = [];
    for (const fs of STYLES) for (const ls of STYLES) {
      if (localPart(pattern, name, fs, ls) !== local) continue;
      if (!firstStyles.includes(fs)) firstStyles.push(fs);
      if (!lastStyles.includes(ls)) lastStyles.push(ls);
    }
    if (firstStyles.length) out.push({ pattern, firstStyles, lastStyles });
  }
  return out;
}

/** The style most saved leads show for a part, among those whose part had several words. */
function votedStyle(votes: PartStyle[][]): PartStyle {
  const counts = new Map<PartStyle, number>();
  // A lead whose part is one word fits every style: no evidence either way.
  for (const styles of votes) if (styles.length < STYLES.length) for (const s of styles) counts.set(s, (counts.get(s) ?? 0) + 1);
  let best: PartStyle = 'join';
  let bestCount = 0;
  for (const s of STYLES) if ((counts.get(s) ?? 0) > bestCount) [best, bestCount] = [s, counts.get(s)!];
  return best;
}

/**
 * The address pattern of a company domain, from saved leads with an address
 * there: the pattern that most of them follow, when at least
 * {@link MIN_PATTERN_LEADS} do and no other pattern is followed as often
 * (a tie gives no pattern rather than a coin toss). Free-mail domains give none.
 */
export function inferEmailPattern(leads: ReadonlyArray<Pick<Lead, 'name' | 'firstName' | 'lastName' | 'emails'>>, domain: string): InferredPattern | null {
  const d = domain.trim().toLowerCase();
  if (!d || isFreeMailDomain(d)) return null;
  const byPattern = new Map<EmailPattern, Array<{ firstStyles: PartStyle[]; lastStyles: PartStyle[] }>>();
  const seen = new Set<string>();
  for (const lead of leads) {
    const name = nameWords(lead);
    if (!name) continue;
    const matched = new Map<EmailPattern, Match>();
    for (const email of lead.emails) {
      if (emailDomain(email) !== d) continue;
      // A sub-address (jane.doe+crm@) follows the pattern before its tag.
      const local = email.slice(0, email.lastIndexOf('@')).toLowerCase().replace(/\+.*$/, '');
      // The same address saved twice (two records of one person) counts once.
      if (seen.has(local)) continue;
      seen.add(local);
      for (const m of matchesOf(local, name)) if (!matched.has(m.pattern)) matched.set(m.pattern, m);
    }
    for (const m of matched.values()) {
      const list = byPattern.get(m.pattern) ?? [];
      list.push({ firstStyles: m.firstStyles, lastStyles: m.lastStyles });
      byPattern.set(m.pattern, list);
    }
  }
  const ranked = [...byPattern.entries()].sort((a, b) => b[1].length - a[1].length);
  const [top, next] = ranked;
  if (!top || top[1].length < MIN_PATTERN_LEADS || (next && next[1].length === top[1].length)) return null;
  return {
    domain: d,
    pattern: top[0],
    count: top[1].length,
    firstStyle: votedStyle(top[1].map((v) => v.firstStyles)),
    lastStyle: votedStyle(top[1].map((v) => v.lastStyles)),
  };
}

/** The address a pattern gives a person, or null when the name lacks a first or last name. */
export function applyEmailPattern(p: InferredPattern, person: { name: string; firstName: string; lastName: string }): string | null {
  const name = nameWords(person);
  if (!name) return null;
  const local = localPart(p.pattern, name, p.firstStyle, p.lastStyle);
  return /^[a-z0-9]/.test(local) ? `${local}@${p.domain}` : null;
}

/** A host without `www.`, lower case; '' for a value that is no http(s) address. */
function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? u.hostname.toLowerCase().replace(/^www\./, '') : '';
  } catch {
    return '';
  }
}

/**
 * The domains a prospect's company may use for email, best first: its
 * website's host (and the domain it is registered under, `team.acme.com` → `acme.com`),
 * then the host of the page it was read from (a personal site as website
 * must not hide the employer's team page), each unless it is a platform
 * (LinkedIn, GitHub, X …) or a free-mail provider. A prospect that has an
 * email already gets none.
 */
export function companyDomains(prospect: Pick<Prospect, 'emails' | 'website' | 'sourceUrl'>): string[] {
  if (prospect.emails.length) return [];
  const out: string[] = [];
  for (const host of [hostOf(prospect.website), hostOf(prospect.sourceUrl)]) {
    if (!host || isPlatformHost(host) || isFreeMailDomain(host) || /^[\d.]+$|^\[|^localhost$/.test(host) || !host.includes('.')) continue;
    out.push(host, registrableDomain(host));
  }
  return [...new Set(out)];
}

/**
 * The suggested address for a prospect with a name and no email: the
 * pattern of the first of its {@link companyDomains} where saved leads
 * agree on one. `leadsAt` reads saved leads with an address at a domain
 * (an index lookup, bounded).
 */
export async function suggestEmail(
  prospect: Pick<Prospect, 'name' | 'firstName' | 'lastName' | 'emails' | 'website' | 'sourceUrl'>,
  leadsAt: (domain: string) => Promise<ReadonlyArray<Pick<Lead, 'name' | 'firstName' | 'lastName' | 'emails'>>>,
): Promise<EmailSuggestion | null> {
  if (!nameWords(prospect)) return null;
  for (const domain of companyDomains(prospect)) {
    const pattern = inferEmailPattern(await leadsAt(domain), domain);
    const email = pattern && applyEmailPattern(pattern, prospect);
    if (pattern && email) return { email, domain, pattern: pattern.pattern, count: pattern.count };
  }
  return null;
}
