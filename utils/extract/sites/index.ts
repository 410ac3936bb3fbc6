// The site adapters, listed explicitly (first match wins), and the lookup extractProspects uses before the generic extractor.
import type { Prospect } from '../../leads/schema';
import { githubAdapter } from './github';
import { linkedinAdapter } from './linkedin';
import type { SiteAdapter, SiteContext } from './types';
import { xAdapter } from './x';

export type { SiteAdapter, SiteContext } from './types';

/** Every site adapter. Adding a site: one file in this folder, one line here, a fixture page (the meta-test checks all three). */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [linkedinAdapter, githubAdapter, xAdapter];

/** The adapter for a page address, or undefined (unparseable URLs included). */
export function findSiteAdapter(url: string): SiteAdapter | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  return SITE_ADAPTERS.find((a) => a.matches(u));
}

/** What the site adapters made of a page: `prospects` null means "use the generic extractor". */
export interface SiteExtraction {
  adapter: string | null;
  prospects: Prospect[] | null;
  warnings: string[];
}

/**
 * The prospects a site adapter reads from the page; `prospects` is null when
 * no adapter matches the URL or the matching one does not recognise the page,
 * and the generic extractor runs. An adapter that throws on a DOM it did not
 * expect (a site redesign) falls back the same way, with a warning, so the
 * user still gets the generic result.
 */
export function extractWithSiteAdapter(doc: Document, url: string, context: SiteContext): SiteExtraction {
  const address = siteAddress(doc, url);
  const adapter = findSiteAdapter(address);
  if (!adapter) return { adapter: null, prospects: null, warnings: [] };
  try {
    return { adapter: adapter.id, prospects: adapter.extract(doc, new URL(address), context), warnings: [] };
  } catch (e) {
    return {
      adapter: adapter.id,
      prospects: null,
      warnings: [`The ${adapter.id} page reader failed (${(e as Error).message}); the page was read with generic rules instead.`],
    };
  }
}

/**
 * The address that says which site a page is from: the page's own, or for a
 * saved copy (a file: URL, as the CLI gets without --url) the address the page
 * declares for itself (canonical link, else og:url).
 */
export function siteAddress(doc: Document, url: string): string {
  if (/^https?:/i.test(url)) return url;
  const declared = [doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'), doc.querySelector('meta[property="og:url"]')?.getAttribute('content')];
  return declared.map((u) => (u ?? '').trim()).find((u) => /^https?:\/\//i.test(u)) ?? url;
}
