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

/** A pending read whose failure is only seen by whoever awaits it (a read left behind by a cancelled export must not be an unhandled rejection). */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}

/**
 * Reads the selected leads in pages of `pageSize` (by primary key: one
 * `getAll` per page, so each page is a short task), each record parsed with
 * the Lead schema; unreadable records are left out (and logged), never
 * deleted. A tag or an id list is read by id, in pages of parallel gets.
 * The next page is requested before a page is handed out, so the database
 * reads it while the caller works on the current one.
 */
export async function* readLeadPages(db: LeadDb, sel: LeadSelection = {}, opts: { pageSize?: number; signal?: AbortSignal } = {}): AsyncGenerator<Lead[]> {
  const pageSize = opts.pageSize ?? 1000;
  if (sel.ids || sel.tag) {
    const ids = sel.ids ?? (await db.getAllKeysFromIndex('leads', 'by-tag', sel.tag!));
    const readPage = (from: number) =>
      quiet(
        (async () => {
          const tx = db.transaction('leads');
          const values = await Promise.all(ids.slice(from, from + pageSize).map((id) => tx.store.get(id)));
          await tx.done;
          return values;
        })(),
      );
    let next = ids.length ? readPage(0) : undefined;
    for (let i = 0; next; i += pageSize) {
      if (opts.signal?.aborted) return;
      const values = await next;
      next = i + pageSize < ids.length ? readPage(i + pageSize) : undefined;
      yield values.filter((v) => v !== undefined).map(fromStored).filter((l): l is Lead => !!l);
    }
    return;
  }
  const readAfter = (after: string | undefined): Promise<Array<{ id: string }>> => quiet(db.getAll('leads', after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), pageSize));
  let next: ReturnType<typeof readAfter> | undefined = readAfter(undefined);
  while (next) {
    if (opts.signal?.aborted) return;
    const values: Array<{ id: string }> = await next;
    if (!values.length) return;
    next = values.length < pageSize ? undefined : readAfter(values[values.length - 1]!.id);
    yield values.map(fromStored).filter((l): l is Lead => !!l);
  }
}
