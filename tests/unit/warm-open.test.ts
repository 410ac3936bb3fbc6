import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { warmOpen } from '@/utils/leads/warm-open';
import { openLeadDb } from '@/utils/leads/store';

const exists = async (name: string) => (await indexedDB.databases()).some((d) => d.name === name);
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('warmOpen', () => {
  it('never creates a database that does not exist: the real open still builds every store', async () => {
    const stop = warmOpen(indexedDB, 'warm-missing');
    await settle();
    expect(await exists('warm-missing')).toBe(false);
    const db = await openLeadDb('warm-missing');
    expect([...db.objectStoreNames]).toContain('leads');
    db.close();
    stop();
  });

  it('does not block an upgrade: it closes when another connection asks for a new version', async () => {
    const first = await openLeadDb('warm-upgrade');
    const version = first.version;
    first.close();
    const stop = warmOpen(indexedDB, 'warm-upgrade', 60_000);
    await settle();
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('warm-upgrade', version + 1);
      r.onblocked = () => reject(new Error('blocked by the warm connection'));
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    expect(upgraded.version).toBe(version + 1);
    upgraded.close();
    stop();
  });

  it('lets the real connection open and is closed by its stop function (a delete then goes through)', async () => {
    (await openLeadDb('warm-close')).close();
    const stop = warmOpen(indexedDB, 'warm-close', 60_000);
    await settle();
    const db = await openLeadDb('warm-close');
    db.close();
    stop();
    await new Promise<void>((resolve, reject) => {
      const r = indexedDB.deleteDatabase('warm-close');
      r.onblocked = () => reject(new Error('delete blocked: the warm connection is still open'));
      r.onsuccess = () => resolve();
    });
    expect(await exists('warm-close')).toBe(false);
  });
});
