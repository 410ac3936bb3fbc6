import { describe, expect, it } from 'vitest';
import { activeFilterCount, leadSyncStates, workspacePredicate, type WorkspaceFilter } from '@/utils/leads/query';
import { createRowIndex, queryRows } from '@/utils/leads/row-index';
import { leadToRow } from '@/utils/leads/rows';
import type { OutboxEntry } from '@/utils/sync/schema';
import { makeLead } from './helpers';

const at = (day: string) => new Date(`${day}T12:00:00Z`);
const rows = [
  leadToRow(makeLead({ id: 'a', name: 'José Álvarez', title: 'CTO', company: 'Acmé Corp', emails: ['jose@acme.example'], phones: ['+14155550132'] }, at('2026-03-01'))),
  leadToRow(makeLead({ id: 'b', name: 'Jane Doe', title: 'VP Sales', company: 'Globex', emails: ['jane@globex.example'] }, at('2026-03-05'))),
  leadToRow(makeLead({ id: 'c', name: 'Zed', company: '', phones: ['+442071838750'] }, at('2026-03-10'))),
  leadToRow(makeLead({ id: 'd', name: 'bob Roe', company: 'ACME', emails: [] }, at('2026-02-20'))),
];
const index = createRowIndex(rows);
const entry = (leadId: string, target: OutboxEntry['target'], status: OutboxEntry['status']): OutboxEntry => ({
  leadId,
  target,
  status,
  attempts: 0,
  lastError: '',
  idempotencyKey: `${leadId}-${target}`,
  leadVersion: '2026-03-01T00:00:00.000Z',
});
const sync = leadSyncStates([entry('a', 'hubspot', 'synced'), entry('a', 'webhook', 'retrying'), entry('b', 'hubspot', 'synced'), entry('d', 'pipedrive', 'failed'), entry('d', 'hubspot', 'synced')]);
const ids = (f: WorkspaceFilter, extra: Parameters<typeof queryRows>[1] = {}) =>
  queryRows(index, { sort: 'name', ...extra, where: workspacePredicate(f, sync) }).map((r) => r.id);

describe('workspace filters', () => {
  it('no filter set gives no predicate (the memoised order is used as is)', () => {
    expect(workspacePredicate({})).toBeUndefined();
    expect(workspacePredicate({ company: '  ', from: 'not a date' })).toBeUndefined();
  });

  it('company matches a part, ignoring case and accents', () => {
    expect(ids({ company: 'acme' })).toEqual(['d', 'a']);
    expect(ids({ company: 'GLOB' })).toEqual(['b']);
  });

  it('has email / has phone', () => {
    expect(ids({ hasEmail: true })).toEqual(['b', 'a']);
    expect(ids({ hasPhone: true })).toEqual(['a', 'c']);
    expect(ids({ hasEmail: true, hasPhone: true })).toEqual(['a']);
  });

  it('capture date range includes both end days', () => {
    expect(ids({ from: '2026-03-01' })).toEqual(['b', 'a', 'c']);
    expect(ids({ to: '2026-03-05' })).toEqual(['d', 'b', 'a']);
    expect(ids({ from: '2026-03-05', to: '2026-03-05' })).toEqual(['b']);
    expect(ids({ from: '2026-04-01' })).toEqual([]);
  });

  it('sync state: failed wins over synced, pending over synced, no entry is none', () => {
    expect(sync.get('a')?.state).toBe('pending');
    expect(sync.get('a')?.targets).toEqual(['hubspot', 'webhook']);
    expect(sync.get('d')?.state).toBe('failed');
    expect(ids({ sync: 'synced' })).toEqual(['b']);
    expect(ids({ sync: 'failed' })).toEqual(['d']);
    expect(ids({ sync: 'pending' })).toEqual(['a']);
    expect(ids({ sync: 'none' })).toEqual(['c']);
    // Without states every lead is "none".
    expect(queryRows(index, { where: workspacePredicate({ sync: 'none' }) })).toHaveLength(4);
  });

  it('combines with text search, the tag id set and a reversed sort', () => {
    expect(ids({ company: 'acme' }, { query: 'jose' })).toEqual(['a']);
    expect(ids({ hasEmail: true }, { ids: new Set(['a', 'd']) })).toEqual(['a']);
    expect(ids({ company: 'acme' }, { reverse: true })).toEqual(['a', 'd']);
  });

  it('counts the filters set', () => {
    expect(activeFilterCount({})).toBe(0);
    expect(activeFilterCount({ query: ' ', tag: 'vip', hasEmail: true, hasPhone: false, sync: 'none' })).toBe(3);
  });
});

describe('row index sorts of the workspace', () => {
  it('sorts by captured (newest first), title and email; reverse flips each', () => {
    const sorted = (sort: Parameters<typeof queryRows>[1]['sort'], reverse = false) => queryRows(index, { sort, reverse }).map((r) => r.id);
    expect(sorted('captured')).toEqual(['c', 'b', 'a', 'd']);
    expect(sorted('captured', true)).toEqual(['d', 'a', 'b', 'c']);
    expect(sorted('title')).toEqual(['a', 'b', 'd', 'c']); // empty titles last, by name
    expect(sorted('email')).toEqual(['b', 'a', 'd', 'c']);
    expect(sorted('name', true)).toEqual(['c', 'a', 'b', 'd']);
  });
});
