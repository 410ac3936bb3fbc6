// Issue 6 item 1: shared or role addresses never merge different people; conflicts are asked or reported, not merged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBackup, toBackupJson } from '@/utils/leads/backup';
import { identityKeys, isRoleAddress, mergeLead, namesConflict } from '@/utils/leads/merge';
import { findDuplicate, findDuplicates, importLeads, listLeads, openLeadDb, saveLead, type LeadDb } from '@/utils/leads/store';
import { makeLead } from './helpers';

const jan = new Date('2026-01-01T00:00:00Z');
const feb = new Date('2026-02-01T00:00:00Z');
const mar = new Date('2026-03-01T00:00:00Z');

describe('identity keys', () => {
  it.each(['info@acme.example', 'Sales@acme.example', 'hello@a.example', 'contact@a.example', 'support@a.example', 'careers@a.example', 'office@a.example', 'admin@a.example', 'team@a.example', 'jobs@a.example', 'press@a.example', 'sales-uk@a.example', 'info+web@a.example', 'noreply@a.example'])(
    '%s is a role address, never an identity key',
    (e) => {
      expect(isRoleAddress(e)).toBe(true);
      expect(identityKeys({ emails: [e], profiles: { linkedin: '', x: '', github: '', other: [] } }).emails).toEqual([]);
    },
  );

  it.each(['jane@acme.example', 'jane.doe@acme.example', 'infante@acme.example', 'salesforce.admin.jane@x.example', 'teamlead.bob@x.example'])('%s is a personal address', (e) => {
    expect(isRoleAddress(e)).toBe(false);
  });

  it.each([
    ['Jane Doe', 'Bob Roe', true],
    ['Jane Doe', 'Acme Team', true],
    ['Jane Doe', 'jane doe', false],
    ['Jane Doe', 'Doe, Jane', false],
    ['Jane Doe', 'Jane M. Doe', false],
    ['J. Doe', 'Jane Doe', false],
    ['Jane Doe', 'J. Doe', false],
    ['Dr. José Núñez', 'Jose Nunez', false],
    ['Jane Doe', '', false],
    ['J. D.', 'Bob Roe', true],
  ])('names %j and %j conflict: %s', (a, b, conflict) => {
    expect(namesConflict(a, b)).toBe(conflict);
  });
});

describe('saving people who share an address', () => {
  let db: LeadDb;
  let n = 0;
  beforeEach(async () => {
    db = await openLeadDb(`identity-db-${++n}`);
  });
  afterEach(() => db.close());

  it('keeps Jane and Bob apart when they share info@', async () => {
    await saveLead(db, makeLead({ name: 'Jane Doe', emails: ['jane@acme.example', 'info@acme.example'] }), jan);
    const bob = await saveLead(db, makeLead({ name: 'Bob Roe', emails: ['bob@acme.example', 'info@acme.example'] }), feb);
    expect(bob.status).toBe('created');
    expect((await listLeads(db)).map((l) => l.name).sort()).toEqual(['Bob Roe', 'Jane Doe']);
  });

  it('asks instead of merging a clearly different name, and does what the user answers', async () => {
    const jane = makeLead({ name: 'Jane Doe', emails: ['jd@acme.example'] }, jan);
    await saveLead(db, jane, jan);
    const john = makeLead({ name: 'John Dee', title: 'CTO', emails: ['jd@acme.example'] }, feb);
    const asked = await saveLead(db, john, feb);
    expect(asked).toMatchObject({ status: 'conflict', conflicts: [{ lead: { id: jane.id }, message: 'Jane Doe is saved with this email (jd@acme.example)' }] });
    expect(await listLeads(db)).toHaveLength(1);

    const kept = await saveLead(db, john, { now: feb, onConflict: 'keep-both' });
    expect(kept.status).toBe('created');
    expect((await listLeads(db)).map((l) => l.name).sort()).toEqual(['Jane Doe', 'John Dee']);
    // Now that two differently named people share jd@, it identifies neither: Jane found again is Jane.
    expect((await findDuplicate(db, makeLead({ name: 'Jane Doe', emails: ['jd@acme.example'] })))?.id).toBe(jane.id);
    expect(await findDuplicate(db, makeLead({ emails: ['jd@acme.example'] }))).toBeUndefined();
  });

  it('looks up many prospects at once, in order, with the same answers as one at a time', async () => {
    const jane = makeLead({ name: 'Jane Doe', emails: ['jd@acme.example'] }, jan);
    const omar = makeLead({ name: 'Omar Haddad', profiles: { linkedin: 'https://www.linkedin.com/in/omarhaddad', x: '', github: '', other: [] } }, jan);
    await saveLead(db, jane, jan);
    await saveLead(db, omar, jan);
    const probes = [
      makeLead({ name: 'Nobody Here', emails: ['nobody@elsewhere.example'] }),
      makeLead({ name: 'Omar Haddad', profiles: { linkedin: 'https://www.linkedin.com/in/omarhaddad/', x: '', github: '', other: [] } }),
      makeLead({ name: 'John Dee', emails: ['jd@acme.example'] }),
      makeLead({ name: 'Jane Doe', emails: ['JD@acme.example'] }),
    ];
    const batch = await findDuplicates(db, probes);
    expect(batch.map((l) => l?.id)).toEqual([undefined, omar.id, undefined, jane.id]);
    const oneByOne = [];
    for (const p of probes) oneByOne.push(await findDuplicate(db, p));
    expect(batch).toEqual(oneByOne);
    expect(await findDuplicates(db, [])).toEqual([]);
  });

  it('merging after the question keeps the stored name and shows both in the history', async () => {
    const jane = makeLead({ name: 'Jane Doe', emails: ['jd@acme.example'], provenance: { name: 'json-ld' } }, jan);
    await saveLead(db, jane, jan);
    const other = makeLead({ name: 'Acme Sales Team', title: 'Sales', emails: ['jd@acme.example'], provenance: { name: 'heading', title: 'heading' } }, feb);
    const merged = await saveLead(db, other, { now: feb, onConflict: 'merge' });
    expect(merged.status).toBe('updated');
    const [lead] = await listLeads(db);
    expect(lead).toMatchObject({ id: jane.id, name: 'Jane Doe', title: 'Sales' });
    expect(lead!.history).toEqual([{ at: feb.toISOString(), field: 'name', value: 'Acme Sales Team', source: 'heading', change: 'not-applied' }]);
  });

  it('never merges two saved people because one page lists both their emails', async () => {
    await saveLead(db, makeLead({ name: 'Jane Doe', emails: ['jane@acme.example'] }), jan);
    await saveLead(db, makeLead({ name: 'Bob Roe', emails: ['bob@acme.example'] }), jan);
    const page = await saveLead(db, makeLead({ name: 'Carol Poe', emails: ['jane@acme.example', 'bob@acme.example'] }), feb);
    expect(page.status).toBe('conflict');
    const nameless = await saveLead(db, makeLead({ emails: ['jane@acme.example', 'bob@acme.example'] }), feb);
    expect(nameless.status).toBe('conflict');
    expect((await listLeads(db)).map((l) => l.name).sort()).toEqual(['Bob Roe', 'Jane Doe']);
  });

  it('a stronger, newer name replaces the stored one and the old one stays in the history', () => {
    const stored = makeLead({ name: 'Jane Doe', title: 'AE', emails: ['j@a.example'], provenance: { name: 'heading', title: 'json-ld' } }, jan);
    const incoming = makeLead({ name: 'Jane Doe-Smith', title: 'VP', emails: ['j@a.example'], provenance: { name: 'json-ld', title: 'text' } }, feb);
    const merged = mergeLead(stored, incoming, mar);
    expect(merged).toMatchObject({ name: 'Jane Doe-Smith', title: 'AE' });
    expect(merged.history.map((h) => [h.field, h.value, h.change])).toEqual([
      ['name', 'Jane Doe', 'replaced'],
      ['title', 'VP', 'not-applied'],
    ]);
    // An older incoming record never replaces, whatever its source.
    expect(mergeLead(incoming, { ...stored, provenance: { name: 'user' } }, mar).name).toBe('Jane Doe-Smith');
  });

  it('history stays bounded', () => {
    let lead = makeLead({ name: 'Jane Doe', emails: ['j@a.example'], provenance: { title: 'user' } }, jan);
    for (let i = 0; i < 40; i++) lead = mergeLead(lead, makeLead({ name: 'Jane Doe', title: `Title ${i}`, emails: ['j@a.example'] }, feb), mar);
    expect(lead.history).toHaveLength(20);
    expect(lead.history.at(-1)!.value).toBe('Title 39');
  });
});

describe('importing people who clash with saved ones', () => {
  let db: LeadDb;
  let n = 0;
  beforeEach(async () => {
    db = await openLeadDb(`identity-import-db-${++n}`);
  });
  afterEach(() => db.close());

  it('a record whose id exists but describes another person does not overwrite it: both kept, reported', async () => {
    const jane = makeLead({ id: 'lead-1', name: 'Jane Doe', emails: ['jane@acme.example'], note: 'mine' }, jan);
    await saveLead(db, jane, jan);
    const bob = makeLead({ id: 'lead-1', name: 'Bob Roe', emails: ['bob@other.example'] }, mar);
    const summary = await importLeads(db, [bob], mar);
    expect(summary).toMatchObject({ created: 1, updated: 0, conflicts: [{ index: 0, name: 'Bob Roe', message: 'Jane Doe is saved under the same id: kept both' }] });
    const all = await listLeads(db);
    expect(all.map((l) => l.name).sort()).toEqual(['Bob Roe', 'Jane Doe']);
    expect(all.find((l) => l.id === 'lead-1')).toMatchObject({ name: 'Jane Doe', note: 'mine' });
  });

  it('a record sharing an email with a differently named saved lead is kept apart and reported', async () => {
    await saveLead(db, makeLead({ name: 'Jane Doe', emails: ['jd@acme.example'] }), jan);
    const summary = await importLeads(db, [makeLead({ name: 'John Dee', emails: ['jd@acme.example'] }, feb)], mar);
    expect(summary.created).toBe(1);
    expect(summary.conflicts[0]!.message).toBe('Jane Doe is saved with this email (jd@acme.example): kept both');
    expect(await listLeads(db)).toHaveLength(2);
  });

  it('duplicate ids inside one file do not merge different people, but do merge the same person', async () => {
    const file = toBackupJson([
      makeLead({ id: 'dup', name: 'Jane Doe', emails: ['jane@acme.example'] }, jan),
      makeLead({ id: 'dup', name: 'Bob Roe', emails: ['bob@acme.example'] }, jan),
      makeLead({ id: 'dup', name: 'Jane Doe', phones: ['+14155550100'] }, feb),
    ]);
    const parsed = parseBackup(file);
    if (!parsed.ok) throw new Error(parsed.error);
    const summary = await importLeads(db, parsed.leads, mar);
    expect(summary).toMatchObject({ created: 2, updated: 1 });
    expect(summary.conflicts.map((c) => c.name)).toEqual(['Bob Roe']);
    const all = await listLeads(db);
    expect(all.map((l) => l.name).sort()).toEqual(['Bob Roe', 'Jane Doe']);
    expect(all.find((l) => l.name === 'Jane Doe')).toMatchObject({ id: 'dup', emails: ['jane@acme.example'], phones: ['+14155550100'] });
  });
});
