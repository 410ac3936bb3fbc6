// extractProspects(doc, url): combines every extractor into the people (and the organization) of one page.
import type { CountryCode } from 'libphonenumber-js';
import { getCountries } from 'libphonenumber-js';
import { classifyProfileUrl, findEmailsInText, findObfuscatedEmails, foldNameWord } from '../leads/normalize';
import { JOB_WORDS, parseJobLine, readContacts } from './contacts';
import { countryOfUrl } from './country';
import { findPersonBlocks, findSingleBlocks, personNameOf, type PersonBlock } from './cards';
import { findBylines, findLabelledPeople, type LabelledPerson } from './labelled-people';
import { findProsePeople } from './prose-people';
import { findSignaturePeople } from './signature';
import { readJsonLdBlocks } from './json-ld';
import { isObject, typesOf, type Json } from './schema-org';
import { extractWithSiteAdapter } from './sites/index';
import { dropConsumedContacts, extractStructured, giveProfileLinksToSubject } from './structured';
import { LIMITS, type Organization, type Prospect } from '../leads/schema';
import { identityKeys, mergeProspects } from '../leads/merge';
import { domainLabel, isPlatformHost } from '../leads/hosts';
import { isPersonName } from './names';
import { OrgCollector } from './organization';
import { internationalCountries, scanPhones } from './phone-scan';
import { ProspectBuilder } from './prospect-builder';
import { isLocationLine, labelledLocation } from './location';
import { giveNameSpelledContacts } from './name-spelled';
import { cleanText, visibleText } from './visible-text';

/** Options of {@link extractProspects}. */
export interface ExtractOptions {
  /** The user's default country for national phone numbers, used when the page does not tell its own. */
  defaultCountry?: CountryCode;
  /** The page's country as {@link guessCountry} told it, when the caller has asked already (the popup does, to load its phone metadata first). */
  country?: CountryCode;
}

/** What extraction found on one page. */
export interface Extraction {
  prospects: Prospect[];
  /** The organization behind the page, with the contacts that belong to no person on it. */
  organizations: Organization[];
  /** Problems that did not stop extraction, e.g. a malformed JSON-LD block. */
  warnings: string[];
}

const COUNTRIES = new Set<string>(getCountries());
// The country of a language that is mostly spoken in one ("ja" → JP); English, Spanish, Portuguese, Arabic… are not.
const LANG_COUNTRY: Record<string, string> = {
  fr: 'FR', de: 'DE', ja: 'JP', it: 'IT', nl: 'NL', pl: 'PL', sv: 'SE', da: 'DK', nb: 'NO', nn: 'NO', no: 'NO', fi: 'FI',
  cs: 'CZ', sk: 'SK', hu: 'HU', ro: 'RO', bg: 'BG', el: 'GR', tr: 'TR', ko: 'KR', he: 'IL', uk: 'UA', et: 'EE', lv: 'LV',
  lt: 'LT', sl: 'SI', hr: 'HR', is: 'IS', th: 'TH', vi: 'VN', id: 'ID',
};
const ADDRESS_COUNTRIES: Array<[RegExp, CountryCode]> = [
  [/\b(?:germany|deutschland)\b/i, 'DE'], [/\bfrance\b/i, 'FR'], [/\bjapan\b|日本/i, 'JP'],
  [/\b(?:united kingdom|england|scotland|wales)\b/i, 'GB'], [/\b(?:switzerland|schweiz|suisse|svizzera)\b/i, 'CH'],
  [/\b(?:austria|österreich)\b/i, 'AT'], [/\b(?:netherlands|nederland)\b/i, 'NL'], [/\b(?:spain|españa)\b/i, 'ES'],
  [/\b(?:italy|italia)\b/i, 'IT'], [/\bcanada\b/i, 'CA'], [/\baustralia\b/i, 'AU'], [/\b(?:belgium|belgique|belgië)\b/i, 'BE'],
  [/\b(?:ireland)\b/i, 'IE'], [/\b(?:sweden|sverige)\b/i, 'SE'], [/\b(?:usa|united states)\b/i, 'US'], [/\bindia\b/i, 'IN'],
];

/**
 * Country for national phone numbers on this page: the `lang` region
 * (`en-GB` → GB) or a one-country language (`fr` → FR), the country named
 * in the page's address block, its country-code TLD, the country code most
 * of its international numbers carry; only then the user's default, else US.
 */
export function guessCountry(doc: Document, url: string, userDefault?: CountryCode): CountryCode {
  const lang = (doc.documentElement.getAttribute('lang') ?? '').trim();
  const region = /^[a-z]{2,3}[-_]([a-z]{2})\b/i.exec(lang)?.[1]?.toUpperCase();
  if (region && COUNTRIES.has(region)) return region as CountryCode;
  const language = /^([a-z]{2,3})\b/i.exec(lang)?.[1]?.toLowerCase() ?? '';
  if (LANG_COUNTRY[language]) return LANG_COUNTRY[language] as CountryCode;
  const address = [...doc.querySelectorAll('address, [itemprop="address"], .adr, .address, [class*="address" i]')]
    .slice(0, 10)
    .map((el) => cleanText(el, 500))
    .join('\n');
  const named = ADDRESS_COUNTRIES.find(([re]) => re.test(address));
  if (named) return named[1];
  const byTld = countryOfUrl(url);
  if (byTld) return byTld;
  const written = doc.body ? internationalCountries(visibleText(doc.body, 200_000)) : [];
  if (written.length === 1) return written[0]!;
  return userDefault ?? 'US';
}

function meta(doc: Document, key: string): string {
  const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  return (el?.getAttribute('content') ?? '').trim();
}

const EVENT = /\b(?:conference(?!\s+(?:center|centre|hotel|room|facilities))|conf|summit|festival|meetup|expo|forum|symposium|hackathon|congress|kongress|convention|days|tagung|salon|webinar)\b|(?<![-#/\w])20\d\d(?![-/\w])/i;

const ORG_WORD =
  /\b(?:group|trust|partners|associates|solicitors|attorneys|law|dental|clinic|hospital|hotels?|resorts?|hospitality|restaurants?|health|bank|insurance|software|systems|labs?|studios?|agency|foundation|institute|university|college|school|realty|capital|holdings|ventures|consulting|media|company|co|corp|corporation|inc|ltd|llc|llp|gmbh|ag|sa|sas|plc|technologies|solutions|services|logistics|freight|robotics|payments|retail|travel|council|association|society|network|press)\b/i;

// A town after a name: ", Savannah GA", ", Milwaukee, WI".
const TRAILING_PLACE = /,\s*[\p{Lu}][\p{L}.'’ -]{1,30}(?:,?\s+[A-Z]{2})?$/u;

/** Whether every word of a phrase is capitalised, small joining words aside: a name, not an episode's or a post's title. */
function isNameCased(s: string): boolean {
  return s.split(/\s+/).every((w) => /^[\p{Lu}\d&]/u.test(w) || /^(?:of|the|and|for|de|du|des|la|le|y|et|und|&)$/i.test(w));
}

/** An organization's name without the town written after it, when what is left still reads as an organization. */
function withoutPlace(name: string): string {
  const cut = name.replace(TRAILING_PLACE, '');
  return cut !== name && ORG_WORD.test(cut) ? cut : name;
}

/** A document title cut at its separators ("Name – Partner | Firm", "会社｜採用"), parts trimmed, empty ones left out. */
function titleParts(title: string): string[] {
  return title.split(/\s+[|–—·:-]\s+|\s*[｜|]\s*/).map((p) => p.trim()).filter(Boolean);
}

/** The organization a page belongs to: og:site_name, application-name, or the last part of the title. */
export function orgName(doc: Document, url: string): string {
  const site = meta(doc, 'og:site_name') || meta(doc, 'application-name');
  if (site) return site;
  const title = cleanText(doc.querySelector('title'), 300);
  const parts = titleParts(title);
  // The part of the title that spells the domain ("Atelier Morvan" on ateliermorvan.com) is the organization's name.
  const label = hostLabel(url);
  const spelled = label.length >= 4 ? parts.find((p) => p.length <= 60 && spellsHost(p, label)) : undefined;
  if (spelled) return withoutPlace(spelled);
  // Or its first words do, with the trade after them ("Fenwick Hale Recruitment" on fenwickhale.co.uk).
  const led = label.length >= 4 ? parts.find((p) => p.length <= 60 && startsWithHost(p, label)) : undefined;
  if (led) return withoutPlace(led);
  // A legal name in the title ("Brennan, Okafor & Vale LLP – Certified Public Accountants") beats a tagline after it.
  // Registers write the legal name in capitals before what the page shows of it ("ACME KILNS LTD officers"): the name ends at its legal form.
  const legalPart = parts.find((p) => p.length <= 60 && LEGAL_SUFFIX.test(p));
  if (legalPart) return LEGAL_END.exec(legalPart)?.[1] ?? legalPart;
  // A later part that reads as an organization ("Our Providers | Lakeshore Heart & Vascular Clinic – Milwaukee
  // Cardiologists"), without the town written after it ("The Larkspur Hotel & Conference Center, Savannah GA").
  const orgPart = parts.slice(1).find((p) => {
    const core = p.replace(TRAILING_PLACE, '');
    return p.length <= 80 && isNameCased(core) && ORG_WORD.test(core) && !JOB_WORDS.test(core) && !EVENT.test(p);
  });
  if (orgPart) return withoutPlace(orgPart);
  const last = parts.length > 1 ? parts.at(-1)! : '';
  // "Harbourside Dental Group" looks like a name by its shape; an organization word says otherwise.
  if (last && last.length <= 60 && (!isPersonName(last) || ORG_WORD.test(last))) return last;
  const legal = legalName(doc);
  if (legal) return legal;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * The legal name a page writes on a line of its own ("© 2026 Acme Ltd",
 * "Kontor Messen Berlin GmbH" in an imprint): a copyright line names the
 * organization after its year; a line with a job or a list separator is
 * someone's affiliation, not the site's.
 */
function legalName(doc: Document): string {
  return legalNameIn(doc.body ? visibleText(doc.body, 100_000) : '');
}

/** The first legal name written on a line of its own in `text` (see {@link legalName}). */
function legalNameIn(text: string): string {
  for (const m of text.matchAll(/(?:^|\n)([^\n]{2,60}?\s(?:GmbH(?: & Co\. KG)?|UG(?: \(haftungsbeschränkt\))?|AB|ASA|AS|A\/S|ApS|Oyj?|N\.V\.|S\.r\.l\.|Srl|S\.p\.A\.|SpA|S\.L\.U?\.?|Lda\.?|Ltda\.?|AG|KG|e\.V\.|SARL|SAS|S\.A\.|Ltd\.?|LLC|LLP|Inc\.?|B\.V\.|plc))(?=\s*(?:\n|$))|株式会社[^\n]{1,30}|[^\n]{1,30}株式会社/g)) {
    const legal = (m[1] ?? m[0]).replace(/^(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*/i, '').trim();
    if (legal && !/[·•|,]/.test(legal) && !JOB_WORDS.test(legal)) return legal;
  }
  return '';
}

// Legal forms after a company's name: German, French, British, American, Dutch, Nordic (AB, AS, A/S, ApS, Oy), Italian,
// Spanish, Portuguese and Brazilian (S.r.l., S.L., Lda., Ltda.), Polish, Australian, Japanese.
const LEGAL_FORMS = String.raw`GmbH|AG|KG|e\.V\.|SARL|SAS|S\.A\.|Ltd\.?|LTD|LIMITED|Limited|PLC|LLC|LLP|Inc\.?|B\.V\.|N\.V\.|plc|Pty Ltd|AB|ASA|AS|A\/S|ApS|Oyj?|S\.r\.l\.|Srl|S\.p\.A\.|SpA|S\.L\.U?\.?|Lda\.?|Ltda\.?|Sp\. z o\.o\.|S\.C\.|株式会社`;
const LEGAL_SUFFIX = new RegExp(String.raw`(?:^|\s)(?:${LEGAL_FORMS})(?=[\s,]|$)`);
const LEGAL_END = new RegExp(String.raw`^(\S.*?\s(?:${LEGAL_FORMS}))\s+\p{Ll}+$`, 'u');

/**
 * The employer of the one person a company site's page is about ("James
 * Whitcombe – Partner | Fenwick Hale Solicitors"): a site name or title part
 * that reads as an organization, else the legal name of a copyright line.
 * Nothing on platforms (their name is nobody's employer) and nothing that is
 * the person's own name or a job: a personal site names no employer.
 */
function employerOfPage(doc: Document, url: string, person: string): string {
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    return '';
  }
  if (isPlatformHost(host)) return '';
  const own = (s: string) => !!person && s.toLowerCase().includes(person.toLowerCase());
  const organizational = (s: string) => s.length >= 2 && s.length <= 60 && !own(s) && (ORG_WORD.test(s) || LEGAL_SUFFIX.test(s)) && !EVENT.test(s);
  const site = meta(doc, 'og:site_name') || meta(doc, 'application-name');
  if (organizational(site)) return site;
  const title = meta(doc, 'og:title') || cleanText(doc.querySelector('title'), 300);
  const parts = titleParts(title).slice(1);
  const part = parts.find((p) => organizational(p) && !JOB_WORDS.test(p));
  if (part) return part;
  const legal = orgName(doc, url);
  return LEGAL_SUFFIX.test(legal) && !own(legal) && legal.length <= 60 ? legal : '';
}

/** The registrable label of a URL's host: "ateliermorvan" for www.ateliermorvan.com, "fenwickhale" for fenwickhale.co.uk. */
function hostLabel(url: string): string {
  try {
    return domainLabel(new URL(url).hostname);
  } catch {
    return '';
  }
}

/** Whether a name written with spaces and accents spells a host label ("Atelier Morvan" / ateliermorvan, "Lb Maschinenbau" / lb-maschinenbau). */
function spellsHost(name: string, label: string): boolean {
  const fold = (s: string) => foldNameWord(s.replace(/&/g, 'and'));
  const l = fold(label);
  // "Bayview & Pine" is bayviewpine.com and "Smith and Jones" may be smithandjones.com.
  return [fold(name.replace(/&/g, ' ')), fold(name)].some(
    (n) => n.length >= 4 && (n === l || (l.startsWith(n) && n.length >= l.length * 0.6) || (n.startsWith(l) && l.length >= n.length * 0.6)),
  );
}

/**
 * Whether the first words of a name spell a host label and more words
 * follow: "Casa Jacaranda Bienes Raíces" on casajacaranda.mx. The words
 * after are the trade, part of the organization's name.
 */
function startsWithHost(name: string, label: string): boolean {
  const l = foldNameWord(label);
  const words = name.split(/\s+/);
  if (l.length < 4 || words.length < 2) return false;
  for (let k = 1; k < words.length; k++) if (foldNameWord(words.slice(0, k).join('')) === l) return true;
  return false;
}

/** The company of people listed on a page: its organization, unless the page is a platform's or an event's. */
function listedCompany(doc: Document, url: string): string {
  let host = '';
  let path = '';
  try {
    ({ hostname: host, pathname: path } = new URL(url));
  } catch {
    return '';
  }
  if (isPlatformHost(host)) return '';
  const site = meta(doc, 'og:site_name') || meta(doc, 'application-name');
  const title = cleanText(doc.querySelector('title'), 300);
  const h1 = cleanText(doc.querySelector('h1'), 300);
  if (EVENT.test(`${site} ${title} ${h1}`) || /(?:^|[/_-])(?:speakers?|events?|agenda|program(?:me)?s?|sessions?|schedule)(?:[/_.-]|$)/i.test(path) && !/(?:meetings?|weddings?|venue)-events?/i.test(path)) return '';
  // A marketplace's shop page (/shop/HollinsLoomworks, titled with the shop's name) lists the shop's people: the shop is their company.
  const shop = /\/shop\/([^/]+)/.exec(path)?.[1];
  if (shop && title.includes(shop)) return shop;
  const name = orgName(doc, url);
  return name.includes('.') && !/\s/.test(name) ? '' : name;
}

/** The employer a job posting names (JSON-LD `JobPosting.hiringOrganization`): job boards host other companies' postings. */
function postingEmployer(doc: Document): string {
  const stack: Json[] = [...readJsonLdBlocks(doc).roots];
  for (let i = 0; i < stack.length && i < 500; i++) {
    const node = stack[i];
    if (Array.isArray(node)) stack.push(...node);
    else if (isObject(node)) {
      if (typesOf(node).includes('JobPosting')) {
        const org = node.hiringOrganization;
        const name = isObject(org) ? org.name : typeof org === 'string' ? org : '';
        if (typeof name === 'string' && name.trim()) return name.trim();
      }
      if (Array.isArray(node['@graph'])) stack.push(...node['@graph']);
    }
  }
  return '';
}

/** Site chrome: navigation everywhere, and headers and footers outside the article (which may hold an author's contacts). */
function isChrome(el: Element, h1: Element | null): boolean {
  if (el.matches('nav, [role="navigation"]')) return true;
  const footerLike =
    el.matches('footer, header, [role="contentinfo"], [role="banner"]') ||
    /(?:^|\s)(?:site-?footer|global-?footer|page-?footer|footer|site-?header|copyright)(?:\s|$)/i.test(el.getAttribute('class') ?? '') ||
    /^(?:footer|site-footer|colophon)$/i.test(el.id);
  if (!footerLike) return false;
  if (h1 && el.contains(h1)) return false;
  return !el.parentElement?.closest('article, main, [role="main"]');
}

/** The line under the person's name that usually says "Title at Company". */
function findJobLine(doc: Document, h1: Element | null): string {
  const near: Array<Element | null | undefined> = [doc.querySelector('[itemprop="jobTitle"]')];
  if (h1) {
    // Job-line classes are only looked for around the name: elsewhere "title" marks post and card titles.
    for (let box = h1.parentElement, i = 0; box && i < 3 && box.tagName !== 'BODY'; box = box.parentElement, i++) {
      near.push(...[...box.querySelectorAll('[class]')].filter((e) => e !== h1 && !e.contains(h1) && /(?:^|[-_\s])(?:job-?title|jobtitle|headline|position|role|occupation|designation|subtitle|tagline)(?:$|\s)/i.test(e.getAttribute('class') ?? '')).slice(0, 5));
    }
    // The job line under the name, or an eyebrow above it ("<p class="eyebrow">Partner</p><h1>…").
    const eyebrow = h1.previousElementSibling;
    near.push(h1.nextElementSibling, h1.parentElement?.nextElementSibling, eyebrow && !eyebrow.querySelector('a, nav, button') && cleanText(eyebrow, 80).length <= 60 ? eyebrow : null);
  }
  for (const el of near) {
    const t = cleanText(el, 400);
    if (t && t.length <= 160 && JOB_WORDS.test(t) && !/^(?:by|von|par)\s/i.test(t) && !/\b(?:19|20)\d\d\b/.test(t)) return t;
  }
  return '';
}

/** "… designer based in Lisbon, Portugal." written near the person's name. */
function basedIn(h1: Element | null): string {
  for (let box = h1?.parentElement, i = 0; box && i < 3 && box.tagName !== 'BODY'; box = box.parentElement, i++) {
    const text = visibleText(box, 3000);
    const m = /\b(?:(?:based|located|living|lives) in|(?:writing|working) from)\s+([\p{Lu}][\p{L}.'’ -]{1,40}(?:,\s*[\p{Lu}][\p{L}.'’ -]{1,40}){0,2})/u.exec(text);
    if (m) return m[1]!.trim().replace(/[.]+$/, '');
    if (text.length >= 3000) break;
  }
  return '';
}

/** A place line close under the person's name ("Austin, TX" after the job line), within a small box around the heading. */
function locationNear(h1: Element | null): string {
  if (!h1) return '';
  for (let box = h1.parentElement, i = 0; box && i < 3 && box.tagName !== 'BODY'; box = box.parentElement, i++) {
    const el = [...box.querySelectorAll('[class]')].find((e) => /(?:^|[-_\s])(?:location|locality|city)(?:$|\s)/i.test(e.getAttribute('class') ?? ''));
    const marked = cleanText(el, 120);
    if (marked && marked.length <= 100 && !/@|\d{5,}/.test(marked)) return marked;
    // Firms link each person to their offices: the first office listed is where they sit.
    const office = cleanText([...box.querySelectorAll('a[href]')].find((a) => /\/(?:offices?|locations?|standorte?|bureaux|oficinas)\/[^/?#]+/i.test(a.getAttribute('href') ?? '')), 80);
    if (office && office.length <= 60 && !/\d/.test(office)) return office;
    const text = visibleText(box, 800);
    if (text.length >= 800) break;
    const line = text.split('\n').slice(0, 8).find((l) => isLocationLine(l) && !l.includes(cleanText(h1, 200)));
    if (line) return line;
  }
  return '';
}

/**
 * Reads the signals of a page about one person: the URL, meta tags, the
 * main heading, the job line under it, mailto/tel links, Cloudflare-protected
 * and obfuscated emails, phone numbers and profile links in visible text,
 * except in `skip`ped elements (site chrome, other people's cards). Fax,
 * switchboard and role addresses go to `org`.
 */
export function extractPageSignals(
  doc: Document,
  url: string,
  country: CountryCode,
  org?: OrgCollector,
  skip?: (el: Element) => boolean,
): ProspectBuilder {
  const b = new ProspectBuilder(url);
  if (classifyProfileUrl(url)) b.addUrl(url, 'link');

  const h1 = doc.querySelector('h1');
  const h1Name = personNameOf(h1);
  b.set('firstName', meta(doc, 'profile:first_name'), 'meta').set('lastName', meta(doc, 'profile:last_name'), 'meta');
  if (h1Name) b.set('name', h1Name, 'heading');
  const docTitle = meta(doc, 'og:title') || cleanText(doc.querySelector('title'));
  const docTitleParts = docTitle.split(/\s+[|–—-]\s+/).map((s) => s.trim());
  if (docTitleParts[0] && isPersonName(docTitleParts[0])) {
    b.set('name', docTitleParts[0], 'meta');
    if (docTitleParts.length >= 3) {
      const job = parseJobLine(docTitleParts[1] ?? '');
      b.set('title', job.title, 'meta').set('company', job.company, 'meta');
    }
  }
  const author = meta(doc, 'author');
  if (isPersonName(author)) b.set('name', author, 'meta', 'low');
  const job = parseJobLine(findJobLine(doc, h1));
  b.set('title', job.title, 'heading').set('company', job.company, 'heading');
  const place = doc.body ? labelledLocation(doc.body, skip) || (h1Name ? locationNear(h1) || basedIn(h1) : '') : '';
  if (place && !(b.p.name && place.includes(b.p.name))) b.set('location', place, 'text', 'medium');
  if (!b.p.company) b.set('company', employerOfPage(doc, url, b.p.name), 'meta', 'low');

  // On a person's own site (inescarvalho.design for Inês Carvalho) hello@ is theirs, not a company's desk.
  const ownSite = !!b.p.name && spellsHost(b.p.name, hostLabel(url));
  // Their own site is their website; rel="me" links to Dribbble or Medium are profiles beside it.
  if (ownSite && !b.p.website) b.addUrl(new URL('/', url).href, 'meta', true);
  readContacts(b, doc, url, country, { org, skip, roleEmailsToOrg: !ownSite });
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
 * Finds the people on a page, and the organization behind it. Structured
 * data (JSON-LD, microdata, h-card) is trusted first; a page about one
 * person (one structured person, or a person's name as main heading) is
 * completed with the page's own links and text, leaving out site chrome
 * and other people's cards; otherwise every person block (cards, table
 * rows, lists, bylines, "Media contact:" blocks, imprint lines) is one
 * prospect with the contacts inside it. Contacts in no person's block,
 * fax and switchboard numbers and role addresses go to the organization.
 * Pure: takes the document and its URL, never touches storage or network.
 */
export function extractProspects(doc: Document, url: string, options: ExtractOptions = {}): Extraction {
  const country = options.country ?? guessCountry(doc, url, options.defaultCountry);
  // A known site (LinkedIn, GitHub, X) is read by its adapter; the generic extractors are the fallback.
  const site = extractWithSiteAdapter(doc, url, { country });
  const found = site.prospects ? { prospects: site.prospects, organizations: [], warnings: [] } : findProspects(doc, url, country);
  const { prospects, organizations } = found;
  const warnings = [...site.warnings, ...found.warnings];
  if (prospects.length <= LIMITS.prospectsPerPage) return { prospects, organizations, warnings };
  return {
    prospects: prospects.slice(0, LIMITS.prospectsPerPage),
    organizations,
    warnings: [...warnings, `This page lists more than ${LIMITS.prospectsPerPage} people; showing the first ${LIMITS.prospectsPerPage}.`],
  };
}

// Honorifics and middle initials: "Dr. Samuel Okonkwo" and "Samuel Okonkwo", "Rebecca A. Stein" and "Rebecca Stein" are one person.
const HONORIFIC = /^(?:dr|mr|mrs|ms|miss|mx|prof|sir|dame|ing|dott|dipl)\.?$/i;

/** Whether two written names are the same person's, honorifics and middle initials aside. */
function sameName(a: string, b: string): boolean {
  const key = (s: string) =>
    s.toLowerCase().split(/\s+/).filter((w) => !HONORIFIC.test(w) && !/^\p{L}\.?$/u.test(w)).join(' ');
  return key(a) === key(b);
}

/** Whether a block links an address spelled with the person's family name (k.vogel@ for Katrin Vogel): theirs, not a desk's. */
function mailsName(el: Element, name: string): boolean {
  const fold = (t: string) => foldNameWord(t).replace(/[^a-z]/g, '');
  const family = fold(name.split(/\s+/).at(-1) ?? '');
  if (family.length < 3) return false;
  return [...el.querySelectorAll('a[href^="mailto:" i]')].slice(0, 5).some((a) => fold((a.getAttribute('href') ?? '').slice(7).split('@')[0] ?? '').includes(family));
}

/** The blocks whose person is not already in `known`, and each person once. */
function unnamed<T extends { name: string }>(blocks: T[], known: Array<{ name: string }>): T[] {
  const out: T[] = [];
  for (const b of blocks) if (b.name && ![...known, ...out].some((k) => sameName(k.name, b.name))) out.push(b);
  return out;
}

/** The blocks, each named as in `known` when it is a person already there, so records of one person merge. */
function alignNames<T extends { name: string }>(blocks: T[], known: Array<{ name: string }>): T[] {
  return blocks.map((b) => {
    const same = known.find((k) => sameName(k.name, b.name));
    return same ? { ...b, name: same.name } : b;
  });
}

/**
 * A person whose title is known but not their company: the page's text may
 * write the same title with it ("Senior Customer Marketing Manager at
 * Tallyforge." in an author box).
 */
function withCompanyFromText(p: Prospect, doc: Document): Prospect {
  if (p.company || !p.title || p.title.length > 80 || !doc.body) return p;
  const title = p.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`${title}\\s+(?:at|@)\\s+([\\p{Lu}][\\p{L}\\d&'’-]*(?:\\s+[\\p{Lu}&][\\p{L}\\d&'’.-]*){0,4})`, 'u').exec(visibleText(doc.body, 200_000));
  if (!m) return p;
  return { ...p, company: m[1]!.replace(/[.,]+$/, ''), provenance: { ...p.provenance, company: 'text' }, confidence: { ...p.confidence, company: 'low' } };
}

/** Whether a name reads as an organization's: an organization word, a legal form, or a company's suffix. */
function organizationShaped(s: string): boolean {
  return ORG_WORD.test(s) || LEGAL_SUFFIX.test(s);
}

/**
 * On the page of an organization, a card's second part after a dash, bar
 * or dot ("Senior Consultant – HR & Talent", "Asesor Comercial · Tlajomulco
 * y Sur") is a team, region or
 * specialism of that organization unless it reads as an organization
 * itself: the job line stays whole, and the page's organization is the
 * company. "Title at Company" is never undone.
 */
function withinPageOrganization(block: PersonBlock, company: string): PersonBlock {
  if (!company || !block.company || !block.title || organizationShaped(block.company)) return block;
  if (company.toLowerCase().includes(block.company.toLowerCase())) return block;
  const esc = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const text = (block as LabelledPerson).text || block.elements.map((el) => visibleText(el, 3000)).join('\n');
  // After a comma a short capitalised name is a company ("Developer Advocate, Corvid Cloud"); teams after one are told by their words.
  // More regions or remits after the team's comma stay in the title ("Sales Rep – Germany, Austria").
  const m = new RegExp(`${esc(block.title)}\\s*(?:[|·•–—]|\\s-)\\s*${esc(block.company)}(?:,[^\\n|·•@]*)?`).exec(text);
  return m ? { ...block, title: m[0].replace(/\s+/g, ' '), company: '' } : block;
}

/**
 * The blocks of a page of `company`, their teams kept in their titles
 * (see {@link withinPageOrganization}); unless some block's second part
 * reads as an organization ("Community Manager, Lattice Data Foundation"):
 * then the page lists affiliations, and the parts beside it are companies too.
 */
function teamsInTitles<T extends PersonBlock>(blocks: T[], company: string): T[] {
  if (!company || blocks.some((b) => b.company && organizationShaped(b.company))) return blocks;
  return blocks.map((b) => withinPageOrganization(b, company) as T);
}

/**
 * The legal name written next to where a person is named (the imprint
 * column holding "Managing Directors: …" and the company's name), looking
 * a few levels up from the element that names them.
 */
function legalNameNear(doc: Document, name: string): string {
  const at = [...(doc.body?.querySelectorAll('p, div, li, td, dd, span') ?? [])]
    .slice(0, 20_000)
    .find((el) => el.childElementCount === 0 && (el.textContent ?? '').includes(name));
  for (let box = at?.parentElement, i = 0; box && i < 3 && box.tagName !== 'BODY'; box = box.parentElement, i++) {
    const legal = legalNameIn(visibleText(box, 3000));
    if (legal) return legal;
  }
  return '';
}

// Titles an imprint's representative label gives (labelled-people.ts): a legal entity's representatives.
const REPRESENTATIVE_TITLE = /^(?:Geschäftsführer|Managing Director|Vorstand|Inhaber|Gérant|Président|Directeur de|Directrice de|代表)/i;

const INDEPENDENT = /^(?:independent|freelance|self-employed|indépendante?|freiberufliche?r?|selbst(?:st)?ändige?r?|autónomo|autónoma)\b/i;

/**
 * The place a page about one person says they are in, in the first person
 * ("I'm now writing from Lisbon", "I am based in Leeds"), as About pages
 * write it; where they come from ("originally from Valencia") is not it.
 */
function withLocationFromText(p: Prospect, doc: Document): Prospect {
  if (p.location || !doc.body) return p;
  const m = /\bI(?:'m|’m| am)\b[^.\n]{0,80}?\b(?:based|located|living|writing|working) (?:in|from)\s+([\p{Lu}][\p{L}'’-]+(?:\s[\p{Lu}][\p{L}'’-]+){0,2}(?:,\s*[\p{Lu}][\p{L}'’-]+(?:\s[\p{Lu}][\p{L}'’-]+){0,2})?)/u.exec(visibleText(doc.body, 200_000));
  if (!m) return p;
  return { ...p, location: m[1]!, provenance: { ...p.provenance, location: 'text' }, confidence: { ...p.confidence, location: 'low' } };
}

/** A prospect from a person block, with the contacts inside the block. */
function blockProspect(block: PersonBlock, url: string, country: CountryCode, company: string, skip: (el: Element) => boolean): ProspectBuilder {
  const b = new ProspectBuilder(url);
  b.set('name', block.name, block.kind === 'label' ? 'text' : 'heading', 'medium');
  b.set('title', block.title, 'text', block.kind === 'table' || block.kind === 'label' ? 'medium' : 'low');
  b.set('company', block.company, 'text', 'low');
  b.set('location', block.location, 'text', 'low');
  // "Independent pricing consultant", "Freelance designer": nobody's employee, whatever site lists them.
  if (!INDEPENDENT.test(block.title)) b.set('company', company, 'meta', 'low');
  for (const el of block.elements) readContacts(b, el, url, country, { skip });
  const text = (block as LabelledPerson).text;
  if (text) {
    findEmailsInText(text).forEach((e) => b.addEmail(e, 'text', 'medium'));
    findObfuscatedEmails(text).forEach((e) => b.addEmail(e, 'text', 'medium'));
    for (const hit of scanPhones(text, country)) if (hit.kind === 'phone') b.addPhone(hit.number, 'text', country, true, hit.labelled ? 'medium' : 'low');
    // A signature's links are written out: "GitHub: https://github.com/…", "X: @handle".
    for (const m of text.matchAll(/https?:\/\/[^\s|,;<>"]+/g)) if (classifyProfileUrl(m[0])) b.addUrl(m[0].replace(/[.)]+$/, ''), 'text');
    for (const m of text.matchAll(/\b(?:X|Twitter)\s*[:：]\s*@(\w{1,15})\b/g)) b.addUrl(`https://x.com/${m[1]}`, 'text');
  }
  return b;
}

/**
 * A number or address printed on several people's cards ("Office: (831)
 * 555-0100" on every agent) is the organization's, not any one person's.
 */
function withoutSharedContacts(prospects: Prospect[], org: OrgCollector, country: CountryCode): Prospect[] {
  if (prospects.length < 2) return prospects;
  const count = new Map<string, number>();
  for (const p of prospects) for (const v of new Set([...p.phones.map((n) => `phones:${n}`), ...p.emails.map((e) => `emails:${e}`)])) count.set(v, (count.get(v) ?? 0) + 1);
  const shared = new Set([...count].filter(([, n]) => n >= 2).map(([k]) => k));
  if (!shared.size) return prospects;
  for (const key of shared) {
    if (key.startsWith('phones:')) org.addPhone(key.slice(7), 'main', country, true);
    else org.addEmail(key.slice(7));
  }
  return prospects.map((p) => withoutContacts(p, shared));
}

/**
 * A prospect without some of its phones and emails, named by their
 * provenance keys (`phones:+1…`, `emails:a@b`), and without those keys'
 * provenance and confidence.
 */
function withoutContacts(p: Prospect, drop: Set<string>): Prospect {
  const keep = ([key]: [string, unknown]) => !drop.has(key);
  return {
    ...p,
    phones: p.phones.filter((n) => !drop.has(`phones:${n}`)),
    emails: p.emails.filter((e) => !drop.has(`emails:${e}`)),
    provenance: Object.fromEntries(Object.entries(p.provenance).filter(keep)),
    ...(p.confidence ? { confidence: Object.fromEntries(Object.entries(p.confidence).filter(keep)) } : {}),
  };
}

/**
 * A one-person page repeats the office's number in its header strip or
 * footer and again in the person's box ("Office: (858) 555-0100"): a number
 * also written outside the page's main content is the organization's.
 */
function withoutSiteNumbers(p: Prospect, doc: Document, url: string, country: CountryCode, org: OrgCollector): Prospect {
  const main = doc.querySelector('main, [role="main"], article');
  if (!main || !p.phones.length) return p;
  const outside = new ProspectBuilder(url);
  readContacts(outside, doc, url, country, { skip: (el) => el === main });
  const site = new Set(outside.p.phones);
  if (!p.phones.some((n) => site.has(n))) return p;
  const repeated = p.phones.filter((n) => site.has(n));
  repeated.forEach((n) => org.addPhone(n, 'main', country, true));
  return withoutContacts(p, new Set(repeated.map((n) => `phones:${n}`)));
}

function findProspects(doc: Document, url: string, country: CountryCode): Extraction {
  const found = extractStructured(doc, url, country);
  // A forum's post author is a handle ("dwhitaker_ops"), no one's name: the posts name the people.
  const structured = dedupe(found.people.map((p) => p.builder.build()).filter((p) => !/^[a-z\d._-]+$/.test(p.name)));
  // Structured people's own elements hold their contacts, not the organization's.
  const structuredEls = found.people.flatMap((p) => (p.el ? [p.el] : []));
  const org = new OrgCollector(url);
  org.name = orgName(doc, url);
  try {
    org.website = new URL('/', url).href;
  } catch {
    // no website for a page without a URL
  }
  const h1 = doc.querySelector('h1');
  // Found once: a per-element selector match is slow on big pages.
  const chromeSet = new Set(
    [...doc.querySelectorAll('nav, [role="navigation"], footer, header, [role="contentinfo"], [role="banner"], [class*="footer" i], [class*="header" i], [class*="copyright" i], [id]')]
      .slice(0, 5000)
      .filter((el) => isChrome(el, h1)),
  );
  const chrome = (el: Element) => chromeSet.has(el);
  let prospects: Prospect[];
  let owned: Set<Element>;
  const company = listedCompany(doc, url);
  // People named in running text with a job beside them; a job board's posting speaks for the hiring company.
  const prose = findProsePeople(doc, postingEmployer(doc) || company);

  if (structured.length > 1) {
    // On a page of several people the page-wide signals belong to nobody in particular (they are the organization's),
    // except the page's own profile links on a page about one of them.
    prospects = giveProfileLinksToSubject(doc, url, structured, found);
    // Structured data often lists only some of the people the page shows (a Corporation's first employees):
    // the cards, labelled and quoted people it leaves out are prospects too.
    // Cards count when they show every structured person (the data is a partial copy of them), not when they are something else.
    // Microdata and h-card people are the page's own markup; JSON-LD is a copy that may leave some cards out.
    const blocks = structuredEls.length ? [] : findPersonBlocks(doc, url);
    const cards = structured.every((p) => blocks.some((b) => sameName(b.name, p.name))) ? blocks : [];
    const named = [...findLabelledPeople(doc), ...prose];
    const extra = teamsInTitles(unnamed([...cards, ...named], structured), company);
    // The cards of the structured people themselves complete them: an Event's performers are names only, their cards say the rest;
    // so does an imprint's label ("die Geschäftsführer: A (Vorsitzende der Geschäftsführung)") for an Organization's founders.
    // A card completes its own person even when another person's card does not read as one (a maker's headline without a job word).
    const own = teamsInTitles(alignNames([...blocks, ...named].filter((c) => structured.some((p) => sameName(p.name, c.name))), structured), company);
    // The people it leaves out work where the ones it lists do.
    const employers = new Set(structured.map((p) => p.company));
    const employer = employers.size === 1 ? [...employers][0]! : '';
    const builders = extra.slice(0, LIMITS.prospectsPerPage).map((block) => blockProspect(block, url, country, employer || company, chrome));
    const completing = own.map((block) => blockProspect(block, url, country, '', chrome).build());
    prospects = dedupe([...prospects, ...completing, ...builders.map((b) => b.build())]);
    owned = new Set([...structuredEls, ...extra.flatMap((b) => b.elements), ...own.flatMap((b) => b.elements)]);
  } else {
    const blocks = findPersonBlocks(doc, url);
    const h1Name = personNameOf(h1);
    const lone = structured.length === 1 ? structured[0]! : null;
    // A lone structured person who is one of several cards (an Organization's founder on its team page) is one of
    // the people listed, not the subject of the page.
    const loneListed = !!lone && !found.people.some((p) => p.subject) && blocks.length >= 2 && blocks.some((b) => b.name.toLowerCase() === lone.name.toLowerCase());
    const subject = loneListed ? '' : lone?.name || (h1Name && !blocks.some((b) => b.name.toLowerCase() === h1Name.toLowerCase()) ? h1Name : '');
    if ((lone && !loneListed) || subject) {
      // A page about one person: other people's cards on it (colleagues, "people also viewed") and the people
      // its text quotes or names with their jobs are not theirs.
      const quoted = unnamed(prose, [{ name: subject }, ...blocks]);
      const others = new Set([...blocks.filter((b) => b.name.toLowerCase() !== subject.toLowerCase()), ...quoted].flatMap((b) => b.elements));
      const skip = (el: Element) => chrome(el) || others.has(el);
      const page = withoutSiteNumbers(extractPageSignals(doc, url, country, org, skip).build(), doc, url, country, org);
      prospects =
        lone
          ? [mergeProspects(lone, dropConsumedContacts(page, lone, found.consumed, country))]
          : page.name
            ? [page]
            : [];
      prospects = dedupe([...prospects.map((p) => withLocationFromText(withCompanyFromText(p, doc), doc)), ...quoted.map((block) => blockProspect(block, url, country, '', chrome).build())]);
      owned = new Set([...others, ...structuredEls]);
    } else {
      const labelled = findLabelledPeople(doc);
      labelled.push(...alignNames([...prose, ...findSignaturePeople(doc)], [...blocks, ...labelled]));
      const bylines = blocks.length ? [] : findBylines(doc);
      // A lone contact box beside the listed people (an organiser's desk next to exhibitor cards, a contact in a
      // "Show contact" dialog) is one more person, when it is inside none of their blocks.
      const listed = [...blocks, ...bylines, ...labelled];
      const listedEls = listed.flatMap((b) => b.elements);
      const singles = unnamed(
        findSingleBlocks(doc, url).filter((s) => !listed.length || ((s.title || mailsName(s.elements[0]!, s.name)) && !listedEls.some((e) => e.contains(s.elements[0]!) || s.elements[0]!.contains(e)))),
        listed,
      );
      const all = teamsInTitles([...blocks, ...bylines, ...labelled, ...singles], company);
      owned = new Set(all.flatMap((b) => b.elements));
      // Only what can be shown is built; one more tells the caller the page had more.
      // Those an imprint names as its representatives ("Geschäftsführer:", "Managing Directors:") run the legal entity it names,
      // even on an event's or a brand's page.
      const represented = (name: string) => legalNameNear(doc, name) || legalName(doc) || company || org.name;
      const builders = all.slice(0, LIMITS.prospectsPerPage + 1).map((block) => blockProspect(block, url, country, block.kind === 'label' && REPRESENTATIVE_TITLE.test(block.title) ? represented(block.name) : company, (el) => chrome(el)));
      prospects = withoutSharedContacts(dedupe([...builders.map((b) => b.build()), ...(loneListed ? [withLocationFromText(lone, doc)] : [])]), org, country);
      if (!prospects.length) {
        // No person block: the page may still be one person's (a profile URL, a "Name - Title" document title, meta author).
        const page = extractPageSignals(doc, url, country, org, chrome).build();
        if (page.name || classifyProfileUrl(url)) prospects = [page];
      }
    }
  }
  prospects = giveNameSpelledContacts(prospects, doc);
  // What no person holds is the organization's: the footer's address and phone, the switchboard, the fax.
  const rest = new ProspectBuilder(url);
  readContacts(rest, doc, url, country, { org, skip: (el) => owned.has(el), roleEmailsToOrg: true });
  rest.p.emails.forEach((e) => org.addEmail(e));
  rest.p.phones.forEach((p) => org.addPhone(p, 'main', country, true));
  const taken = { emails: new Set(prospects.flatMap((p) => p.emails)), phones: new Set(prospects.flatMap((p) => p.phones)) };
  const entry = org.build(taken);
  return { prospects, organizations: entry ? [entry] : [], warnings: found.warnings };
}
