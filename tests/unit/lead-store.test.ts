import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DB_VERSION,
  deleteLead,
  findDuplicate,
  getLead,
  listLeads,
  listLeadsByTag,
  listTags,
  restoreLeads,
  openLeadDb,
  putLead,
  saveLead,
  LeadStoreError,
  type LeadDb,
} from '@/utils/leads/store';
import { makeLead } from './helpers';

let db: LeadDb;
let name: string;
let n = 0;

beforeEach(async () => {
  name = `test-db-${++n}`;
  db = await openLeadDb(name);
});
afterEach(() => db.close());

describe('lead store', () => {
  it('creates the schema with its indexes at the current version', () => {
    expect(db.version).toBe(DB_VERSION);
    const store = db.transaction('leads').store;
    expect([...store.indexNames].sort()).toEqual(['by-email', 'by-email-domain', 'by-profile', 'by-tag', 'by-updated']);
    expect(store.index('by-tag').multiEntry).toBe(true);
    expect(store.index('by-email').multiEntry).toBe(true);
  });

  it('saves a new lead and reads it back validated', async () => {
    const lead = makeLead({ name: 'Jane Doe', emails: ['jane@acme.example'], tags: ['conf'] });
    const { status } = await saveLead(db, lead);
    expect(status).toBe('created');
    expect(await getLead(db, lead.id)).toEqual({ ...lead, rev: 1 });
    // derived index keys stay in storage, not in the lead
    expect(Object.keys((await getLead(db, lead.id))!)).not.toContain('emailKeys');
  });

  it('updates instead of duplicating when the email matches', async () => {
    const first = makeLead({ name: 'Jane Doe', emails: ['jane@acme.example'], tags: ['conf'] });
    await saveLead(db, first);
    const again = makeLead({ name: 'Jane Doe', title: 'VP Sales', emails: ['JANE@acme.example'], tags: ['hot'] });
    const { status, lead } = await saveLead(db, again, new Date('2026-05-01T00:00:00Z'));
    expect(status).toBe('updated');
    expect(lead.id).toBe(first.id);
    const all = await listLeads(db);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ title: 'VP Sales', tags: ['hot', 'conf'], updatedAt: '2026-05-01T00:00:00.000Z' });
  });

  it('updates instead of duplicating when a profile URL matches', async () => {
    await saveLead(db, makeLead({ name: 'Jane', profiles: { linkedin: 'https://www.linkedin.com/in/jane-doe' } }));
    const { status } = await saveLead(db, makeLead({ name: 'Jane Doe', emails: ['jane@acme.example'], profiles: { linkedin: 'https://linkedin.com/in/Jane-Doe/' } }));
    expect(status).toBe('updated');
    const all = await listLeads(db);
    expect(all).toHaveLength(1);
    expect(all[0]!.emails).toEqual(['jane@acme.example']);
  });

  it('joins two stored records that a new save shows to be one person, losing nothing', async () => {
    const a = makeLead({ name: 'Jane Doe', emails: ['jane@acme.example'], tags: ['conf'], note: 'met at booth' }, new Date('2026-01-01T00:00:00Z'));
    const b = makeLead({ name: 'J. Doe', phones: ['+14155550100'], profiles: { linkedin: 'https://www.linkedin.com/in/jane-doe' }, tags: ['q4'], note: 'asked for pricing' }, new Date('2026-02-01T00:00:00Z'));
    await saveLead(db, b, new Date('2026-02-01T00:00:00Z'));
    await saveLead(db, a, new Date('2026-01-01T00:00:00Z'));
    expect(await listLeads(db)).toHaveLength(2);

    const bridge = makeLead({ name: 'Jane Doe', title: 'CRO', emails: ['jane@acme.example'], profiles: { linkedin: 'https://linkedin.com/in/jane-doe/' } });
    const result = await saveLead(db, bridge, new Date('2026-03-01T00:00:00Z'));
    if (result.status === 'conflict') throw new Error('unexpected conflict');
    const { status, lead, mergedIds } = result;
    expect(status).toBe('updated');
    expect(mergedIds).toEqual([b.id]);
    const all = await listLeads(db);
    expect(all).toHaveLength(1);
    expect(all[0]).toEqual(lead);
    // The oldest record keeps its id and capture date; the new values win; the rest is united.
    expect(lead).toMatchObject({
      id: a.id,
      name: 'Jane Doe',
      title: 'CRO',
      emails: ['jane@acme.example'],
      phones: ['+14155550100'],
      capturedAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-03-01T00:00:00.000Z',
    });
    expect(lead.tags.sort()).toEqual(['conf', 'q4']);
    expect(lead.note).toContain('met at booth');
    expect(lead.note).toContain('asked for pricing');
    expect(await getLead(db, b.id)).toBeUndefined();
    expect(await findDuplicate(db, makeLead({ phones: [], profiles: { linkedin: 'https://www.linkedin.com/in/jane-doe' } }))).toMatchObject({ id: a.id });
  });

  it('keeps different people apart', async () => {
    await saveLead(db, makeLead({ name: 'Jane', emails: ['jane@acme.example'] }));
    await saveLead(db, makeLead({ name: 'Jane', emails: ['jane@other.example'] }));
    expect(await listLeads(db)).toHaveLength(2);
  });

  it('lists newest first, by tag, and all tags', async () => {
    await saveLead(db, makeLead({ name: 'Old', emails: ['old@x.example'], tags: ['b', 'A'] }, new Date('2026-01-01T00:00:00Z')));
    await saveLead(db, makeLead({ name: 'New', emails: ['new@x.example'], tags: ['b'] }, new Date('2026-02-01T00:00:00Z')));
    expect((await listLeads(db)).map((l) => l.name)).toEqual(['New', 'Old']);
    expect((await listLeadsByTag(db, 'A')).map((l) => l.name)).toEqual(['Old']);
    expect((await listLeadsByTag(db, 'b')).map((l) => l.name)).toEqual(['New', 'Old']);
    expect(await listTags(db)).toEqual(['A', 'b']);
  });

  it('lists each tag once however many leads carry it, prefixes of each other included', async () => {
    const tagSets = [['sales'], ['sales', 'sales-eu'], ['sales eu'], ['Sales'], ['sales-eu', 'z'], ['sales']];
    await restoreLeads(db, tagSets.map((tags, i) => makeLead({ id: `t${i}`, name: `Tagged ${i}`, emails: [`t${i}@x.example`], tags })));
    expect(await listTags(db)).toEqual(['Sales', 'sales', 'sales eu', 'sales-eu', 'z']);
  });

  it('finds duplicates and deletes', async () => {
    const lead = makeLead({ name: 'Jane', emails: ['jane@acme.example'] });
    await saveLead(db, lead);
    expect((await findDuplicate(db, makeLead({ emails: ['jane@acme.example'] })))?.id).toBe(lead.id);
    await deleteLead(db, lead.id);
    expect(await listLeads(db)).toEqual([]);
    await expect(deleteLead(db, 'missing')).resolves.toBeUndefined();
  });

  it('putLead replaces without merging', async () => {
    const lead = makeLead({ name: 'Jane', emails: ['a@x.example', 'b@x.example'] });
    await saveLead(db, lead);
    const opened = (await getLead(db, lead.id))!;
    expect(await putLead(db, { ...opened, emails: ['a@x.example'] })).toMatchObject({ status: 'saved', lead: { rev: 2 } });
    expect((await getLead(db, lead.id))!.emails).toEqual(['a@x.example']);
  });

  it('skips a corrupt record when listing but never deletes it', async () => {
    await saveLead(db, makeLead({ name: 'Good', emails: ['good@x.example'] }));
    await db.put('leads', { id: 'bad', name: 42, updatedAt: '2026-01-02T00:00:00.000Z', emailKeys: [], profileKeys: [] } as never);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect((await listLeads(db)).map((l) => l.name)).toEqual(['Good']);
    expect(warn).toHaveBeenCalled();
    expect(await db.get('leads', 'bad')).toBeDefined();
    warn.mockRestore();
  });

  it('rejects an invalid lead before writing', async () => {
    await expect(saveLead(db, { ...makeLead({ name: 'x' }), capturedAt: 'yesterday' })).rejects.toThrow();
    expect(await listLeads(db)).toEqual([]);
  });

  it('turns a quota error into a clear message', async () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    const spy = vi.spyOn(db, 'transaction').mockImplementation(() => {
      throw quota;
    });
    await expect(saveLead(db, makeLead({ name: 'Jane' }))).rejects.toThrow(LeadStoreError);
    await expect(saveLead(db, makeLead({ name: 'Jane' }))).rejects.toThrow(/no room left/);
    spy.mockRestore();
  });

  it('survives reopening (data is persistent across sessions)', async () => {
    await saveLead(db, makeLead({ name: 'Persist', emails: ['p@x.example'] }));
    db.close();
    db = await openLeadDb(name);
    expect((await listLeads(db)).map((l) => l.name)).toEqual(['Persist']);
  });
});
