import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getLead, openLeadDb, putLead, saveLead, type LeadDb } from '@/utils/leads/store';
import { drain } from '@/utils/sync/drain';
import { allEntries, enqueueLeads, entriesForLead, getTarget, listLog, putSecret, putTarget, queuedEntry, recoverInFlight, sendingEntry, settledEntry, SEND_LEASE_MS } from '@/utils/sync/outbox';
import type { OutboxEntry, Target } from '@/utils/sync/schema';
import type { CrmClient, LeadOutcome, SyncItem } from '@/utils/sync/types';
import { makeLead } from './helpers';

const T0 = Date.parse('2026-11-27T10:00:00Z');
const entry = (over: Partial<OutboxEntry> = {}): OutboxEntry => ({ leadId: 'l1', target: 'hubspot', status: 'pending', attempts: 0, dueAt: T0, lastError: '', idempotencyKey: 'k1', leadVersion: 'v1', ...over });

describe('outbox state machine', () => {
  it('queues a new entry due now, and re-queues a synced one with a new key and zero attempts', () => {
    const fresh = queuedEntry(undefined, { id: 'l1', updatedAt: 'v1' }, 'hubspot', T0, () => 'k1');
    expect(fresh).toEqual(entry());
    const synced = { ...entry({ status: 'synced', attempts: 0, recordId: '9' }), dueAt: undefined };
    expect(queuedEntry(synced, { id: 'l1', updatedAt: 'v2' }, 'hubspot', T0 + 5, () => 'k2')).toMatchObject({ status: 'pending', dueAt: T0 + 5, idempotencyKey: 'k2', recordId: '9', leadVersion: 'v2' });
  });

  it('re-queuing a retrying entry keeps its key and attempts (same webhook-id on retries)', () => {
    const retrying = entry({ status: 'retrying', attempts: 3, dueAt: T0 + 60_000, lastError: '503' });
    expect(queuedEntry(retrying, { id: 'l1', updatedAt: 'v2' }, 'hubspot', T0, () => 'new')).toMatchObject({ idempotencyKey: 'k1', attempts: 3, status: 'pending', dueAt: T0 });
  });

  it('an entry in flight stays in flight when re-queued; its send re-queues it on return', () => {
    const sending = sendingEntry(entry(), T0);
    expect(sending).toMatchObject({ status: 'sending', attempts: 1, dueAt: T0 + SEND_LEASE_MS });
    const requeued = queuedEntry(sending, { id: 'l1', updatedAt: 'v2' }, 'hubspot', T0 + 1, () => 'x');
    expect(requeued.status).toBe('sending');
    const after = settledEntry(requeued, { kind: 'ok', recordId: '7' }, 'v1', T0 + 2);
    expect(after).toMatchObject({ status: 'pending', recordId: '7', dueAt: T0 + 2 });
  });

  it('settles: ok → synced (no due time), retry → retrying at Retry-After, failed → failed, auth → pending', () => {
    const s = sendingEntry(entry(), T0);
    const ok = settledEntry(s, { kind: 'ok', recordId: '7', recordUrl: 'https://app.hubspot.com/x/7' }, 'v1', T0);
    expect(ok).toMatchObject({ status: 'synced', recordId: '7', attempts: 0 });
    expect(ok.dueAt).toBeUndefined();
    expect(settledEntry(s, { kind: 'retry', message: '429', afterMs: 2000 }, 'v1', T0)).toMatchObject({ status: 'retrying', dueAt: T0 + 2000, lastError: '429' });
    const backoff = settledEntry(s, { kind: 'retry', message: '503' }, 'v1', T0, () => 1);
    expect(backoff.dueAt).toBe(T0 + 5000);
    const failed = settledEntry(s, { kind: 'failed', message: '400: bad' }, 'v1', T0);
    expect(failed).toMatchObject({ status: 'failed', lastError: '400: bad' });
    expect(failed.dueAt).toBeUndefined();
    expect(settledEntry(s, { kind: 'auth', message: 'token rejected' }, 'v1', T0)).toMatchObject({ status: 'pending', attempts: 0, dueAt: T0 });
  });
});

/** A scripted fake CRM client recording each batch. */
function fakeClient(script: (item: SyncItem, call: number) => LeadOutcome, batchSize = 3): CrmClient & { batches: string[][] } {
  const batches: string[][] = [];
  return {
    id: 'hubspot',
    batchSize,
    batches,
    async sync(items) {
      batches.push(items.map((i) => i.lead.id));
      return new Map(items.map((i) => [i.lead.id, script(i, batches.length)]));
    },
    async testConnection() {
      return { ok: true, account: 'fake' };
    },
  };
}

describe('drain', () => {
  let db: LeadDb;
  let n = 0;
  let now = T0;
  const target: Target = { id: 'hubspot', autoSync: true, paused: '', account: '', baseUrl: 'https://api.hubapi.com', url: '', recordUrlBase: '', companies: false, connectedAt: new Date(T0).toISOString() };
  beforeEach(async () => {
    db = await openLeadDb(`sync-drain-${++n}`);
    now = T0;
    await putTarget(db, target);
    await putSecret(db, 'hubspot', 'pat-secret-token-xyz');
  });
  afterEach(() => db.close());
  const deps = (client: CrmClient, over: object = {}) => ({ db, clientFor: () => client, hasPermission: async () => true, now: () => now, ...over });
  const saveMany = async (count: number) => {
    const leads = [];
    for (let i = 0; i < count; i++) leads.push((await saveLead(db, makeLead({ name: `Lead ${i}`, emails: [`l${i}@x.example`] }))).lead);
    return leads;
  };

  it('sends in bounded batches and records each record id', async () => {
    const leads = await saveMany(7);
    await enqueueLeads(db, leads, ['hubspot'], now);
    const client = fakeClient((i) => ({ kind: 'ok', recordId: `r-${i.lead.id}` }));
    const report = await drain(deps(client));
    expect(client.batches.map((b) => b.length)).toEqual([3, 3, 1]);
    expect(report).toMatchObject({ synced: 7, batches: 3 });
    const entries = await allEntries(db);
    expect(entries.every((e) => e.status === 'synced' && e.recordId === `r-${e.leadId}`)).toBe(true);
    // nothing left to do: a second drain sends nothing
    await drain(deps(client));
    expect(client.batches).toHaveLength(3);
  });

  it('a partial failure retries only the failed leads', async () => {
    const leads = await saveMany(3);
    await enqueueLeads(db, leads, ['hubspot'], now);
    const client = fakeClient((i, call) => (call === 1 && i.lead.id === leads[1]!.id ? { kind: 'retry', message: 'temporary', afterMs: 1000 } : { kind: 'ok', recordId: 'r' }));
    await drain(deps(client));
    expect((await entriesForLead(db, leads[1]!.id))[0]).toMatchObject({ status: 'retrying', dueAt: T0 + 1000, attempts: 1 });
    now += 1000;
    await drain(deps(client));
    expect(client.batches.map((b) => [...b].sort())).toEqual([leads.map((l) => l.id).sort(), [leads[1]!.id]]);
    expect((await allEntries(db)).every((e) => e.status === 'synced')).toBe(true);
  });

  it('a rejected token pauses the target; nothing is dropped and the lead stays', async () => {
    const [lead] = await saveMany(1);
    await enqueueLeads(db, [lead!], ['hubspot'], now);
    await drain(deps(fakeClient(() => ({ kind: 'auth', message: 'token rejected (pat-secret-token-xyz)' }))));
    const t = await getTarget(db, 'hubspot');
    expect(t!.paused).toBe('token rejected ([secret])');
    expect((await entriesForLead(db, lead!.id))[0]).toMatchObject({ status: 'pending' });
    expect(await getLead(db, lead!.id)).toBeDefined();
    const log = await listLog(db);
    expect(JSON.stringify(log)).not.toContain('pat-secret-token-xyz');
    // paused: the next drain sends nothing
    const client = fakeClient(() => ({ kind: 'ok', recordId: '1' }));
    await drain(deps(client));
    expect(client.batches).toHaveLength(0);
  });

  it('a missing host permission pauses the target before any request', async () => {
    const [lead] = await saveMany(1);
    await enqueueLeads(db, [lead!], ['hubspot'], now);
    const client = fakeClient(() => ({ kind: 'ok', recordId: '1' }));
    await drain(deps(client, { hasPermission: async () => false }));
    expect(client.batches).toHaveLength(0);
    expect((await getTarget(db, 'hubspot'))!.paused).toMatch(/host permission/);
  });

  it('a worker killed mid-request leaves entries in flight that the next start resends once', async () => {
    const leads = await saveMany(2);
    await enqueueLeads(db, leads, ['hubspot'], now);
    let requested!: () => void;
    const inFlight = new Promise<void>((r) => (requested = r));
    // The request goes out and never comes back: the worker is killed while waiting.
    const dying: CrmClient = {
      ...fakeClient(() => ({ kind: 'ok', recordId: 'x' })),
      sync: () => {
        requested();
        return new Promise(() => {});
      },
    };
    void drain(deps(dying));
    await inFlight;
    expect((await allEntries(db)).map((e) => e.status)).toEqual(['sending', 'sending']);
    // the "new worker": resumes the in-flight sends
    expect(await recoverInFlight(db, now)).toBe(2);
    const client = fakeClient((i) => ({ kind: 'ok', recordId: `r-${i.lead.id}` }));
    await drain(deps(client));
    expect(client.batches).toEqual([expect.arrayContaining(leads.map((l) => l.id))]);
    expect((await allEntries(db)).every((e) => e.status === 'synced')).toBe(true);
  });

  it('an edit during a send is sent afterwards; a failed lead is not retried until it changes', async () => {
    const [lead] = await saveMany(1);
    await enqueueLeads(db, [lead!], ['hubspot'], now);
    let edited = false;
    const client = fakeClient(() => ({ kind: 'failed', message: '400: bad' }));
    const editing: CrmClient = {
      ...client,
      async sync(items, ctx) {
        if (!edited) {
          edited = true;
          const put = await putLead(db, { ...lead!, title: 'CTO', updatedAt: new Date(T0 + 10).toISOString() });
          if (put.status === 'stale') throw new Error(put.message);
          const changed = put.lead;
          await enqueueLeads(db, [changed], ['hubspot'], now);
        }
        return client.sync(items, ctx);
      },
    };
    await drain(deps(editing, { maxBatches: 1 }));
    expect((await entriesForLead(db, lead!.id))[0]!.status).toBe('pending');
    await drain(deps(editing));
    expect((await entriesForLead(db, lead!.id))[0]).toMatchObject({ status: 'failed', lastError: '400: bad' });
    const before = client.batches.length;
    await drain(deps(editing));
    expect(client.batches.length).toBe(before);
  });

  it('a deleted lead\'s entry is dropped without a request', async () => {
    const [lead] = await saveMany(1);
    await enqueueLeads(db, [lead!], ['hubspot'], now);
    await db.delete('leads', lead!.id);
    const client = fakeClient(() => ({ kind: 'ok', recordId: '1' }));
    await drain(deps(client));
    expect(client.batches).toHaveLength(0);
    expect(await allEntries(db)).toEqual([]);
  });
});
