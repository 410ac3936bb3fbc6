// The sync outbox in IndexedDB: one entry per (lead, target), its state machine, targets, secrets and the log.
import type { Lead } from '../leads/schema';
import type { LeadDb } from '../leads/store';
import { backoffDelay } from './backoff';
import { OutboxEntrySchema, SecretSchema, SyncEventSchema, TargetSchema, type OutboxEntry, type SyncEvent, type Target, type TargetId } from './schema';
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

/** Per-status counts of one target's entries. */
export function countByStatus(entries: OutboxEntry[], target: TargetId): Record<OutboxEntry['status'], number> {
  const c = { pending: 0, sending: 0, retrying: 0, synced: 0, failed: 0 };
  for (const e of entries) if (e.target === target) c[e.status]++;
  return c;
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
}

/** The log, newest first. */
export async function listLog(db: LeadDb, limit = LOG_KEEP): Promise<SyncEvent[]> {
  const all = await db.getAll('syncLog');
  return all
    .reverse()
    .slice(0, limit)
    .flatMap((v) => {
      const p = SyncEventSchema.safeParse(v);
      return p.success ? [p.data] : [];
    });
}
