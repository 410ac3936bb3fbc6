// IndexedDB lead store through idb: typed schema, migrations, indexes, dedupe on save.
import { DB_NAME } from './warm-open';
import { openDB, unwrap, type DBSchema, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, type StoreNames } from 'idb';
import { z } from '../zod-mini';
import { absorbLead, identityKeys, mergeConcurrentEdits, mergeLead, namesConflict, pruneProvenance, resolveIdentityFields } from './merge';
import { describeIssue, fieldLabel, repairLead } from './repair';
import { safeParseLead } from './canonical';
import { LeadSchema, type Lead } from './schema';
import type { OutboxEntry, Secret, SyncEvent, Target } from '../sync/schema';
import { storageError } from './storage-errors';
import type { StoredKeys } from './stored-keys';

/** A lead as stored: the lead plus the normalised keys the dedupe indexes need. */
type StoredLead = Lead & { emailKeys: string[]; profileKeys: string[]; emailDomains?: string[] };

interface ProspectScoutDB extends DBSchema {
  leads: {
    key: string;
    value: StoredLead;
    indexes: { 'by-email': string; 'by-profile': string; 'by-tag': string; 'by-updated': string; 'by-email-domain': string };
  };
  /** CRM sync (utils/sync): one entry per (lead, target); read back through zod. */
  syncOutbox: { key: [string, string]; value: OutboxEntry; indexes: { 'by-due': number; 'by-lead': string; 'by-target-status': [string, string] } };
  syncTargets: { key: string; value: Target };
  /** Tokens and signing secrets: extension-only storage, never exported. */
  syncSecrets: { key: string; value: Secret };
  syncLog: { key: number; value: SyncEvent; indexes: { 'by-time': string } };
}

/** An open Prospect Scout database. */
export type LeadDb = IDBPDatabase<ProspectScoutDB>;
type UpgradeTx = IDBPTransaction<ProspectScoutDB, StoreNames<ProspectScoutDB>[], 'versionchange'>;

/**
 * Cumulative migrations: entry N upgrades a database from version N to N+1.
 * Never edit a released entry; append a new one, so any old database can be
 * brought forward step by step. Each version has a frozen example database in
 * tests/unit/db-examples/ (see its README), which the migration test upgrades.
 */
export const MIGRATIONS: ReadonlyArray<(db: LeadDb, tx: UpgradeTx) => void> = [
  (db) => {
    const leads = db.createObjectStore('leads', { keyPath: 'id' });
    leads.createIndex('by-email', 'emailKeys', { multiEntry: true });
    leads.createIndex('by-profile', 'profileKeys', { multiEntry: true });
    leads.createIndex('by-tag', 'tags', { multiEntry: true });
    leads.createIndex('by-updated', 'updatedAt');
  },
  // v2: CRM sync outbox, targets, secrets and log; leads untouched.
  (db) => {
    const outbox = db.createObjectStore('syncOutbox', { keyPath: ['leadId', 'target'] });
    outbox.createIndex('by-due', 'dueAt');
    outbox.createIndex('by-lead', 'leadId');
    db.createObjectStore('syncTargets', { keyPath: 'id' });
    db.createObjectStore('syncSecrets', { keyPath: 'target' });
    db.createObjectStore('syncLog', { keyPath: 'id', autoIncrement: true }).createIndex('by-time', 'at');
  },
  // v3: the domains of each lead's personal emails, indexed, so the email-pattern guess reads only one company's leads.
  (_db, tx) => {
    const leads = tx.objectStore('leads');
    leads.createIndex('by-email-domain', 'emailDomains', { multiEntry: true });
    // The upgrade transaction stays open while this cursor has requests pending.
    void leads.openCursor().then(async function step(cursor): Promise<void> {
      if (!cursor) return;
      await cursor.update({ ...cursor.value, emailDomains: domainsOf(cursor.value.emailKeys ?? []) });
      return step(await cursor.continue());
    });
  },
  // v4: outbox entries indexed by (target, status), so the options page counts them without reading 50,000 entries.
  (_db, tx) => {
    tx.objectStore('syncOutbox').createIndex('by-target-status', ['target', 'status']);
  },
];

/** The domains of normalised personal email keys, for the `by-email-domain` index. */
function domainsOf(emailKeys: string[]): string[] {
  return [...new Set(emailKeys.map((e) => e.slice(e.lastIndexOf('@') + 1)).filter(Boolean))];
}

/** Current schema version of the database. */
export const DB_VERSION = MIGRATIONS.length;
export { DB_NAME };

export { LeadStoreError } from './storage-errors';
import { LeadStoreError, STORAGE_MESSAGES } from './storage-errors';

/** Runs the migration steps that bring a database from `from` to `to`, inside its upgrade transaction. */
export function runMigrations(db: LeadDb, tx: UpgradeTx, from: number, to: number): void {
  for (let v = from; v < to; v++) MIGRATIONS[v]!(db, tx);
}

/** Hooks of {@link openLeadDb} for connections closed or held up by other windows. */
export interface OpenLeadDbOptions {
  /** This connection was closed from outside: another window upgrades or deletes the database, or the browser closed it. */
  onClose?: () => void;
  /** Opening waits for other windows that keep an older version open. */
  onBlocked?: () => void;
}

/**
 * Opens (creating or migrating as needed) the lead database. Failures become
 * a {@link LeadStoreError} saying what to do (a newer version on disk, no
 * room left, …).
 */
export async function openLeadDb(name = DB_NAME, options: OpenLeadDbOptions = {}): Promise<LeadDb> {
  try {
    return await openDB<ProspectScoutDB>(name, DB_VERSION, {
      upgrade(db, oldVersion, _newVersion, tx) {
        runMigrations(db, tx, oldVersion, DB_VERSION);
      },
      blocked() {
        options.onBlocked?.();
      },
      blocking(_current, _next, event) {
        // Another page wants to upgrade: step aside instead of blocking it forever.
        (event.target as IDBDatabase).close();
        options.onClose?.();
      },
      terminated() {
        options.onClose?.();
      },
    });
  } catch (e) {
    throw storageError(e);
  }
}

/**
 * Keeps a page connected to the lead database: opens it and, whenever the
 * connection is closed from outside (another window upgrading or deleting
 * the database), opens it again. `onChange` receives each new connection, or
 * a {@link LeadStoreError} telling the user what to do (reload after an
 * update in another window, close the other windows, …), so the page always
 * has something to show. Returns a function that disconnects.
 */
export function connectLeadDb(
  onChange: (db: LeadDb | LeadStoreError) => void,
  name = DB_NAME,
  { reopenDelayMs = 100, maxReopens = 5 } = {},
): () => void {
  let stopped = false;
  let current: LeadDb | undefined;
  let reopens = 0;
  const report = (e: unknown) => {
    if (stopped) return;
    const err = storageError(e);
    onChange(err instanceof LeadStoreError ? err : new LeadStoreError(err.message, 'other', { cause: e }));
  };
  const open = () => {
    if (stopped) return;
    openLeadDb(name, {
      onBlocked: () => report(new LeadStoreError(STORAGE_MESSAGES.blocked, 'blocked')),
      onClose: () => {
        current = undefined;
        if (stopped) return;
        if (++reopens > maxReopens) return report(new LeadStoreError(STORAGE_MESSAGES.closed, 'closed'));
        setTimeout(open, reopenDelayMs);
      },
    }).then((db) => {
      if (stopped) return db.close();
      current = db;
      onChange(db);
    }, report);
  };
  open();
  return () => {
    stopped = true;
    current?.close();
  };
}

function toStored(lead: Lead): StoredLead {
  const keys = identityKeys(lead);
  return { ...pruneProvenance(lead), emailKeys: keys.emails, profileKeys: keys.profiles, emailDomains: domainsOf(keys.emails) };
}

/**
 * Validates a stored record, repairing what can be repaired in memory (an
 * over-long value, a bad link); a record that cannot be read is reported and
 * left in place, never deleted.
 */
export function fromStored(value: unknown): Lead | undefined {
  const parsed = safeParseLead(value);
  if (parsed.success) return parsed.data;
  const repaired = repairLead(value);
  if (repaired.ok && repaired.lead.id === (value as { id?: unknown } | undefined)?.id) return repaired.lead;
  console.warn('Prospect Scout: skipping an unreadable stored lead', parsed.error.issues.slice(0, 3));
  return undefined;
}

type WriteTx = IDBPTransaction<ProspectScoutDB, ['leads'], 'readwrite'>;

/**
 * A user-facing error for a failed write. Aborts the transaction first: a
 * failure in our own code does not abort it by itself, and a half-done
 * merge or import must not be committed.
 */
function writeFailure(e: unknown, tx?: WriteTx): Error {
  if (tx) {
    tx.done.catch(() => {});
    try {
      tx.abort();
    } catch {
      // already finished or aborted by the browser
    }
  }
  return storageError(e);
}

/** A stored lead that shares a key with an incoming record but looks like another person. */
export interface IdentityConflict {
  /** The saved lead. */
  lead: Lead;
  /** What they share: the id, an email address or a profile URL. */
  shared: string;
  /** For the user, e.g. "Jane Doe is saved with this email (jane@acme.example)". */
  message: string;
}

type ReadStore = IDBPObjectStore<ProspectScoutDB, ['leads'], 'leads', 'readonly' | 'readwrite'>;

/**
 * Stored leads an incoming record matches by id, personal email or profile
 * URL, split into the same person (`same`: the same id first, then oldest
 * capture first) and apparently different people (`conflicts`: a clearly
 * different name, or a name clashing with another match). An address two
 * differently named saved people share is no identity key: only a saved
 * person whose name agrees with the incoming one matches through it.
 */
async function matchIn(store: ReadStore, incoming: Pick<Lead, 'emails' | 'profiles' | 'id' | 'name'>): Promise<{ same: Lead[]; conflicts: IdentityConflict[] }> {
  const found = new Map<string, { lead: Lead; shared: string; kind: 'id' | 'email' | 'profile' }>();
  const keys = identityKeys(incoming);
  const lookups = [
    ...keys.emails.map((k) => ['by-email', k, 'email'] as const),
    ...keys.profiles.map((k) => ['by-profile', k, 'profile'] as const),
  ];
  // Every request goes out at once (one round trip to the database, not one per key); results are read in order.
  const [byId, hitLists] = await Promise.all([store.get(incoming.id), Promise.all(lookups.map(([index, key]) => store.index(index).getAll(key)))]);
  const idLead = byId ? fromStored(byId) : undefined;
  if (idLead) found.set(idLead.id, { lead: idLead, shared: idLead.id, kind: 'id' });
  for (const [i, [, key, kind]] of lookups.entries()) {
    const hits = hitLists[i]!.map(fromStored).filter((l): l is Lead => !!l);
    const shared = hits.some((a, i) => hits.some((b, j) => j > i && namesConflict(a.name, b.name)));
    for (const hit of hits) {
      if (shared && (!incoming.name || namesConflict(hit.name, incoming.name))) continue;
      if (!found.has(hit.id)) found.set(hit.id, { lead: hit, shared: key, kind });
    }
  }
  const sorted = [...found.values()].sort(
    (a, b) => Number(b.kind === 'id') - Number(a.kind === 'id') || a.lead.capturedAt.localeCompare(b.lead.capturedAt),
  );
  const same: Lead[] = [];
  const conflicts: IdentityConflict[] = [];
  for (const { lead, shared, kind } of sorted) {
    if (namesConflict(lead.name, incoming.name) || same.some((s) => namesConflict(s.name, lead.name))) {
      const who = lead.name || lead.emails[0] || 'Another lead';
      const what = kind === 'id' ? 'under the same id' : kind === 'email' ? `with this email (${shared})` : `with this profile (${shared})`;
      conflicts.push({ lead, shared, message: `${who} is saved ${what}` });
    } else same.push(lead);
  }
  return { same, conflicts };
}

/**
 * The saved lead that is the same person as `lead` (sharing its id, a
 * personal email or a profile URL, without a clearly different name), if any.
 */
export async function findDuplicate(db: LeadDb, lead: IdentityProbe): Promise<Lead | undefined> {
  return (await findDuplicates(db, [lead]))[0];
}

/** What an identity lookup reads of a lead. */
type IdentityProbe = Pick<Lead, 'emails' | 'profiles' | 'id'> & { name?: string };

/**
 * {@link findDuplicate} for each of `leads` (same order), in one
 * transaction with every request sent at once: a team page's 200 prospects
 * cost one round of lookups, not 200 one after another.
 */
export function findDuplicates(db: LeadDb, leads: readonly IdentityProbe[]): Promise<Array<Lead | undefined>> {
  return reading(async () => {
    const tx = db.transaction('leads');
    const found = await Promise.all(leads.map(async (lead) => (await matchIn(tx.store, { name: '', ...lead })).same[0]));
    await tx.done;
    return found;
  });
}

/** Saved leads that share a key with `lead` but look like other people: what saving it would ask about. */
export async function findConflicts(db: LeadDb, lead: Pick<Lead, 'emails' | 'profiles' | 'id' | 'name'>): Promise<IdentityConflict[]> {
  const tx = db.transaction('leads');
  const { conflicts } = await matchIn(tx.store, lead);
  await tx.done;
  return conflicts;
}

/** Whether two versions of a lead differ only in when and how often they were written. */
function sameContent(a: Lead, b: Lead): boolean {
  return JSON.stringify({ ...a, updatedAt: '', rev: 0 }) === JSON.stringify({ ...b, updatedAt: '', rev: 0 });
}

type WriteStore = IDBPObjectStore<ProspectScoutDB, ['leads'], 'leads', 'readwrite'>;

/**
 * Writes `incoming` inside an open transaction, merged with `targets` (the
 * stored records of the same person): `combine` joins it with the first,
 * the others are folded in and deleted. The written record's revision is one
 * above the stored one's.
 */
async function upsertIn(
  store: WriteStore,
  incoming: Lead,
  targets: Lead[],
  now: Date,
  combine: (existing: Lead, incoming: Lead) => Lead,
  skipIfSame = false,
): Promise<{ lead: Lead; status: 'created' | 'updated' | 'unchanged'; mergedIds: string[] }> {
  const [primary, ...others] = targets;
  let lead = primary ? combine(primary, incoming) : incoming;
  for (const other of others) lead = absorbLead(lead, other, now);
  lead = pruneProvenance(lead);
  if (skipIfSame && primary && !others.length && sameContent(primary, lead)) return { lead: primary, status: 'unchanged', mergedIds: [] };
  lead = { ...lead, rev: (primary?.rev ?? 0) + 1 };
  await store.put(toStored(lead));
  for (const other of others) await store.delete(other.id);
  return { lead, status: primary ? 'updated' : 'created', mergedIds: others.map((o) => o.id) };
}

/** What {@link saveLead} did: saved (new or merged), or nothing because it needs the user's answer. */
export type SaveResult =
  | { status: 'created' | 'updated'; lead: Lead; mergedIds: string[] }
  | {
      status: 'conflict';
      /** The lead as given, not saved. */
      lead: Lead;
      conflicts: IdentityConflict[];
    };

/** How {@link saveLead} treats a saved lead that shares a key but has a clearly different name. */
export interface SaveOptions {
  now?: Date;
  /**
   * `ask` (default): save nothing and return the conflicts, so the user can
   * choose; `merge`: merge with them anyway; `keep-both`: save as a
   * separate lead (with a new id if its id is the other person's).
   */
  onConflict?: 'ask' | 'merge' | 'keep-both';
}

/**
 * Saves a lead. If the same person is already stored (same id, personal
 * email or profile URL, and no clearly different name) the two are merged
 * into the existing record instead of making a duplicate; if the lead links
 * several stored leads of that person, they all become one, kept under the
 * first's id. A match with a clearly different name is not merged silently:
 * see {@link SaveOptions.onConflict}. Lookup and writes share one
 * transaction, so two quick saves cannot both create a record, and a failed
 * merge deletes nothing.
 */
export async function saveLead(db: LeadDb, input: Lead, options: Date | SaveOptions = {}): Promise<SaveResult> {
  const { now = new Date(), onConflict = 'ask' } = options instanceof Date ? { now: options } : options;
  let incoming = LeadSchema.parse(input);
  let tx: WriteTx | undefined;
  try {
    tx = db.transaction('leads', 'readwrite');
    const { same, conflicts } = await matchIn(tx.store, incoming);
    if (conflicts.length && onConflict === 'ask') {
      await tx.done;
      return { status: 'conflict', lead: incoming, conflicts };
    }
    let targets = same;
    if (conflicts.length && onConflict === 'merge') {
      targets = [...same, ...conflicts.map((c) => c.lead)];
      if (!same.length) targets.sort((a, b) => Number(b.id === incoming.id) - Number(a.id === incoming.id) || a.capturedAt.localeCompare(b.capturedAt));
    }
    if (onConflict === 'keep-both' && conflicts.some((c) => c.lead.id === incoming.id)) {
      incoming = { ...incoming, id: crypto.randomUUID(), rev: 0 };
    }
    const { lead, status, mergedIds } = await upsertIn(tx.store, incoming, targets, now, (existing) => mergeLead(existing, incoming, now));
    await tx.done;
    // upsertIn only answers 'unchanged' when asked to skip same content, which a save never does.
    return { lead, mergedIds, status: status === 'created' ? 'created' : 'updated' };
  } catch (e) {
    throw writeFailure(e, tx);
  }
}

/** An imported record that shares a key with a saved lead of another name: both were kept. */
export interface ImportConflict {
  /** Position in the list given to {@link importLeads}. */
  index: number;
  name: string;
  message: string;
}

/** What {@link importLeads} did. */
export interface ImportSummary {
  created: number;
  updated: number;
  /** Already stored with everything the file has. */
  unchanged: number;
  /** Records kept apart from a saved lead they share a key with (both kept). */
  conflicts: ImportConflict[];
  /** Records that could not be merged, with the reason; the others were imported. */
  skipped: Array<{ index: number; reason: string }>;
}

/** Records whose writes {@link importLeads} issues in one task. */
const IMPORT_WRITE_GROUP = 100;

/** Whether an error comes from the storage (then the whole import is undone), not from one record. */
function isStorageFailure(e: unknown): boolean {
  return e instanceof DOMException || (e as { name?: string })?.name === 'LeadStoreError';
}

/**
 * Imports leads (from a backup) in one transaction: on a storage error such
 * as a full disk, none of them. A lead already stored is merged with the
 * file's copy, the more recently updated one winning field by field (name,
 * title and company as {@link resolveIdentityFields} says) and both notes
 * kept; re-importing the same backup changes nothing. A record that shares
 * its id or a key with a saved lead of another name never overwrites it: it
 * is kept as a separate lead and reported, and so is a second record of
 * another person under an id used earlier in the same file.
 *
 * `validated`: the records were just parsed with the Lead schema (a
 * streaming import's {@link repairLead}), so they are not parsed again.
 *
 * Speed: the identity lookups of every record are sent at once (IndexedDB
 * pipelines them), and records that share no key and no stored match with
 * an earlier record of the same call are written together; the others are
 * then handled one by one in file order with fresh lookups, so the result
 * is the same as a record-by-record import. With `known` (the keys the
 * store holds, kept by a streaming import across its batches), a record
 * sharing no key with the store skips its lookups: they could find nothing.
 */
export async function importLeads(db: LeadDb, input: Lead[], now = new Date(), options: { validated?: boolean; known?: StoredKeys } = {}): Promise<ImportSummary> {
  const { known } = options;
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, conflicts: [], skipped: [] };
  const skip = (index: number, e: unknown) => {
    if (isStorageFailure(e)) throw e;
    summary.skipped.push({ index, reason: e instanceof z.core.$ZodError && e.issues[0] ? describeIssue(e.issues[0]) : String((e as Error).message ?? e) });
  };
  let tx: WriteTx | undefined;
  try {
    // Relaxed durability: an import can be run again, and waiting for each disk flush slows a large one down.
    tx = db.transaction('leads', 'readwrite', { durability: 'relaxed' });
    const store = tx.store;
    const records: Array<{ index: number; lead: Lead }> = [];
    for (const [index, raw] of input.entries()) {
      try {
        records.push({ index, lead: options.validated ? raw : LeadSchema.parse(raw) });
      } catch (e) {
        skip(index, e);
      }
    }
    if (known) await known.sync(unwrap(store));
    const noMatch = { same: [], conflicts: [] };
    let deleted = 0;
    const matches = await Promise.all(records.map((r) => (known && !known.mayMatch(r.lead) ? noMatch : matchIn(store, r.lead))));
    // A record touching a key or a stored lead an earlier record touches waits for a fresh lookup.
    const claimed = new Set<string>();
    const together: number[] = [];
    const inOrder: number[] = [];
    records.forEach((r, k) => {
      const keys = identityKeys(r.lead);
      const touched = [`id:${r.lead.id}`, ...keys.emails.map((e) => `e:${e}`), ...keys.profiles.map((p) => `p:${p}`)];
      for (const l of [...matches[k]!.same, ...matches[k]!.conflicts.map((c) => c.lead)]) touched.push(`id:${l.id}`);
      (touched.some((t) => claimed.has(t)) ? inOrder : together).push(k);
      for (const t of touched) claimed.add(t);
    });
    const importOne = async (k: number, match: Awaited<ReturnType<typeof matchIn>>) => {
      const { index } = records[k]!;
      let incoming = records[k]!.lead;
      try {
        const { same, conflicts } = match;
        if (conflicts.length) {
          if (conflicts.some((c) => c.lead.id === incoming.id)) incoming = { ...incoming, id: crypto.randomUUID() };
          const who = incoming.name || incoming.emails[0] || `record ${index + 1}`;
          summary.conflicts.push({ index, name: who, message: `${conflicts.map((c) => c.message).join('; ')}: kept both` });
        }
        const exact = same[0]?.id === incoming.id ? same[0] : undefined;
        if (exact && same.length === 1 && exact.updatedAt >= incoming.updatedAt) {
          summary.unchanged++;
          return;
        }
        const { status, lead, mergedIds } = await upsertIn(
          store,
          incoming,
          same,
          now,
          (existing) => {
            const combined =
              existing.updatedAt > incoming.updatedAt
                ? absorbLead(existing, incoming, now)
                : { ...absorbLead(incoming, existing, now), id: existing.id, rev: existing.rev };
            return LeadSchema.parse(resolveIdentityFields(combined, existing, incoming, now));
          },
          true,
        );
        known?.add(lead);
        deleted += mergedIds.length;
        summary[status]++;
      } catch (e) {
        skip(index, e);
      }
    };
    // In groups: each group's writes are issued in one task, and the next group starts when they are done (a new task,
    // the transaction still active), so a batch of records that need no lookup never becomes one long task.
    for (let g = 0; g < together.length; g += IMPORT_WRITE_GROUP) await Promise.all(together.slice(g, g + IMPORT_WRITE_GROUP).map((k) => importOne(k, matches[k]!)));
    for (const k of inOrder) await importOne(k, await matchIn(store, records[k]!.lead));
    known?.noteWrites(summary.created, deleted);
    await tx.done;
    summary.conflicts.sort((a, b) => a.index - b.index);
    summary.skipped.sort((a, b) => a.index - b.index);
    return summary;
  } catch (e) {
    throw writeFailure(e, tx);
  }
}

/** Shown when an edit was made on a lead another window changed since. */
export const STALE_MESSAGE = 'This lead changed since you opened it';

/** What {@link putLead} did. */
export type PutResult =
  | { status: 'saved'; lead: Lead }
  /** The lead had changed since; the edit touched other fields, so both changes were kept. */
  | { status: 'merged'; lead: Lead }
  /** Nothing written: the lead changed (or was deleted) since it was opened, and the same fields were edited. */
  | { status: 'stale'; current: Lead | undefined; conflicts: string[]; message: string };

/**
 * Replaces a lead with an edited version (no identity merging), if nobody
 * changed it since it was read: the stored revision must equal the edited
 * lead's (`expectedRev` overrides). Otherwise, given the `base` the edit
 * started from, changes to different fields are merged; a field both sides
 * changed, or a lead deleted meanwhile, refuses the write with
 * {@link STALE_MESSAGE}. Check and write share one transaction.
 */
export async function putLead(db: LeadDb, lead: Lead, options: { base?: Lead; expectedRev?: number } = {}): Promise<PutResult> {
  const valid = LeadSchema.parse(lead);
  const expected = options.expectedRev ?? options.base?.rev ?? valid.rev;
  let tx: WriteTx | undefined;
  try {
    tx = db.transaction('leads', 'readwrite');
    const stored = await tx.store.get(valid.id);
    const current = stored ? fromStored(stored) : undefined;
    let result: PutResult;
    if (!stored && expected === 0) {
      result = { status: 'saved', lead: { ...valid, rev: 1 } };
    } else if (current && current.rev === expected) {
      result = { status: 'saved', lead: { ...valid, rev: current.rev + 1 } };
    } else if (current && options.base) {
      const { lead: merged, conflicts } = mergeConcurrentEdits(options.base, valid, current);
      result = conflicts.length
        ? { status: 'stale', current, conflicts, message: `${STALE_MESSAGE} (${conflicts.map((f) => fieldLabel([...f.split('.')])).join(', ')} changed in both places)` }
        : { status: 'merged', lead: LeadSchema.parse({ ...merged, rev: current.rev + 1 }) };
    } else {
      result = { status: 'stale', current, conflicts: [], message: current ? STALE_MESSAGE : `${STALE_MESSAGE}: it was deleted` };
    }
    if (result.status !== 'stale') {
      result.lead = pruneProvenance(result.lead);
      await tx.store.put(toStored(result.lead));
    }
    await tx.done;
    return result;
  } catch (e) {
    throw writeFailure(e, tx);
  }
}

/** Runs a read, turning a storage failure (a closed connection, …) into a message that says what to do. */
async function reading<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    throw storageError(e);
  }
}

/** One lead by id. */
export function getLead(db: LeadDb, id: string): Promise<Lead | undefined> {
  return reading(async () => {
    const v = await db.get('leads', id);
    return v ? fromStored(v) : undefined;
  });
}

/** All leads, most recently updated first. */
export function listLeads(db: LeadDb): Promise<Lead[]> {
  return reading(async () => {
    const all = await db.getAllFromIndex('leads', 'by-updated');
    return all.reverse().map(fromStored).filter((l): l is Lead => !!l);
  });
}

/** Most leads {@link leadsAtEmailDomain} reads: enough to see a company's pattern, bounded for a company with thousands saved. */
export const DOMAIN_LEADS_MAX = 200;

/**
 * Saved leads with a personal email at `domain` (lower case), through the
 * `by-email-domain` index: at most `limit`, never the whole store.
 */
export function leadsAtEmailDomain(db: LeadDb, domain: string, limit = DOMAIN_LEADS_MAX): Promise<Lead[]> {
  return reading(async () => {
    const found = await db.getAllFromIndex('leads', 'by-email-domain', domain.trim().toLowerCase(), limit);
    return found.map(fromStored).filter((l): l is Lead => !!l);
  });
}

/** Leads carrying a tag (exact match), most recently updated first. */
export async function listLeadsByTag(db: LeadDb, tag: string): Promise<Lead[]> {
  const all = await db.getAllFromIndex('leads', 'by-tag', tag);
  return all
    .map(fromStored)
    .filter((l): l is Lead => !!l)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** Deletes a lead; deleting an unknown id is not an error. */
export function deleteLead(db: LeadDb, id: string): Promise<void> {
  return reading(() => db.delete('leads', id));
}

/** Every tag in use, sorted case-insensitively, for autocomplete and filters. */
export function listTags(db: LeadDb): Promise<string[]> {
  return reading(async () => {
    const tags: string[] = [];
    // One seek per distinct tag: continue(key) jumps past every lead carrying the tag just read, where
    // 'nextunique' steps through them all in Chromium (50,000 leads took ~0.5 s and held up the other reads).
    let cursor = await db.transaction('leads').store.index('by-tag').openKeyCursor();
    while (cursor) {
      tags.push(cursor.key);
      cursor = await cursor.continue(`${cursor.key}\u0000`);
    }
    return tags.sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
  });
}

/**
 * Puts leads back exactly as given (validated, no merging) in one
 * transaction: for undoing a delete, where the records are known to be
 * the store's own.
 */
export async function restoreLeads(db: LeadDb, input: Lead[]): Promise<void> {
  const leads = input.map((l) => LeadSchema.parse(l));
  let tx: WriteTx | undefined;
  try {
    tx = db.transaction('leads', 'readwrite');
    for (const l of leads) void tx.store.put(toStored(l));
    await tx.done;
  } catch (e) {
    throw writeFailure(e, tx);
  }
}

/** Leads by id, in the order given; ids not stored (or unreadable) are left out. */
export function getLeads(db: LeadDb, ids: Iterable<string>): Promise<Lead[]> {
  return reading(async () => {
    const tx = db.transaction('leads');
    const values = await Promise.all([...ids].map((id) => tx.store.get(id)));
    await tx.done;
    return values.flatMap((v) => (v ? (fromStored(v) ?? []) : []));
  });
}

/**
 * Deletes leads in one transaction and returns them as they were (for an
 * Undo through {@link restoreLeads}); unknown ids are skipped.
 */
export async function deleteLeads(db: LeadDb, ids: Iterable<string>): Promise<Lead[]> {
  let tx: WriteTx | undefined;
  try {
    tx = db.transaction('leads', 'readwrite');
    const store = tx.store;
    const values = await Promise.all([...ids].map((id) => store.get(id)));
    const deleted: Lead[] = [];
    for (const v of values) {
      if (!v) continue;
      const lead = fromStored(v);
      if (lead) deleted.push(lead);
      void store.delete(v.id);
    }
    await tx.done;
    return deleted;
  } catch (e) {
    throw writeFailure(e, tx);
  }
}

/**
 * Rewrites the tags of many leads in one transaction through `change`
 * (returning the same array means unchanged: not written). Each written
 * lead gets a new revision and `now` as its update time. Returns the leads
 * written.
 */
export async function updateLeadTags(db: LeadDb, ids: Iterable<string>, change: (tags: string[]) => string[], now = new Date()): Promise<Lead[]> {
  let tx: WriteTx | undefined;
  try {
    tx = db.transaction('leads', 'readwrite');
    const store = tx.store;
    const values = await Promise.all([...ids].map((id) => store.get(id)));
    const written: Lead[] = [];
    for (const v of values) {
      const lead = v && fromStored(v);
      if (!lead) continue;
      const tags = change(lead.tags);
      if (tags === lead.tags) continue;
      const next = LeadSchema.parse({ ...lead, tags, rev: lead.rev + 1, updatedAt: now.toISOString() });
      written.push(next);
      void store.put(toStored(next));
    }
    await tx.done;
    return written;
  } catch (e) {
    throw writeFailure(e, tx);
  }
}
