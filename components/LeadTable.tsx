import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { formatPhone, rowLabel } from '@/utils/leads/display';
import type { LeadSync } from '@/utils/leads/query';
import type { RowIndex, RowSort } from '@/utils/leads/row-index';
import type { LeadRow } from '@/utils/leads/rows';
import { anchorAt, clickRow, extendTo, moveFocus, selectAll, toggleRow, type RowOrder, type Selection } from '@/utils/leads/selection';
import { TARGET_NAMES } from '@/utils/sync/schema';
import { useFixedRows } from './useFixedRows';

const ROW_HEIGHT = 36;

type Column = { key: string; label: string; sort?: RowSort; cell: (r: LeadRow, sync?: LeadSync) => string };

function host(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

function syncText(sync: LeadSync | undefined): string {
  if (!sync) return '';
  const label = { none: '', pending: 'pending', synced: 'synced', failed: 'failed' }[sync.state];
  return `${label} (${sync.targets.map((t) => TARGET_NAMES[t]).join(', ')})`;
}

/** The table's columns, in order. */
export const COLUMNS: Column[] = [
  { key: 'name', label: 'Name', sort: 'name', cell: (r) => rowLabel(r) },
  { key: 'title', label: 'Title', sort: 'title', cell: (r) => r.title },
  { key: 'company', label: 'Company', sort: 'company', cell: (r) => r.company },
  { key: 'email', label: 'Email', sort: 'email', cell: (r) => r.email },
  { key: 'phone', label: 'Phone', cell: (r) => (r.phone ? formatPhone(r.phone) : '') },
  { key: 'tags', label: 'Tags', cell: (r) => r.tags.join(', ') },
  { key: 'captured', label: 'Captured', sort: 'captured', cell: (r) => r.capturedAt.slice(0, 10) },
  { key: 'source', label: 'Source', cell: (r) => host(r.sourceUrl) },
  { key: 'sync', label: 'Sync', cell: (_r, s) => syncText(s) },
];

/** Sort state of the table: a column's order, possibly reversed. */
export interface TableSort {
  sort: RowSort;
  reverse: boolean;
}

/**
 * The workspace's lead table: an ARIA grid of the rows at `shown`
 * (positions in `index.rows`), virtualized, with sortable column headers,
 * mouse selection (click, shift-click, ctrl/cmd-click) and keyboard use
 * (arrows move the row focus, Space toggles, Shift+arrows extend, Ctrl/Cmd+A
 * selects all matching, Enter opens, Delete deletes).
 */
export function LeadTable(props: {
  index: RowIndex;
  shown: Uint32Array;
  sort: TableSort;
  onSort: (s: TableSort) => void;
  selection: Selection;
  onSelection: (s: Selection) => void;
  focus: number;
  onFocus: (pos: number) => void;
  syncStates: ReadonlyMap<string, LeadSync>;
  onOpen: (row: LeadRow) => void;
  onDelete: (ids: string[]) => void;
  /** Each new value gives the focused row the DOM focus again (e.g. after the editor closed). */
  refocus?: number;
}) {
  const { index, shown, sort, onSort, selection, onSelection, focus, onFocus, syncStates, onOpen, onDelete, refocus } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  // Set by a key press inside the grid: then the focused row also gets DOM focus once rendered.
  const keyboard = useRef(false);
  const rowAt = (pos: number) => index.rows[shown[pos]!]!;
  const order: RowOrder = { count: shown.length, idAt: (pos) => rowAt(pos).id };

  const windowed = useFixedRows({ count: shown.length, rowHeight: ROW_HEIGHT, overscan: 8, scrollRef });

  useEffect(() => {
    if (!keyboard.current || focus < 0 || focus >= shown.length) return;
    windowed.scrollToIndex(focus);
    return focusRowSoon(focus);
  }, [focus, shown]);
  // Asked from outside (the editor closed): the focused row takes the focus back.
  useEffect(() => {
    if (!refocus || focus < 0 || focus >= shown.length) return;
    keyboard.current = true;
    windowed.scrollToIndex(focus);
    return focusRowSoon(focus);
  }, [refocus]);

  /** Focuses the row at `pos` once it is rendered (a few frames at most); returns a canceller. */
  function focusRowSoon(pos: number): () => void {
    let frames = 0;
    let handle = 0;
    const tryFocus = () => {
      // Only while the user is in the table: never take the focus from the editor or a filter.
      const active = document.activeElement;
      if (active && active !== document.body && !gridRef.current?.contains(active)) return;
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-pos="${pos}"]`);
      if (el) el.focus({ preventScroll: true });
      else if (++frames < 10) handle = requestAnimationFrame(tryFocus);
    };
    handle = requestAnimationFrame(tryFocus);
    return () => cancelAnimationFrame(handle);
  }

  const onKeyDown = (e: KeyboardEvent) => {
    const toggle = e.ctrlKey || e.metaKey;
    const pos = Math.max(0, Math.min(focus, shown.length - 1));
    if (!shown.length) return;
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 360) / ROW_HEIGHT) - 1);
    const next = moveFocus(e.key, pos, shown.length, pageRows);
    if (next !== undefined) {
      e.preventDefault();
      keyboard.current = true;
      onSelection(e.shiftKey ? extendTo(selection, order, pos, next) : anchorAt(selection, order, next));
      onFocus(next);
    } else if (e.key === ' ') {
      e.preventDefault();
      onSelection(toggleRow(selection, order, pos));
    } else if (e.key === 'a' && toggle) {
      e.preventDefault();
      onSelection(selectAll(order));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      onOpen(rowAt(pos));
    } else if (e.key === 'Delete' || (e.key === 'Backspace' && e.metaKey)) {
      e.preventDefault();
      onDelete(selection.ids.size ? [...selection.ids] : [rowAt(pos).id]);
    } else if (e.key === 'Escape' && selection.ids.size) {
      e.preventDefault();
      onSelection({ ids: new Set(), anchor: selection.anchor });
    }
  };

  const onRowClick = (e: MouseEvent, pos: number) => {
    keyboard.current = false;
    onSelection(clickRow(selection, order, pos, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey }));
    onFocus(pos);
  };

  const headerSort = (c: Column) => (c.sort && sort.sort === c.sort ? ((sort.sort === 'captured') !== sort.reverse ? 'descending' : 'ascending') : undefined);

  return (
    <div ref={gridRef} role="grid" aria-label="Leads" aria-rowcount={shown.length + 1} aria-colcount={COLUMNS.length + 1} aria-multiselectable="true" className="lead-grid" onKeyDown={onKeyDown}>
      <div role="rowgroup" className="grid-head">
        <div role="row" aria-rowindex={1} className="grid-row">
          <div role="columnheader" className="cell-check">
            <span className="sr-only">Selected</span>
          </div>
          {COLUMNS.map((c) => (
            <div role="columnheader" key={c.key} aria-sort={headerSort(c)}>
              {c.sort ? (
                <button
                  type="button"
                  className="sort-button"
                  onClick={() => onSort(sort.sort === c.sort ? { sort: c.sort, reverse: !sort.reverse } : { sort: c.sort!, reverse: false })}
                >
                  {c.label}
                  <span aria-hidden="true" className="sort-mark">
                    {headerSort(c) === 'ascending' ? ' ▲' : headerSort(c) === 'descending' ? ' ▼' : ''}
                  </span>
                </button>
              ) : (
                c.label
              )}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" ref={windowed.ref} className="grid-body">
        <div style={{ height: windowed.totalSize, position: 'relative' }}>
          {windowed.rows.map((v) => {
            const r = rowAt(v.index);
            const selected = selection.ids.has(r.id);
            const sync = syncStates.get(r.id);
            return (
              <div
                key={r.id}
                role="row"
                data-pos={v.index}
                aria-rowindex={v.index + 2}
                aria-selected={selected}
                tabIndex={v.index === focus || (focus >= shown.length && v.index === 0) ? 0 : -1}
                className="grid-row lead-grid-row"
                style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
                onMouseDown={(e) => e.shiftKey && e.preventDefault()}
                onClick={(e) => onRowClick(e, v.index)}
                onFocus={() => v.index !== focus && onFocus(v.index)}
              >
                <div role="gridcell" className="cell-check">
                  <input
                    type="checkbox"
                    tabIndex={-1}
                    checked={selected}
                    aria-label={`Select ${rowLabel(r)}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      keyboard.current = false;
                      onSelection(clickRow(selection, order, v.index, { shift: e.shiftKey, toggle: !e.shiftKey }));
                      onFocus(v.index);
                    }}
                    onChange={() => {}}
                  />
                </div>
                {COLUMNS.map((c) => {
                  const text = c.cell(r, sync);
                  return (
                    <div role="gridcell" key={c.key} className={`cell-${c.key}${c.key === 'sync' && sync ? ` sync-${sync.state}` : ''}`} title={text || undefined}>
                      {text}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
