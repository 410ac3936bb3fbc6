// schema.org microdata and microformats h-card readers.
import type { CountryCode } from 'libphonenumber-js';
import { looksLikePersonName } from '../leads/normalize';
import { ProspectBuilder } from './prospect-builder';
import { cleanText } from './visible-text';

const MAX_CARDS = 200;

/** Value of a microdata property element, per the HTML microdata rules. */
function itempropValue(el: Element): string {
  const tag = el.tagName.toLowerCase();
  if (el.hasAttribute('itemscope')) {
    const name = ownProps(el, 'name')[0];
    return name ? itempropValue(name) : cleanText(el);
  }
  if (tag === 'meta') return el.getAttribute('content') ?? '';
  if (tag === 'a' || tag === 'link' || tag === 'area') return el.getAttribute('href') ?? '';
  if (tag === 'img' || tag === 'source' || tag === 'audio' || tag === 'video') return el.getAttribute('src') ?? '';
  if (tag === 'time') return el.getAttribute('datetime') ?? cleanText(el);
  if (tag === 'data' || tag === 'meter') return el.getAttribute('value') ?? '';
  return cleanText(el);
}

/** Property elements that belong to this item, not to an item nested inside it. */
function ownProps(scope: Element, prop: string): Element[] {
  return [...scope.querySelectorAll(`[itemprop~="${prop}"]`)].filter(
    (el) => el.parentElement?.closest('[itemscope]') === scope,
  );
}

/** Extracts schema.org Person items written as HTML microdata. */
export function extractMicrodata(doc: Document, url: string, country?: CountryCode): ProspectBuilder[] {
  const items = [...doc.querySelectorAll('[itemscope][itemtype]')]
    .filter((el) => /schema\.org\/Person\b/i.test(el.getAttribute('itemtype') ?? ''))
    .slice(0, MAX_CARDS);
  return items
    .map((item) => {
      const one = (p: string) => {
        const el = ownProps(item, p)[0];
        return el ? itempropValue(el) : '';
      };
      const all = (p: string) => ownProps(item, p).map(itempropValue);
      const b = new ProspectBuilder(url)
        .set('name', one('name'), 'microdata')
        .set('firstName', one('givenName'), 'microdata')
        .set('lastName', one('familyName'), 'microdata')
        .set('title', one('jobTitle'), 'microdata')
        .set('company', one('worksFor') || one('affiliation'), 'microdata')
        .set('location', one('address') || one('homeLocation'), 'microdata');
      all('email').forEach((e) => b.addEmail(e, 'microdata'));
      all('telephone').forEach((t) => b.addPhone(t, 'microdata', country));
      all('sameAs').forEach((s) => b.addUrl(s, 'microdata'));
      all('url').forEach((s) => b.addUrl(s, 'microdata', true));
      return b;
    })
    .filter((b) => b.hasContent());
}

/** Elements with a microformats2 class that belong to this h-card, not a nested one. */
function ownMf(card: Element, cls: string): Element[] {
  return [...card.querySelectorAll(`.${cls}`)].filter(
    (el) => el.parentElement?.closest('.h-card') === card || el.closest('.h-card') === card,
  );
}

function mfValue(el: Element, kind: 'p' | 'u'): string {
  const tag = el.tagName.toLowerCase();
  if (kind === 'u') {
    const v = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('value');
    if (v) return v;
  }
  if (tag === 'abbr' && el.getAttribute('title')) return el.getAttribute('title')!;
  if ((tag === 'data' || tag === 'input') && el.getAttribute('value')) return el.getAttribute('value')!;
  if (tag === 'img' || tag === 'area') return el.getAttribute('alt') ?? '';
  return cleanText(el);
}

/** The microformats2 implied name: the card's whole text, when it is just a name. */
function impliedName(card: Element): string {
  const t = cleanText(card);
  return looksLikePersonName(t) ? t : '';
}

/** Extracts microformats2 h-card people (p-name, p-job-title, p-org, u-email, p-tel, u-url…). */
export function extractHCards(doc: Document, url: string, country?: CountryCode): ProspectBuilder[] {
  // Nested org h-cards (`p-org h-card`) describe a company, not a person.
  const cards = [...doc.querySelectorAll('.h-card')].filter((c) => !c.classList.contains('p-org')).slice(0, MAX_CARDS);
  return cards
    .map((card) => {
      const p = (cls: string) => {
        const el = ownMf(card, cls)[0];
        return el ? mfValue(el, 'p') : '';
      };
      const org = card.querySelector('.p-org.h-card');
      const b = new ProspectBuilder(url)
        .set('name', p('p-name') || impliedName(card), 'h-card')
        .set('firstName', p('p-given-name'), 'h-card')
        .set('lastName', p('p-family-name'), 'h-card')
        .set('title', p('p-job-title') || p('p-role'), 'h-card')
        .set('company', (org ? mfValue(org.querySelector('.p-name') ?? org, 'p') : '') || p('p-org'), 'h-card')
        .set('location', [p('p-locality'), p('p-region'), p('p-country-name')].filter(Boolean).join(', ') || p('p-adr'), 'h-card');
      ownMf(card, 'u-email').forEach((el) => b.addEmail(mfValue(el, 'u'), 'h-card'));
      ownMf(card, 'p-tel').forEach((el) => b.addPhone(mfValue(el, 'p'), 'h-card', country));
      ownMf(card, 'u-tel').forEach((el) => b.addPhone(mfValue(el, 'u'), 'h-card', country));
      ownMf(card, 'u-url').forEach((el) => b.addUrl(mfValue(el, 'u'), 'h-card', true));
      return b;
    })
    .filter((b) => b.hasContent());
}
