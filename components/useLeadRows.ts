// Saved-lead rows for a view: first rows fast, the rest paged in, then kept current by each change.
import { useCallback, useEffect, useRef, useState } from 'react';
import { appendRows, createRowIndex, removeRows, upsertRow, type RowIndex } from '@/utils/leads/row-index';
import { leadToRow, readAllRows, readRecentRows, type LeadRow } from '@/utils/leads/rows';
import type { Lead } from '@/utils/leads/schema';
import type { LeadDb } from '@/utils/leads/store';

/** Rows shown before the paged load: a screenful and a bit, read by recency through the index. */
const FIRST_ROWS = 40;
/** Rows buffered before the index (and so the list) is rebuilt during the load. */
const FLUSH_ROWS = 10_000;

/** Resolves after the next frame has been painted (or after 50 ms in a hidden tab, which paints no frames). */
function afterPaint(): Promise<void> {
  return new Promise((ok) => {
    const timer = setTimeout(ok, 50);
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), ok()), 0));
  });
}

/** Loading state of the rows. */
export interface LeadRowsState {
  index: RowIndex;
  /** All stored leads are indexed (before that, search covers what has arrived). */
  complete: boolean;
  error?: string;
}

/**
 * Loads the rows once `enabled` turns true (not before: the capture view
 * never needs them), then applies saves and deletes to the in-memory index
 * instead of reading the store again.
 */
export function useLeadRows(db: LeadDb | undefined, enabled: boolean) {
  const [state, setState] = useState<LeadRowsState>({ index: createRowIndex(), complete: false });
  // Deleted while a page may still be in flight: keep them out.
  const deleted = useRef(new Set<string>());

  useEffect(() => {
    if (!db || !enabled) return;
    const abort = new AbortController();
    const add = (rows: LeadRow[], complete: boolean) =>
      !abort.signal.aborted &&
      setState((s) => ({ ...s, complete, index: appendRows(s.index, rows.filter((r) => !deleted.current.has(r.id))) }));
    (async () => {
      add(await readRecentRows(db, FIRST_ROWS), false);
      // The first rows get painted before the paged read's parsing takes the main thread.
      await afterPaint();
      if (abort.signal.aborted) return;
      let buffer: LeadRow[] = [];
      await readAllRows(
        db,
        (rows) => {
          buffer = buffer.concat(rows);
          if (buffer.length >= FLUSH_ROWS) {
            add(buffer, false);
            buffer = [];
          }
        },
        { signal: abort.signal },
      );
      add(buffer, true);
    })().catch((e: Error) => !abort.signal.aborted && setState((s) => ({ ...s, error: `Could not read saved leads: ${e.message}` })));
    return () => abort.abort();
  }, [db, enabled]);

  /** A lead was saved (or restored): show it, and drop the records it absorbed. */
  const saved = useCallback((lead: Lead, mergedIds: string[] = []) => {
    deleted.current.delete(lead.id);
    mergedIds.forEach((id) => deleted.current.add(id));
    setState((s) => ({ ...s, index: upsertRow(removeRows(s.index, mergedIds), leadToRow(lead)) }));
  }, []);
  /** Leads were deleted from the store. */
  const removed = useCallback((ids: string[]) => {
    ids.forEach((id) => deleted.current.add(id));
    setState((s) => ({ ...s, index: removeRows(s.index, ids) }));
  }, []);
  /**
   * Many leads were written at once (bulk tag change, undo of a bulk delete):
   * their rows are replaced in two linear passes instead of one upsert each.
   */
  const replaced = useCallback((leads: Lead[]) => {
    leads.forEach((l) => deleted.current.delete(l.id));
    setState((s) => ({ ...s, index: appendRows(removeRows(s.index, leads.map((l) => l.id)), leads.map(leadToRow)) }));
  }, []);
  return { state, saved, removed, replaced };
}
