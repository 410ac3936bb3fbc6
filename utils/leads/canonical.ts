// Fast exact validation of records already in the Lead schema's output form (stored leads, our own backups), falling back to zod for anything else.
import { clampSourceUrl, ConfidenceLevelSchema, EMAIL_SHAPE, FieldSourceSchema, HistoryEntrySchema, isWebUrl, LeadSchema, LIMITS, type Lead } from './schema';

type Json = Record<string, unknown>;

const SOURCES = new Set<unknown>(FieldSourceSchema.options);
const LEVELS = new Set<unknown>(ConfidenceLevelSchema.options);
const HISTORY_FIELDS = new Set<unknown>(HistoryEntrySchema.shape.field.options);
const HISTORY_CHANGES = new Set<unknown>(HistoryEntrySchema.shape.change.options);
/** zod's own datetime pattern (the schema's, so both accept exactly the same dates). */
const DATETIME = (LeadSchema.shape.capturedAt as unknown as { _zod?: { pattern?: unknown } })._zod?.pattern;
const MAILTO = /^mailto:/i;

/** The fields this check knows, in the schema's order (zod's output order). */
const FIELDS = ['name', 'firstName', 'lastName', 'title', 'company', 'emails', 'phones', 'profiles', 'website', 'location', 'sourceUrl', 'provenance', 'confidence', 'id', 'tags', 'note', 'capturedAt', 'updatedAt', 'rev', 'history'];
/**
 * Whether the check still matches the schema: a field added to (or removed
 * from) LeadSchema, or a zod without the datetime pattern, turns the fast
 * path off (every record then goes through zod) until this file follows.
 */
export const CANONICAL_CHECK_ACTIVE = DATETIME instanceof RegExp && Object.keys(LeadSchema.shape).join() === FIELDS.join();

const isPlain = (v: unknown): v is Json => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
/** A string zod's `.trim().max(max)` leaves unchanged. */
const trimmed = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max && v === v.trim();
/** A link field's value that `webUrl()` leaves unchanged: '' or an http(s) URL. */
const link = (v: unknown): v is string => trimmed(v, LIMITS.url) && (v === '' || isWebUrl(v));
const date = (v: unknown): v is string => typeof v === 'string' && (DATETIME as RegExp).test(v);

function list<T>(v: unknown, max: number, item: (x: unknown) => x is T): T[] | undefined {
  if (!Array.isArray(v) || v.length > max) return undefined;
  for (let i = 0; i < v.length; i++) if (!item(v[i])) return undefined;
  return v.slice() as T[];
}

/** A copy of a provenance-like record (string keys ≤ 2,100 characters, values from `allowed`), or undefined. */
function record(v: unknown, allowed: Set<unknown>, maxKeys: number): Record<string, never> | undefined {
  if (!isPlain(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length > maxKeys) return undefined;
  const out: Json = {};
  for (const k of keys) {
    // zod leaves a "__proto__" key out of its output: let zod handle such a record.
    if (k.length > 2100 || k === '__proto__' || !allowed.has(v[k])) return undefined;
    out[k] = v[k];
  }
  return out as Record<string, never>;
}

function historyEntry(v: unknown): v is Lead['history'][number] {
  return (
    isPlain(v) &&
    date(v.at) &&
    HISTORY_FIELDS.has(v.field) &&
    typeof v.value === 'string' &&
    v.value.length <= LIMITS.shortText &&
    (v.source === '' || SOURCES.has(v.source)) &&
    HISTORY_CHANGES.has(v.change)
  );
}

const email = (v: unknown): v is string => trimmed(v, LIMITS.email) && !MAILTO.test(v) && EMAIL_SHAPE.test(v);
const phone = (v: unknown): v is string => trimmed(v, LIMITS.phone);
const otherProfile = (v: unknown): v is string => trimmed(v, LIMITS.url) && isWebUrl(v);
const tag = (v: unknown): v is string => trimmed(v, LIMITS.tag) && v.length >= 1;

/**
 * What `LeadSchema.parse(value)` returns, computed without zod, for a record
 * that is already in the schema's output form: every field present, each
 * value one that zod's trims, limits and transforms leave as it is (the form
 * the store writes and a backup holds). Returns undefined for anything else
 * (a missing field, a value zod would change or refuse, an unusual object),
 * and the caller parses it with zod: this only makes the common case cheap,
 * it never accepts what zod would not. Unknown keys are left out, as zod
 * does; the result shares nothing mutable with `value`.
 */
export function parseCanonicalLead(value: unknown): Lead | undefined {
  if (!CANONICAL_CHECK_ACTIVE || !isPlain(value)) return undefined;
  const v = value;
  if (!(trimmed(v.name, LIMITS.shortText) && trimmed(v.firstName, LIMITS.namePart) && trimmed(v.lastName, LIMITS.namePart))) return undefined;
  if (!(trimmed(v.title, LIMITS.shortText) && trimmed(v.company, LIMITS.shortText) && trimmed(v.location, LIMITS.shortText))) return undefined;
  if (!(link(v.website) && typeof v.sourceUrl === 'string' && clampSourceUrl(v.sourceUrl) === v.sourceUrl)) return undefined;
  if (!(typeof v.id === 'string' && v.id.length >= 1 && v.id.length <= 100)) return undefined;
  if (!(trimmed(v.note, LIMITS.note) && date(v.capturedAt) && date(v.updatedAt))) return undefined;
  if (!(typeof v.rev === 'number' && Number.isSafeInteger(v.rev) && v.rev >= 0)) return undefined;
  const p = v.profiles;
  if (!(isPlain(p) && link(p.linkedin) && link(p.x) && link(p.github))) return undefined;
  const other = list(p.other, LIMITS.listItems, otherProfile);
  const emails = list(v.emails, LIMITS.listItems, email);
  const phones = list(v.phones, LIMITS.listItems, phone);
  const tags = list(v.tags, LIMITS.tags, tag);
  const history = list(v.history, LIMITS.history, historyEntry);
  const provenance = record(v.provenance, SOURCES, LIMITS.provenanceKeys);
  if (!other || !emails || !phones || !tags || !history || !provenance) return undefined;
  let confidence: Lead['confidence'];
  if (v.confidence !== undefined) {
    confidence = record(v.confidence, LEVELS, Infinity);
    if (!confidence) return undefined;
  } else if ('confidence' in v) return undefined;
  // Built in the schema's field order, so JSON of the result is the same text as JSON of zod's.
  const lead: Lead = {
    name: v.name,
    firstName: v.firstName,
    lastName: v.lastName,
    title: v.title,
    company: v.company,
    emails,
    phones,
    profiles: { linkedin: p.linkedin, x: p.x, github: p.github, other },
    website: v.website,
    location: v.location,
    sourceUrl: v.sourceUrl,
    provenance,
    ...(confidence && { confidence }),
    id: v.id,
    tags,
    note: v.note,
    capturedAt: v.capturedAt,
    updatedAt: v.updatedAt,
    rev: v.rev,
    history: history.map((h) => ({ at: h.at, field: h.field, value: h.value, source: h.source, change: h.change })),
  };
  return lead;
}

/** A record parsed with the Lead schema: {@link parseCanonicalLead} when it can, zod's `safeParse` otherwise. */
export function safeParseLead(value: unknown): { success: true; data: Lead } | ReturnType<typeof LeadSchema.safeParse> {
  const fast = parseCanonicalLead(value);
  return fast ? { success: true, data: fast } : LeadSchema.safeParse(value);
}
