// DOM reading helpers shared by the site adapters: text of the first matching selector, meta tags, list items.
import { cleanText } from '../visible-text';

/** Whitespace-collapsed text of an element, without invisible characters and LinkedIn-style HTML comments. */
export function textOf(el: Element | null | undefined): string {
  return cleanText(el).replace(/[\u200b-\u200f\u2060\ufeff]/g, '').trim();
}

/**
 * Text of the first element matching one of `selectors` (tried in order: the
 * most specific anchors first, structural fallbacks last) that has any text
 * and that `accept` lets through.
 */
export function firstText(root: ParentNode, selectors: readonly string[], accept: (el: Element) => boolean = () => true): string {
  for (const sel of selectors) {
    for (const el of Array.from(root.querySelectorAll(sel))) {
      if (!accept(el)) continue;
      const t = textOf(el);
      if (t) return t;
    }
  }
  return '';
}

/** The first element matching one of `selectors`, in selector order. */
export function firstElement(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const sel of selectors) {
    const el = root.querySelector(sel);
    if (el) return el;
  }
  return null;
}

/** Content of `<meta property=…>` or `<meta name=…>`. */
export function metaContent(doc: Document, key: string): string {
  for (const el of Array.from(doc.querySelectorAll('meta[property], meta[name]'))) {
    if (el.getAttribute('property') === key || el.getAttribute('name') === key) return (el.getAttribute('content') ?? '').trim();
  }
  return '';
}

/** Whether an element sits in page chrome (navigation, header, footer, sidebar) rather than the main content. */
export function inChrome(el: Element): boolean {
  return !!el.closest('nav, header, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"]');
}

/**
 * The list item holding `el`: its closest `li`, else the closest ancestor
 * whose parent holds several siblings of the same tag (a grid of divs).
 */
export function listItemOf(el: Element, stop: Element | null = null): Element | null {
  const li = el.closest('li');
  if (li && (!stop || stop.contains(li))) return li;
  for (let cur: Element | null = el; cur && cur !== stop && cur.parentElement; cur = cur.parentElement) {
    const parent: Element = cur.parentElement;
    const same = Array.from(parent.children).filter((c) => c.tagName === cur!.tagName);
    if (same.length >= 2 && cur.textContent && cur.textContent.length < 2000) return cur;
  }
  return null;
}
