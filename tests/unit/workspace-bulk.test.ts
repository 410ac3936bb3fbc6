import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteLeads, getLead, getLeads, listLeadsByTag, openLeadDb, restoreLeads, saveLead, updateLeadTags, type LeadDb } from '@/utils/leads/store';
import { applyTagChange } from '@/utils/leads/tag-change';
import { makeLead } from './helpers';

let db: LeadDb;
let n = 0;
beforeEach(async () => {
  db = await openLeadDb(`bulk-db-${++n}`);
  for (const [id, name, tags] of [
    ['a', 'Ada Lovelace', ['vip']],
    ['b', 'Grace Hopper', []],
    ['c', 'Alan Turing', ['VIP', 'expo']],
  ] as const) {
    await saveLead(db, makeLead({ id, name, emails: [`${id}@x.example`], tags: [...tags] }));
  }
});
afterEach(() => db.close());

describe('tag change', () => {
  it('removes without case, adds without duplicates, keeps the array when nothing changes', () => {
    expect(applyTagChange(['vip', 'expo'], { remove: ['VIP'] })).toEqual(['expo']);
    expect(applyTagChange(['vip'], { add: ['Vip', 'new '] })).toEqual(['vip', 'new']);
    const same = ['vip'];
    expect(applyTagChange(same, { add: ['VIP'] })).toBe(same);
    expect(applyTagChange(same, { remove: ['other'], add: [' '] })).toBe(same);
  });
});

describe('bulk store operations', () => {
  it('getLeads reads by id in the order given, skipping unknown ids', async () => {
    expect((await getLeads(db, ['c', 'zz', 'a'])).map((l) => l.id)).toEqual(['c', 'a']);
  });

  it('updateLeadTags writes only changed leads, with a new revision, in the tag index', async () => {
    const before = (await getLead(db, 'a'))!;
    const now = new Date('2026-06-01T00:00:00Z');
    const written = await updateLeadTags(db, ['a', 'b', 'c'], (t) => applyTagChange(t, { add: ['q3'] }), now);
    expect(written.map((l) => l.id).sort()).toEqual(['a', 'b', 'c']);
    const after = (await getLead(db, 'a'))!;
    expect(after.tags).toEqual(['vip', 'q3']);
    expect(after.rev).toBe(before.rev + 1);
    expect(after.updatedAt).toBe(now.toISOString());
    expect((await listLeadsByTag(db, 'q3')).length).toBe(3);
    const removed = await updateLeadTags(db, ['a', 'b', 'c'], (t) => applyTagChange(t, { remove: ['vip'] }));
    expect(removed.map((l) => l.id).sort()).toEqual(['a', 'c']);
    expect((await listLeadsByTag(db, 'vip')).length).toBe(0);
    expect((await listLeadsByTag(db, 'VIP')).length).toBe(0);
  });

  it('deleteLeads returns the deleted records whole, and restoreLeads puts them back', async () => {
    const before = [(await getLead(db, 'a'))!, (await getLead(db, 'c'))!];
    const deleted = await deleteLeads(db, ['a', 'c', 'nope']);
    expect(deleted).toEqual(before);
    expect([await getLead(db, 'a'), await getLead(db, 'b'), await getLead(db, 'c')].filter(Boolean)).toHaveLength(1);
    await restoreLeads(db, deleted);
    expect([await getLead(db, 'a'), await getLead(db, 'c')]).toEqual(before);
    expect((await listLeadsByTag(db, 'expo')).map((l) => l.id)).toEqual(['c']);
  });
});
