// The windowing arithmetic of the saved list and the workspace table (rows of one height).
import { describe, expect, it } from 'vitest';
import { rowsInView, scrollTopShowing, windowRows } from '../../components/useFixedRows';

describe('fixed-height windowing', () => {
  it('finds the rows a viewport intersects, partly shown ones included', () => {
    expect(rowsInView(0, 300, 58)).toEqual({ first: 0, end: 6 });
    expect(rowsInView(100, 300, 58)).toEqual({ first: 1, end: 7 });
    expect(rowsInView(116, 58, 58)).toEqual({ first: 2, end: 3 });
    expect(rowsInView(0, 0, 36)).toEqual({ first: 0, end: 0 });
  });

  it('renders the rows in view plus the overscan on each side, clamped to the list', () => {
    expect(windowRows({ first: 10, end: 15 }, 100, 36, 2).map((r) => r.index)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(windowRows({ first: 10, end: 15 }, 100, 36, 2)[0]).toEqual({ index: 8, start: 288 });
    expect(windowRows({ first: 0, end: 6 }, 3, 58, 6).map((r) => r.index)).toEqual([0, 1, 2]);
    expect(windowRows({ first: 0, end: 6 }, 0, 58, 6)).toEqual([]);
    // A list that shrank under a scrolled viewport shows its tail, where the browser's clamped scroll will be.
    expect(windowRows({ first: 50, end: 55 }, 20, 36, 2).map((r) => r.index)).toEqual([13, 14, 15, 16, 17, 18, 19]);
    expect(windowRows({ first: 50, end: 55 }, 3, 36, 2).map((r) => r.index)).toEqual([0, 1, 2]);
  });

  it('scrolls the least needed to show a row whole, and not at all when it is', () => {
    expect(scrollTopShowing(3, 36, 0, 360)).toBe(0);
    expect(scrollTopShowing(20, 36, 0, 360)).toBe(20 * 36 + 36 - 360);
    expect(scrollTopShowing(2, 36, 500, 360)).toBe(72);
    // Partly hidden at the bottom edge: brought up just enough.
    expect(scrollTopShowing(10, 36, 20, 360)).toBe(36);
  });
});
