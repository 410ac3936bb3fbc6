// URL helpers of the structured-data readers: the page's base URL and resolving relative links against it.

/** The URL relative links of a page resolve against: its `<base href>` if any, else the page URL. */
export function pageBase(doc: Document, url: string): string {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  if (!href) return url;
  try {
    return new URL(href, url).href;
  } catch {
    return url;
  }
}

/** `href` resolved against `base`; kept as written when it cannot be resolved. An empty `href` is the base itself. */
export function resolveUrl(href: string, base: string): string {
  const s = href.trim();
  try {
    return new URL(s, base).href;
  } catch {
    return s;
  }
}
