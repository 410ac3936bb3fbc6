// Change announcements between the worker and the options page: many writes, one re-read.
import { describe, expect, it, vi } from 'vitest';
import { announceSyncChange, refreshOnSyncChanges, watchSyncChanges } from '@/utils/sync/changes';
import { openLeadDb } from '@/utils/leads/store';
import { enqueueLeads, updateEntries } from '@/utils/sync/outbox';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sync change announcements', () => {
  it('coalesces a burst of announcements into one call after they settle', async () => {
    let calls = 0;
    const stop = watchSyncChanges(() => calls++, 40);
    for (let i = 0; i < 10; i++) announceSyncChange();
    await wait(150);
    expect(calls).toBe(1);
    announceSyncChange();
    await wait(150);
    expect(calls).toBe(2);
    stop();
    announceSyncChange();
    await wait(150);
    expect(calls).toBe(2);
  });

  it('outbox writes announce themselves', async () => {
    const db = await openLeadDb('sync-changes-1');
    let calls = 0;
    const stop = watchSyncChanges(() => calls++, 10);
    await enqueueLeads(db, [{ id: 'l1', updatedAt: '2026-11-27T10:00:00.000Z' }], ['salesforce']);
    await wait(80);
    expect(calls).toBe(1);
    await updateEntries(db, [['l1', 'salesforce']], (e) => ({ ...e, status: 'synced' }));
    await wait(80);
    expect(calls).toBe(2);
    stop();
    db.close();
  });

  const visibility = (state: 'visible' | 'hidden') => {
    Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  };

  it('a visible page reads on a notice; a hidden one reads once when it is shown again', async () => {
    visibility('visible');
    let reads = 0;
    const stop = refreshOnSyncChanges(() => reads++, { fallbackMs: 60_000, settleMs: 10 });
    announceSyncChange();
    await wait(100);
    expect(reads).toBe(1);
    visibility('hidden');
    announceSyncChange();
    await wait(100);
    expect(reads).toBe(1);
    visibility('visible');
    expect(reads).toBe(2);
    visibility('hidden');
    visibility('visible');
    expect(reads).toBe(2); // nothing was missed meanwhile
    stop();
    announceSyncChange();
    await wait(100);
    expect(reads).toBe(2);
  });

  it('reads on the fallback timer in case a notice was lost, not while hidden', () => {
    vi.useFakeTimers();
    try {
      visibility('visible');
      let reads = 0;
      const stop = refreshOnSyncChanges(() => reads++, { fallbackMs: 1000 });
      vi.advanceTimersByTime(1000);
      expect(reads).toBe(1);
      visibility('hidden');
      vi.advanceTimersByTime(3000);
      expect(reads).toBe(1);
      visibility('visible');
      expect(reads).toBe(2);
      stop();
      vi.advanceTimersByTime(3000);
      expect(reads).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
