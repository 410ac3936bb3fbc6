// In-memory search index over saved-lead rows: built once per open, updated per save, queried per keystroke.
import type { LeadRow } from './rows';

/** Orders the saved-leads list (recent, name, company) and the workspace table (all) offer. */
export type RowSort = 'recent' | 'name' | 'company' | 'title' | 'email' | 'captured';

/**
 * Rows plus what a query needs precomputed: a folded haystack per row and,
 * built on first use, a sort key and an order per sort. Treat as immutable:
 * the update functions return a new index and keep the memoised orders
 * current (merging or inserting) instead of sorting again.
 */
export interface RowIndex {
  readonly rows: readonly LeadRow[];
  /** Folded "name title company email" per row, same positions as `rows`. */
  readonly hay: readonly string[];
  readonly byId: ReadonlyMap<string, number>;
  /** Memo per sort: key per row and row positions in order; belongs to this index value only. */
  readonly sorted: Partial<Record<RowSort, { keys: string[]; order: Uint32Array }>>;
}

/** Lower case without accents, so "jose" finds "José". */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  // Plain ASCII (most data) skips the decomposition; the range is the combining accents of Latin, Greek and Cyrillic.
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u007f]/.test(lower) ? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : lower;
}

function haystack(r: LeadRow): string {
  return fold(`${r.name} ${r.title} ${r.company} ${r.email}`);
}

/** Sort key of a row: compared by code unit, rows without the value last (a leading "\uffff"). */
function sortKey(r: LeadRow, sort: RowSort): string {
  if (sort === 'recent') return r.updatedAt;
  if (sort === 'captured') return r.capturedAt;
  const name = fold(r.name || r.email);
  if (sort === 'name') return name ? name : '\uffff';
  const other = fold(sort === 'company' ? r.company : sort === 'title' ? r.title : r.email);
  return `${other || '\uffff'}\u0000${name || '\uffff'}`;
}

/** Sorts whose natural order is newest first (dates); the others ascend. */
const NEWEST_FIRST: ReadonlySet<RowSort> = new Set(['recent', 'captured']);

/** A new index over `rows` (later rows with an id already present are ignored). */
export function createRowIndex(rows: readonly LeadRow[] = []): RowIndex {
  return appendRows({ rows: [], hay: [], byId: new Map(), sorted: {} }, rows);
}

/** Whether position `a` goes before `b`: newest first for recent, else ascending keys; ties by position. */
function before(sort: RowSort, keys: readonly string[], a: number, b: number): boolean {
  const ka = keys[a]!;
  const kb = keys[b]!;
  if (ka === kb) return a < b;
  return NEWEST_FIRST.has(sort) ? ka > kb : ka < kb;
}

function sortPositions(sort: RowSort, keys: readonly string[], positions: Uint32Array): Uint32Array {
  return positions.sort((a, b) => (before(sort, keys, a, b) ? -1 : 1));
}

/** The index with `more` rows added; rows whose id is already indexed are skipped (use {@link upsertRow} to replace). */
export function appendRows(index: RowIndex, more: readonly LeadRow[]): RowIndex {
  const rows = index.rows.slice();
  const hay = index.hay.slice();
  const byId = new Map(index.byId);
  for (const r of more) {
    if (byId.has(r.id)) continue;
    byId.set(r.id, rows.length);
    rows.push(r);
    hay.push(haystack(r));
  }
  const added = rows.length - index.rows.length;
  const sorted: RowIndex['sorted'] = {};
  // Orders already built take the new rows by merging a sorted run in: linear, not a full sort.
  for (const [sort, memo] of Object.entries(index.sorted) as Array<[RowSort, { keys: string[]; order: Uint32Array }]>) {
    const keys = memo.keys.slice();
    const fresh = new Uint32Array(added);
    for (let k = 0; k < added; k++) {
      const at = index.rows.length + k;
      keys.push(sortKey(rows[at]!, sort));
      fresh[k] = at;
    }
    sortPositions(sort, keys, fresh);
    const order = new Uint32Array(rows.length);
    let i = 0;
    let j = 0;
    let o = 0;
    while (i < memo.order.length && j < fresh.length) order[o++] = before(sort, keys, memo.order[i]!, fresh[j]!) ? memo.order[i++]! : fresh[j++]!;
    while (i < memo.order.length) order[o++] = memo.order[i++]!;
    while (j < fresh.length) order[o++] = fresh[j++]!;
    sorted[sort] = { keys, order };
  }
  return { rows, hay, byId, sorted };
}

/** The index with `row` added or replacing the row of the same id; built orders move the row to its new place. */
export function upsertRow(index: RowIndex, row: LeadRow): RowIndex {
  const at = index.byId.get(row.id);
  if (at === undefined) return appendRows(index, [row]);
  const rows = index.rows.slice();
  const hay = index.hay.slice();
  rows[at] = row;
  hay[at] = haystack(row);
  const sorted: RowIndex['sorted'] = {};
  for (const [sort, memo] of Object.entries(index.sorted) as Array<[RowSort, { keys: string[]; order: Uint32Array }]>) {
    const keys = memo.keys.slice();
    keys[at] = sortKey(row, sort);
    const without = memo.order.filter((p) => p !== at);
    let lo = 0;
    let hi = without.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(sort, keys, without[mid]!, at)) lo = mid + 1;
      else hi = mid;
    }
    const order = new Uint32Array(without.length + 1);
    order.set(without.subarray(0, lo), 0);
    order[lo] = at;
    order.set(without.subarray(lo), lo + 1);
    sorted[sort] = { keys, order };
  }
  return { rows, hay, byId: index.byId, sorted };
}

/** The index without the rows of `ids`. */
export function removeRows(index: RowIndex, ids: Iterable<string>): RowIndex {
  const gone = new Set([...ids].filter((id) => index.byId.has(id)));
  if (!gone.size) return index;
  // Old position → new position (or -1 when removed), so built orders stay valid without sorting.
  const moved = new Int32Array(index.rows.length);
  const rows: LeadRow[] = [];
  const hay: string[] = [];
  index.rows.forEach((r, i) => {
    if (gone.has(r.id)) return void (moved[i] = -1);
    moved[i] = rows.length;
    rows.push(r);
    hay.push(index.hay[i]!);
  });
  const byId = new Map(rows.map((r, i) => [r.id, i]));
  const sorted: RowIndex['sorted'] = {};
  for (const [sort, memo] of Object.entries(index.sorted) as Array<[RowSort, { keys: string[]; order: Uint32Array }]>) {
    const keys = memo.keys.filter((_, i) => moved[i] !== -1);
    const order = new Uint32Array(rows.length);
    let o = 0;
    for (const p of memo.order) if (moved[p] !== -1) order[o++] = moved[p]!;
    sorted[sort] = { keys, order };
  }
  return { rows, hay, byId, sorted };
}

function orderOf(index: RowIndex, sort: RowSort): Uint32Array {
  const memo = index.sorted[sort];
  if (memo) return memo.order;
  const keys = index.rows.map((r) => sortKey(r, sort));
  const order = sortPositions(sort, keys, Uint32Array.from(index.rows.keys()));
  (index.sorted as Record<RowSort, { keys: string[]; order: Uint32Array }>)[sort] = { keys, order };
  return order;
}

/** What the list shows. */
export interface RowQuery {
  /** Free text; every word must occur in name, title, company or email (case and accents ignored). */
  query?: string;
  /** Only rows whose id is in this set (from the tag index); undefined means no tag filter. */
  ids?: ReadonlySet<string>;
  sort?: RowSort;
  /** Reverse the sort's natural order (oldest first, Z to A). */
  reverse?: boolean;
  /** Further condition on each row (the workspace's filters), checked after the tag set and before the text. */
  where?: (row: LeadRow) => boolean;
}

/** Positions (in `index.rows`) of the rows matching `q`, in the requested order. */
export function queryPositions(index: RowIndex, q: RowQuery): Uint32Array {
  const words = fold(q.query ?? '').split(/\s+/).filter(Boolean);
  const order = orderOf(index, q.sort ?? 'recent');
  const { rows, hay } = index;
  const { ids, where, reverse } = q;
  if (!words.length && !ids && !where) return reverse ? order.slice().reverse() : order;
  const out = new Uint32Array(order.length);
  let n = 0;
  const last = order.length - 1;
  outer: for (let k = 0; k < order.length; k++) {
    const i = order[reverse ? last - k : k]!;
    if (ids && !ids.has(rows[i]!.id)) continue;
    if (where && !where(rows[i]!)) continue;
    if (words.length) {
      const h = hay[i]!;
      for (const w of words) if (!h.includes(w)) continue outer;
    }
    out[n++] = i;
  }
  return out.subarray(0, n);
}

/** The rows matching `q`, in the requested order. */
export function queryRows(index: RowIndex, q: RowQuery): LeadRow[] {
  return Array.from(queryPositions(index, q), (i) => index.rows[i]!);
}
