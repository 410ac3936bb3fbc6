// The CRM panel's query: counts through the by-target-status index and the newest log lines, without reading the outbox.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openLeadDb, type LeadDb } from '@/utils/leads/store';
import { allEntries, countByStatus, listLog, logEvents, putTarget, readSyncSummary } from '@/utils/sync/outbox';
import type { EntryStatus, OutboxEntry, Target, TargetId } from '@/utils/sync/schema';

const T0 = Date.parse('2026-11-27T10:00:00Z');
const target = (id: TargetId): Target => ({ id, autoSync: true, paused: '', account: '', baseUrl: 'https://crm.example', url: '', recordUrlBase: '', companies: true, connectedAt: new Date(T0).toISOString() });
const STATUSES: EntryStatus[] = ['pending', 'sending', 'retrying', 'synced', 'failed'];

let db: LeadDb;
let n = 0;
beforeEach(async () => {
  db = await openLeadDb(`sync-summary-${++n}`);
});
afterEach(() => db.close());

/** Writes `count` raw entries for a target, the status cycling with a stride so every state gets a different number. */
async function seed(t: TargetId, count: number, statusOf: (i: number) => EntryStatus) {
  const tx = db.transaction('syncOutbox', 'readwrite');
  for (let i = 0; i < count; i++) {
    const status = statusOf(i);
    const e: OutboxEntry = { leadId: `lead-${i}`, target: t, status, attempts: 0, lastError: '', idempotencyKey: `k-${t}-${i}`, leadVersion: 'v1', ...(status === 'pending' || status === 'retrying' ? { dueAt: T0 + i } : {}) };
    await tx.store.put(e);
  }
  await tx.done;
}

describe('readSyncSummary', () => {
  it('counts each connected target by state, the same as counting every entry', async () => {
    await putTarget(db, target('salesforce'));
    await putTarget(db, target('hubspot'));
    await seed('salesforce', 1000, (i) => (i % 10 < 6 ? 'synced' : i % 10 < 8 ? 'pending' : i % 10 === 8 ? 'retrying' : i % 20 === 9 ? 'failed' : 'sending'));
    await seed('hubspot', 37, (i) => STATUSES[i % 3]!);
    const s = await readSyncSummary(db);
    expect(s.targets.map((t) => t.id).sort()).toEqual(['hubspot', 'salesforce']);
    expect(s.counts.salesforce).toEqual({ synced: 600, pending: 200, retrying: 100, failed: 50, sending: 50 });
    expect(s.counts.hubspot).toEqual({ pending: 13, sending: 12, retrying: 12, synced: 0, failed: 0 });
    const all = await allEntries(db);
    expect(s.counts.salesforce).toEqual(countByStatus(all, 'salesforce'));
    expect(s.counts.hubspot).toEqual(countByStatus(all, 'hubspot'));
    // Not connected: no counts asked for.
    expect(s.counts.pipedrive).toBeUndefined();
  });

  it('never loads an outbox entry: only index counts touch the outbox', async () => {
    await putTarget(db, target('salesforce'));
    await seed('salesforce', 50, () => 'synced');
    const spies = (['getAll', 'get', 'openCursor'] as const).map((m) => vi.spyOn(IDBObjectStore.prototype, m));
    const indexReads = (['getAll', 'get', 'openCursor', 'openKeyCursor'] as const).map((m) => vi.spyOn(IDBIndex.prototype, m));
    const s = await readSyncSummary(db);
    expect(s.counts.salesforce!.synced).toBe(50);
    // The targets store is read whole (four rows at most) and the log by one reverse cursor; the outbox never.
    const outboxCalls = spies.flatMap((sp) => sp.mock.contexts).filter((ctx) => (ctx as IDBObjectStore).name === 'syncOutbox');
    expect(outboxCalls).toEqual([]);
    expect(indexReads.every((sp) => sp.mock.calls.length === 0)).toBe(true);
    // The spies do see reads: the log's reverse cursor went through them.
    expect(spies.flatMap((sp) => sp.mock.contexts).some((ctx) => (ctx as IDBObjectStore).name === 'syncLog')).toBe(true);
    vi.restoreAllMocks();
  });

  it('returns the newest log lines first, at most the limit, skipping invalid ones', async () => {
    await logEvents(
      db,
      Array.from({ length: 40 }, (_, i) => ({ at: new Date(T0 + i * 1000).toISOString(), target: 'salesforce' as const, leadId: `lead-${i}`, kind: 'synced' as const, message: `record ${i}` })),
    );
    // A damaged line (written by hand, as an old or corrupted record would be) is skipped, not shown.
    await db.put('syncLog', { at: 'not a date', target: 'salesforce', leadId: '', kind: 'synced', message: '' } as never);
    const s = await readSyncSummary(db, 5);
    expect(s.log.map((e) => e.message)).toEqual(['record 39', 'record 38', 'record 37', 'record 36', 'record 35']);
    expect((await listLog(db, 3)).map((e) => e.leadId)).toEqual(['lead-39', 'lead-38', 'lead-37']);
    expect(await listLog(db)).toHaveLength(40);
  });

  it('an empty database gives no targets, no counts and no log', async () => {
    expect(await readSyncSummary(db)).toEqual({ targets: [], counts: {}, log: [] });
  });
});
