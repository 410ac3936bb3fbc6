// Visible text of a node within a budget, skipping scripts, styles and hidden content.
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'HEAD', 'IFRAME', 'OBJECT', 'CANVAS', 'SELECT']);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TD', 'TH', 'TR', 'UL',
]);

/**
 * The human-visible text of an element, with line breaks between blocks.
 * Written out by hand (not `innerText`) so the browser and the CLI's
 * happy-dom produce the same text, and bounded so a huge or deeply nested
 * hostile page cannot stall extraction.
 */
export function visibleText(root: Element, maxChars = 1_000_000): string {
  const out: string[] = [];
  let length = 0;
  const walk = (node: Node, depth: number): void => {
    if (length > maxChars || depth > 200) return;
    if (node.nodeType === 3) {
      const t = node.nodeValue ?? '';
      out.push(t);
      length += t.length;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || el.hasAttribute('hidden') || isInlineHidden(el)) return;
    const block = BLOCK.has(tag);
    if (block) out.push('\n');
    for (let c = el.firstChild; c; c = c.nextSibling) walk(c, depth + 1);
    if (block) out.push('\n');
  };
  walk(root, 0);
  return out
    .join('')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n[\n ]*/g, '\n')
    .trim()
    .slice(0, maxChars);
}

/** Text of one element with whitespace collapsed. */
export function cleanText(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function isInlineHidden(el: Element): boolean {
  const style = el.getAttribute('style');
  return !!style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}
