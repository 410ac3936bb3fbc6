// The workspace's per-lead sync states: the pure fold, and the key-only read of the outbox that feeds it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { leadSyncStates, sameSyncStates, syncStateOf, type LeadSync, type SyncTriple } from '@/utils/leads/query';
import { openLeadDb, type LeadDb } from '@/utils/leads/store';
import { allEntries, enqueueLeads, readLeadSyncStates, readOutboxKeys, sendingEntry, settledEntry, updateEntries } from '@/utils/sync/outbox';
import type { EntryStatus, OutboxEntry, TargetId } from '@/utils/sync/schema';
import type { LeadOutcome } from '@/utils/sync/types';

const T0 = Date.parse('2026-11-27T10:00:00Z');
const V1 = '2026-11-27T09:00:00.000Z';
const triple = (leadId: string, target: TargetId, status: EntryStatus): SyncTriple => ({ leadId, target, status });

describe('leadSyncStates (pure)', () => {
  it('ranks failed over pending over synced; sending and retrying count as pending', () => {
    expect((['pending', 'sending', 'retrying', 'synced', 'failed'] as const).map(syncStateOf)).toEqual(['pending', 'pending', 'pending', 'synced', 'failed']);
    const states = leadSyncStates([
      triple('a', 'hubspot', 'synced'),
      triple('a', 'webhook', 'retrying'),
      triple('b', 'hubspot', 'synced'),
      triple('b', 'pipedrive', 'synced'),
      triple('c', 'salesforce', 'sending'),
      triple('c', 'hubspot', 'failed'),
      triple('c', 'webhook', 'synced'),
      triple('d', 'webhook', 'failed'),
      triple('d', 'pipedrive', 'pending'),
      triple('e', 'pipedrive', 'pending'),
    ]);
    expect(Object.fromEntries(states)).toEqual({
      a: { state: 'pending', targets: ['hubspot', 'webhook'] },
      b: { state: 'synced', targets: ['hubspot', 'pipedrive'] },
      c: { state: 'failed', targets: ['hubspot', 'salesforce', 'webhook'] },
      d: { state: 'failed', targets: ['pipedrive', 'webhook'] },
      e: { state: 'pending', targets: ['pipedrive'] },
    });
    // A lead with no triple is absent: the workspace reads that as "none".
    expect(states.has('z')).toBe(false);
  });

  it('gives the same map whatever order the triples come in (targets sorted, state by rank)', () => {
    const triples = [
      triple('a', 'webhook', 'failed'),
      triple('a', 'hubspot', 'synced'),
      triple('a', 'salesforce', 'pending'),
      triple('a', 'pipedrive', 'synced'),
      triple('b', 'salesforce', 'synced'),
      triple('b', 'hubspot', 'retrying'),
    ];
    const forward = leadSyncStates(triples);
    expect(forward.get('a')).toEqual({ state: 'failed', targets: ['hubspot', 'pipedrive', 'salesforce', 'webhook'] });
    expect(leadSyncStates([...triples].reverse())).toEqual(forward);
    expect(leadSyncStates([triples[3]!, triples[0]!, triples[5]!, triples[2]!, triples[4]!, triples[1]!])).toEqual(forward);
  });

  it('lists a target once even if it is given twice', () => {
    expect(leadSyncStates([triple('a', 'hubspot', 'synced'), triple('a', 'hubspot', 'failed')]).get('a')).toEqual({ state: 'failed', targets: ['hubspot'] });
  });

  it('shares one frozen value per state and set of targets (no object per lead)', () => {
    const states = leadSyncStates([triple('a', 'webhook', 'synced'), triple('a', 'hubspot', 'synced'), triple('b', 'hubspot', 'synced'), triple('b', 'webhook', 'synced'), triple('c', 'hubspot', 'synced')]);
    expect(states.get('a')).toBe(states.get('b'));
    expect(states.get('a')).not.toBe(states.get('c'));
    expect(Object.isFrozen(states.get('a'))).toBe(true);
    expect(Object.isFrozen(states.get('a')!.targets)).toBe(true);
  });

  it('sameSyncStates tells a changed state, a changed target list, a new or a gone lead', () => {
    const base = () => leadSyncStates([triple('a', 'hubspot', 'synced'), triple('b', 'webhook', 'failed')]);
    expect(sameSyncStates(base(), base())).toBe(true);
    const changed = (f: (m: Map<string, LeadSync>) => void) => {
      const m = base();
      f(m);
      return sameSyncStates(base(), m);
    };
    expect(changed((m) => m.set('a', { state: 'pending', targets: ['hubspot'] }))).toBe(false);
    expect(changed((m) => m.set('a', { state: 'synced', targets: ['hubspot', 'webhook'] }))).toBe(false);
    expect(changed((m) => m.set('a', { state: 'synced', targets: ['pipedrive'] }))).toBe(false);
    // An equal value built elsewhere (not the shared one) is the same.
    expect(changed((m) => m.set('a', { state: 'synced', targets: ['hubspot'] }))).toBe(true);
    expect(changed((m) => m.set('c', { state: 'synced', targets: ['hubspot'] }))).toBe(false);
    expect(changed((m) => m.delete('b'))).toBe(false);
  });
});

let db: LeadDb;
let n = 0;
beforeEach(async () => {
  db = await openLeadDb(`sync-lead-states-${++n}`);
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

const lead = (i: number) => ({ id: `lead-${i}`, updatedAt: V1 });
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => lead(from + k));

/** Moves entries through the real state machine: sending, then the outcome. */
async function settle(target: TargetId, ids: number[], outcome: LeadOutcome | 'sending') {
  await updateEntries(
    db,
    ids.map((i) => [`lead-${i}`, target]),
    (e) => (outcome === 'sending' ? sendingEntry(e, T0) : settledEntry(sendingEntry(e, T0), outcome, e.leadVersion, T0, () => 0.5)),
  );
}

/**
 * An outbox as a user's: leads 0-299 queued for HubSpot, 100-199 also for the
 * webhook, 250-279 for Salesforce too; leads 300-349 exist with no entry (never
 * synced: nothing in the outbox). Every status occurs, on several targets.
 */
async function realisticOutbox() {
  await enqueueLeads(db, range(0, 300), ['hubspot'], T0);
  await enqueueLeads(db, range(100, 200), ['webhook'], T0);
  await enqueueLeads(db, range(250, 280), ['salesforce'], T0);
  const ids = (from: number, to: number, step = 1) => Array.from({ length: Math.ceil((to - from) / step) }, (_, k) => from + k * step);
  await settle('hubspot', ids(0, 250), { kind: 'ok', recordId: 'r' });
  await settle('hubspot', ids(0, 250, 17), { kind: 'failed', message: '400: invalid email' });
  await settle('hubspot', ids(250, 260), 'sending');
  await settle('hubspot', ids(260, 270), { kind: 'retry', message: '429', afterMs: 10_000 });
  await settle('webhook', ids(100, 190), { kind: 'ok', recordId: 'w' });
  await settle('webhook', ids(150, 160), { kind: 'retry', message: '503' });
  await settle('webhook', ids(185, 195), { kind: 'failed', message: '400: rejected' });
  await settle('salesforce', ids(250, 275), { kind: 'ok', recordId: 's' });
  await settle('salesforce', ids(270, 280), 'sending');
  // Edits after a sync re-queue for every target: pending again (record id kept), new entries for the webhook.
  await enqueueLeads(db, range(10, 20), ['hubspot', 'webhook'], T0 + 1);
}

describe('readLeadSyncStates (outbox index keys only)', () => {
  it('gives the same states as the entries themselves, on a realistic outbox', async () => {
    await realisticOutbox();
    const entries = await allEntries(db);
    // Every status is there, on more than one target.
    const seen = new Set(entries.map((e) => `${e.target}:${e.status}`));
    for (const s of ['pending', 'sending', 'retrying', 'synced', 'failed']) expect([...seen].filter((x) => x.endsWith(`:${s}`)).length, s).toBeGreaterThan(0);
    expect([...seen].filter((x) => x.startsWith('hubspot:'))).toHaveLength(5);

    const fromKeys = await readLeadSyncStates(db);
    expect(fromKeys).toEqual(leadSyncStates(entries));
    // Spot checks against what happened to each lead.
    expect(fromKeys.get('lead-0')).toEqual({ state: 'failed', targets: ['hubspot'] }); // 0 is a multiple of 17
    expect(fromKeys.get('lead-1')).toEqual({ state: 'synced', targets: ['hubspot'] });
    expect(fromKeys.get('lead-12')).toEqual({ state: 'pending', targets: ['hubspot', 'webhook'] }); // edited after its sync, queued for both
    expect(fromKeys.get('lead-101')).toEqual({ state: 'synced', targets: ['hubspot', 'webhook'] });
    expect(fromKeys.get('lead-152')).toEqual({ state: 'pending', targets: ['hubspot', 'webhook'] });
    expect(fromKeys.get('lead-187')).toEqual({ state: 'failed', targets: ['hubspot', 'webhook'] });
    expect(fromKeys.get('lead-272')).toEqual({ state: 'pending', targets: ['hubspot', 'salesforce'] });
    expect(fromKeys.get('lead-299')).toEqual({ state: 'pending', targets: ['hubspot'] });
    expect(fromKeys.has('lead-300')).toBe(false);
    expect(fromKeys.size).toBe(300);
  });

  it('never loads an entry, and reads only the less common states through the index; the rest comes from paged primary keys', async () => {
    await realisticOutbox();
    const storeValueReads = (['getAll', 'get', 'openCursor', 'openKeyCursor'] as const).map((m) => vi.spyOn(IDBObjectStore.prototype, m));
    const indexValueReads = (['getAll', 'get', 'openCursor', 'openKeyCursor'] as const).map((m) => vi.spyOn(IDBIndex.prototype, m));
    const indexKeys = vi.spyOn(IDBIndex.prototype, 'getAllKeys');
    const storeKeys = vi.spyOn(IDBObjectStore.prototype, 'getAllKeys');
    const states = await readLeadSyncStates(db, { pageSize: 64 });
    expect(states.size).toBe(300);
    expect(storeValueReads.flatMap((sp) => sp.mock.contexts).filter((ctx) => (ctx as IDBObjectStore).name === 'syncOutbox')).toEqual([]);
    expect(indexValueReads.every((sp) => sp.mock.calls.length === 0)).toBe(true);
    // 300 HubSpot + 100 webhook + 30 Salesforce entries, 64 keys a page: 7 pages (the last one short).
    expect(storeKeys.mock.calls.map(([, count]) => count)).toEqual(Array(7).fill(64));
    // Each target's most common state (synced for all three) is never read through the index.
    const ranges = indexKeys.mock.calls.map(([range]) => (range as IDBKeyRange).lower as [string, string]);
    expect(ranges.length).toBeGreaterThan(0);
    expect(ranges.filter(([, status]) => status === 'synced')).toEqual([]);
  });

  it('pages give the same states whatever their size', async () => {
    await realisticOutbox();
    const whole = await readLeadSyncStates(db);
    for (const pageSize of [1, 2, 299, 300, 429, 430, 431]) expect(await readLeadSyncStates(db, { pageSize }), `page ${pageSize}`).toEqual(whole);
  });

  it('infers each target\'s own most common state (pending for a target just queued)', async () => {
    await enqueueLeads(db, range(0, 200), ['hubspot'], T0);
    await settle('hubspot', Array.from({ length: 190 }, (_, i) => i), { kind: 'ok', recordId: 'r' });
    await enqueueLeads(db, range(0, 200), ['pipedrive'], T0);
    await settle('pipedrive', [3, 5], { kind: 'failed', message: '400' });
    const states = await readLeadSyncStates(db, { pageSize: 50 });
    expect(states).toEqual(leadSyncStates(await allEntries(db)));
    expect(states.get('lead-1')).toEqual({ state: 'pending', targets: ['hubspot', 'pipedrive'] });
    expect(states.get('lead-3')).toEqual({ state: 'failed', targets: ['hubspot', 'pipedrive'] });
  });

  it('skips keys and entries that are not valid, as the entry parse does', async () => {
    await enqueueLeads(db, range(0, 3), ['hubspot'], T0);
    // Written by something else (an older build, a corrupted profile): an empty lead id, an unknown target, an unknown status, a number id.
    const raw = (over: Partial<Record<keyof OutboxEntry, unknown>>) => ({ leadId: 'x', target: 'hubspot', status: 'synced', attempts: 0, lastError: '', idempotencyKey: 'k', leadVersion: V1, ...over });
    const tx = db.transaction('syncOutbox', 'readwrite');
    for (const v of [raw({ leadId: '' }), raw({ leadId: 'y', target: 'zoho' }), raw({ leadId: 'z', status: 'lost' }), raw({ leadId: 42 })]) await tx.store.put(v as OutboxEntry);
    await tx.done;
    const fromKeys = await readLeadSyncStates(db);
    // 'z' (status lost) is in the store but in no index range: not taken for the common state, the pairs are read whole instead.
    expect([...fromKeys.keys()].sort()).toEqual(['lead-0', 'lead-1', 'lead-2']);
    expect(fromKeys).toEqual(leadSyncStates(await allEntries(db)));
  });

  it('groups the keys by target and status, leaving out empty pairs', async () => {
    await enqueueLeads(db, range(0, 4), ['pipedrive', 'webhook'], T0);
    await settle('webhook', [1, 2], { kind: 'ok', recordId: 'w' });
    const groups = await readOutboxKeys(db);
    expect(groups.map((g) => [g.target, g.status, g.keys])).toEqual([
      ['pipedrive', 'pending', [['lead-0', 'pipedrive'], ['lead-1', 'pipedrive'], ['lead-2', 'pipedrive'], ['lead-3', 'pipedrive']]],
      ['webhook', 'pending', [['lead-0', 'webhook'], ['lead-3', 'webhook']]],
      ['webhook', 'synced', [['lead-1', 'webhook'], ['lead-2', 'webhook']]],
    ]);
  });

  it('yields between slices once its time budget is spent, and not before', async () => {
    await enqueueLeads(db, range(0, 2500), ['hubspot', 'webhook'], T0);
    await settle('webhook', [1, 2, 3], { kind: 'failed', message: '400' });
    const pause = vi.fn(() => Promise.resolve());
    // A clock that never moves: the budget is never spent.
    const whole = await readLeadSyncStates(db, { pause, now: () => 0, pageSize: 1000 });
    expect(pause).not.toHaveBeenCalled();
    // Each look at the clock (every 256 keys folded) finds 10 ms gone: a budget of 5 ms yields at each.
    let t = 0;
    const sliced = await readLeadSyncStates(db, { pause, budgetMs: 5, now: () => (t += 10), pageSize: 1000 });
    // 3 failed keys read through the index, then 5,000 primary keys.
    expect(pause).toHaveBeenCalledTimes(Math.floor(5003 / 256));
    expect(sliced).toEqual(whole);
    expect(whole.get('lead-2')).toEqual({ state: 'failed', targets: ['hubspot', 'webhook'] });
    expect(whole.get('lead-7')).toEqual({ state: 'pending', targets: ['hubspot', 'webhook'] });
  });
});
