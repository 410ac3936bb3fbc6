// extractProspects(doc, url): combines every extractor into the prospects of one page.
import type { CountryCode } from 'libphonenumber-js';
import { getCountries } from 'libphonenumber-js';
import { classifyProfileUrl, looksLikePersonName } from '../leads/normalize';
import { JOB_WORDS, parseJobLine, readContacts } from './contacts';
import { extractPersonCards } from './cards';
import { extractWithSiteAdapter } from './sites/index';
import { dropConsumedContacts, extractStructured, giveProfileLinksToSubject } from './structured';
import { LIMITS, type Prospect } from '../leads/schema';
import { identityKeys, mergeProspects } from '../leads/merge';
import { ProspectBuilder } from './prospect-builder';
import { cleanText } from './visible-text';

/** Options of {@link extractProspects}. */
export interface ExtractOptions {
  /** Country used to read national phone numbers ("(415) 555-0100"). Guessed from the page when absent. */
  defaultCountry?: CountryCode;
}

/** What extraction found on one page. */
export interface Extraction {
  prospects: Prospect[];
  /** Problems that did not stop extraction, e.g. a malformed JSON-LD block. */
  warnings: string[];
}

const COUNTRIES = new Set<string>(getCountries());
const TLD_COUNTRY: Record<string, string> = { uk: 'GB' };

/**
 * Country for national phone numbers: the page's `lang` region
 * (`en-GB` → GB), else its country-code TLD, else US.
 */
export function guessCountry(doc: Document, url: string): CountryCode {
  const lang = doc.documentElement.getAttribute('lang') ?? '';
  const region = /^[a-z]{2,3}[-_]([a-z]{2})\b/i.exec(lang)?.[1]?.toUpperCase();
  if (region && COUNTRIES.has(region)) return region as CountryCode;
  try {
    const tld = new URL(url).hostname.split('.').pop()?.toLowerCase() ?? '';
    const cc = TLD_COUNTRY[tld] ?? tld.toUpperCase();
    if (tld.length === 2 && COUNTRIES.has(cc)) return cc as CountryCode;
  } catch {
    // not a URL: fall through
  }
  return 'US';
}

function meta(doc: Document, key: string): string {
  const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  return (el?.getAttribute('content') ?? '').trim();
}

/** The line under the person's name that usually says "Title at Company". */
function findJobLine(doc: Document, h1: Element | null): string {
  const marked = doc.querySelector(
    '[class*="job-title" i], [class*="jobtitle" i], [class*="headline" i], [class*="position" i], [itemprop="jobTitle"], [class~="title" i], [class~="role" i]',
  );
  const candidates = [marked, h1?.nextElementSibling, h1?.parentElement?.nextElementSibling];
  for (const el of candidates) {
    const t = cleanText(el);
    if (t && t.length <= 160 && JOB_WORDS.test(t)) return t;
  }
  return '';
}

/**
 * Reads the signals any page has: the URL, meta tags, the main heading, the
 * job line under it, mailto/tel links, Cloudflare-protected and obfuscated
 * emails, phone numbers and profile links in visible text.
 */
export function extractPageSignals(doc: Document, url: string, country: CountryCode): ProspectBuilder {
  const b = new ProspectBuilder(url);
  if (classifyProfileUrl(url)) b.addUrl(url, 'link');

  const h1 = doc.querySelector('h1');
  const h1Text = cleanText(h1);
  b.set('firstName', meta(doc, 'profile:first_name'), 'meta').set('lastName', meta(doc, 'profile:last_name'), 'meta');
  if (looksLikePersonName(h1Text)) b.set('name', h1Text, 'heading');
  const docTitle = meta(doc, 'og:title') || cleanText(doc.querySelector('title'));
  const titleParts = docTitle.split(/\s+[|–—-]\s+/).map((s) => s.trim());
  if (titleParts[0] && looksLikePersonName(titleParts[0])) {
    b.set('name', titleParts[0], 'meta');
    if (titleParts.length >= 3) {
      const job = parseJobLine(titleParts[1] ?? '');
      b.set('title', job.title, 'meta').set('company', job.company, 'meta');
    }
  }
  const author = meta(doc, 'author');
  if (looksLikePersonName(author)) b.set('name', author, 'meta');
  const job = parseJobLine(findJobLine(doc, h1));
  b.set('title', job.title, 'heading').set('company', job.company, 'heading');

  readContacts(b, doc, url, country);
  return b;
}

/** Keys under which a record is matched against others on the same page: emails, profiles, name. */
function pageKeys(p: Prospect): string[] {
  const { emails, profiles } = identityKeys(p);
  return [...emails.map((e) => `e:${e}`), ...profiles.map((u) => `p:${u}`), ...(p.name ? [`n:${p.name.toLowerCase()}`] : [])];
}

/**
 * Merges records of the same person found by different extractors (same
 * email, profile or name). Keyed lookups keep a 500-person team page linear.
 */
function dedupe(prospects: Prospect[]): Prospect[] {
  const out: Prospect[] = [];
  const index = new Map<string, number>();
  for (const p of prospects) {
    const hit = pageKeys(p).map((k) => index.get(k)).find((i) => i !== undefined);
    const at = hit ?? out.length;
    out[at] = hit === undefined ? p : mergeProspects(out[hit]!, p);
    for (const k of pageKeys(out[at]!)) if (!index.has(k)) index.set(k, at);
  }
  return out;
}

/**
 * Finds the prospects on a page. Structured data (JSON-LD, microdata,
 * h-card) is trusted first; a page describing exactly one person is then
 * completed with the page's own links and text; a page with no structured
 * person yields one prospect per person card (a team page without markup)
 * or else one prospect built from the page signals, if it has any.
 * Pure: takes the document and its URL, never touches storage or network.
 */
export function extractProspects(doc: Document, url: string, options: ExtractOptions = {}): Extraction {
  const country = options.defaultCountry ?? guessCountry(doc, url);
  const site = extractWithSiteAdapter(doc, url, { country });
  const found = site.prospects ? { prospects: site.prospects, warnings: [] } : findProspects(doc, url, country);
  const { prospects } = found;
  const warnings = [...site.warnings, ...found.warnings];
  if (prospects.length <= LIMITS.prospectsPerPage) return { prospects, warnings };
  return {
    prospects: prospects.slice(0, LIMITS.prospectsPerPage),
    warnings: [...warnings, `This page lists more than ${LIMITS.prospectsPerPage} people; showing the first ${LIMITS.prospectsPerPage}.`],
  };
}

function findProspects(doc: Document, url: string, country: CountryCode): Extraction {
  const found = extractStructured(doc, url, country);
  const structured = dedupe(found.people.map((p) => p.builder.build()));
  // On a page of several people the page-wide signals belong to nobody in particular, except the
  // page's own profile links on a page about one of them.
  if (structured.length > 1) return { prospects: giveProfileLinksToSubject(doc, url, structured, found), warnings: found.warnings };
  if (structured.length === 0) {
    const cards = extractPersonCards(doc, url, country);
    if (cards.length) return { prospects: dedupe(cards.map((b) => b.build())), warnings: found.warnings };
  }
  const page = extractPageSignals(doc, url, country);
  let prospects: Prospect[];
  if (structured.length === 1) prospects = [mergeProspects(structured[0]!, dropConsumedContacts(page.build(), structured[0]!, found.consumed, country))];
  else prospects = page.hasContent() ? [page.build()] : [];
  return { prospects, warnings: found.warnings };
}
