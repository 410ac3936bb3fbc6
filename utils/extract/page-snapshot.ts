// The code injected into a page on each click: a bounded, inert HTML snapshot of what the page shows.
import type { PageSnapshot } from './page-snapshot-schema';

export type { PageSnapshot } from './page-snapshot-schema';

/** Bounds of one snapshot; passed to {@link snapshotPage} as its argument. */
export interface SnapshotLimits {
  /** Characters of HTML in the snapshot. */
  maxChars: number;
  /** Elements in the snapshot. */
  maxElements: number;
  /** Element nesting; Chromium's HTML parser flattens anything deeper than 512 anyway. */
  maxDepth: number;
  /** Characters kept of one text node (the rest is cut). */
  maxTextNode: number;
  /** Characters of one attribute value; longer values (inline images, state blobs) are left out. */
  maxAttr: number;
  /** JSON-LD blocks kept, and characters of one block. */
  maxJsonLdBlocks: number;
  maxJsonLdChars: number;
  /** Time the walk may take in the page before it stops where it is. */
  maxMillis: number;
}

/** Limits of a capture: generous for real pages (a big team page is ~2 MB here), small enough for the popup to parse at once. */
export const SNAPSHOT_LIMITS: SnapshotLimits = {
  maxChars: 8_000_000,
  maxElements: 150_000,
  maxDepth: 400,
  maxTextNode: 100_000,
  maxAttr: 4096,
  maxJsonLdBlocks: 200,
  maxJsonLdChars: 1_000_000,
  maxMillis: 2000,
};

/** How long a page may take to answer before the popup gives up and offers manual entry. */
export const INJECTION_TIMEOUT_MS = 4000;

/** User Timing measure of each capture in the popup, success or not (`npm run bench` reads it). */
export const CAPTURE_MEASURE = 'prospect-scout:capture';

// Its schema (zod) is in page-snapshot-schema.ts: the popup's entry injects this function before zod has loaded.

/**
 * Serialises what the page shows into HTML the popup parses with DOMParser:
 * hidden elements, scripts (except JSON-LD), styles, templates, frames,
 * media and SVG are left out, so are event handlers and inline styles; every
 * size is bounded, and each cut is reported as a warning.
 *
 * It is injected with `scripting.executeScript({ func })`, so it must stay
 * self-contained: no imports, no module-level values, nothing captured from
 * outside its body (only its JSON `limits` argument crosses over). It never
 * changes the page and sends the page nothing. It runs in the extension's
 * isolated world, where the page's own scripts cannot patch the DOM methods
 * it calls. `doc` is a parameter so unit tests can pass a document.
 */
export function snapshotPage(limits: SnapshotLimits, doc: Document = document): PageSnapshot {
  const start = performance.now();
  const out: string[] = [];
  let size = 0;
  let elements = 0;
  let stop = '';
  let deep = 0;
  let cutTexts = 0;
  let jsonLd = 0;
  let jsonLdSkipped = 0;
  const view = doc.defaultView;
  const DROP = /^(script|style|template|noscript|iframe|frame|frameset|object|embed|canvas|svg|math|video|audio|select|datalist|head|base)$/;
  const VOID = /^(area|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/;
  const ATTR = /^(?:[a-z][a-z0-9_.:-]*)$/;
  const SKIP_ATTR = /^(?:on|style$|srcset$|sizes$|nonce$|integrity$)/;
  const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
  const entity = (c: string) => ENTITY[c]!;
  const text = (s: string) => (/[&<>]/.test(s) ? s.replace(/[&<>]/g, entity) : s);
  const attr = (s: string) => (/[&"]/.test(s) ? s.replace(/[&"]/g, entity) : s);
  const emit = (s: string) => {
    out.push(s);
    size += s.length;
    if (size > limits.maxChars) stop ||= 'size';
  };
  const isJsonLd = (el: Element) => el.localName === 'script' && /ld\+json/i.test(el.getAttribute('type') ?? '');
  // Hidden = no box because of display:none, or visibility:hidden. checkVisibility() is the fast path;
  // when it says no, the computed style tells display:none apart from boxless but shown elements
  // (display:contents, the content of a closed <details>).
  const hidden = (el: Element): boolean => {
    if (typeof el.checkVisibility === 'function' && el.checkVisibility({ visibilityProperty: true })) return false;
    if (!view) return el.hasAttribute('hidden');
    const style = view.getComputedStyle(el);
    return style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse';
  };
  const open = (el: Element) => {
    let s = '<' + el.localName;
    const attributes = el.attributes;
    for (let i = 0; i < attributes.length; i++) {
      const a = attributes[i]!;
      const name = a.name.toLowerCase();
      if (!ATTR.test(name) || SKIP_ATTR.test(name) || a.value.length > limits.maxAttr) continue;
      s += ' ' + name + '="' + attr(a.value) + '"';
    }
    return s + '>';
  };
  const walk = (node: Node, depth: number): void => {
    if (stop) return;
    if (node.nodeType === 3) {
      let t = (node as Text).data;
      if (t.length > limits.maxTextNode) {
        t = t.slice(0, limits.maxTextNode);
        cutTexts++;
      }
      emit(text(t));
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.localName;
    if (!/^[a-z][a-z0-9-]*$/.test(tag)) return;
    if (depth > limits.maxDepth) return void deep++;
    if (++elements > limits.maxElements) return void (stop ||= 'elements');
    if ((elements & 255) === 0 && performance.now() - start > limits.maxMillis) return void (stop ||= 'time');
    if (isJsonLd(el)) return keepJsonLd(el);
    if (tag === 'meta' || tag === 'link') return emit(open(el));
    if (DROP.test(tag) || hidden(el)) return;
    emit(open(el));
    if (VOID.test(tag)) return;
    // The HTML parser drops one newline right after these start tags.
    if (/^(pre|textarea|listing)$/.test(tag) && el.firstChild?.nodeType === 3 && (el.firstChild as Text).data.startsWith('\n')) emit('\n');
    const shadow = el.shadowRoot;
    if (shadow) for (let c = shadow.firstChild; c; c = c.nextSibling) walk(c, depth + 1);
    for (let c = el.firstChild; c; c = c.nextSibling) walk(c, depth + 1);
    emit('</' + tag + '>');
  };
  const keepJsonLd = (el: Element) => {
    const body = el.textContent ?? '';
    if (jsonLd >= limits.maxJsonLdBlocks || body.length > limits.maxJsonLdChars) return void jsonLdSkipped++;
    jsonLd++;
    // "<script" and "</script" can only be inside JSON strings, where \u003c means "<": the block cannot end early.
    emit('<script type="application/ld+json">' + body.replace(/<(?=\/?script)/gi, '\\u003c') + '</script>');
  };

  const root = doc.documentElement;
  emit(root ? open(root).replace(/^<[^\s>]+/, '<html') : '<html>');
  emit('<head><base href="' + attr(doc.baseURI) + '">');
  if (doc.title) emit('<title>' + text(doc.title.slice(0, limits.maxTextNode)) + '</title>');
  if (doc.head) {
    for (const el of Array.from(doc.head.querySelectorAll('meta, link, script'))) {
      if (stop) break;
      if (isJsonLd(el)) keepJsonLd(el);
      else if (el.localName !== 'script' && ++elements <= limits.maxElements) emit(open(el));
    }
  }
  emit('</head>');
  const body = doc.body;
  if (body && body.localName === 'body') {
    emit(open(body));
    for (let c = body.firstChild; c; c = c.nextSibling) walk(c, 1);
    emit('</body>');
  }
  emit('</html>');

  const n = (x: number) => x.toLocaleString('en');
  const warnings: string[] = [];
  if (stop === 'size') warnings.push(`This page is very large: only its first ${n(limits.maxChars / 1e6)} MB were read, so people further down may be missing.`);
  if (stop === 'elements') warnings.push(`This page is very large: only its first ${n(limits.maxElements)} elements were read, so people further down may be missing.`);
  if (stop === 'time') warnings.push(`Reading this page took over ${n(limits.maxMillis / 1000)} s, so only its first part was read.`);
  if (deep) warnings.push(`${n(deep)} part(s) of this page nested over ${n(limits.maxDepth)} levels deep were not read.`);
  if (cutTexts) warnings.push(`${n(cutTexts)} very long text block(s) were cut to their first ${n(limits.maxTextNode)} characters.`);
  if (jsonLdSkipped) warnings.push(`${n(jsonLdSkipped)} structured-data (JSON-LD) block(s) were not read: over ${n(limits.maxJsonLdBlocks)} blocks or over ${n(limits.maxJsonLdChars / 1e6)} MB each.`);
  const html = out.join('');
  return { url: String(doc.location?.href ?? doc.URL), html, warnings, millis: performance.now() - start };
}

/**
 * Parses a snapshot into an inert Document (DOMParser: no script runs, nothing
 * loads), on which the pure extractors run as they would on the live page.
 */
export function documentFromSnapshot(snapshot: PageSnapshot): Document {
  return new DOMParser().parseFromString(snapshot.html, 'text/html');
}
