// Paged reads of saved leads as compact list rows, so a list of 50,000 opens without loading whole records.
import { unwrap } from 'idb';
import { z } from '../zod-mini';
import { LeadSchema, type Lead } from './schema';
import type { LeadDb } from './store';

/**
 * What a saved-leads row shows and searches: a projection of the Lead
 * schema (the same field rules), parsed from each stored record.
 */
export const LeadRowSchema = z.pick(LeadSchema, {
  id: true,
  name: true,
  title: true,
  company: true,
  emails: true,
  phones: true,
  tags: true,
  sourceUrl: true,
  capturedAt: true,
  updatedAt: true,
});
export type LeadRow = {
  id: string;
  name: string;
  title: string;
  company: string;
  /** First email only: a row shows one. */
  email: string;
  phone: string;
  tags: string[];
  sourceUrl: string;
  capturedAt: string;
  updatedAt: string;
};

/** The row of a lead (validated), or undefined for a record that fails the schema (left in place, reported). */
export function toRow(value: unknown): LeadRow | undefined {
  const p = LeadRowSchema.safeParse(value);
  if (!p.success) {
    console.warn('Prospect Scout: skipping an unreadable stored lead', p.error.issues.slice(0, 3));
    return undefined;
  }
  const l = p.data;
  return {
    id: l.id,
    name: l.name,
    title: l.title,
    company: l.company,
    email: l.emails[0] ?? '',
    phone: l.phones[0] ?? '',
    tags: l.tags,
    sourceUrl: l.sourceUrl,
    capturedAt: l.capturedAt,
    updatedAt: l.updatedAt,
  };
}

/** The row of a lead already validated (e.g. just saved). */
export function leadToRow(lead: Lead): LeadRow {
  return toRow(lead)!;
}

/** How many leads are stored (a count on the store, no records read). */
export function countLeads(db: LeadDb): Promise<number> {
  return db.count('leads');
}

/** What `getAllRecords` (Chromium 141+, not Firefox 140) takes and gives; absent from TypeScript's DOM types so far. */
type RecordsIndex = IDBIndex & {
  getAllRecords?(options: { count?: number; direction?: IDBCursorDirection }): IDBRequest<Array<{ value: unknown }>>;
};

/**
 * The `limit` most recently updated leads as rows: what the saved view and
 * the workspace show first. One `getAllRecords` request newest first where
 * the browser has it (a cursor costs a round trip to the database per row:
 * 40 rows took ~25 ms of the workspace's first paint); else a cursor.
 */
export async function readRecentRows(db: LeadDb, limit: number): Promise<LeadRow[]> {
  const tx = db.transaction('leads');
  const index = unwrap(tx.store.index('by-updated')) as RecordsIndex;
  if (index.getAllRecords) {
    const request = index.getAllRecords({ count: limit, direction: 'prev' });
    const records = await new Promise<Array<{ value: unknown }>>((ok, fail) => {
      request.onsuccess = () => ok(request.result);
      request.onerror = () => fail(request.error);
    });
    const rows = records.map((r) => toRow(r.value)).filter((r): r is LeadRow => !!r);
    // An unreadable record among them: the cursor below reads on past it to fill the screen.
    if (rows.length === records.length) {
      await tx.done;
      return rows;
    }
  }
  const rows: LeadRow[] = [];
  let cursor = await tx.store.index('by-updated').openCursor(null, 'prev');
  while (cursor && rows.length < limit) {
    const row = toRow(cursor.value);
    if (row) rows.push(row);
    cursor = await cursor.continue();
  }
  await tx.done;
  return rows;
}

/**
 * Reads every lead as rows in pages of `pageSize` (by primary key, one
 * `getAll` per page, so each page is a short task), calling `onPage` after
 * each. Stops early when `signal` aborts.
 */
export async function readAllRows(
  db: LeadDb,
  onPage: (rows: LeadRow[]) => void,
  opts: { pageSize?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const pageSize = opts.pageSize ?? 2000;
  let after: string | undefined;
  for (;;) {
    if (opts.signal?.aborted) return;
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const values = await db.getAll('leads', range, pageSize);
    if (!values.length) return;
    after = values[values.length - 1]!.id;
    const rows: LeadRow[] = [];
    for (const v of values) {
      const row = toRow(v);
      if (row) rows.push(row);
    }
    onPage(rows);
    if (values.length < pageSize) return;
  }
}

/** Ids of the leads carrying `tag` exactly, read from the multiEntry tag index (keys only). */
export async function idsWithTag(db: LeadDb, tag: string): Promise<Set<string>> {
  return new Set(await db.getAllKeysFromIndex('leads', 'by-tag', tag));
}
