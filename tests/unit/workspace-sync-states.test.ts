// The workspace's sync-state hook: read once, then again on each sync change notice (no polling); targets show and hide the Sync filter.
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSyncStates, type SyncStates } from '@/components/useSyncStates';
import { openLeadDb, type LeadDb } from '@/utils/leads/store';
import { enqueueLeads, putTarget, removeTarget, updateEntries } from '@/utils/sync/outbox';
import type { Target } from '@/utils/sync/schema';

const V1 = '2026-11-27T09:00:00.000Z';
const hubspot: Target = { id: 'hubspot', autoSync: true, paused: '', account: '', baseUrl: 'https://api.hubapi.com', url: '', recordUrlBase: '', companies: true, connectedAt: V1 };
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
// Notices settle for 300 ms before a read; a loaded machine takes longer.
const until = (check: () => void) => vi.waitFor(check, { timeout: 5000, interval: 20 });

let db: LeadDb;
let root: Root;
let n = 0;
const seen: SyncStates[] = [];
const latest = () => seen[seen.length - 1]!;

function Probe(props: { db: LeadDb; ready?: boolean }) {
  seen.push(useSyncStates(props.db, props.ready));
  return null;
}

beforeEach(async () => {
  db = await openLeadDb(`workspace-sync-states-${++n}`);
  seen.length = 0;
});
afterEach(() => {
  root.unmount();
  vi.restoreAllMocks();
  db.close();
});

describe('useSyncStates', () => {
  it('re-reads on change notices only: a connect, a queue, a sync, a disconnect', async () => {
    const outboxReads = vi.spyOn(IDBIndex.prototype, 'count');
    root = createRoot(document.createElement('div'));
    root.render(createElement(Probe, { db }));
    await until(() => expect(seen.length).toBeGreaterThan(0));
    expect(latest()).toMatchObject({ crm: false });
    expect(latest().states.size).toBe(0);

    await putTarget(db, hubspot);
    await until(() => expect(latest().crm).toBe(true));

    await enqueueLeads(db, [{ id: 'a', updatedAt: V1 }, { id: 'b', updatedAt: V1 }], ['hubspot']);
    await until(() => expect(latest().states.get('a')).toEqual({ state: 'pending', targets: ['hubspot'] }));

    await updateEntries(db, [['a', 'hubspot']], (e) => ({ ...e, status: 'synced', dueAt: undefined }));
    await until(() => expect(latest().states.get('a')?.state).toBe('synced'));
    expect(latest().states.get('b')?.state).toBe('pending');

    // Nothing changes: nothing is read (the old workspace re-read the whole outbox every 4 s).
    // Every read starts by counting the outbox's states through its index.
    const reads = outboxReads.mock.calls.length;
    expect(reads).toBeGreaterThan(0);
    const renders = seen.length;
    await wait(1500);
    expect(outboxReads.mock.calls.length).toBe(reads);
    expect(seen.length).toBe(renders);

    await removeTarget(db, 'hubspot');
    await until(() => expect(latest().crm).toBe(false));
    expect(latest().states.size).toBe(0);
  });

  it('a notice that changed nothing keeps the same states (no re-render)', async () => {
    await putTarget(db, hubspot);
    await enqueueLeads(db, [{ id: 'a', updatedAt: V1 }], ['hubspot']);
    const outboxReads = vi.spyOn(IDBIndex.prototype, 'count');
    root = createRoot(document.createElement('div'));
    root.render(createElement(Probe, { db }));
    await until(() => expect(latest().states.get('a')?.state).toBe('pending'));
    const before = latest();
    const reads = outboxReads.mock.calls.length;
    // Re-queue the same lead: a write and a notice, the same state.
    await enqueueLeads(db, [{ id: 'a', updatedAt: V1 }], ['hubspot']);
    await until(() => expect(outboxReads.mock.calls.length).toBeGreaterThan(reads));
    await wait(100);
    expect(latest()).toBe(before);
  });

  it('reads only the targets until ready (the workspace\'s rows load first), then the states', async () => {
    await putTarget(db, hubspot);
    await enqueueLeads(db, [{ id: 'a', updatedAt: V1 }], ['hubspot']);
    const outboxReads = vi.spyOn(IDBIndex.prototype, 'count');
    root = createRoot(document.createElement('div'));
    root.render(createElement(Probe, { db, ready: false }));
    await until(() => expect(latest().crm).toBe(true));
    await wait(100);
    expect(latest().states.size).toBe(0);
    expect(outboxReads).not.toHaveBeenCalled();
    root.render(createElement(Probe, { db, ready: true }));
    await until(() => expect(latest().states.get('a')).toEqual({ state: 'pending', targets: ['hubspot'] }));
  });
});
