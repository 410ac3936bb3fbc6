// Repairs one untrusted lead record (an imported one, or one read from storage) field by field, saying what it changed.
import type { z } from 'zod';
import { parseCanonicalLead } from './canonical';
import { LeadSchema, LIMITS, isWebUrl, type Lead } from './schema';

/** Readable names of lead fields, for messages that tell the user which field is at fault. */
export const FIELD_LABELS: Record<string, string> = {
  id: 'Id',
  name: 'Name',
  firstName: 'First name',
  lastName: 'Last name',
  title: 'Job title',
  company: 'Company',
  emails: 'Emails',
  phones: 'Phones',
  profiles: 'Profiles',
  'profiles.linkedin': 'LinkedIn',
  'profiles.x': 'X',
  'profiles.github': 'GitHub',
  'profiles.other': 'Other profiles',
  website: 'Website',
  location: 'Location',
  sourceUrl: 'Source page',
  provenance: 'Provenance',
  tags: 'Tags',
  note: 'Note',
  capturedAt: 'Captured at',
  updatedAt: 'Updated at',
  rev: 'Revision',
  history: 'History',
};

/** The label of an issue path: `profiles.other.3` → "Other profiles". */
export function fieldLabel(path: ReadonlyArray<PropertyKey>): string {
  const keys = path.filter((k) => typeof k === 'string') as string[];
  for (let n = keys.length; n > 0; n--) {
    const label = FIELD_LABELS[keys.slice(0, n).join('.')];
    if (label) return label;
  }
  return keys.join('.') || 'record';
}

/** One zod issue as a sentence a user can act on. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const label = fieldLabel(issue.path);
  if (issue.code === 'too_big') {
    return issue.origin === 'array' || issue.origin === 'set'
      ? `${label}: more than ${issue.maximum} items`
      : `${label}: longer than ${issue.maximum} characters`;
  }
  if (issue.code === 'too_small' && issue.origin === 'string') return `${label}: empty`;
  if (issue.code === 'invalid_type') return `${label}: expected ${issue.expected}`;
  return `${label}: ${issue.message}`;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function getAt(obj: Json, path: PropertyKey[]): unknown {
  let cur: unknown = obj;
  for (const k of path) cur = isObject(cur) || Array.isArray(cur) ? (cur as Json)[k as string] : undefined;
  return cur;
}

function setAt(obj: Json, path: PropertyKey[], value: unknown): void {
  let cur: unknown = obj;
  for (const k of path.slice(0, -1)) cur = (cur as Json)[k as string];
  if (Array.isArray(cur) && value === undefined) cur.splice(Number(path.at(-1)), 1);
  else if (value === undefined) delete (cur as Json)[path.at(-1) as string];
  else (cur as Json)[path.at(-1) as string] = value;
}

const URL_FIELDS = ['website', 'sourceUrl', 'profiles.linkedin', 'profiles.x', 'profiles.github'] as const;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/** What {@link repairLead} made of a record. */
export type RepairResult = { ok: true; lead: Lead; repairs: string[] } | { ok: false; reason: string };

/**
 * Validates one record on its own and repairs what can be repaired without
 * guessing: over-long text is cut, over-long lists shortened, links that are
 * not http(s) dropped, bad provenance or history entries removed, a missing
 * id or date replaced. Each repair is described; a record that still fails
 * (not an object, a name that is a number) is refused with a readable reason.
 * Never throws.
 */
export function repairLead(input: unknown, now = new Date(), newId: () => string = () => crypto.randomUUID()): RepairResult {
  if (!isObject(input)) return { ok: false, reason: `not a lead (${Array.isArray(input) ? 'a list' : input === null ? 'null' : `a ${typeof input}`})` };
  // A record already in the schema's form (our own backups, stored leads) needs no copy and no repair.
  const canonical = parseCanonicalLead(input);
  if (canonical) return { ok: true, lead: canonical, repairs: [] };
  let record: Json;
  try {
    record = structuredClone(input);
  } catch {
    return { ok: false, reason: 'not a lead (unreadable value)' };
  }
  const repairs: string[] = [];

  // Links with another scheme are emptied by the schema; say so.
  for (const f of URL_FIELDS) {
    const path = f.split('.');
    const v = getAt(record, path);
    if (typeof v === 'string' && v.trim() && !isWebUrl(v) && !(f === 'sourceUrl' && /^file:\/\//i.test(v.trim()))) {
      repairs.push(`${fieldLabel(path)}: removed a link that is not http(s) (${v.trim().slice(0, 20)}…)`);
      setAt(record, path, '');
    }
  }
  const other = getAt(record, ['profiles', 'other']);
  if (Array.isArray(other) && other.some((u) => typeof u !== 'string' || !isWebUrl(u))) {
    repairs.push('Other profiles: removed links that are not http(s)');
    (record.profiles as Json).other = other.filter((u) => typeof u === 'string' && isWebUrl(u));
  }
  if (Array.isArray(record.emails)) {
    const kept = record.emails.filter((e) => typeof e === 'string' && !/^(?!mailto:)[a-z][a-z0-9+.-]*:/i.test(e.trim()));
    if (kept.length < record.emails.length) repairs.push('Emails: removed values that are not email addresses');
    record.emails = kept;
  }
  if (isObject(record.provenance) && Object.keys(record.provenance).length > LIMITS.provenanceKeys) {
    repairs.push(`Provenance: kept the first ${LIMITS.provenanceKeys} entries`);
    record.provenance = Object.fromEntries(Object.entries(record.provenance).slice(0, LIMITS.provenanceKeys));
  }

  for (let pass = 0; pass < 50; pass++) {
    const parsed = LeadSchema.safeParse(record);
    if (parsed.success) return { ok: true, lead: parsed.data, repairs };
    let fixed = false;
    for (const issue of parsed.error.issues) {
      const path = issue.path as PropertyKey[];
      const top = String(path[0] ?? '');
      const value = getAt(record, path);
      if (top === 'id') {
        setAt(record, ['id'], newId());
        repairs.push(`Id: ${value === undefined ? 'missing' : 'invalid'}, a new one was given`);
      } else if (top === 'capturedAt' || top === 'updatedAt') {
        const otherDate = record[top === 'capturedAt' ? 'updatedAt' : 'capturedAt'];
        setAt(record, [top], typeof otherDate === 'string' && ISO.test(otherDate) ? otherDate : now.toISOString());
        repairs.push(`${fieldLabel(path)}: not a date, replaced`);
      } else if (top === 'provenance' || top === 'history' || top === 'rev') {
        setAt(record, [top], undefined);
        repairs.push(`${fieldLabel(path)}: unreadable, dropped`);
      } else if (issue.code === 'too_big' && typeof value === 'string') {
        setAt(record, path, value.trim().slice(0, Number(issue.maximum)));
        repairs.push(`${describeIssue(issue)}, cut to fit`);
      } else if (issue.code === 'too_big' && Array.isArray(value)) {
        setAt(record, path, value.slice(0, Number(issue.maximum)));
        repairs.push(`${describeIssue(issue)}, kept the first ${issue.maximum}`);
      } else if (path.length > 1 && typeof path.at(-1) === 'number' && (issue.code === 'too_small' || issue.code === 'invalid_type' || issue.code === 'too_big')) {
        // One bad list item (an empty tag, a number among emails) is dropped, not the record.
        setAt(record, path, undefined);
        repairs.push(`${fieldLabel(path)}: dropped an invalid item`);
      } else if (issue.code === 'invalid_type' && value === null) {
        setAt(record, path, undefined);
        repairs.push(`${fieldLabel(path)}: empty value removed`);
      } else {
        return { ok: false, reason: describeIssue(issue) };
      }
      fixed = true;
      break; // paths shift after a removal: re-validate before the next fix
    }
    if (!fixed) break;
  }
  const last = LeadSchema.safeParse(record);
  if (last.success) return { ok: true, lead: last.data, repairs };
  return { ok: false, reason: last.error.issues[0] ? describeIssue(last.error.issues[0]) : 'invalid lead' };
}
