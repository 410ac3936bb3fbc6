import { describe, expect, it } from 'vitest';
import { anchorAt, clickRow, EMPTY_SELECTION, extendTo, moveFocus, retainShown, selectAll, toggleRow, type RowOrder, type Selection } from '@/utils/leads/selection';

const order = (ids: string[]): RowOrder => ({ count: ids.length, idAt: (i) => ids[i]! });
const rows = order(['a', 'b', 'c', 'd', 'e', 'f']);
const ids = (s: Selection) => [...s.ids].sort();

describe('workspace selection', () => {
  it('a plain click selects only that row and anchors there', () => {
    const s = clickRow(clickRow(EMPTY_SELECTION, rows, 1), rows, 3);
    expect(ids(s)).toEqual(['d']);
    expect(s.anchor).toBe('d');
  });

  it('shift-click selects the range from the anchor, either direction, replacing the selection', () => {
    let s = clickRow(EMPTY_SELECTION, rows, 1);
    s = clickRow(s, rows, 4, { shift: true });
    expect(ids(s)).toEqual(['b', 'c', 'd', 'e']);
    expect(s.anchor).toBe('b');
    s = clickRow(s, rows, 0, { shift: true });
    expect(ids(s)).toEqual(['a', 'b']);
  });

  it('ctrl/cmd toggles one row; ctrl+shift adds a range to what is selected', () => {
    let s = clickRow(EMPTY_SELECTION, rows, 0);
    s = clickRow(s, rows, 2, { toggle: true });
    expect(ids(s)).toEqual(['a', 'c']);
    expect(s.anchor).toBe('c');
    s = clickRow(s, rows, 4, { toggle: true, shift: true });
    expect(ids(s)).toEqual(['a', 'c', 'd', 'e']);
    s = clickRow(s, rows, 0, { toggle: true });
    expect(ids(s)).toEqual(['c', 'd', 'e']);
  });

  it('a shift-click without an anchor (or one filtered away) starts at the clicked row', () => {
    expect(ids(clickRow(EMPTY_SELECTION, rows, 3, { shift: true }))).toEqual(['d']);
    const gone: Selection = { ids: new Set(['z']), anchor: 'z' };
    expect(ids(clickRow(gone, rows, 2, { shift: true }))).toEqual(['c']);
  });

  it('the anchor is an id, so a range follows a re-sorted list', () => {
    const s = clickRow(EMPTY_SELECTION, rows, 1); // b
    const resorted = order(['f', 'e', 'd', 'c', 'b', 'a']);
    expect(ids(clickRow(s, resorted, 2, { shift: true }))).toEqual(['b', 'c', 'd']);
  });

  it('space toggles; shift+arrow extends from the anchor, or from the row the focus left', () => {
    let s = toggleRow(EMPTY_SELECTION, rows, 2);
    expect(ids(s)).toEqual(['c']);
    s = extendTo(s, rows, 2, 3);
    s = extendTo(s, rows, 3, 4);
    expect(ids(s)).toEqual(['c', 'd', 'e']);
    s = extendTo(s, rows, 4, 3);
    expect(ids(s)).toEqual(['c', 'd']);
    expect(ids(extendTo(EMPTY_SELECTION, rows, 0, 1))).toEqual(['a', 'b']);
    expect(extendTo(s, rows, 5, 6)).toBe(s);
  });

  it('a plain arrow moves the anchor, keeping the selection, so Shift+arrow extends from the focused row', () => {
    let s = clickRow(EMPTY_SELECTION, rows, 0);
    s = anchorAt(anchorAt(s, rows, 1), rows, 2);
    expect(ids(s)).toEqual(['a']);
    expect(ids(extendTo(s, rows, 2, 3))).toEqual(['c', 'd']);
    expect(anchorAt(s, rows, 9)).toBe(s);
  });

  it('select all takes every row shown; retainShown drops what the filters hide', () => {
    const all = selectAll(rows);
    expect(all.ids.size).toBe(6);
    const kept = retainShown(all, new Set(['a', 'c']));
    expect(ids(kept)).toEqual(['a', 'c']);
    expect(retainShown(kept, (id) => id !== 'q')).toBe(kept);
    expect(selectAll(order([])).ids.size).toBe(0);
  });

  it('moves the focus with arrows, page keys, Home and End, clamped to the list', () => {
    expect(moveFocus('ArrowDown', 0, 6)).toBe(1);
    expect(moveFocus('ArrowDown', 5, 6)).toBe(5);
    expect(moveFocus('ArrowUp', 0, 6)).toBe(0);
    expect(moveFocus('PageDown', 1, 6, 3)).toBe(4);
    expect(moveFocus('PageUp', 1, 6, 3)).toBe(0);
    expect(moveFocus('End', 0, 6)).toBe(5);
    expect(moveFocus('Home', 4, 6)).toBe(0);
    expect(moveFocus('x', 1, 6)).toBeUndefined();
    expect(moveFocus('ArrowDown', 0, 0)).toBeUndefined();
  });
});
