// Identity keys of a lead, and merging records that describe the same person.
import { normalizeEmail, splitName, unique, urlKey } from './normalize';
import { LeadSchema, LIMITS, provenanceKey, type Confidence, type Lead, type Prospect, type Provenance } from './schema';

const SCALARS = ['name', 'firstName', 'lastName', 'title', 'company', 'website', 'location', 'sourceUrl'] as const;
const PROFILE_SLOTS = ['linkedin', 'x', 'github'] as const;

/**
 * Keys that identify a person across pages and saves: each email address
 * and each profile URL, normalised. Two records sharing any key are the same
 * person.
 */
export function identityKeys(p: Pick<Prospect, 'emails' | 'profiles'>): { emails: string[]; profiles: string[] } {
  return {
    emails: unique(p.emails.map(normalizeEmail).filter(Boolean)),
    profiles: unique(
      [p.profiles.linkedin, p.profiles.x, p.profiles.github, ...p.profiles.other].filter(Boolean).map(urlKey),
    ),
  };
}

/** Whether two records describe the same person (a shared email or profile URL). */
export function isSamePerson(a: Pick<Prospect, 'emails' | 'profiles'>, b: Pick<Prospect, 'emails' | 'profiles'>): boolean {
  const ka = identityKeys(a);
  const kb = identityKeys(b);
  return ka.emails.some((e) => kb.emails.includes(e)) || ka.profiles.some((u) => kb.profiles.includes(u));
}

/**
 * Merges two descriptions of one person. Scalars come from `preferred` when
 * it has them, else from the other; lists are united (preferred first,
 * without duplicates); provenance follows the value that was kept.
 */
export function mergeProspects<T extends Prospect>(preferred: T, other: Prospect): T {
  const out: T = structuredClone(preferred);
  const prov: Provenance = { ...out.provenance };
  const conf: NonNullable<Confidence> = { ...out.confidence };
  // Confidence travels with provenance: a value taken from `other` keeps how sure `other` was of it.
  const take = (key: string): void => {
    const src = other.provenance[key];
    if (src) prov[key] = src;
    const c = other.confidence?.[key];
    if (c) conf[key] = c;
  };
  // First and last name only belong with the name they came from.
  const namesAgree = !preferred.name || !other.name || preferred.name.toLowerCase() === other.name.toLowerCase();
  for (const f of SCALARS) {
    if ((f === 'firstName' || f === 'lastName') && !namesAgree) continue;
    if (!out[f] && other[f]) {
      out[f] = other[f];
      take(f);
    }
  }
  if (out.name && !out.firstName && !out.lastName) {
    Object.assign(out, splitName(out.name));
    if (out.firstName) prov.firstName = prov.name ?? 'user';
    if (out.lastName) prov.lastName = prov.name ?? 'user';
  }
  for (const slot of PROFILE_SLOTS) {
    if (!out.profiles[slot] && other.profiles[slot]) {
      out.profiles[slot] = other.profiles[slot];
      take(`profiles.${slot}`);
    }
  }
  const otherKeys = new Set(out.profiles.other.map(urlKey));
  // Lists stop at the schema's bound, so merging two full records still makes a valid one.
  for (const u of other.profiles.other) {
    if (!otherKeys.has(urlKey(u)) && out.profiles.other.length < LIMITS.listItems) out.profiles.other.push(u);
  }
  for (const field of ['emails', 'phones'] as const) {
    for (const v of other[field]) {
      if (out[field].includes(v) || out[field].length >= LIMITS.listItems) continue;
      out[field].push(v);
      take(provenanceKey(field, v));
    }
  }
  out.provenance = prov;
  if (out.confidence || other.confidence) out.confidence = conf;
  return out;
}

/** Case-insensitive, order-preserving union of tag lists. */
export function mergeTags(...lists: string[][]): string[] {
  const seen = new Map<string, string>();
  for (const t of lists.flat()) {
    const tag = t.trim();
    if (tag && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  return [...seen.values()];
}

/**
 * Saving a person who is already stored: the incoming (just reviewed) values
 * win, lists and tags are united, an empty incoming note keeps the old one,
 * and the lead keeps its id and first capture date.
 */
export function mergeLead(existing: Lead, incoming: Lead, now = new Date()): Lead {
  const merged = mergeProspects(incoming, existing);
  return LeadSchema.parse({
    ...merged,
    id: existing.id,
    capturedAt: existing.capturedAt,
    updatedAt: now.toISOString(),
    tags: mergeTags(incoming.tags, existing.tags).slice(0, LIMITS.tags),
    note: incoming.note || existing.note,
  });
}

/**
 * Folds a second stored record of the same person into `kept`: `kept`'s
 * values, id and tags come first, the other only fills gaps; both notes are
 * kept, and the earlier capture date wins, so nothing the user wrote is lost.
 */
export function absorbLead(kept: Lead, other: Lead, now = new Date()): Lead {
  const merged = mergeProspects(kept, other);
  const notes = unique([kept.note, other.note].map((n) => n.trim()).filter(Boolean));
  return LeadSchema.parse({
    ...merged,
    id: kept.id,
    capturedAt: kept.capturedAt < other.capturedAt ? kept.capturedAt : other.capturedAt,
    updatedAt: now.toISOString(),
    tags: mergeTags(kept.tags, other.tags).slice(0, LIMITS.tags),
    note: notes.join('\n\n').slice(0, LIMITS.note),
  });
}

/**
 * Draft for a person found again on a page: the page's fresh values, except
 * where the user had typed their own (provenance `user`), plus the saved
 * lead's lists, tags, note, id and capture date, so saving it updates that
 * lead and loses none of the user's work.
 */
export function prefillFromSaved(draft: Lead, saved: Lead): Lead {
  const out = mergeProspects(draft, saved);
  for (const f of SCALARS) {
    if (saved.provenance[f] === 'user') {
      out[f] = saved[f];
      out.provenance[f] = 'user';
    }
  }
  for (const slot of PROFILE_SLOTS) {
    const key = `profiles.${slot}`;
    if (saved.provenance[key] === 'user') {
      out.profiles[slot] = saved.profiles[slot];
      out.provenance[key] = 'user';
    }
  }
  return { ...out, id: saved.id, capturedAt: saved.capturedAt, tags: saved.tags, note: saved.note };
}
