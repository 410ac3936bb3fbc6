// Issue 6 item 4: storage failures say what to do, the connection reopens where it can, a page is never left hanging.
import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectLeadDb, DB_VERSION, listLeads, openLeadDb, saveLead, LeadStoreError, type LeadDb } from '@/utils/leads/store';
import { storageError } from '@/utils/leads/storage-errors';
import { makeLead } from './helpers';

let n = 0;
const fresh = () => `storage-errors-db-${++n}`;
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** Collects what connectLeadDb reports, and waits for the next report. */
function watch(name: string) {
  const seen: Array<LeadDb | LeadStoreError> = [];
  let wake: (() => void) | undefined;
  const stop = connectLeadDb((v) => {
    seen.push(v);
    wake?.();
  }, name, { reopenDelayMs: 5 });
  cleanups.push(stop);
  const next = async (count: number) => {
    while (seen.length < count) await new Promise<void>((ok) => (wake = ok));
    return seen[count - 1]!;
  };
  return { seen, next, stop };
}

describe('storage errors', () => {
  it.each([
    [new DOMException('full', 'QuotaExceededError'), 'quota', /no room left.*export and delete some leads/i],
    [new DOMException('io', 'UnknownError'), 'disk', /could not write.*free some disk space/i],
    [new DOMException('v', 'VersionError'), 'version', /newer version of Prospect Scout.*reload this page/i],
    [new DOMException('The database connection is closing.', 'InvalidStateError'), 'closed', /closed.*Reload this page/],
  ])('%s becomes a message that says what to do', (e, kind, message) => {
    const err = storageError(e);
    expect(err).toBeInstanceOf(LeadStoreError);
    expect((err as LeadStoreError).kind).toBe(kind);
    expect(err.message).toMatch(message);
  });

  it('passes other errors on unchanged', () => {
    const bug = new TypeError('x is undefined');
    expect(storageError(bug)).toBe(bug);
  });

  it('refuses a database left by a newer version with a clear message, and changes nothing', async () => {
    const name = fresh();
    const newer = await openDB(name, DB_VERSION + 1, { upgrade: (db) => void db.createObjectStore('future') });
    newer.close();
    await expect(openLeadDb(name)).rejects.toThrow(/newer version of Prospect Scout/);
    const again = await openDB(name);
    expect(again.version).toBe(DB_VERSION + 1);
    expect([...again.objectStoreNames]).toEqual(['future']);
    again.close();
  });

  it('a quota error while writing aborts the write and says what to do', async () => {
    const db = await openLeadDb(fresh());
    cleanups.push(() => db.close());
    await saveLead(db, makeLead({ name: 'Kept', emails: ['kept@x.example'] }));
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await expect(saveLead(db, makeLead({ name: 'New', emails: ['new@x.example'] }))).rejects.toThrow(/no room left/);
    put.mockRestore();
    expect((await listLeads(db)).map((l) => l.name)).toEqual(['Kept']);
  });

  it('a read on a closed connection says to reload instead of failing obscurely', async () => {
    const db = await openLeadDb(fresh());
    db.close();
    await expect(listLeads(db)).rejects.toThrow(/connection to your saved leads was closed.*Reload this page/);
  });
});

describe('connectLeadDb', () => {
  it('opens, and reopens after another window deleted the database', async () => {
    const name = fresh();
    const w = watch(name);
    const first = (await w.next(1)) as LeadDb;
    expect(first).not.toBeInstanceOf(Error);
    await saveLead(first, makeLead({ name: 'Before', emails: ['b@x.example'] }));
    await deleteDB(name);
    const second = (await w.next(2)) as LeadDb;
    expect(second).not.toBeInstanceOf(Error);
    expect(second).not.toBe(first);
    // The new connection works (the database is new and empty).
    await saveLead(second, makeLead({ name: 'After', emails: ['a@x.example'] }));
    expect((await listLeads(second)).map((l) => l.name)).toEqual(['After']);
  });

  it('steps aside for a newer version opened elsewhere, then tells the page to reload', async () => {
    const name = fresh();
    const w = watch(name);
    await w.next(1);
    // The newer window is not blocked: this connection closes for it.
    const newer = await openDB(name, DB_VERSION + 1, { upgrade: (db) => void db.createObjectStore('future') });
    const report = await w.next(2);
    expect(report).toBeInstanceOf(LeadStoreError);
    expect((report as LeadStoreError).kind).toBe('version');
    expect((report as LeadStoreError).message).toMatch(/reload this page/);
    newer.close();
  });
});
