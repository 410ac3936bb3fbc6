// Issue 6 item 2: an edit of an older revision is merged field by field or refused, never silently applied.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeConcurrentEdits } from '@/utils/leads/merge';
import { getLead, openLeadDb, putLead, saveLead, deleteLead, STALE_MESSAGE, type LeadDb } from '@/utils/leads/store';
import { makeLead } from './helpers';

let db: LeadDb;
let n = 0;
beforeEach(async () => {
  db = await openLeadDb(`concurrency-db-${++n}`);
});
afterEach(() => db.close());

async function savedJane() {
  await saveLead(db, makeLead({ id: 'jane', name: 'Jane Doe', emails: ['jane@acme.example'], tags: ['conf'], note: 'met at booth' }));
  return (await getLead(db, 'jane'))!;
}

describe('lost updates', () => {
  it('two windows edit different fields of the same lead: both edits are kept', async () => {
    const opened = await savedJane();
    // Window A adds a tag and a note; window B, opened on the same revision, changes the title.
    const a = await putLead(db, { ...opened, tags: ['conf', 'hot'], note: 'call Tuesday' }, { base: opened });
    expect(a.status).toBe('saved');
    const b = await putLead(db, { ...opened, title: 'CTO' }, { base: opened });
    expect(b.status).toBe('merged');
    expect(await getLead(db, 'jane')).toMatchObject({ title: 'CTO', tags: ['conf', 'hot'], note: 'call Tuesday', rev: 3 });
  });

  it('the same field edited in both places is refused with a message, and nothing is written', async () => {
    const opened = await savedJane();
    await putLead(db, { ...opened, note: 'from window A' }, { base: opened });
    const b = await putLead(db, { ...opened, note: 'from window B' }, { base: opened });
    expect(b).toMatchObject({ status: 'stale', conflicts: ['note'], message: `${STALE_MESSAGE} (Note changed in both places)` });
    expect(await getLead(db, 'jane')).toMatchObject({ note: 'from window A', rev: 2 });
  });

  it('without the base it was opened from, a stale write is refused', async () => {
    const opened = await savedJane();
    await putLead(db, { ...opened, tags: ['x'] });
    expect(await putLead(db, { ...opened, note: 'late' })).toMatchObject({ status: 'stale', message: STALE_MESSAGE });
    expect((await getLead(db, 'jane'))!.note).toBe('met at booth');
  });

  it('an edit of a lead deleted meanwhile is refused, not resurrected', async () => {
    const opened = await savedJane();
    await deleteLead(db, 'jane');
    expect(await putLead(db, { ...opened, note: 'late' }, { base: opened })).toMatchObject({ status: 'stale', current: undefined });
    expect(await getLead(db, 'jane')).toBeUndefined();
  });

  it('a save from the capture popup bumps the revision, so an editor opened before it is stale', async () => {
    const opened = await savedJane();
    await saveLead(db, makeLead({ name: 'Jane Doe', emails: ['jane@acme.example'], tags: ['web'] }));
    const late = await putLead(db, { ...opened, tags: [] }, { base: opened });
    // Removing "conf" is merged with the capture's added "web".
    expect(late.status).toBe('merged');
    expect((await getLead(db, 'jane'))!.tags).toEqual(['web']);
  });

  it('mergeConcurrentEdits unites list additions and removals from both sides', () => {
    const base = makeLead({ name: 'A', emails: ['a@x.example', 'b@x.example'], tags: ['t1'] });
    const mine = { ...base, emails: ['a@x.example', 'c@x.example'], tags: ['t1', 'mine'] };
    const theirs = { ...base, emails: ['a@x.example', 'b@x.example', 'd@x.example'], tags: [] as string[] };
    const { lead, conflicts } = mergeConcurrentEdits(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(lead.emails).toEqual(['a@x.example', 'd@x.example', 'c@x.example']);
    expect(lead.tags).toEqual(['mine']);
  });
});
