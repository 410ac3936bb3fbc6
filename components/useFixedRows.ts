// Windowing of a list whose rows all have one height: which rows to render for the scroll position, so 50,000 leads cost a screenful of DOM.
import { useCallback, useRef, useState, type MutableRefObject } from 'react';
import { flushSync } from 'react-dom';

/** A row to render: its position in the list and its top offset in px inside the list. */
export interface WindowRow {
  index: number;
  start: number;
}

/** Rows `[first, end)` intersect the scroll element's viewport. */
export type InView = { first: number; end: number };

/** The rows that intersect a viewport `height` px tall scrolled `scrollTop` px down a list of rows `rowHeight` px tall. */
export function rowsInView(scrollTop: number, height: number, rowHeight: number): InView {
  return { first: Math.floor(scrollTop / rowHeight), end: Math.ceil((scrollTop + height) / rowHeight) };
}

/**
 * The rows to render: those in view and `overscan` more on each side, within
 * `count`. A list that got shorter than the scrolled viewport shows its tail,
 * as the browser's clamped scroll position will (before its scroll event says so).
 */
export function windowRows(inView: InView, count: number, rowHeight: number, overscan: number): WindowRow[] {
  const past = Math.max(0, inView.end - count);
  const first = Math.max(0, inView.first - past - overscan);
  const to = Math.min(count, inView.end - past + overscan);
  const rows: WindowRow[] = [];
  for (let i = first; i < to; i++) rows.push({ index: i, start: i * rowHeight });
  return rows;
}

/** The scroll position that shows row `index` whole with the least movement from `scrollTop` (`scrollTop` itself when it already is). */
export function scrollTopShowing(index: number, rowHeight: number, scrollTop: number, height: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + height) return top + rowHeight - height;
  return scrollTop;
}

/**
 * The rows of a list of `count` rows, each `rowHeight` px tall, to render in
 * a scroll element: those in view and `overscan` more on each side. Attach
 * the returned `ref` to the scroll element (it also fills `scrollRef`). It
 * re-renders only when the rows in view change (on scroll, synchronously so
 * a fast scroll never shows blank space; on a resize of the element).
 * Rows of one height need no measuring, which is why this is a few lines
 * and not a virtualizer library (the popup loads every byte of its code).
 */
export function useFixedRows(opts: { count: number; rowHeight: number; overscan: number; scrollRef?: MutableRefObject<HTMLElement | null> }) {
  const { count, rowHeight, overscan, scrollRef } = opts;
  const [inView, setInView] = useState<InView>({ first: 0, end: 0 });
  const element = useRef<HTMLElement | null>(null);
  // React 18 ignores what a callback ref returns: it calls the ref with null when the element goes
  // (or before calling a new ref), so the listeners of the element last attached are kept to detach then.
  const detach = useRef<(() => void) | null>(null);

  const ref = useCallback(
    (el: HTMLElement | null) => {
      detach.current?.();
      detach.current = null;
      element.current = el;
      if (scrollRef) scrollRef.current = el;
      if (!el) return;
      const read = () => {
        const next = rowsInView(el.scrollTop, el.clientHeight, rowHeight);
        setInView((v) => (v.first === next.first && v.end === next.end ? v : next));
      };
      const onScroll = () => flushSync(read);
      read();
      el.addEventListener('scroll', onScroll, { passive: true });
      const resized = new ResizeObserver(read);
      resized.observe(el);
      detach.current = () => {
        el.removeEventListener('scroll', onScroll);
        resized.disconnect();
      };
    },
    [rowHeight, scrollRef],
  );

  const rows = windowRows(inView, count, rowHeight, overscan);

  /** Scrolls the least needed to show row `index` whole (nothing when it already is). */
  const scrollToIndex = useCallback(
    (index: number) => {
      const el = element.current;
      if (!el) return;
      const top = scrollTopShowing(index, rowHeight, el.scrollTop, el.clientHeight);
      if (top !== el.scrollTop) el.scrollTop = top;
    },
    [rowHeight],
  );

  return { ref, rows, totalSize: count * rowHeight, scrollToIndex };
}
