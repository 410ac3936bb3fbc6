// Row selection of the workspace table: click, shift-click ranges, ctrl/cmd toggles, select all matching.

/**
 * Selected lead ids plus the anchor a shift-click or shift+arrow extends
 * from (a lead id, so it survives re-sorting). Immutable: every change
 * returns a new value.
 */
export interface Selection {
  readonly ids: ReadonlySet<string>;
  readonly anchor?: string;
}

/** The rows as the table shows them: how many, and the lead id at each position. */
export interface RowOrder {
  count: number;
  idAt: (position: number) => string;
}

/** Nothing selected. */
export const EMPTY_SELECTION: Selection = { ids: new Set() };

/** Modifier keys of a click or key press. */
export interface Modifiers {
  shift?: boolean;
  /** Ctrl, or Cmd on macOS. */
  toggle?: boolean;
}

function positionOf(order: RowOrder, id: string | undefined): number {
  if (id === undefined) return -1;
  for (let i = 0; i < order.count; i++) if (order.idAt(i) === id) return i;
  return -1;
}

function range(order: RowOrder, a: number, b: number): Set<string> {
  const out = new Set<string>();
  for (let i = Math.min(a, b); i <= Math.max(a, b); i++) out.add(order.idAt(i));
  return out;
}

/**
 * The selection after a click on the row at `position`: alone selects only
 * that row (and anchors there); ctrl/cmd toggles it (and anchors there);
 * shift selects the range from the anchor to it (replacing the selection,
 * or adding to it with ctrl/cmd too). An anchor no longer shown acts as
 * absent: the range starts at the clicked row.
 */
export function clickRow(sel: Selection, order: RowOrder, position: number, mods: Modifiers = {}): Selection {
  if (position < 0 || position >= order.count) return sel;
  const id = order.idAt(position);
  if (mods.shift) {
    const at = positionOf(order, sel.anchor);
    const span = range(order, at < 0 ? position : at, position);
    const ids = mods.toggle ? new Set([...sel.ids, ...span]) : span;
    return { ids, anchor: at < 0 ? id : sel.anchor };
  }
  if (mods.toggle) {
    const ids = new Set(sel.ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    return { ids, anchor: id };
  }
  return { ids: new Set([id]), anchor: id };
}

/** Space on the focused row: toggles it, anchoring there. */
export function toggleRow(sel: Selection, order: RowOrder, position: number): Selection {
  return clickRow(sel, order, position, { toggle: true });
}

/**
 * Shift+arrow moved the focus to `position`: the selection becomes the
 * range from the anchor (or from `from`, the row the focus left, when
 * there is none) to it.
 */
export function extendTo(sel: Selection, order: RowOrder, from: number, position: number): Selection {
  if (position < 0 || position >= order.count) return sel;
  const anchored = positionOf(order, sel.anchor) >= 0 ? sel : { ...sel, anchor: order.idAt(Math.max(0, Math.min(from, order.count - 1))) };
  return clickRow(anchored, order, position, { shift: true });
}

/**
 * A plain arrow key moved the focus to `position`: the selection stays, and
 * the next Shift+arrow or shift-click extends from there.
 */
export function anchorAt(sel: Selection, order: RowOrder, position: number): Selection {
  if (position < 0 || position >= order.count) return sel;
  return { ids: sel.ids, anchor: order.idAt(position) };
}

/** Every row shown (all rows matching the filters, not only those on screen). */
export function selectAll(order: RowOrder): Selection {
  const ids = new Set<string>();
  for (let i = 0; i < order.count; i++) ids.add(order.idAt(i));
  return { ids, anchor: order.count ? order.idAt(0) : undefined };
}

/**
 * Keeps only ids still shown, after the filters changed or leads were
 * deleted: bulk actions never reach a lead the user cannot see. Returns
 * `sel` itself when nothing changed.
 */
export function retainShown(sel: Selection, shown: ReadonlySet<string> | ((id: string) => boolean)): Selection {
  const has = typeof shown === 'function' ? shown : (id: string) => shown.has(id);
  let dropped = false;
  const ids = new Set<string>();
  for (const id of sel.ids) {
    if (has(id)) ids.add(id);
    else dropped = true;
  }
  return dropped ? { ids, anchor: sel.anchor } : sel;
}

/** Where the row focus goes for a navigation key, or undefined for another key. */
export function moveFocus(key: string, position: number, count: number, pageRows = 10): number | undefined {
  if (!count) return undefined;
  const last = count - 1;
  const at = Math.max(0, Math.min(position, last));
  switch (key) {
    case 'ArrowDown':
      return Math.min(at + 1, last);
    case 'ArrowUp':
      return Math.max(at - 1, 0);
    case 'PageDown':
      return Math.min(at + pageRows, last);
    case 'PageUp':
      return Math.max(at - pageRows, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}
