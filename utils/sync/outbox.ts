// The sync outbox in IndexedDB: one entry per (lead, target), its state machine, targets, secrets and the log.
import { addLeadSync, type LeadSync } from '../leads/query';
import type { Lead } from '../leads/schema';
import type { LeadDb } from '../leads/store';
import { z } from '../zod-mini';
import { backoffDelay } from './backoff';
import { announceSyncChange } from './changes';
import { EntryStatusSchema, OutboxEntrySchema, SecretSchema, SyncEventSchema, TargetIdSchema, TargetSchema, type EntryStatus, type OutboxEntry, type SyncEvent, type Target, type TargetId } from './schema';
import type { LeadOutcome } from './types';

/** How long a `sending` entry is considered in flight before another drain may resend it. */
export const SEND_LEASE_MS = 2 * 60_000;
/** Sync log lines kept. */
export const LOG_KEEP = 300;

/** A fresh entry, or `existing` re-queued because its lead changed (same key while a change is still unsent). */
export function queuedEntry(existing: OutboxEntry | undefined, lead: Pick<Lead, 'id' | 'updatedAt'>, target: TargetId, now: number, newKey: () => string): OutboxEntry {
  if (!existing) return { leadId: lead.id, target, status: 'pending', attempts: 0, dueAt: now, lastError: '', idempotencyKey: newKey(), leadVersion: lead.updatedAt };
  const settled = existing.status === 'synced' || existing.status === 'failed';
  return {
    ...existing,
    // A send in flight finishes first; it sees the new version and re-queues itself.
    status: existing.status === 'sending' ? 'sending' : 'pending',
    attempts: settled ? 0 : existing.attempts,
    dueAt: existing.status === 'sending' ? existing.dueAt : now,
    lastError: settled ? '' : existing.lastError,
    idempotencyKey: settled ? newKey() : existing.idempotencyKey,
    leadVersion: lead.updatedAt,
  };
}

/** The entry while its request is in flight: attempt counted, leased, written before the request leaves. */
export function sendingEntry(entry: OutboxEntry, now: number): OutboxEntry {
  return { ...entry, status: 'sending', attempts: entry.attempts + 1, dueAt: now + SEND_LEASE_MS };
}

/**
 * The entry after a send. `sentVersion` is the lead version that was sent:
 * if the lead changed meanwhile, a success still records the id but the
 * entry stays pending so the newer version goes out too.
 */
export function settledEntry(entry: OutboxEntry, outcome: LeadOutcome, sentVersion: string, now: number, random: () => number = Math.random): OutboxEntry {
  const changed = entry.leadVersion !== sentVersion;
  switch (outcome.kind) {
    case 'ok': {
      const done: OutboxEntry = {
        ...entry,
        recordId: outcome.recordId,
        recordUrl: outcome.recordUrl ?? entry.recordUrl,
        syncedEmail: outcome.syncedEmail ?? entry.syncedEmail,
        noteHash: outcome.noteHash ?? entry.noteHash,
        noteSending: undefined,
        syncedAt: new Date(now).toISOString(),
        lastError: outcome.warning ?? '',
      };
      if (changed) return { ...done, status: 'pending', attempts: 0, dueAt: now };
      const { dueAt: _d, ...rest } = done;
      return { ...rest, status: 'synced', attempts: 0 };
    }
    case 'retry':
      return { ...entry, status: 'retrying', dueAt: now + (outcome.afterMs ?? backoffDelay(entry.attempts, random)), lastError: outcome.message };
    case 'auth':
    case 'gone':
      // The target pauses; the entry waits, due at once when the user reconnects.
      return { ...entry, status: 'pending', attempts: Math.max(0, entry.attempts - 1), dueAt: now, lastError: outcome.message };
    case 'failed': {
      if (changed) return { ...entry, status: 'pending', dueAt: now, lastError: outcome.message };
      const { dueAt: _d, ...rest } = entry;
      return { ...rest, status: 'failed', lastError: outcome.message };
    }
  }
}

const parseEntry = (v: unknown) => {
  const p = OutboxEntrySchema.safeParse(v);
  return p.success ? p.data : undefined;
};
const isEntry = (e: OutboxEntry | undefined): e is OutboxEntry => !!e;

/**
 * Queues leads for the given targets (one entry per pair; an existing one is
 * re-queued, never duplicated). Returns the number of entries written.
 */
export async function enqueueLeads(db: LeadDb, leads: Array<Pick<Lead, 'id' | 'updatedAt'>>, targets: TargetId[], now = Date.now()): Promise<number> {
  if (!leads.length || !targets.length) return 0;
  const tx = db.transaction('syncOutbox', 'readwrite');
  for (const lead of leads)
    for (const target of targets) {
      const existing = parseEntry(await tx.store.get([lead.id, target]));
      await tx.store.put(queuedEntry(existing, lead, target, now, () => crypto.randomUUID()));
    }
  await tx.done;
  announceSyncChange();
  return leads.length * targets.length;
}

/** Entries due by `now` for one target, oldest due first, at most `limit`. */
export async function dueEntries(db: LeadDb, target: TargetId, now: number, limit: number): Promise<OutboxEntry[]> {
  const out: OutboxEntry[] = [];
  let cursor = await db.transaction('syncOutbox').store.index('by-due').openCursor(IDBKeyRange.upperBound(now));
  while (cursor && out.length < limit) {
    const e = parseEntry(cursor.value);
    if (e && e.target === target) out.push(e);
    cursor = await cursor.continue();
  }
  return out;
}

/** The earliest time any entry of these targets is due, or undefined when nothing waits. */
export async function nextDueAt(db: LeadDb, targets: TargetId[]): Promise<number | undefined> {
  let cursor = await db.transaction('syncOutbox').store.index('by-due').openCursor();
  while (cursor) {
    const e = parseEntry(cursor.value);
    if (e && targets.includes(e.target) && e.dueAt !== undefined) return e.dueAt;
    cursor = await cursor.continue();
  }
  return undefined;
}

/** Applies `update` to stored entries in one transaction (re-reading each, so concurrent edits are not lost). */
export async function updateEntries(db: LeadDb, keys: Array<[string, TargetId]>, update: (e: OutboxEntry) => OutboxEntry | undefined): Promise<OutboxEntry[]> {
  const tx = db.transaction('syncOutbox', 'readwrite');
  const written: OutboxEntry[] = [];
  for (const key of keys) {
    const e = parseEntry(await tx.store.get(key));
    if (!e) continue;
    const next = update(e);
    if (next) {
      await tx.store.put(next);
      written.push(next);
    } else await tx.store.delete(key);
  }
  await tx.done;
  if (keys.length) announceSyncChange();
  return written;
}

/** At worker start: a send left `sending` by a killed worker is due again now (the writes are idempotent). */
export async function recoverInFlight(db: LeadDb, now = Date.now()): Promise<number> {
  const tx = db.transaction('syncOutbox', 'readwrite');
  let n = 0;
  let cursor = await tx.store.openCursor();
  while (cursor) {
    const e = parseEntry(cursor.value);
    if (e?.status === 'sending') {
      await cursor.update({ ...e, status: 'pending', dueAt: now });
      n++;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  if (n) announceSyncChange();
  return n;
}

/** Every target's entry for one lead. */
export async function entriesForLead(db: LeadDb, leadId: string): Promise<OutboxEntry[]> {
  return (await db.getAllFromIndex('syncOutbox', 'by-lead', leadId)).map(parseEntry).filter(isEntry);
}

/** Every entry (for counts and per-lead states in lists). */
export async function allEntries(db: LeadDb): Promise<OutboxEntry[]> {
  return (await db.getAll('syncOutbox')).map(parseEntry).filter(isEntry);
}

/** An outbox entry's primary key as storage holds it: `[leadId, target]` (the store's key path). */
export const OutboxKeySchema = z.tuple([OutboxEntrySchema.shape.leadId, TargetIdSchema]);

/** The primary keys of the entries of one target in one state, as read (not yet validated). */
export interface OutboxKeyGroup {
  target: TargetId;
  status: EntryStatus;
  keys: unknown[];
}

const STATUS_PAIRS = TargetIdSchema.options.flatMap((target) => EntryStatusSchema.options.map((status) => ({ target, status })));
type StatusPair = { target: TargetId; status: EntryStatus };
const onlyPair = (p: StatusPair) => IDBKeyRange.only([p.target, p.status]);

/** One (target, status) pair's primary keys, through the by-target-status index. */
async function pairKeys(index: { getAllKeys(range: IDBKeyRange): Promise<unknown[]> }, p: StatusPair): Promise<OutboxKeyGroup> {
  return { ...p, keys: await index.getAllKeys(onlyPair(p)) };
}

/** The lead id of a stored key when it is a valid `[leadId, target]` of `target`, else undefined (keys come from storage). */
function leadIdOf(key: unknown, target: TargetId): string | undefined {
  const p = OutboxKeySchema.safeParse(key);
  return p.success && p.data[1] === target ? p.data[0] : undefined;
}

/**
 * The primary keys of every entry, grouped by (target, status), through the
 * by-target-status index: one `getAllKeys` per pair in one transaction. No
 * entry is loaded, but a pair's keys arrive in one piece: 50,000 of them are
 * one long task for the page that receives them (see {@link readLeadSyncStates}).
 */
export async function readOutboxKeys(db: LeadDb): Promise<OutboxKeyGroup[]> {
  const tx = db.transaction('syncOutbox');
  const index = tx.store.index('by-target-status');
  const groups = await Promise.all(STATUS_PAIRS.map((p) => pairKeys(index, p)));
  await tx.done;
  return groups.filter((g) => g.keys.length > 0);
}

/** Folds validated keys into states; a key that is not `[leadId, target]` of the group's target is skipped. */
function foldGroup(states: Map<string, LeadSync>, { target, status, keys }: OutboxKeyGroup): void {
  for (const key of keys) {
    const leadId = leadIdOf(key, target);
    if (leadId !== undefined) addLeadSync(states, leadId, target, status);
  }
}

/** Outbox keys read per request by {@link readLeadSyncStates}: each page arrives in one short task. */
export const KEY_PAGE = 5000;

/**
 * Every key `getAllKeys` gives, `pageSize` a request. Each next request is
 * made as the previous page arrives (in its success callback, while the
 * transaction is active), so the pages come back to back whatever else the
 * page does meanwhile.
 */
function readKeyPages(getAllKeys: (range: IDBKeyRange | null, count: number) => Promise<unknown[]>, pageSize: number): Promise<unknown[][]> {
  const pages: unknown[][] = [];
  return new Promise((ok, fail) => {
    const next = (after?: unknown) =>
      getAllKeys(after === undefined ? null : IDBKeyRange.lowerBound(after, true), pageSize).then((page) => {
        pages.push(page);
        if (page.length === pageSize) next(page[page.length - 1]);
        else ok(pages);
      }, fail);
    next();
  });
}

/** Yields to the page's other tasks (input, rendering) between slices of work. */
export const yieldToPage = (): Promise<void> => new Promise((ok) => setTimeout(ok, 0));

/** How {@link readLeadSyncStates} reads and slices its work. */
export interface SyncStatesOptions {
  /** Keys per request (tests use small pages). */
  pageSize?: number;
  /** Work time (ms, by `now`) after which the fold yields: wall time, so a busy machine yields sooner. */
  budgetMs?: number;
  /** Called between slices; the default gives the page a task turn. */
  pause?: () => Promise<void>;
  /** The clock (tests pass their own). */
  now?: () => number;
}

/** Keys folded between two looks at the clock. */
const KEYS_PER_CHECK = 256;

/**
 * Every lead's sync state (and its targets) without loading an entry, as
 * {@link leadSyncStates} gives from the entries themselves. An index range
 * cannot be paged, and one range of 50,000 keys arrives as one long task, so
 * in one read-only transaction (one snapshot):
 * 1. count each (target, status) through the by-target-status index;
 * 2. read the keys of every pair but each target's most common status (few,
 *    usually: the failed and pending next to the synced);
 * 3. page through the store's primary keys `[leadId, target]`: a key of none
 *    of the pairs read has its target's most common status.
 * The keys are then folded in slices that yield once `budgetMs` is spent
 * (on a machine short of CPU, 5,000 keys in one go took over 100 ms).
 * Keys are validated (they come from storage); an invalid one is skipped. If
 * the store holds entries the index does not (a status outside the schema),
 * that inference would be wrong: then each pair is read whole instead.
 */
export async function readLeadSyncStates(db: LeadDb, opts: SyncStatesOptions = {}): Promise<Map<string, LeadSync>> {
  const { pageSize = KEY_PAGE, budgetMs = 8, pause = yieldToPage, now = () => performance.now() } = opts;
  const tx = db.transaction('syncOutbox');
  const index = tx.store.index('by-target-status');
  const counts = await Promise.all(STATUS_PAIRS.map((p) => index.count(onlyPair(p))));
  const common = new Map<TargetId, { status: EntryStatus; count: number }>();
  const expected = new Map<TargetId, number>();
  STATUS_PAIRS.forEach(({ target, status }, i) => {
    const count = counts[i]!;
    expected.set(target, (expected.get(target) ?? 0) + count);
    if (count > (common.get(target)?.count ?? 0)) common.set(target, { status, count });
  });
  const fewer = STATUS_PAIRS.filter((p, i) => counts[i]! > 0 && common.get(p.target)!.status !== p.status);
  const [groups, pages] = await Promise.all([
    Promise.all(fewer.map((p) => pairKeys(index, p))),
    readKeyPages((range, count) => tx.store.getAllKeys(range, count), pageSize),
  ]);
  await tx.done;

  let started = now();
  let n = 0;
  /** Runs `fold` on each key of each list, yielding whenever the budget is spent. */
  const sliced = async (lists: unknown[][], fold: (key: unknown, list: number) => void) => {
    for (const [i, list] of lists.entries())
      for (const key of list) {
        fold(key, i);
        if (++n % KEYS_PER_CHECK === 0 && now() - started >= budgetMs) {
          await pause();
          started = now();
        }
      }
  };
  const byTarget = new Map(TargetIdSchema.options.map((t) => [t, new Map<string, EntryStatus>()]));
  await sliced(
    groups.map((g) => g.keys),
    (key, i) => {
      const { target, status } = groups[i]!;
      const leadId = leadIdOf(key, target);
      if (leadId !== undefined) byTarget.get(target)!.set(leadId, status);
    },
  );
  const states = new Map<string, LeadSync>();
  const seen = new Map<TargetId, number>();
  await sliced(pages, (key) => {
    const p = OutboxKeySchema.safeParse(key);
    if (!p.success) return;
    const [leadId, target] = p.data;
    const status = byTarget.get(target)!.get(leadId) ?? common.get(target)?.status;
    seen.set(target, (seen.get(target) ?? 0) + 1);
    if (status) addLeadSync(states, leadId, target, status);
  });
  if (TargetIdSchema.options.some((t) => (seen.get(t) ?? 0) !== expected.get(t))) {
    const exact = new Map<string, LeadSync>();
    for (const g of await readOutboxKeys(db)) foldGroup(exact, g);
    return exact;
  }
  return states;
}

/** How many of one target's entries are in each state. */
export type StatusCounts = Record<EntryStatus, number>;

/** Counts with every state at zero (a target with no entries). */
export const noCounts = (): StatusCounts => ({ pending: 0, sending: 0, retrying: 0, synced: 0, failed: 0 });

/** Per-status counts of one target's entries, from entries already in memory. */
export function countByStatus(entries: OutboxEntry[], target: TargetId): StatusCounts {
  const c = noCounts();
  for (const e of entries) if (e.target === target) c[e.status]++;
  return c;
}

/** What the options page's CRM panel shows: connected targets, their counts and the newest log lines. */
export interface SyncSummary {
  targets: Target[];
  counts: Partial<Record<TargetId, StatusCounts>>;
  log: SyncEvent[];
}

/**
 * Reads the CRM panel's figures without reading the outbox: counts come from
 * the by-target-status index (keys only, no entry is loaded or parsed) and
 * the log from a reverse cursor that stops after `logLimit` lines. Its cost
 * does not grow with the number of queued or synced leads.
 */
export async function readSyncSummary(db: LeadDb, logLimit = LOG_KEEP): Promise<SyncSummary> {
  const tx = db.transaction(['syncTargets', 'syncOutbox', 'syncLog']);
  const targets = (await tx.objectStore('syncTargets').getAll()).flatMap((v) => {
    const p = TargetSchema.safeParse(v);
    return p.success ? [p.data] : [];
  });
  const byState = tx.objectStore('syncOutbox').index('by-target-status');
  const counts: SyncSummary['counts'] = {};
  await Promise.all(
    targets.map(async (t) => {
      const c = noCounts();
      await Promise.all(EntryStatusSchema.options.map(async (s) => void (c[s] = await byState.count(IDBKeyRange.only([t.id, s])))));
      counts[t.id] = c;
    }),
  );
  const log = await newestLog(() => tx.objectStore('syncLog').openCursor(null, 'prev'), logLimit);
  await tx.done;
  return { targets, counts, log };
}

interface ValueCursor {
  value: unknown;
  continue(): Promise<ValueCursor | null>;
}

/** The last `limit` valid log lines, newest first, through a reverse cursor (the rest is never read). */
async function newestLog(openReverse: () => Promise<ValueCursor | null>, limit: number): Promise<SyncEvent[]> {
  const log: SyncEvent[] = [];
  let cursor = await openReverse();
  while (cursor && log.length < limit) {
    const p = SyncEventSchema.safeParse(cursor.value);
    if (p.success) log.push(p.data);
    cursor = await cursor.continue();
  }
  return log;
}

/** Removes a target's entries (on disconnect). */
export async function deleteTargetEntries(db: LeadDb, target: TargetId): Promise<void> {
  const tx = db.transaction('syncOutbox', 'readwrite');
  let cursor = await tx.store.openCursor();
  while (cursor) {
    if ((cursor.value as { target?: string }).target === target) await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
  announceSyncChange();
}

/** Connected targets (invalid records skipped). */
export async function listTargets(db: LeadDb): Promise<Target[]> {
  return (await db.getAll('syncTargets')).flatMap((v) => {
    const p = TargetSchema.safeParse(v);
    return p.success ? [p.data] : [];
  });
}

/** One connected target. */
export async function getTarget(db: LeadDb, id: TargetId): Promise<Target | undefined> {
  const p = TargetSchema.safeParse(await db.get('syncTargets', id));
  return p.success ? p.data : undefined;
}

/** Stores a target's settings. */
export async function putTarget(db: LeadDb, target: Target): Promise<Target> {
  const valid = TargetSchema.parse(target);
  await db.put('syncTargets', valid);
  announceSyncChange();
  return valid;
}

/** A target's secret; only the background reads it. */
export async function getSecret(db: LeadDb, target: TargetId): Promise<string | undefined> {
  const p = SecretSchema.safeParse(await db.get('syncSecrets', target));
  return p.success ? p.data.token : undefined;
}

/** A target's secret record with its refresh token (Salesforce); only the background reads it. */
export async function getSecretRecord(db: LeadDb, target: TargetId): Promise<{ token: string; refreshToken?: string } | undefined> {
  const p = SecretSchema.safeParse(await db.get('syncSecrets', target));
  return p.success ? p.data : undefined;
}

/** Stores a target's secret (and, for OAuth, its refresh token). */
export async function putSecret(db: LeadDb, target: TargetId, token: string, refreshToken?: string): Promise<void> {
  await db.put('syncSecrets', SecretSchema.parse({ target, token, ...(refreshToken ? { refreshToken } : {}) }));
}

/** Forgets a target: settings, secret and entries. */
export async function removeTarget(db: LeadDb, target: TargetId): Promise<void> {
  await db.delete('syncSecrets', target);
  await db.delete('syncTargets', target);
  await deleteTargetEntries(db, target);
}

/** Appends log lines, keeping the last {@link LOG_KEEP}. */
export async function logEvents(db: LeadDb, events: Array<Omit<SyncEvent, 'id'>>): Promise<void> {
  if (!events.length) return;
  const tx = db.transaction('syncLog', 'readwrite');
  for (const e of events) await tx.store.add(SyncEventSchema.parse(e));
  let excess = (await tx.store.count()) - LOG_KEEP;
  let cursor = excess > 0 ? await tx.store.openCursor() : null;
  while (cursor && excess-- > 0) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
  announceSyncChange();
}

/** The log, newest first, at most `limit` lines. */
export async function listLog(db: LeadDb, limit = LOG_KEEP): Promise<SyncEvent[]> {
  const tx = db.transaction('syncLog');
  const log = await newestLog(() => tx.store.openCursor(null, 'prev'), limit);
  await tx.done;
  return log;
}
