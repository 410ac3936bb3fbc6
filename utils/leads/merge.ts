// Identity keys of a lead, and merging records that describe the same person.
import { normalizeEmail, splitName, unique, urlKey } from './normalize';
import { LeadSchema, LIMITS, provenanceKey, type Confidence, type FieldSource, type HistoryEntry, type Lead, type Prospect, type Provenance } from './schema';

const SCALARS = ['name', 'firstName', 'lastName', 'title', 'company', 'website', 'location', 'sourceUrl'] as const;
const PROFILE_SLOTS = ['linkedin', 'x', 'github'] as const;

// Mailboxes of a team or a function, not of one person: they never identify anyone.
const ROLE_MAILBOXES = new Set(
  ('info information hello hi hey contact contacts contactus contact-us sales support help helpdesk service services ' +
    'customerservice customer-service customercare care careers career jobs job recruiting recruitment talent hr people ' +
    'office admin administrator team press media pr news newsletter marketing billing accounts accounting finance invoices ' +
    'orders order booking bookings reservations enquiries enquiry inquiries inquiry feedback general reception mail ' +
    'webmaster postmaster hostmaster noreply no-reply donotreply do-not-reply privacy legal security abuse compliance ' +
    'partners partnerships investors ir events community dev developers it ops operations all everyone staff hallo bonjour kontakt')
    .split(' '),
);

/**
 * Whether an address is a role or generic mailbox (info@, sales@, support@,
 * sales-uk@, info+web@, …): shared by whoever works there, so it is never
 * an identity key.
 */
export function isRoleAddress(email: string): boolean {
  return isRoleMailbox(normalizeEmail(email));
}

/** {@link isRoleAddress} for an address already normalised. */
function isRoleMailbox(normalized: string): boolean {
  const at = normalized.indexOf('@');
  const local = normalized.slice(0, at < 0 ? undefined : at).split('+')[0] ?? '';
  if (!local) return false;
  if (ROLE_MAILBOXES.has(local)) return true;
  // A role plus a short region or number: sales-uk, info.de, support2.
  const m = /^([a-z-]+?)[._-]?([a-z]{2}|\d{1,2})$/.exec(local);
  return !!m && ROLE_MAILBOXES.has(m[1]!);
}

/**
 * Keys that identify a person across pages and saves: each personal email
 * address (not role mailboxes such as info@) and each profile URL,
 * normalised. The store also ignores an address that two differently named
 * saved people share.
 */
export function identityKeys(p: Pick<Prospect, 'emails' | 'profiles'>): { emails: string[]; profiles: string[] } {
  return {
    emails: unique(p.emails.map(normalizeEmail).filter((e) => e && !isRoleMailbox(e))),
    profiles: unique(
      [p.profiles.linkedin, p.profiles.x, p.profiles.github, ...p.profiles.other].filter(Boolean).map(urlKey),
    ),
  };
}

const HONORIFIC = /^(?:dr|mr|mrs|ms|mx|miss|prof|sir|dame|jr|sr|phd|md|ii|iii)$/;

function nameTokens(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .split(/\s+/)
    .filter((t) => t && !HONORIFIC.test(t));
}

/**
 * Whether two names clearly belong to different people. Not a conflict: an
 * empty name, the same words in any order, case or accents ("Doe, Jane"),
 * one name contained in the other ("Jane Doe" / "Jane M. Doe"), or an
 * initial for a first name ("J. Doe").
 */
export function namesConflict(a: string, b: string): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (!ta.length || !tb.length) return false;
  return !(nameFits(ta, tb) || nameFits(tb, ta));
}

/** Whether every word of `short` is in `long`, a single letter standing for a word with that initial. */
function nameFits(short: string[], long: string[]): boolean {
  if (short.length > long.length) return false;
  const rest = [...long];
  const initials: string[] = [];
  for (const t of short) {
    const i = rest.indexOf(t);
    if (i >= 0) rest.splice(i, 1);
    else if (t.length === 1) initials.push(t);
    else return false;
  }
  // "J Doe" against "Jane Doe", but not a name made only of initials.
  if (initials.length === short.length) return false;
  for (const t of initials) {
    const i = rest.findIndex((r) => r.startsWith(t));
    if (i < 0) return false;
    rest.splice(i, 1);
  }
  return true;
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
    // Clamped: one 150+ character word must not make the merged lead invalid.
    const split = splitName(out.name);
    out.firstName = split.firstName.slice(0, LIMITS.namePart);
    out.lastName = split.lastName.slice(0, LIMITS.namePart);
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

// How much a value's origin is trusted: what the user typed, then structured data, then guesses.
const SOURCE_STRENGTH: Record<FieldSource, number> = {
  user: 100,
  'json-ld': 60,
  microdata: 55,
  rdfa: 55,
  'h-card': 55,
  site: 50,
  mailto: 40,
  tel: 40,
  cloudflare: 40,
  link: 40,
  import: 35,
  meta: 30,
  heading: 20,
  text: 10,
};

/** Strength of a field source (0 when unknown), for deciding which of two values to keep. */
export function sourceStrength(source: FieldSource | '' | undefined): number {
  return source ? SOURCE_STRENGTH[source] : 0;
}

const IDENTITY_FIELDS = ['name', 'title', 'company'] as const;

/** Appends history entries, dropping the oldest beyond the bound and exact repeats. */
export function addHistory(history: HistoryEntry[], entries: HistoryEntry[]): HistoryEntry[] {
  const out = [...history];
  for (const e of entries) {
    if (!out.some((h) => h.field === e.field && h.value === e.value && h.change === e.change)) out.push(e);
  }
  return out.slice(-LIMITS.history);
}

/**
 * The identity fields (name, title, company) of a merge: the stored value is
 * kept unless the incoming one is newer and from a stronger source (see
 * {@link sourceStrength}); a newer value from an equally strong source
 * replaces a title or company, or a name it does not clearly contradict
 * ("Jane Doe" for "J. Doe"), and a newer name the user typed replaces one
 * they typed before. The value not kept goes into the history, so both stay
 * visible.
 */
export function resolveIdentityFields(merged: Lead, stored: Lead, incoming: Lead, now: Date): Lead {
  const out: Lead = { ...merged, provenance: { ...merged.provenance } };
  const entries: HistoryEntry[] = [];
  const at = now.toISOString();
  // A tie counts as newer: the incoming record was read or typed after the stored one was loaded.
  const newer = incoming.updatedAt >= stored.updatedAt;
  for (const f of IDENTITY_FIELDS) {
    const a = stored[f];
    const b = incoming[f];
    if (!a || !b || a.replace(/\s+/g, ' ').toLowerCase() === b.replace(/\s+/g, ' ').toLowerCase()) continue;
    const sa = stored.provenance[f];
    const sb = incoming.provenance[f];
    // Equal strength is enough for a newer title or company, or a refined name ("J. Doe" → "Jane Doe"),
    // but not for a clearly different name: that needs stronger evidence (or the user typing it).
    const [ka, kb] = [sourceStrength(sa), sourceStrength(sb)];
    const takeIncoming = newer && (kb > ka || (kb === ka && (f !== 'name' || !namesConflict(a, b) || sb === 'user')));
    const [kept, lost, keptSrc, lostSrc] = takeIncoming ? [b, a, sb, sa] : [a, b, sa, sb];
    out[f] = kept;
    if (keptSrc) out.provenance[f] = keptSrc;
    else delete out.provenance[f];
    if (f === 'name') {
      const from = takeIncoming ? incoming : stored;
      const parts = from.firstName || from.lastName ? from : splitName(kept);
      out.firstName = parts.firstName.slice(0, LIMITS.namePart);
      out.lastName = parts.lastName.slice(0, LIMITS.namePart);
      for (const k of ['firstName', 'lastName'] as const) {
        if (from.provenance[k]) out.provenance[k] = from.provenance[k];
        else delete out.provenance[k];
      }
    }
    entries.push({ at, field: f, value: lost.slice(0, LIMITS.shortText), source: lostSrc ?? '', change: takeIncoming ? 'replaced' : 'not-applied' });
  }
  out.history = addHistory(addHistory(stored.history, incoming.history), entries);
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
 * win, except name, title and company, which follow
 * {@link resolveIdentityFields}; lists and tags are united, an empty
 * incoming note keeps the old one, and the lead keeps its id and first
 * capture date.
 */
export function mergeLead(existing: Lead, incoming: Lead, now = new Date()): Lead {
  const merged = resolveIdentityFields(mergeProspects(incoming, existing), existing, incoming, now);
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
  const lost: HistoryEntry[] = [];
  for (const f of IDENTITY_FIELDS) {
    if (other[f] && kept[f] && other[f].toLowerCase() !== kept[f].toLowerCase()) {
      lost.push({ at: now.toISOString(), field: f, value: other[f], source: other.provenance[f] ?? '', change: 'not-applied' });
    }
  }
  return LeadSchema.parse({
    ...merged,
    history: addHistory(addHistory(kept.history, other.history), lost),
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
export function prefillFromSaved(draft: Lead, saved: Lead, now = new Date()): Lead {
  // Name, title and company as saving will resolve them, so the card shows what will be stored.
  const out = resolveIdentityFields(mergeProspects(draft, saved), saved, draft, now);
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
  return { ...out, id: saved.id, capturedAt: saved.capturedAt, tags: saved.tags, note: saved.note, rev: saved.rev };
}

const EDIT_SCALARS = ['name', 'firstName', 'lastName', 'title', 'company', 'website', 'location', 'sourceUrl', 'note'] as const;
const EDIT_LISTS = ['emails', 'phones', 'tags'] as const;

/** Three-way union of a list: `theirs` plus what `mine` added to `base`, minus what `mine` removed. */
function mergeList(base: string[], mine: string[], theirs: string[]): string[] {
  const removed = new Set(base.filter((v) => !mine.includes(v)));
  return unique([...theirs.filter((v) => !removed.has(v)), ...mine.filter((v) => !base.includes(v))]);
}

/**
 * Merges an edit made on an older revision (`base` → `mine`) with what was
 * stored since (`theirs`), field by field: a field only one side changed
 * takes that side's value; lists (emails, phones, tags, other profiles) take
 * both sides' additions and removals. A scalar both sides changed to
 * different values is a conflict: it is listed and the result must not be
 * saved without asking.
 */
export function mergeConcurrentEdits(base: Lead, mine: Lead, theirs: Lead): { lead: Lead; conflicts: string[] } {
  const out: Lead = structuredClone(theirs);
  const conflicts: string[] = [];
  const take = (key: string, fromMine: boolean) => {
    if (fromMine && mine.provenance[key]) out.provenance[key] = mine.provenance[key];
  };
  for (const f of EDIT_SCALARS) {
    if (mine[f] === base[f] || mine[f] === theirs[f]) continue;
    if (theirs[f] === base[f]) {
      out[f] = mine[f];
      take(f, true);
    } else conflicts.push(f);
  }
  for (const slot of PROFILE_SLOTS) {
    const [b, m, t] = [base.profiles[slot], mine.profiles[slot], theirs.profiles[slot]];
    if (m === b || m === t) continue;
    if (t === b) {
      out.profiles[slot] = m;
      take(`profiles.${slot}`, true);
    } else conflicts.push(`profiles.${slot}`);
  }
  for (const f of EDIT_LISTS) out[f] = mergeList(base[f], mine[f], theirs[f]).slice(0, f === 'tags' ? LIMITS.tags : LIMITS.listItems);
  out.profiles.other = mergeList(base.profiles.other, mine.profiles.other, theirs.profiles.other).slice(0, LIMITS.listItems);
  for (const f of ['emails', 'phones'] as const) {
    for (const v of out[f]) {
      const key = provenanceKey(f, v);
      if (!theirs.provenance[key] && mine.provenance[key]) out.provenance[key] = mine.provenance[key];
    }
  }
  out.history = addHistory(theirs.history, mine.history);
  out.updatedAt = mine.updatedAt > theirs.updatedAt ? mine.updatedAt : theirs.updatedAt;
  return { lead: out, conflicts };
}

/**
 * Drops provenance entries whose value is gone (a removed email, an emptied
 * field), so the map stays bounded by the lead's own values.
 */
export function pruneProvenance<T extends Prospect>(p: T): T {
  const live = new Set<string>();
  for (const f of [...SCALARS, 'firstName', 'lastName'] as const) if (p[f]) live.add(f);
  for (const slot of PROFILE_SLOTS) if (p.profiles[slot]) live.add(`profiles.${slot}`);
  if (p.profiles.other.length) live.add('profiles.other');
  for (const f of ['emails', 'phones'] as const) for (const v of p[f]) live.add(provenanceKey(f, v));
  const provenance = Object.fromEntries(Object.entries(p.provenance).filter(([k]) => live.has(k)));
  return Object.keys(provenance).length === Object.keys(p.provenance).length ? p : { ...p, provenance };
}
