// Paged reads of whole leads (validated), for exports and imports that must never load 50,000 records in one task.
import type { Lead } from './schema';
import { fromStored, type LeadDb } from './store';

/** Which leads to read: all, those with one tag, or the given ids (a selection). */
export interface LeadSelection {
  tag?: string;
  ids?: readonly string[];
}

/** How many leads a selection holds (keys only, no record read). */
export async function countSelection(db: LeadDb, sel: LeadSelection = {}): Promise<number> {
  if (sel.ids) return sel.ids.length;
  if (sel.tag) return db.countFromIndex('leads', 'by-tag', sel.tag);
  return db.count('leads');
}

/**
 * Reads the selected leads in pages of `pageSize` (by primary key: one
 * `getAll` per page, so each page is a short task), each record parsed with
 * the Lead schema; unreadable records are left out (and logged), never
 * deleted. A tag or an id list is read by id, in pages of parallel gets.
 */
export async function* readLeadPages(db: LeadDb, sel: LeadSelection = {}, opts: { pageSize?: number; signal?: AbortSignal } = {}): AsyncGenerator<Lead[]> {
  const pageSize = opts.pageSize ?? 1000;
  if (sel.ids || sel.tag) {
    const ids = sel.ids ?? (await db.getAllKeysFromIndex('leads', 'by-tag', sel.tag!));
    for (let i = 0; i < ids.length; i += pageSize) {
      if (opts.signal?.aborted) return;
      const tx = db.transaction('leads');
      const values = await Promise.all(ids.slice(i, i + pageSize).map((id) => tx.store.get(id)));
      await tx.done;
      yield values.filter((v) => v !== undefined).map(fromStored).filter((l): l is Lead => !!l);
    }
    return;
  }
  let after: string | undefined;
  for (;;) {
    if (opts.signal?.aborted) return;
    const values = await db.getAll('leads', after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), pageSize);
    if (!values.length) return;
    after = values[values.length - 1]!.id;
    yield values.map(fromStored).filter((l): l is Lead => !!l);
    if (values.length < pageSize) return;
  }
}
