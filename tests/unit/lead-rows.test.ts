import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countLeads, idsWithTag, readAllRows, readRecentRows, toRow, type LeadRow } from '@/utils/leads/rows';
import { openLeadDb, restoreLeads, type LeadDb } from '@/utils/leads/store';
import { makeLead } from './helpers';

let db: LeadDb;
let n = 0;
beforeEach(async () => {
  db = await openLeadDb(`rows-db-${++n}`);
});
afterEach(() => db.close());

const leads = Array.from({ length: 25 }, (_, i) => ({
  ...makeLead({ id: `id-${String(i).padStart(2, '0')}`, name: `Lead ${i}`, emails: [`l${i}@x.example`, `alt${i}@x.example`], tags: i % 5 ? [] : ['five'] }),
  updatedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
}));

describe('lead rows', () => {
  it('reads the most recent rows first, through the updated index', async () => {
    await restoreLeads(db, leads);
    const recent = await readRecentRows(db, 3);
    expect(recent.map((r) => r.name)).toEqual(['Lead 24', 'Lead 23', 'Lead 22']);
    expect(recent[0]).toMatchObject({ email: 'l24@x.example', tags: [] });
  });

  it('reads the recent rows with one getAllRecords request where the browser has it, else with a cursor', async () => {
    await restoreLeads(db, leads);
    const records = vi.spyOn(IDBIndex.prototype as IDBIndex & { getAllRecords(): unknown }, 'getAllRecords');
    expect((await readRecentRows(db, 4)).map((r) => r.name)).toEqual(['Lead 24', 'Lead 23', 'Lead 22', 'Lead 21']);
    expect(records).toHaveBeenCalledTimes(1);
    records.mockRestore();
    // Firefox 140 has no getAllRecords: the cursor gives the same rows.
    const saved = Object.getOwnPropertyDescriptor(IDBIndex.prototype, 'getAllRecords')!;
    delete (IDBIndex.prototype as { getAllRecords?: unknown }).getAllRecords;
    try {
      expect((await readRecentRows(db, 4)).map((r) => r.name)).toEqual(['Lead 24', 'Lead 23', 'Lead 22', 'Lead 21']);
    } finally {
      Object.defineProperty(IDBIndex.prototype, 'getAllRecords', saved);
    }
  });

  it('reads on past an unreadable recent record to fill the first rows', async () => {
    await restoreLeads(db, leads);
    const bad = { ...leads[24]!, id: 'bad', name: 42 } as unknown as (typeof leads)[number];
    const tx = db.transaction('leads', 'readwrite');
    await tx.store.put({ ...bad, updatedAt: new Date(Date.UTC(2027, 0, 1)).toISOString() } as never);
    await tx.done;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect((await readRecentRows(db, 3)).map((r) => r.name)).toEqual(['Lead 24', 'Lead 23', 'Lead 22']);
    warn.mockRestore();
  });

  it('reads every row in pages, each page one call', async () => {
    await restoreLeads(db, leads);
    const pages: LeadRow[][] = [];
    await readAllRows(db, (rows) => pages.push(rows), { pageSize: 10 });
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(new Set(pages.flat().map((r) => r.id)).size).toBe(25);
    expect(await countLeads(db)).toBe(25);
  });

  it('stops paging when aborted', async () => {
    await restoreLeads(db, leads);
    const abort = new AbortController();
    let pages = 0;
    await readAllRows(db, () => (++pages, abort.abort()), { pageSize: 10, signal: abort.signal });
    expect(pages).toBe(1);
  });

  it('finds the ids of a tag through the tag index', async () => {
    await restoreLeads(db, leads);
    expect([...(await idsWithTag(db, 'five'))].sort()).toEqual(['id-00', 'id-05', 'id-10', 'id-15', 'id-20']);
    expect((await idsWithTag(db, 'Five')).size).toBe(0);
  });

  it('skips (and reports) a stored record that fails the schema, keeping the rest', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(toRow({ id: 'x', name: 5 })).toBeUndefined();
    expect(warn).toHaveBeenCalled();
    expect(toRow(leads[0])).toMatchObject({ id: 'id-00', name: 'Lead 0' });
  });
});
