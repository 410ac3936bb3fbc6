import { describe, expect, it } from 'vitest';
import { appendRows, createRowIndex, fold, queryRows, removeRows, upsertRow } from '@/utils/leads/row-index';
import { leadToRow } from '@/utils/leads/rows';
import { makeLead } from './helpers';

const row = (fields: Parameters<typeof makeLead>[0], updated: string) => leadToRow({ ...makeLead(fields), updatedAt: updated });
const rows = [
  row({ id: 'a', name: 'José Álvarez', title: 'CTO', company: 'Acme', emails: ['jose@acme.example'] }, '2026-01-03T00:00:00.000Z'),
  row({ id: 'b', name: 'Jane Doe', company: 'Globex', emails: ['jane@globex.example'] }, '2026-01-05T00:00:00.000Z'),
  row({ id: 'c', name: '', company: '', emails: ['zed@initech.example'] }, '2026-01-04T00:00:00.000Z'),
  row({ id: 'd', name: 'bob Roe', company: 'acme', emails: [] }, '2026-01-01T00:00:00.000Z'),
];
const ids = (q: Parameters<typeof queryRows>[1], index = createRowIndex(rows)) => queryRows(index, q).map((r) => r.id);

describe('row index', () => {
  it('folds case and accents', () => {
    expect(fold('José ÁLVAREZ')).toBe('jose alvarez');
    expect(fold('Zoë')).toBe('zoe');
    expect(fold('plain')).toBe('plain');
  });

  it('searches name, title, company and email; every word must match', () => {
    expect(ids({ query: 'jose' })).toEqual(['a']);
    expect(ids({ query: 'ÁLVAREZ cto' })).toEqual(['a']);
    expect(ids({ query: 'globex.example' })).toEqual(['b']);
    expect(ids({ query: 'acme' })).toEqual(['a', 'd']);
    expect(ids({ query: 'jane acme' })).toEqual([]);
    expect(ids({ query: '   ' })).toHaveLength(4);
  });

  it('sorts by recent, name (email when no name; empty last) and company (then name; empty last)', () => {
    expect(ids({ sort: 'recent' })).toEqual(['b', 'c', 'a', 'd']);
    expect(ids({ sort: 'name' })).toEqual(['d', 'b', 'a', 'c']);
    expect(ids({ sort: 'company' })).toEqual(['d', 'a', 'b', 'c']);
  });

  it('restricts to a set of ids (the tag filter) combined with search', () => {
    expect(ids({ ids: new Set(['a', 'b', 'x']) })).toEqual(['b', 'a']);
    expect(ids({ ids: new Set(['a', 'b']), query: 'jane' })).toEqual(['b']);
    expect(ids({ ids: new Set() })).toEqual([]);
  });

  it('updates incrementally: upsert replaces or adds, remove drops, append skips known ids; the old index is untouched', () => {
    const index = createRowIndex(rows);
    const renamed = upsertRow(index, { ...rows[1]!, name: 'Janet Doe', updatedAt: '2026-02-01T00:00:00.000Z' });
    expect(ids({ query: 'janet' }, renamed)).toEqual(['b']);
    expect(ids({ query: 'janet' }, index)).toEqual([]);
    const added = upsertRow(renamed, row({ id: 'e', name: 'Eve New' }, '2026-03-01T00:00:00.000Z'));
    expect(ids({}, added)).toEqual(['e', 'b', 'c', 'a', 'd']);
    const removed = removeRows(added, ['a', 'c']);
    expect(ids({}, removed)).toEqual(['e', 'b', 'd']);
    expect(ids({ query: 'zed' }, removed)).toEqual([]);
    expect(appendRows(removed, [{ ...rows[1]!, name: 'Old copy' }]).rows.find((r) => r.id === 'b')!.name).toBe('Janet Doe');
  });

  it('keeps built orders right through appends, upserts and removals (same as an index built from scratch)', () => {
    const sorts = ['recent', 'name', 'company'] as const;
    const many = Array.from({ length: 300 }, (_, i) =>
      row({ id: `r${i}`, name: i % 7 ? `Náme ${(i * 37) % 101}` : '', company: i % 5 ? `Co ${(i * 13) % 17}` : '', emails: [`e${i}@x.example`] }, new Date(Date.UTC(2026, 0, 1, 0, (i * 53) % 997)).toISOString()),
    );
    let index = createRowIndex(many.slice(0, 100));
    for (const sort of sorts) queryRows(index, { sort }); // build the orders
    index = appendRows(index, many.slice(100, 200));
    index = appendRows(index, many.slice(200));
    index = upsertRow(index, { ...many[5]!, name: 'Aaron First', updatedAt: '2027-01-01T00:00:00.000Z' });
    index = upsertRow(index, { ...many[9]!, company: '', name: '' });
    index = removeRows(index, ['r1', 'r150', 'r299']);
    index = upsertRow(index, row({ id: 'new', name: 'Zed', company: 'Co 3' }, '2025-01-01T00:00:00.000Z'));
    const fresh = createRowIndex(index.rows);
    for (const sort of sorts) expect(ids({ sort }, index), sort).toEqual(ids({ sort }, fresh));
    expect(ids({ sort: 'recent' }, index)[0]).toBe('r5');
    expect(ids({ sort: 'name' }, index)[0]).toBe('r5');
  });

  it('matches each word as a substring, over 50,000 rows', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => ({ ...rows[i % 4]!, id: `r${i}`, name: `Person ${i}` }));
    const index = createRowIndex(many);
    queryRows(index, {});
    expect(queryRows(index, { query: 'person 4999' }).length).toBe(15); // 4999, 14999 … 44999 and 49990-49999
  });
});
