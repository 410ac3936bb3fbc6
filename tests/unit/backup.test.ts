import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_VERSION, MAX_BACKUP_BYTES, parseBackup, toBackupJson } from '@/utils/leads/backup';
import { getLead, importLeads, listLeads, openLeadDb, saveLead, LeadStoreError, type LeadDb } from '@/utils/leads/store';
import { makeLead } from './helpers';

const jan = new Date('2026-01-01T00:00:00Z');
const feb = new Date('2026-02-01T00:00:00Z');
const mar = new Date('2026-03-01T00:00:00Z');

describe('parseBackup', () => {
  it('round-trips what toBackupJson writes', () => {
    const leads = [makeLead({ name: 'Jane Doe', emails: ['jane@acme.example'], tags: ['vip'], note: 'line 1\nline 2' }), makeLead({ name: 'Émile Zola' })];
    const json = toBackupJson(leads, jan);
    expect(JSON.parse(json)).toMatchObject({ app: 'prospect-scout', version: BACKUP_VERSION, exportedAt: '2026-01-01T00:00:00.000Z' });
    expect(parseBackup(json)).toEqual({ ok: true, leads, skipped: [], repaired: [] });
    // a BOM, as some editors add, is fine
    expect(parseBackup(`\uFEFF${json}`)).toMatchObject({ ok: true });
  });

  it('accepts the plain list of leads the extraction CLI prints', () => {
    const leads = [makeLead({ name: 'Carlos Mendes' })];
    expect(parseBackup(JSON.stringify(leads))).toEqual({ ok: true, leads, skipped: [], repaired: [] });
  });

  it('lists the records it leaves out, with the reason, and keeps the rest', () => {
    const good = makeLead({ name: 'Good One' });
    const json = JSON.stringify({ app: 'prospect-scout', version: 1, leads: [{ ...good, name: 42 }, good, 'nonsense', { ...good, id: 'x2', capturedAt: 'last week' }] });
    const parsed = parseBackup(json);
    if (!parsed.ok) throw new Error('unreachable');
    expect(parsed.leads).toEqual([good, { ...good, id: 'x2' }]);
    expect(parsed.skipped).toEqual([
      { index: 0, reason: 'Name: expected string' },
      { index: 2, reason: 'not a lead (a string)' },
    ]);
    // A bad date is repaired (from the other date), and said so.
    expect(parsed.repaired).toEqual([{ index: 3, repairs: ['Captured at: not a date, replaced'] }]);
  });

  it('refuses what is not a backup, with a clear message', () => {
    expect(parseBackup('{"app": "prospect-scout", "leads": [')).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON/) });
    expect(parseBackup('{"app": "other", "version": 1, "leads": []}')).toMatchObject({ ok: false, error: expect.stringMatching(/not a Prospect Scout backup/) });
    expect(parseBackup('{"name": "x"}')).toMatchObject({ ok: false, error: expect.stringMatching(/not a Prospect Scout backup/) });
    expect(parseBackup('{"app": "prospect-scout", "version": 99, "leads": []}')).toMatchObject({ ok: false, error: expect.stringMatching(/newer Prospect Scout/) });
    expect(parseBackup(' '.repeat(MAX_BACKUP_BYTES + 1))).toMatchObject({ ok: false, error: expect.stringMatching(/larger than 50 MB/) });
  });
});

describe('importLeads', () => {
  let db: LeadDb;
  let n = 0;
  beforeEach(async () => {
    db = await openLeadDb(`backup-db-${++n}`);
  });
  afterEach(() => db.close());

  it('adds new leads and changes nothing when the same backup is imported again', async () => {
    const leads = [makeLead({ name: 'Jane Doe', emails: ['jane@acme.example'] }, jan), makeLead({ name: 'Bob Stone', emails: ['bob@x.example'] }, jan)];
    expect(await importLeads(db, leads, mar)).toEqual({ created: 2, updated: 0, unchanged: 0, conflicts: [], skipped: [] });
    const stored = await listLeads(db);
    expect(stored.map((l) => l.id).sort()).toEqual(leads.map((l) => l.id).sort());
    expect(await importLeads(db, leads, mar)).toEqual({ created: 0, updated: 0, unchanged: 2, conflicts: [], skipped: [] });
    expect(await listLeads(db)).toEqual(stored);
  });

  it('merges with the same person stored under another id: newer values win, both notes stay', async () => {
    const local = makeLead({ name: 'Jane Doe', title: 'AE', emails: ['jane@acme.example'], note: 'local note', tags: ['local'] }, feb);
    await saveLead(db, local, feb);
    const older = makeLead({ name: 'Jane Doe', title: 'SDR', phones: ['+14155550100'], emails: ['jane@acme.example'], note: 'backup note', tags: ['old'] }, jan);
    const newer = makeLead({ name: 'Jane Doe', title: 'VP Sales', emails: ['JANE@acme.example'] }, mar);

    expect(await importLeads(db, [older], mar)).toEqual({ created: 0, updated: 1, unchanged: 0, conflicts: [], skipped: [] });
    let [jane] = await listLeads(db);
    expect(jane).toMatchObject({ id: local.id, title: 'AE', phones: ['+14155550100'], capturedAt: jan.toISOString() });
    expect(jane!.tags.sort()).toEqual(['local', 'old']);
    expect(jane!.note).toBe('local note\n\nbackup note');

    await importLeads(db, [newer], new Date('2026-04-01T00:00:00Z'));
    [jane] = await listLeads(db);
    expect(jane).toMatchObject({ id: local.id, title: 'VP Sales', phones: ['+14155550100'] });
    expect(await listLeads(db)).toHaveLength(1);
  });

  it('imports all or nothing: a failure midway leaves the store as it was', async () => {
    const before = makeLead({ name: 'Kept Lead', emails: ['kept@x.example'] });
    await saveLead(db, before);
    const real = db.transaction.bind(db);
    const spy = vi.spyOn(db, 'transaction').mockImplementation(((...args: Parameters<typeof real>) => {
      const tx = real(...args);
      // idb wraps this mock's result a second time, with a done promise of its own; the store
      // aborts through that one, so the inner one needs a handler of its own here.
      tx.done.catch(() => {});
      let puts = 0;
      const store = tx.objectStore('leads') as unknown as { put: (value: never) => Promise<unknown> };
      const put = store.put.bind(store);
      store.put = ((value: never) => {
        if (++puts === 2) throw new DOMException('full', 'QuotaExceededError');
        return put(value);
      }) as never;
      return tx;
    }) as never);
    const leads = [makeLead({ name: 'New One', emails: ['one@x.example'] }), makeLead({ name: 'New Two', emails: ['two@x.example'] })];
    await expect(importLeads(db, leads)).rejects.toThrow(LeadStoreError);
    spy.mockRestore();
    expect((await listLeads(db)).map((l) => l.name)).toEqual(['Kept Lead']);
    expect(await getLead(db, leads[0]!.id)).toBeUndefined();
  });
});
