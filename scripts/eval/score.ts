// Scores extracted leads against a page's expected people: pairing, field comparison, precision/recall/F1.
/*
 * The rules follow the shared conformance suite's README (../shared/conformance):
 * names ignore case, punctuation, leading honorifics and trailing degrees;
 * titles and companies ignore case, spacing and surrounding punctuation;
 * emails and phones are compared as sets; URLs without scheme, www, query,
 * fragment, trailing slash or case (twitter.com = x.com); a location passes
 * when each comma-separated part of the expected one appears as whole words.
 * `null` in an expectation means "not checked"; a list for a scalar field
 * lists accepted alternatives; a person with `optional: true` may be absent.
 */

/** The compared fields, in report order. */
export const FIELDS = ['name', 'title', 'company', 'emails', 'phones', 'linkedin', 'x', 'github', 'website', 'location'] as const;
export type Field = (typeof FIELDS)[number];
type ListField = 'emails' | 'phones';
type ScalarField = Exclude<Field, ListField>;
const PROFILE_FIELDS = ['linkedin', 'x', 'github'] as const;

/** One expected person (expected.json holds an array of these). */
export interface ExpectedPerson {
  name?: string | string[] | null;
  title?: string | string[] | null;
  company?: string | string[] | null;
  emails?: string[] | null;
  phones?: string[] | null;
  linkedin?: string | string[] | null;
  x?: string | string[] | null;
  github?: string | string[] | null;
  website?: string | string[] | null;
  location?: string | string[] | null;
  /** May be absent from the output without counting as missed. */
  optional?: boolean;
}

/** The compared fields of one extracted lead. */
export type LeadView = Record<ScalarField, string> & Record<ListField, string[]>;

/** True/false positives and false negatives of one field. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export type FieldCounts = Record<Field, Counts>;

/** One difference between expectation and output, for the report. */
export interface Difference {
  kind: 'field' | 'missing' | 'unexpected';
  person: string;
  field?: Field;
  expected?: unknown;
  actual?: unknown;
}

/** The score of one page. */
export interface PageScore {
  /** Expected (non-optional) people found, and paired optional ones. */
  paired: number;
  missing: number;
  unexpected: number;
  fields: FieldCounts;
  differences: Difference[];
}

const HONORIFIC = /^(?:dr|mr|mrs|ms|mx|miss|prof|professor|sir|dame)$/;
const DEGREE = /^(?:phd|md|msc|bsc|ba|ma|mba|dphil|esq)$/;

/** A name for comparison: no case, punctuation, leading honorifics or trailing degrees. */
export function normName(s: unknown): string {
  const words = String(s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.,;:()"'“”‘’]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  while (words.length > 1 && HONORIFIC.test(words[0]!)) words.shift();
  while (words.length > 1 && DEGREE.test(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

/** Name words in any order: pairs "Sorensen, Helena" with "Helena Sorensen" (the name field itself still differs). */
function nameKey(s: unknown): string {
  return normName(s).split(' ').sort().join(' ');
}

/** Title or company for comparison: no case, extra spacing or surrounding punctuation. */
export function normText(s: unknown): string {
  return String(s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s,.;:]+|[\s,.;:]+$/g, '');
}

function normEmail(s: string): string {
  return (s.trim().replace(/^mailto:/i, '').split('?')[0] ?? '').toLowerCase();
}

function normPhone(s: string): string {
  const t = s.trim();
  return (t.startsWith('+') ? '+' : '') + t.replace(/\D/g, '');
}

/** The comparable key of a LinkedIn, X/Twitter or GitHub profile URL, else null. */
export function profileKey(raw: string): string | null {
  const t = raw.trim();
  let u: URL;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:/i.test(t) ? t : `https://${t}`);
  } catch {
    return null;
  }
  const host = u.hostname.toLowerCase().replace(/^(?:www|mobile|m|[a-z]{2})\./, '');
  const parts = u.pathname.split('/').filter(Boolean);
  if (host === 'linkedin.com' && (parts[0] === 'in' || parts[0] === 'pub') && parts[1]) {
    return `linkedin.com/in/${decodeURIComponent(parts[1]).toLowerCase()}`;
  }
  if ((host === 'x.com' || host === 'twitter.com') && parts[0] && /^\w{1,15}$/.test(parts[0])) return `x.com/${parts[0].toLowerCase()}`;
  if (host === 'github.com' && parts.length === 1) return `github.com/${parts[0]!.toLowerCase()}`;
  return null;
}

/** A URL for comparison: profile key, or no scheme, www, query, fragment, trailing slash or case. */
export function normUrl(s: unknown): string {
  const t = String(s ?? '').trim();
  if (!t) return '';
  return (
    profileKey(t) ??
    t
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/^www\./, '')
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
  );
}

function wordsOf(s: unknown): string {
  return ` ${String(s ?? '').normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (Array.isArray(v) ? v.length === 0 : String(v).trim() === '');
}

function locationEquals(expected: string, actual: string): boolean {
  const a = wordsOf(actual);
  if (!normText(expected)) return !a.trim();
  if (!a.trim()) return false;
  return expected
    .split(',')
    .map(wordsOf)
    .filter((part) => part.trim())
    .every((part) => a.includes(part));
}

function scalarEquals(field: ScalarField, expected: string, actual: string): boolean {
  if (field === 'location') return locationEquals(expected, actual);
  if (isEmpty(expected) || isEmpty(actual)) return isEmpty(expected) && isEmpty(actual);
  if (field === 'name') return normName(expected) === normName(actual);
  if (field === 'website' || field === 'linkedin' || field === 'x' || field === 'github') return normUrl(expected) === normUrl(actual);
  return normText(expected) === normText(actual);
}

function alternatives(expected: string | string[]): string[] {
  return Array.isArray(expected) ? expected : [expected];
}

/** Whether an extracted scalar matches the expectation (one string, or a list of accepted alternatives). */
export function scalarMatches(field: ScalarField, expected: string | string[], actual: string): boolean {
  return alternatives(expected).some((e) => scalarEquals(field, e, actual));
}

/** The distinct normalised values of a list field. */
export function listValues(field: ListField, values: readonly string[] | null | undefined): string[] {
  const f = field === 'emails' ? normEmail : normPhone;
  return [...new Set((values ?? []).map((v) => f(String(v))).filter(Boolean))];
}

/** The compared fields of a lead printed by the extraction CLI (profiles.* for the three profile fields). */
export function leadView(lead: unknown): LeadView {
  const l = (lead ?? {}) as Record<string, unknown>;
  const profiles = (l.profiles ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  return {
    name: str(l.name),
    title: str(l.title),
    company: str(l.company),
    emails: list(l.emails),
    phones: list(l.phones),
    linkedin: str(profiles.linkedin),
    x: str(profiles.x),
    github: str(profiles.github),
    website: str(l.website),
    location: str(l.location),
  };
}

/** How strongly an expected person and a lead look like the same person; 0 = not at all. */
export function pairStrength(e: ExpectedPerson, a: LeadView): number {
  let s = 0;
  if (e.emails) {
    const have = new Set(listValues('emails', a.emails));
    if (listValues('emails', e.emails).some((x) => have.has(x))) s += 8;
  }
  for (const k of PROFILE_FIELDS) {
    const want = e[k];
    if (!isEmpty(want) && !isEmpty(a[k]) && scalarMatches(k, want!, a[k])) s += 8;
  }
  if (!isEmpty(e.name) && !isEmpty(a.name)) {
    const names = alternatives(e.name!).filter((n) => !isEmpty(n));
    if (names.some((n) => normName(n) === normName(a.name))) s += 4;
    else if (names.some((n) => nameKey(n) === nameKey(a.name))) s += 3;
  }
  if (e.phones) {
    const have = new Set(listValues('phones', a.phones));
    if (listValues('phones', e.phones).some((x) => have.has(x))) s += 2;
  }
  if (s > 0 && !isEmpty(e.website) && !isEmpty(a.website) && scalarMatches('website', e.website!, a.website)) s += 1;
  return s;
}

/**
 * Pairs expected people with leads greedily, strongest evidence first (ties:
 * page order), each used at most once. Returns index pairs and the leftovers.
 */
export function pairPeople(expected: ExpectedPerson[], actual: LeadView[]): { pairs: [number, number][]; missing: number[]; extra: number[] } {
  const candidates: [number, number, number][] = [];
  expected.forEach((e, i) =>
    actual.forEach((a, j) => {
      const s = pairStrength(e, a);
      if (s > 0) candidates.push([s, i, j]);
    }),
  );
  candidates.sort((p, q) => q[0] - p[0] || p[1] - q[1] || p[2] - q[2]);
  const usedE = new Set<number>();
  const usedA = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [, i, j] of candidates) {
    if (usedE.has(i) || usedA.has(j)) continue;
    usedE.add(i);
    usedA.add(j);
    pairs.push([i, j]);
  }
  return {
    pairs,
    missing: expected.map((_, i) => i).filter((i) => !usedE.has(i)),
    extra: actual.map((_, j) => j).filter((j) => !usedA.has(j)),
  };
}

/** Empty counts for every field. */
export function emptyFieldCounts(): FieldCounts {
  return Object.fromEntries(FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as FieldCounts;
}

/**
 * Counts one field of one person and tells whether it matched. A value given
 * that matches is TP, one that does not (or where nothing was expected) FP,
 * an expected value not given FN; list fields count per element.
 */
export function countField(counts: FieldCounts, field: Field, expected: unknown, actual: unknown): boolean {
  if (expected === null || expected === undefined) return true;
  const c = counts[field];
  if (field === 'emails' || field === 'phones') {
    const e = listValues(field, expected as string[]);
    const a = listValues(field, actual as string[]);
    const tp = a.filter((x) => e.includes(x)).length;
    c.tp += tp;
    c.fp += a.length - tp;
    c.fn += e.length - tp;
    return tp === a.length && tp === e.length;
  }
  const exp = expected as string | string[];
  const act = String(actual ?? '');
  const ok = scalarMatches(field, exp, act);
  if (!isEmpty(act)) {
    if (ok) c.tp++;
    else c.fp++;
  }
  if (!ok && alternatives(exp).some((x) => !isEmpty(x))) c.fn++;
  return ok;
}

function label(p: ExpectedPerson | LeadView): string {
  const name = p.name === null || p.name === undefined ? '' : alternatives(p.name).find((n) => !isEmpty(n));
  if (name) return name;
  const other = p.emails?.[0] ?? PROFILE_FIELDS.map((k) => p[k]).find((v) => !isEmpty(v)) ?? p.phones?.[0];
  return other ? `<${alternatives(other)[0]}>` : '(no name)';
}

/**
 * Scores the leads extracted from one page against its expected people.
 * Unpaired leads count against precision whatever they hold: the CLI is
 * meant to print people only.
 */
export function scorePage(expected: ExpectedPerson[], leads: unknown[]): PageScore {
  const actual = leads.map(leadView);
  const fields = emptyFieldCounts();
  const differences: Difference[] = [];
  const { pairs, missing, extra } = pairPeople(expected, actual);
  for (const [i, j] of pairs) {
    const e = expected[i]!;
    const a = actual[j]!;
    for (const f of FIELDS) {
      if (!countField(fields, f, e[f], a[f])) differences.push({ kind: 'field', person: label(e), field: f, expected: e[f], actual: a[f] });
    }
  }
  let missed = 0;
  for (const i of missing) {
    const e = expected[i]!;
    if (e.optional) continue;
    missed++;
    for (const f of FIELDS) countField(fields, f, e[f], f === 'emails' || f === 'phones' ? [] : '');
    differences.push({ kind: 'missing', person: label(e) });
  }
  for (const j of extra) {
    const a = actual[j]!;
    for (const f of FIELDS) countField(fields, f, f === 'emails' || f === 'phones' ? [] : '', a[f]);
    differences.push({ kind: 'unexpected', person: label(a), actual: a });
  }
  return { paired: pairs.length, missing: missed, unexpected: extra.length, fields, differences };
}

/** Precision, recall and F1 of counts; null where undefined (nothing given / nothing expected). */
export function rates(c: Counts): { precision: number | null; recall: number | null; f1: number | null } {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : null;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : null;
  const f1 = precision !== null && recall !== null ? (precision + recall ? (2 * precision * recall) / (precision + recall) : 0) : null;
  return { precision, recall, f1 };
}

/** Person-level counts of a page score: paired people are TP, unexpected FP, missing FN. */
export function personCounts(s: Pick<PageScore, 'paired' | 'missing' | 'unexpected'>): Counts {
  return { tp: s.paired, fp: s.unexpected, fn: s.missing };
}

/** Sums page scores into corpus totals. */
export function sumScores(scores: PageScore[]): { persons: Counts; fields: FieldCounts } {
  const persons: Counts = { tp: 0, fp: 0, fn: 0 };
  const fields = emptyFieldCounts();
  for (const s of scores) {
    const p = personCounts(s);
    persons.tp += p.tp;
    persons.fp += p.fp;
    persons.fn += p.fn;
    for (const f of FIELDS) for (const k of ['tp', 'fp', 'fn'] as const) fields[f][k] += s.fields[f][k];
  }
  return { persons, fields };
}
