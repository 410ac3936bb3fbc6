// IndexedDB lead store through idb: typed schema, migrations, indexes, dedupe on save.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, type StoreNames } from 'idb';
import { absorbLead, identityKeys, mergeLead } from './merge';
import { LeadSchema, type Lead } from './schema';
import type { OutboxEntry, Secret, SyncEvent, Target } from '../sync/schema';

/** A lead as stored: the lead plus the normalised keys the dedupe indexes need. */
type StoredLead = Lead & { emailKeys: string[]; profileKeys: string[] };

interface ProspectScoutDB extends DBSchema {
  leads: {
    key: string;
    value: StoredLead;
    indexes: { 'by-email': string; 'by-profile': string; 'by-tag': string; 'by-updated': string };
  };
  /** CRM sync (utils/sync): one entry per (lead, target); read back through zod. */
  syncOutbox: { key: [string, string]; value: OutboxEntry; indexes: { 'by-due': number; 'by-lead': string } };
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
];

/** Current schema version of the database. */
export const DB_VERSION = MIGRATIONS.length;
/** Name of the IndexedDB database (in the extension's origin, never a page's). */
export const DB_NAME = 'prospect-scout';

/** Error with a message fit to show the user, e.g. when the disk is full. */
export class LeadStoreError extends Error {
  override name = 'LeadStoreError';
}

/** Runs the migration steps that bring a database from `from` to `to`, inside its upgrade transaction. */
export function runMigrations(db: LeadDb, tx: UpgradeTx, from: number, to: number): void {
  for (let v = from; v < to; v++) MIGRATIONS[v]!(db, tx);
}

/** Opens (creating or migrating as needed) the lead database. */
export function openLeadDb(name = DB_NAME): Promise<LeadDb> {
  return openDB<ProspectScoutDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      runMigrations(db, tx, oldVersion, DB_VERSION);
    },
    blocking(_current, _next, event) {
      // Another page wants to upgrade: step aside instead of blocking it forever.
      (event.target as IDBDatabase).close();
    },
  });
}

function toStored(lead: Lead): StoredLead {
  const keys = identityKeys(lead);
  return { ...lead, emailKeys: keys.emails, profileKeys: keys.profiles };
}

/** Validates a stored record; a record that fails is reported and left in place, never deleted. */
function fromStored(value: unknown): Lead | undefined {
  const parsed = LeadSchema.safeParse(value);
  if (parsed.success) return parsed.data;
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
  const name = (e as { name?: string })?.name;
  if (name === 'QuotaExceededError') {
    return new LeadStoreError('Your browser has no room left to store leads. Export and delete some leads, or free disk space, then try again.');
  }
  return e instanceof Error ? e : new LeadStoreError(String(e));
}

/** Finds the stored lead sharing the id, an email or a profile URL with `lead` (the oldest, if several do). */
export async function findDuplicate(db: LeadDb, lead: Pick<Lead, 'emails' | 'profiles' | 'id'>): Promise<Lead | undefined> {
  const tx = db.transaction('leads');
  const [found] = await findAllDuplicatesIn(tx.store, lead);
  await tx.done;
  return found;
}

type ReadStore = IDBPObjectStore<ProspectScoutDB, ['leads'], 'leads', 'readonly' | 'readwrite'>;

/** Every stored lead sharing the id, an email or a profile URL with `lead`: the same id first, then oldest capture first. */
async function findAllDuplicatesIn(store: ReadStore, lead: Pick<Lead, 'emails' | 'profiles' | 'id'>): Promise<Lead[]> {
  const found = new Map<string, Lead>();
  const add = (v: StoredLead | undefined) => {
    const l = v && !found.has(v.id) ? fromStored(v) : undefined;
    if (l) found.set(l.id, l);
  };
  add(await store.get(lead.id));
  const keys = identityKeys(lead);
  for (const e of keys.emails) (await store.index('by-email').getAll(e)).forEach(add);
  for (const p of keys.profiles) (await store.index('by-profile').getAll(p)).forEach(add);
  return [...found.values()].sort(
    (a, b) => Number(b.id === lead.id) - Number(a.id === lead.id) || a.capturedAt.localeCompare(b.capturedAt),
  );
}

/** Whether two versions of a lead differ only in when they were written. */
function sameContent(a: Lead, b: Lead): boolean {
  return JSON.stringify({ ...a, updatedAt: '' }) === JSON.stringify({ ...b, updatedAt: '' });
}

type WriteStore = IDBPObjectStore<ProspectScoutDB, ['leads'], 'leads', 'readwrite'>;

/**
 * Writes `incoming` inside an open transaction, merged with every stored
 * record of the same person: `combine` joins it with the first match, the
 * others are folded in and deleted.
 */
async function upsertIn(
  store: WriteStore,
  incoming: Lead,
  now: Date,
  combine: (existing: Lead, incoming: Lead) => Lead,
  skipIfSame = false,
): Promise<{ lead: Lead; status: 'created' | 'updated' | 'unchanged'; mergedIds: string[] }> {
  const [primary, ...others] = await findAllDuplicatesIn(store, incoming);
  let lead = primary ? combine(primary, incoming) : incoming;
  for (const other of others) lead = absorbLead(lead, other, now);
  if (skipIfSame && primary && !others.length && sameContent(primary, lead)) return { lead: primary, status: 'unchanged', mergedIds: [] };
  await store.put(toStored(lead));
  for (const other of others) await store.delete(other.id);
  return { lead, status: primary ? 'updated' : 'created', mergedIds: others.map((o) => o.id) };
}

/**
 * Saves a lead. If the same person is already stored (same id, email or
 * profile URL) the two are merged into the existing record instead of making
 * a duplicate; if the lead links several stored leads (its email is one's,
 * its LinkedIn another's), they all become one, kept under the first's id.
 * Lookup and writes share one transaction, so two quick saves cannot both
 * create a record, and a failed merge deletes nothing.
 */
export async function saveLead(
  db: LeadDb,
  input: Lead,
  now = new Date(),
): Promise<{ lead: Lead; status: 'created' | 'updated'; mergedIds: string[] }> {
  const incoming = LeadSchema.parse(input);
  let tx: WriteTx | undefined;
  try {
    tx = db.transaction('leads', 'readwrite');
    const { lead, status, mergedIds } = await upsertIn(tx.store, incoming, now, (existing) => mergeLead(existing, incoming, now));
    await tx.done;
    // upsertIn only answers 'unchanged' when asked to skip same content, which a save never does.
    return { lead, mergedIds, status: status === 'created' ? 'created' : 'updated' };
  } catch (e) {
    throw writeFailure(e, tx);
  }
}

/** Counts of what {@link importLeads} did. */
export interface ImportSummary {
  created: number;
  updated: number;
  /** Already stored with everything the file has. */
  unchanged: number;
}

/**
 * Imports leads (from a backup) in one transaction: all of them or, on an
 * error such as a full disk, none. A lead already stored is merged with the
 * file's copy, the more recently updated one winning field by field and
 * both notes kept; re-importing the same backup changes nothing.
 */
export async function importLeads(db: LeadDb, input: Lead[], now = new Date()): Promise<ImportSummary> {
  const leads = input.map((l) => LeadSchema.parse(l));
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
  let tx: WriteTx | undefined;
  try {
    tx = db.transaction('leads', 'readwrite');
    for (const incoming of leads) {
      const same = await tx.store.get(incoming.id);
      if (same && same.updatedAt >= incoming.updatedAt) {
        summary.unchanged++;
        continue;
      }
      const { status } = await upsertIn(tx.store, incoming, now, (existing) =>
        existing.updatedAt > incoming.updatedAt
          ? absorbLead(existing, incoming, now)
          : { ...absorbLead(incoming, existing, now), id: existing.id },
        true,
      );
      summary[status]++;
    }
    await tx.done;
    return summary;
  } catch (e) {
    throw writeFailure(e, tx);
  }
}

/** Replaces a lead as given (no merging): for edits of a saved lead. */
export async function putLead(db: LeadDb, lead: Lead): Promise<Lead> {
  const valid = LeadSchema.parse(lead);
  try {
    await db.put('leads', toStored(valid));
    return valid;
  } catch (e) {
    throw writeFailure(e);
  }
}

/** One lead by id. */
export async function getLead(db: LeadDb, id: string): Promise<Lead | undefined> {
  const v = await db.get('leads', id);
  return v ? fromStored(v) : undefined;
}

/** All leads, most recently updated first. */
export async function listLeads(db: LeadDb): Promise<Lead[]> {
  const all = await db.getAllFromIndex('leads', 'by-updated');
  return all.reverse().map(fromStored).filter((l): l is Lead => !!l);
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
export async function deleteLead(db: LeadDb, id: string): Promise<void> {
  await db.delete('leads', id);
}

/** Every tag in use, sorted case-insensitively, for autocomplete and filters. */
export async function listTags(db: LeadDb): Promise<string[]> {
  const tags = new Set<string>();
  let cursor = await db.transaction('leads').store.index('by-tag').openKeyCursor(null, 'nextunique');
  while (cursor) {
    tags.add(cursor.key);
    cursor = await cursor.continue();
  }
  return [...tags].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
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
