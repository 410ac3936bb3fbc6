// Every structured-data reader of a page together (JSON-LD, microdata, RDFa, microformats), and how their people meet the page's own signals.
import type { CountryCode } from 'libphonenumber-js';
import { classifyProfileUrl, findEmailsInText, normalizeEmail, normalizePhone, urlKey } from '../leads/normalize';
import { mergeProspects } from '../leads/merge';
import type { Prospect } from '../leads/schema';
import { citationAuthors } from './citation-meta';
import { extractJsonLd } from './json-ld';
import { extractMicrodata } from './microdata';
import { extractHCards } from './microformats';
import { ProspectBuilder } from './prospect-builder';
import { extractRdfa } from './rdfa';
import { cleanText } from './visible-text';

/** A person found in structured data. */
export interface StructuredPerson {
  builder: ProspectBuilder;
  /** The element the person was read from (microdata item, RDFa node, h-card); null for JSON-LD. */
  el: Element | null;
  /** Whether the markup says the page is about this person (`mainEntity` of a ProfilePage, `about`). */
  subject: boolean;
}

/** What the structured-data readers found on a page. */
export interface StructuredData {
  people: StructuredPerson[];
  warnings: string[];
  /** Elements whose email or phone a reader took from an attribute: their visible text is no contact of anyone. */
  consumed: Element[];
}

/** Runs every structured-data reader over a page, most trusted first. */
export function extractStructured(doc: Document, url: string, country?: CountryCode): StructuredData {
  const jsonLd = extractJsonLd(doc, url, country);
  const subjects = new Set(jsonLd.subjects);
  const cards = extractHCards(doc, url, country);
  const people: StructuredPerson[] = [
    ...jsonLd.builders.map((builder) => ({ builder, el: null, subject: subjects.has(builder) })),
    ...extractMicrodata(doc, url, country),
    ...extractRdfa(doc, url, country),
    ...cards.people.map((p) => ({ ...p, subject: false })),
    ...citationAuthors(doc, url, country).map((builder) => ({ builder, el: null, subject: false })),
  ];
  return { people, warnings: jsonLd.warnings, consumed: cards.consumed };
}

const sameName = (a: string, b: string) => !!a && !!b && a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Which of several structured people the page is about, or -1: the one the
 * markup names as its main entity, else the one whose profile is the page
 * URL, else the one named by the page's main heading or the first part of
 * its title. A team page, whose heading names nobody, has no subject.
 */
export function pageSubject(doc: Document, url: string, prospects: Prospect[], found: StructuredData): number {
  const marked = found.people.filter((p) => p.subject).map((p) => p.builder.p.name);
  const byMark = prospects.findIndex((p) => marked.some((n) => sameName(n, p.name)));
  if (byMark >= 0) return byMark;
  const own = classifyProfileUrl(url);
  if (own) {
    const i = prospects.findIndex((p) => p.profiles[own.kind] && urlKey(p.profiles[own.kind]) === urlKey(own.url));
    if (i >= 0) return i;
  }
  const heading = cleanText(doc.querySelector('h1'));
  const title = (doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? cleanText(doc.querySelector('title'))).split(/\s+[|–—-]\s+|\s+\(/)[0] ?? '';
  for (const label of [heading, title]) {
    const hits = prospects.flatMap((p, i) => (sameName(label, p.name) ? [i] : []));
    if (hits.length === 1) return hits[0]!;
  }
  return -1;
}

/**
 * The page's own profile links (LinkedIn, X, GitHub, `rel="me"`) that sit
 * outside every structured person's element: on a page about one of
 * several people, they are that person's.
 */
export function pageProfileLinks(doc: Document, url: string, found: StructuredData): string[] {
  const roots = found.people.map((p) => p.el).filter((e): e is Element => !!e);
  const out: string[] = [];
  for (const a of [...doc.querySelectorAll('a[href]')].slice(0, 5000)) {
    if (roots.some((r) => r.contains(a)) || a.closest('nav, footer')) continue;
    let abs: string;
    try {
      abs = new URL(a.getAttribute('href') ?? '', url).href;
    } catch {
      continue;
    }
    if (classifyProfileUrl(abs) || /(?:^|\s)me(?:\s|$)/i.test(a.getAttribute('rel') ?? '')) out.push(abs);
    if (out.length >= 20) break;
  }
  return out;
}

/**
 * On a page of several structured people, gives the page's own profile
 * links to the person the page is about (see {@link pageSubject}); a page
 * about nobody in particular (a team page) gives them to no one.
 */
export function giveProfileLinksToSubject(doc: Document, url: string, prospects: Prospect[], found: StructuredData): Prospect[] {
  const subject = pageSubject(doc, url, prospects, found);
  if (subject < 0) return prospects;
  const links = new ProspectBuilder(url);
  pageProfileLinks(doc, url, found).forEach((href) => links.addUrl(href, 'link', true));
  return prospects.map((p, i) => (i === subject ? mergeProspects(p, links.build()) : p));
}

/**
 * Removes from `page` (a record of page-wide signals about to be merged into
 * the page's one structured person) the emails and phones that a structured
 * reader already read past: the visible text of `<a class="email"
 * href="mailto:jane@…">someone-else@…</a>` is not Jane's address.
 */
export function dropConsumedContacts(page: Prospect, person: Prospect, consumed: Element[], country?: CountryCode): Prospect {
  if (!consumed.length) return page;
  const decoyEmails = new Set<string>();
  const decoyDigits: string[] = [];
  for (const el of consumed.slice(0, 200)) {
    const text = (el.textContent ?? '').slice(0, 2000);
    findEmailsInText(text).forEach((e) => decoyEmails.add(e));
    el.querySelectorAll('a[href^="mailto:" i]').forEach((a) => decoyEmails.add(normalizeEmail(a.getAttribute('href') ?? '')));
    decoyDigits.push(text.replace(/\D/g, ''));
    el.querySelectorAll('a[href^="tel:" i]').forEach((a) => decoyDigits.push(normalizePhone(a.getAttribute('href') ?? '', country).replace(/\D/g, '')));
  }
  const emails = page.emails.filter((e) => person.emails.includes(e) || !decoyEmails.has(e));
  const phones = page.phones.filter((ph) => {
    if (person.phones.includes(ph)) return true;
    // A page phone is a decoy when its national digits sit inside a consumed element's digits.
    const national = ph.replace(/\D/g, '').slice(-7);
    return !decoyDigits.some((d) => national.length >= 7 && d.includes(national));
  });
  if (emails.length === page.emails.length && phones.length === page.phones.length) return page;
  return { ...page, emails, phones };
}
