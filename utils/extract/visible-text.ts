// Visible text of a node within a budget, skipping scripts, styles and hidden content.
// Code samples hold example addresses and remotes (git@github.com), not contacts.
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'HEAD', 'IFRAME', 'OBJECT', 'CANVAS', 'SELECT', 'CODE', 'PRE', 'KBD', 'SAMP']);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TD', 'TH', 'TR', 'UL',
]);

// Soft hyphens, zero-width spaces and word joiners: invisible, and no part of a word ("Experten&shy;liste").
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;

/**
 * The human-visible text of an element, with line breaks between blocks.
 * Written out by hand (not `innerText`) so the browser and the CLI's
 * happy-dom produce the same text, and bounded so a huge or deeply nested
 * hostile page cannot stall extraction. `skip` leaves out elements below
 * the root (site chrome, other people's cards).
 */
export function visibleText(root: Element, maxChars = 1_000_000, skip?: (el: Element) => boolean): string {
  const out = collectText(root, maxChars, (el, depth) => {
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || el.hasAttribute('hidden') || isInlineHidden(el) || (skip && depth > 0 && skip(el))) return 'skip';
    return BLOCK.has(tag) ? 'block' : 'inline';
  });
  return out
    .join('')
    .replace(INVISIBLE, '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n[\n ]*/g, '\n')
    .trim()
    .slice(0, maxChars);
}

/**
 * The text nodes below `root` in document order, about `maxChars` at most and
 * 200 levels deep at most; `enter` says whether an element is left out, or is
 * a block (a line break before and after it).
 */
function collectText(root: Element, maxChars: number, enter: (el: Element, depth: number) => 'skip' | 'block' | 'inline'): string[] {
  const out: string[] = [];
  let length = 0;
  const walk = (node: Node, depth: number): void => {
    if (length > maxChars || depth > 200) return;
    if (node.nodeType === 3) {
      // Only the part within budget is read: a 50 MB text node is never copied whole.
      const t = readText(node as Text, maxChars - length + 1);
      out.push(t);
      length += t.length;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const kind = enter(el, depth);
    if (kind === 'skip') return;
    if (kind === 'block') out.push('\n');
    for (let c = el.firstChild; c; c = c.nextSibling) walk(c, depth + 1);
    if (kind === 'block') out.push('\n');
  };
  walk(root, 0);
  return out;
}

/** The first `max` characters of a text node, without reading the rest. */
function readText(node: Text, max: number): string {
  const len = node.length ?? node.data.length;
  return len <= max ? node.data : node.substringData(0, Math.max(0, max));
}

/**
 * Text of one element with whitespace collapsed, read up to `maxChars`
 * (names and job lines are short; a whole page's text is never wanted here).
 */
export function cleanText(el: Element | null | undefined, maxChars = 2000): string {
  if (!el) return '';
  // A <br> or a block boundary separates words: "Principal Dentist<br>BDS" is two phrases, not "DentistBDS".
  const out = collectText(el, maxChars, (e) => {
    const tag = e.tagName.toUpperCase();
    return /^(?:SCRIPT|STYLE|TEMPLATE)$/.test(tag) ? 'skip' : BLOCK.has(tag) ? 'block' : 'inline';
  });
  return out.join('').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().slice(0, maxChars);
}

/** The first line of an element's visible text (up to a <br> or a block), whitespace collapsed; `skip` leaves out elements below it. */
export function firstLine(el: Element | null | undefined, maxChars = 400, skip?: (el: Element) => boolean): string {
  if (!el) return '';
  return (visibleText(el, maxChars, skip).split('\n')[0] ?? '').trim();
}

function isInlineHidden(el: Element): boolean {
  const style = el.getAttribute('style');
  return !!style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}
