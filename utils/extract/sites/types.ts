// The shape of a site adapter: a URL test and a pure (Document, URL) → prospects reader for one site.
import type { CountryCode } from 'libphonenumber-js';
import type { Prospect } from '../../leads/schema';

/** What an adapter may need besides the page: the country for national phone numbers. */
export interface SiteContext {
  country: CountryCode;
}

/**
 * Reads the people of one site's pages, where the site's own structure says
 * more than generic signals. `extract` returns null when the page is not one
 * it knows (a company overview, a page layout it cannot find its anchors in),
 * so the generic extractor reads it instead; an empty array means "known page,
 * nobody on it".
 */
export interface SiteAdapter {
  /** Short stable name, also used in fixtures' meta.json (`adapter`). */
  id: string;
  /** Whether this adapter reads pages at this URL. */
  matches(url: URL): boolean;
  /** URLs it must match; every other adapter must reject them (tests/unit/site-adapters.test.ts). */
  testUrls: string[];
  extract(doc: Document, url: URL, context: SiteContext): Prospect[] | null;
}
