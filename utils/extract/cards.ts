// Team pages without markup: one prospect per repeated person card.
import type { CountryCode } from 'libphonenumber-js';
import { looksLikePersonName } from '../leads/normalize';
import { isContactLink, MAX_ANCHORS, parseJobLine, readContacts } from './contacts';
import { ProspectBuilder } from './prospect-builder';
import { cleanText } from './visible-text';

/** Where a card's person name is written, in document order. */
const NAME_SELECTOR = 'h1, h2, h3, h4, h5, h6, dt, strong, b, a, [class*="name" i], [itemprop="name"]';
/** Elements that say what a card's person does. */
const JOB_SELECTOR = '[class*="title" i], [class*="role" i], [class*="position" i], [class*="job" i], [class*="headline" i]';
/** How far above a contact link a card may start. */
const MAX_CARD_DEPTH = 8;
/** Beyond what one capture may return, so the caller can tell the user how many there were. */
const MAX_CARDS = 1000;

/** Element shape used to recognise repeated cards: tag and first class. */
function shape(el: Element): string {
  return `${el.tagName}.${el.classList[0] ?? ''}`;
}

/**
 * Finds people on a page that lists them without structured data, such as
 * a company's team page: repeated sibling elements of the same shape
 * ("cards"), each holding a person's name and a contact link (email,
 * phone or profile). Returns one builder per card, or none when the page
 * has fewer than two such cards, or when its main heading names one person
 * who is not among them (a profile page with a "people you may know" list).
 */
export function extractPersonCards(doc: Document, url: string, country: CountryCode): ProspectBuilder[] {
  const shapeCounts = new Map<Element, Map<string, number>>();
  const siblingsOfShape = (el: Element): number => {
    const parent = el.parentElement;
    if (!parent) return 0;
    let counts = shapeCounts.get(parent);
    if (!counts) {
      counts = new Map();
      for (const c of parent.children) counts.set(shape(c), (counts.get(shape(c)) ?? 0) + 1);
      shapeCounts.set(parent, counts);
    }
    return counts.get(shape(el)) ?? 0;
  };
  const names = new Map<Element, Element | null>();
  const nameIn = (el: Element): Element | null => {
    if (!names.has(el)) names.set(el, [...el.querySelectorAll(NAME_SELECTOR)].find((n) => looksLikePersonName(cleanText(n))) ?? null);
    return names.get(el)!;
  };

  const cards = new Set<Element>();
  for (const a of [...doc.querySelectorAll('a[href], [data-cfemail]')].slice(0, MAX_ANCHORS)) {
    if (!a.hasAttribute('data-cfemail') && !isContactLink(a, url)) continue;
    // Site chrome repeats links too ("Follow Us On Twitter"), but never lists people.
    if (a.closest('nav, footer, header')) continue;
    let el = a.parentElement;
    for (let depth = 0; el && el !== doc.body && depth < MAX_CARD_DEPTH; depth++, el = el.parentElement) {
      // The nearest repeated block that names someone is their card; a repeated block without a name (a list of social links) is not.
      if (siblingsOfShape(el) >= 2 && nameIn(el)) {
        cards.add(el);
        break;
      }
    }
    if (cards.size > MAX_CARDS) break;
  }
  // A card holding other cards is a section around them, not a person.
  const people = [...cards].filter((c) => ![...cards].some((o) => o !== c && c.contains(o)));
  if (people.length < 2) return [];

  const h1 = cleanText(doc.querySelector('h1'));
  if (looksLikePersonName(h1) && !people.some((c) => cleanText(nameIn(c)).toLowerCase() === h1.toLowerCase())) return [];

  const siteName = (doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? '').trim();
  return people.slice(0, MAX_CARDS).map((card) => {
    const b = new ProspectBuilder(url);
    const nameEl = nameIn(card)!;
    b.set('name', cleanText(nameEl), 'heading');
    const jobLines = [card.querySelector(JOB_SELECTOR), nameEl.nextElementSibling, nameEl.parentElement?.nextElementSibling];
    for (const el of jobLines) {
      if (!el || el.contains(nameEl)) continue;
      const job = parseJobLine(cleanText(el));
      if (!job.title) continue;
      b.set('title', job.title, 'text').set('company', job.company, 'text');
      break;
    }
    b.set('company', siteName, 'meta');
    readContacts(b, card, url, country);
    return b;
  });
}
