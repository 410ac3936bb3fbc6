import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toBackupJson } from '@/utils/leads/backup';
import { importBackupStream, type ImportProgress } from '@/utils/leads/import-stream';
import { importLeads, listLeads, openLeadDb, restoreLeads, saveLead, type LeadDb } from '@/utils/leads/store';
import { StoredKeys } from '@/utils/leads/stored-keys';
import { makeLead } from './helpers';

let db: LeadDb;
let n = 0;
beforeEach(async () => {
  db = await openLeadDb(`import-stream-${++n}`);
});
afterEach(() => db.close());

const jan = new Date('2026-01-01T00:00:00Z');
const people = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => makeLead({ id: `p-${from + i}`, name: `Person ${from + i} Ünicode`, emails: [`p${from + i}@acme.example`], note: `note ${i} "quoted", {braces}` }, jan));
const blobOf = (text: string) => new Blob([text], { type: 'application/json' });

describe('streaming backup import', () => {
  it('imports every record of a backup in batches, with progress up to the whole file', async () => {
    const file = blobOf(toBackupJson(people(450), jan));
    const seen: ImportProgress[] = [];
    const report = await importBackupStream(db, file, { batchSize: 100, sliceMs: 0, onProgress: (p) => seen.push(p) });
    expect(report).toMatchObject({ status: 'done', records: 450, created: 450, updated: 0, unchanged: 0, skipped: [], conflicts: [] });
    expect(await db.count('leads')).toBe(450);
    const written = seen.map((p) => p.written);
    expect(written).toEqual([...written].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual({ bytesRead: file.size, totalBytes: file.size, records: 450, written: 450 });
    // importing the same file again changes nothing
    expect(await importBackupStream(db, file, { batchSize: 100 })).toMatchObject({ status: 'done', created: 0, unchanged: 450 });
  });

  it('lists bad records with their place in the file and imports the rest; repairs are reported', async () => {
    const good = people(3);
    const text = toBackupJson(good, jan).replace(
      '"leads": [',
      `"leads": [\n    "nonsense",\n    {"name": "No id or dates", "website": "javascript:alert(1)"},\n    {"id": "x", "emails": tru},\n    [1, 2],`,
    );
    const report = await importBackupStream(db, blobOf(text));
    expect(report.status).toBe('done');
    expect(report.records).toBe(7);
    expect(report.created).toBe(4);
    expect(report.skipped).toEqual([
      { index: 0, reason: 'not a lead (a string)' },
      { index: 2, reason: 'not valid JSON' },
      { index: 3, reason: 'not a lead (a list)' },
    ]);
    expect(report.repaired.map((r) => r.index)).toEqual([1]);
    expect((await listLeads(db)).map((l) => l.name).sort()).toEqual(['No id or dates', ...good.map((l) => l.name)].sort());
  });

  it('reads the extraction CLI output (a bare list)', async () => {
    const report = await importBackupStream(db, blobOf(JSON.stringify(people(5))));
    expect(report).toMatchObject({ status: 'done', created: 5 });
  });

  it('writes nothing from a file that is not a backup, or from a newer format', async () => {
    for (const [text, error] of [
      [JSON.stringify({ app: 'other', version: 1, leads: people(2) }), /not a Prospect Scout backup/],
      [JSON.stringify({ app: 'prospect-scout', version: 99, leads: people(2) }), /newer Prospect Scout \(format 99\)/],
      ['hello', /not valid JSON \(the file does not start with \{ or \[\)/],
      [JSON.stringify({ app: 'prospect-scout', version: 1 }), /not a Prospect Scout backup/],
      [JSON.stringify({ leads: people(2), app: 'other', version: 1 }), /not a Prospect Scout backup/],
    ] as const) {
      const report = await importBackupStream(db, blobOf(text));
      expect(report.status).toBe('failed');
      expect(report.error).toMatch(error);
    }
    expect(await db.count('leads')).toBe(0);
  });

  it('a cut-off file: the complete records before the cut are imported and the report says the file ends early', async () => {
    const text = toBackupJson(people(10), jan);
    const cut = text.slice(0, text.indexOf('"p-7"'));
    const report = await importBackupStream(db, blobOf(cut), { batchSize: 4 });
    expect(report).toMatchObject({ status: 'failed', records: 7, created: 7 });
    expect(report.error).toMatch(/ends early/);
    const tiny = await importBackupStream(db, blobOf(text.slice(0, 200)));
    expect(tiny).toMatchObject({ status: 'failed', records: 0 });
  });

  it('cancel stops after the batch being written; importing again completes it', async () => {
    const file = blobOf(toBackupJson(people(600), jan));
    const ctrl = new AbortController();
    const report = await importBackupStream(db, file, { batchSize: 50, sliceMs: 0, signal: ctrl.signal, onProgress: (p) => p.written >= 100 && ctrl.abort() });
    expect(report.status).toBe('cancelled');
    const kept = await db.count('leads');
    expect(kept).toBeGreaterThanOrEqual(100);
    expect(kept).toBeLessThan(600);
    expect(kept % 50).toBe(0);
    const again = await importBackupStream(db, file);
    expect(again).toMatchObject({ status: 'done', created: 600 - kept, unchanged: kept });
  });
});

describe('importLeads in one call equals importing record by record', () => {
  it('with duplicates inside the file, shared emails and profiles, and matches against saved leads', async () => {
    const saved = [
      makeLead({ id: 's1', name: 'Ada Lovelace', emails: ['ada@x.example'] }, jan),
      makeLead({ id: 's2', name: 'Alan Turing', profiles: { linkedin: 'https://www.linkedin.com/in/alan', x: '', github: '', other: [] } }, jan),
    ];
    const feb = new Date('2026-02-01T00:00:00Z');
    const file = [
      makeLead({ id: 'f1', name: 'Ada Lovelace', emails: ['ada@x.example', 'ada2@x.example'], tags: ['a'] }, feb),
      makeLead({ id: 'f2', name: 'Ada King', emails: ['ada2@x.example'], tags: ['b'] }, feb),
      makeLead({ id: 'f3', name: 'Alan Turing', emails: ['alan@x.example'], profiles: { linkedin: 'https://www.linkedin.com/in/alan', x: '', github: '', other: [] } }, feb),
      makeLead({ id: 'f4', name: 'Grace Hopper', emails: ['grace@x.example'] }, feb),
      makeLead({ id: 'f4', name: 'Someone Else', emails: ['else@x.example'] }, feb),
      makeLead({ id: 'f5', name: 'Grace Hopper', emails: ['grace@x.example'], note: 'second copy' }, feb),
      makeLead({ id: 's1', name: 'Bob Other', emails: ['bob@x.example'] }, feb),
    ];
    const content = async (d: LeadDb) =>
      (await listLeads(d)).map((l) => JSON.stringify([l.name, l.emails, l.profiles, l.tags, l.note, l.id.length > 10 ? 'new-id' : l.id])).sort();
    await restoreLeads(db, saved);
    const together = await importLeads(db, file, feb);
    const other = await openLeadDb(`import-seq-${n}`);
    await restoreLeads(other, saved);
    const one = { created: 0, updated: 0, unchanged: 0, conflicts: 0, skipped: 0 };
    for (const lead of file) {
      const s = await importLeads(other, [lead], feb);
      one.created += s.created;
      one.updated += s.updated;
      one.unchanged += s.unchanged;
      one.conflicts += s.conflicts.length;
      one.skipped += s.skipped.length;
    }
    expect({ ...together, conflicts: together.conflicts.length, skipped: together.skipped.length }).toEqual(one);
    expect(await content(db)).toEqual(await content(other));
    // batches sharing the store's keys in memory (what the streaming import does) skip lookups and change nothing
    const batched = await openLeadDb(`import-known-${n}`);
    await restoreLeads(batched, saved);
    const known = new StoredKeys();
    const sum = { created: 0, updated: 0, unchanged: 0, conflicts: 0, skipped: 0 };
    for (let i = 0; i < file.length; i += 2) {
      const s = await importLeads(batched, file.slice(i, i + 2), feb, { known });
      sum.created += s.created;
      sum.updated += s.updated;
      sum.unchanged += s.unchanged;
      sum.conflicts += s.conflicts.length;
      sum.skipped += s.skipped.length;
    }
    expect(sum).toEqual(one);
    expect(await content(batched)).toEqual(await content(other));
    expect(known.loads).toBe(1);
    batched.close();
    other.close();
  });

  it('a batch larger than one write group (100) is written whole, in one transaction', async () => {
    const summary = await importLeads(db, people(250), jan, { known: new StoredKeys() });
    expect(summary).toMatchObject({ created: 250, updated: 0, unchanged: 0, skipped: [], conflicts: [] });
    expect(await db.count('leads')).toBe(250);
    expect(await importLeads(db, people(250), jan, { known: new StoredKeys() })).toMatchObject({ created: 0, unchanged: 250 });
  });

  it('known keys: a record matching nothing skips its lookups; a lead saved by another window between batches is still merged', async () => {
    const known = new StoredKeys();
    const first = await importLeads(db, people(3), jan, { known });
    expect(first.created).toBe(3);
    // the store was empty: nothing read, the keys come from the import's own writes
    expect(known.loads).toBe(0);
    expect(known.mayMatch(people(1)[0]!)).toBe(true);
    expect(known.mayMatch(makeLead({ id: 'new', emails: ['P1@ACME.example'] }))).toBe(true);
    expect(known.mayMatch(makeLead({ id: 'new', emails: ['nobody@acme.example'], profiles: { linkedin: 'https://www.linkedin.com/in/nobody', x: '', github: '', other: [] } }))).toBe(false);
    // another window saves a person the rest of the file also holds
    await saveLead(db, makeLead({ id: 'popup', name: 'Grace Hopper', emails: ['grace@x.example'] }, jan));
    const second = await importLeads(db, [makeLead({ id: 'file-grace', name: 'Grace Hopper', emails: ['grace@x.example'], tags: ['file'] }, new Date('2026-02-01T00:00:00Z'))], jan, { known });
    expect(second).toMatchObject({ created: 0, updated: 1 });
    expect(known.loads).toBe(1);
    const grace = (await listLeads(db)).filter((l) => l.name === 'Grace Hopper');
    expect(grace.map((l) => [l.id, l.tags])).toEqual([['popup', ['file']]]);
    // no write by anyone else since: no new read
    await importLeads(db, people(2, 10), jan, { known });
    expect(known.loads).toBe(1);
  });

  it('a streaming import over several batches merges what a single batch merges (duplicates across batches, saved leads)', async () => {
    await restoreLeads(db, [makeLead({ id: 'saved', name: 'Person 7 Ünicode', emails: ['p7@acme.example'] }, jan)]);
    const file = blobOf(toBackupJson([...people(6), ...people(6, 4)], jan));
    const report = await importBackupStream(db, file, { batchSize: 3, sliceMs: 0 });
    const single = await openLeadDb(`import-single-${n}`);
    await restoreLeads(single, [makeLead({ id: 'saved', name: 'Person 7 Ünicode', emails: ['p7@acme.example'] }, jan)]);
    const once = await importBackupStream(single, file, { batchSize: 100 });
    expect(report).toMatchObject({ status: 'done', records: 12 });
    expect({ ...report, repaired: [] }).toEqual({ ...once, repaired: [] });
    const content = async (d: LeadDb) => (await listLeads(d)).map((l) => JSON.stringify([l.id, l.emails, l.note])).sort();
    expect(await content(db)).toEqual(await content(single));
    expect(await db.count('leads')).toBe(10);
    single.close();
  });
});
