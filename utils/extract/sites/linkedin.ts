// LinkedIn adapter: profiles (/in/…), people-search results, a company's People tab, Sales Navigator leads and lead lists.
import { classifyProfileUrl, normalizePhone } from '../../leads/normalize';
import type { Prospect } from '../../leads/schema';
import { ProspectBuilder } from '../prospect-builder';
import { visibleText } from '../visible-text';
import { firstElement, firstText, inChrome, listItemOf, metaContent, textOf } from './dom';
import { cleanPersonName, looksLikeTitle, plausibleName, splitHeadline } from './headline';
import type { SiteAdapter, SiteContext } from './types';

/*
 * Anchors, from most to least stable: URL paths (/in/<slug>), aria-labels
 * ("Current company: …", "View <name>’s profile"), Sales Navigator's
 * data-anonymize attributes (kept because LinkedIn's own privacy tooling
 * relies on them), section ids (#experience), then class names (which
 * LinkedIn renames often: each is one selector among several), then the
 * order of lines in a list item.
 */

type Kind = 'profile' | 'search' | 'company-people' | 'sales-lead' | 'sales-list';

function kindOf(url: URL): Kind | null {
  if (!/(?:^|\.)linkedin\.com$/i.test(url.hostname)) return null;
  const p = url.pathname;
  if (/^\/in\/[^/]+/.test(p)) return 'profile';
  if (/^\/search\/results\/people\/?$/.test(p)) return 'search';
  if (/^\/(?:company|school)\/[^/]+\/people\/?$/.test(p)) return 'company-people';
  if (/^\/sales\/(?:lead|people)\/[^/]+/.test(p)) return 'sales-lead';
  if (/^\/sales\/(?:search\/people|lists\/people)\b/.test(p)) return 'sales-list';
  return null;
}

const DEGREE = /^(?:[•·]\s*)?(?:1st|2nd|3rd\+?)$|degree connection|^[•·]$/i;
const ACTION = /^(?:connect|message|follow|following|pending|save|saved|view profile|more|invite)$/i;
const VIEW_PROFILE = /^view\s+(.+?)[’']s?\s+profile$/i;

/** "Marta Kowalczyk" from "View Marta Kowalczyk’s profile"; '' for anything else. */
function nameFromViewLabel(label: string): string {
  return VIEW_PROFILE.exec(label.trim())?.[1]?.trim() ?? '';
}

function builder(url: URL): ProspectBuilder {
  return new ProspectBuilder(url.href);
}

function setJob(b: ProspectBuilder, title: string, company: string): void {
  b.set('title', title, 'site').set('company', company, 'site');
}

/** "Chicago, Illinois, United States" — a location line, not a headline. */
function looksLikeLocation(s: string): boolean {
  return s.length <= 80 && !looksLikeTitle(s) && (/,/.test(s) || /\b(?:area|metropolitan|greater|region|remote)\b/i.test(s));
}

function readProfile(doc: Document, url: URL, ctx: SiteContext): Prospect[] | null {
  const main = doc.querySelector('main') ?? doc.body;
  if (!main) return null;
  const top = firstElement(main, ['section.pv-top-card', '.pv-top-card', 'section[data-member-id]', '.top-card-layout', 'section.artdeco-card']) ?? main;
  const titleTag = metaContent(doc, 'og:title') || textOf(doc.querySelector('title'));
  const name = cleanPersonName(
    firstText(top, ['h1.text-heading-xlarge', 'h1.top-card-layout__title', 'h1']) ||
      (/^(?:\(\d+\)\s*)?(.+?)\s*(?:[|–—-]\s*.*)?\|\s*LinkedIn$/.exec(titleTag)?.[1] ?? ''),
  );
  if (!plausibleName(name)) return null;
  const b = builder(url).set('name', name, 'site');
  const slug = classifyProfileUrl(`https://www.linkedin.com${url.pathname.split('/').slice(0, 3).join('/')}`);
  if (slug) b.addUrl(slug.url, 'site');

  const h1 = top.querySelector('h1');
  const headline =
    firstText(top, ['.text-body-medium.break-words', '[data-generated-suggestion-target]', '.top-card-layout__headline', 'h2']) || (h1 ? blockAfter(h1, top) : '');
  const currentCompany =
    /^current company:\s*(.+?)(?:\.\s*click\b.*)?$/i.exec(top.querySelector('[aria-label^="Current company" i]')?.getAttribute('aria-label') ?? '')?.[1] ??
    firstText(top, ['[data-section="currentPositionsDetails"] .top-card-link__description', 'a[data-tracking-control-name*="topcard-current-company"]']);
  const exp = experienceTop(doc);
  const fromHeadline = splitHeadline(headline);
  const title = fromHeadline.company ? fromHeadline.title : exp.title || fromHeadline.title;
  setJob(b, title, currentCompany || fromHeadline.company || exp.company);

  // The location line sits next to the "Contact info" link; class names are the fallback.
  const contactLink = top.querySelector('a[href*="/overlay/contact-info"], #top-card-text-details-contact-info');
  const near = contactLink?.closest('div');
  const location =
    (near ? firstText(near, ['span.text-body-small', 'span'], (el) => !el.contains(contactLink!) && textOf(el).length > 2) : '') ||
    firstText(top, ['span.text-body-small.inline.t-black--light.break-words', '.top-card__subline-item', '.top-card-layout__first-subline span']);
  if (looksLikeLocation(location) || location.split(' ').length <= 4) b.set('location', location, 'site');

  readContactOverlay(b, doc, url, ctx);
  return [b.build()];
}

const PRONOUNS = /^(?:she|he|they|ze|xe)\/\w+(?:\/\w+)?$/i;

/** The first text block after `el` (the headline after the name), climbing out of wrappers up to `stop`. */
function blockAfter(el: Element, stop: Element): string {
  for (let cur: Element | null = el; cur && cur !== stop; cur = cur.parentElement) {
    for (let sib = cur.nextElementSibling; sib; sib = sib.nextElementSibling) {
      const t = textOf(sib);
      if (t.length > 2 && !PRONOUNS.test(t)) return t;
    }
  }
  return '';
}

/** Title and company of the first (current) entry of the Experience section. */
function experienceTop(doc: Document): { title: string; company: string } {
  const anchor = doc.querySelector('#experience');
  const section = anchor?.closest('section') ?? anchor?.parentElement;
  const item = section?.querySelector('li');
  if (!item) return { title: '', company: '' };
  // Without its class names an entry is still a run of aria-hidden lines: title, "Company · Full-time", dates.
  const lines = Array.from(item.querySelectorAll('span[aria-hidden="true"]')).map(textOf).filter(Boolean);
  const title = firstText(item, ['.t-bold span[aria-hidden="true"]', '.t-bold', 'h3']) || (lines[0] ?? '');
  const companyLine =
    firstText(item, ['span.t-14.t-normal:not(.t-black--light) span[aria-hidden="true"]', 'span.t-14.t-normal:not(.t-black--light)', 'h4']) || (lines[1] ?? '');
  return { title, company: (companyLine.split(/\s*·\s*/)[0] ?? '').trim() };
}

/** The "Contact info" dialog, when the user opened it before clicking: its emails, phones, websites and X profile. */
function readContactOverlay(b: ProspectBuilder, doc: Document, url: URL, ctx: SiteContext): void {
  const dialog = firstElement(doc, ['.pv-contact-info', '[aria-labelledby="pv-contact-info"]', '.artdeco-modal[role="dialog"]']);
  if (!dialog || !/contact info/i.test(textOf(dialog).slice(0, 200))) return;
  for (const a of Array.from(dialog.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (/^mailto:/i.test(href)) b.addEmail(href, 'site');
    else if (/^tel:/i.test(href)) b.addPhone(href, 'site', ctx.country);
    else if (!/linkedin\.com\/in\//i.test(href)) b.addUrl(new URL(href, url).href, 'site', true);
  }
  for (const section of Array.from(dialog.querySelectorAll('section'))) {
    if (!/^\s*phone/i.test(textOf(section.querySelector('h3, h2')))) continue;
    for (const el of Array.from(section.querySelectorAll('li span.t-14, li span:first-child'))) {
      const n = normalizePhone(textOf(el), ctx.country);
      if (n) b.addPhone(n, 'site', ctx.country, true);
    }
  }
}

/** One person of a result list or People tab, read from the list item holding their profile link. */
function readListItem(item: Element, link: Element, url: URL, pageCompany: string): Prospect | null {
  const profile = classifyProfileUrl(new URL(link.getAttribute('href') ?? '', url).href);
  if (!profile) return null;
  const linkLabel = nameFromViewLabel(link.getAttribute('aria-label') ?? '');
  let name =
    firstText(item, [
      '.entity-result__title-text a span[aria-hidden="true"]',
      '.org-people-profile-card__profile-title',
      '.artdeco-entity-lockup__title',
      'a[href*="/in/"] span[aria-hidden="true"]',
    ]) || linkLabel;
  if (!name) {
    const alt = item.querySelector('img[alt]')?.getAttribute('alt') ?? '';
    name = alt || nameFromViewLabel(textOf(item.querySelector('.visually-hidden'))) || textOf(link);
  }
  name = cleanPersonName(name.replace(/\s*View\s+.+?[’']s?\s+profile\s*$/i, ''));
  if (!plausibleName(name)) return null;

  let headline = firstText(item, ['.entity-result__primary-subtitle', '.artdeco-entity-lockup__subtitle', '[class*="primary-subtitle"]']);
  let location = firstText(item, ['.entity-result__secondary-subtitle', '[class*="secondary-subtitle"]', '.artdeco-entity-lockup__caption']);
  if (!headline) {
    // Class names gone: without the profile links (the name), buttons and screen-reader text,
    // the item's lines are the headline, then the location.
    const rest = item.cloneNode(true) as Element;
    rest.querySelectorAll('a[href*="/in/"], button, .visually-hidden, .a11y-text').forEach((el) => el.remove());
    const lines = visibleText(rest, 5000)
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && l !== name && !DEGREE.test(l) && !ACTION.test(l) && !VIEW_PROFILE.test(l) && !/mutual connection|^current:/i.test(l));
    headline = lines[0] ?? '';
    if (!location && lines[1] && looksLikeLocation(lines[1])) location = lines[1];
  }
  const job = splitHeadline(headline);
  const b = new ProspectBuilder(url.href).set('name', name, 'site');
  b.addUrl(profile.url, 'site');
  setJob(b, job.title, job.company || pageCompany);
  b.set('location', location, 'site');
  return b.build();
}

/** Every person listed in the page's main content: one per list item holding a link to a /in/ profile. */
function readPeopleList(doc: Document, url: URL, pageCompany: string): Prospect[] | null {
  const main = doc.querySelector('main') ?? doc.body;
  if (!main) return null;
  const seen = new Set<Element>();
  const out: Prospect[] = [];
  const keys = new Set<string>();
  for (const link of Array.from(main.querySelectorAll('a[href*="/in/"]'))) {
    if (inChrome(link)) continue;
    const item = listItemOf(link, main);
    if (!item || seen.has(item)) continue;
    seen.add(item);
    const p = readListItem(item, link, url, pageCompany);
    if (p && !keys.has(p.profiles.linkedin)) {
      keys.add(p.profiles.linkedin);
      out.push(p);
    }
  }
  return out;
}

/** The company whose People tab this is. */
function companyName(doc: Document): string {
  return (
    firstText(doc, ['.org-top-card-summary__title', '.org-top-card h1', 'main h1']) ||
    (/^(.+?)(?::\s*People)?\s*\|\s*LinkedIn$/.exec(metaContent(doc, 'og:title') || textOf(doc.querySelector('title')))?.[1] ?? '')
  ).trim();
}

const notAside = (el: Element) => !el.closest('aside');

/** A Sales Navigator lead page: its data-anonymize fields, outside the relationship sidebar. */
function readSalesLead(doc: Document, url: URL, ctx: SiteContext): Prospect[] | null {
  const field = (key: string) => firstText(doc, [`h1[data-anonymize="${key}"]`, `[data-anonymize="${key}"]`], notAside);
  const name = cleanPersonName(field('person-name'));
  if (!plausibleName(name)) return null;
  const b = builder(url).set('name', name, 'site');
  const headline = splitHeadline(field('headline'));
  setJob(b, field('job-title') || field('title') || headline.title, field('company-name') || headline.company);
  b.set('location', field('location'), 'site');
  for (const el of Array.from(doc.querySelectorAll('[data-anonymize="email"], a[href^="mailto:"]')).filter(notAside)) {
    b.addEmail(el.getAttribute('href') ?? textOf(el), 'site');
  }
  for (const el of Array.from(doc.querySelectorAll('[data-anonymize="phone"], a[href^="tel:"]')).filter(notAside)) {
    const n = normalizePhone(el.getAttribute('href')?.replace(/^tel:/i, '') ?? textOf(el), ctx.country);
    if (n) b.addPhone(n, 'site', ctx.country, true);
  }
  const profile = Array.from(doc.querySelectorAll('a[href*="linkedin.com/in/"]')).filter(notAside)[0];
  if (profile) b.addUrl(profile.getAttribute('href') ?? '', 'site');
  return [b.build()];
}

/** A Sales Navigator search result or lead list: one person per item holding a person-name. */
function readSalesList(doc: Document, url: URL): Prospect[] | null {
  const main = doc.querySelector('main') ?? doc.body;
  if (!main) return null;
  const out: Prospect[] = [];
  const seen = new Set<Element>();
  for (const nameEl of Array.from(main.querySelectorAll('[data-anonymize="person-name"]'))) {
    const item = nameEl.closest('li, tr') ?? listItemOf(nameEl, main);
    if (!item || seen.has(item)) continue;
    seen.add(item);
    const name = cleanPersonName(textOf(nameEl));
    if (!name) continue;
    const f = (key: string) => firstText(item, [`[data-anonymize="${key}"]`]);
    const b = new ProspectBuilder(url.href).set('name', name, 'site');
    const headline = splitHeadline(f('headline'));
    setJob(b, f('title') || f('job-title') || headline.title, f('company-name') || headline.company);
    b.set('location', f('location'), 'site');
    out.push(b.build());
  }
  return out;
}

/** LinkedIn: profiles, people search, a company's People tab, Sales Navigator leads and lists. */
export const linkedinAdapter: SiteAdapter = {
  id: 'linkedin',
  matches: (url) => kindOf(url) !== null,
  testUrls: [
    'https://www.linkedin.com/in/marta-kowalczyk-4b1a27/',
    'https://linkedin.com/in/jonas-ebner-automation?miniProfileUrn=urn%3Ali%3Afs_miniProfile',
    'https://de.linkedin.com/in/sabine-brandt',
    'https://www.linkedin.com/in/marta-kowalczyk-4b1a27/overlay/contact-info/',
    'https://www.linkedin.com/search/results/people/?keywords=warehouse%20automation',
    'https://www.linkedin.com/company/tessellate-health/people/',
    'https://www.linkedin.com/school/westbrook-university/people/?keywords=chemistry',
    'https://www.linkedin.com/sales/lead/ACwAAB3xYQBk2vXcE,NAME_SEARCH,Qp3t',
    'https://www.linkedin.com/sales/search/people?query=(keywords%3Atreasury)',
  ],
  extract(doc, url, ctx) {
    switch (kindOf(url)) {
      case 'profile':
        return readProfile(doc, url, ctx);
      case 'search':
        return readPeopleList(doc, url, '');
      case 'company-people':
        return readPeopleList(doc, url, companyName(doc));
      case 'sales-lead':
        return readSalesLead(doc, url, ctx);
      case 'sales-list':
        return readSalesList(doc, url);
      default:
        return null;
    }
  },
};
