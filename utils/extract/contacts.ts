// Contact reading inside a page or a card: mailto/tel links, text emails and phones, profile links, job lines.
import type { CountryCode } from 'libphonenumber-js';
import {
  classifyProfileUrl,
  decodeCloudflareEmail,
  findEmailsInText,
  findObfuscatedEmails,
  findPhonesInText,
} from '../leads/normalize';
import type { ProspectBuilder } from './prospect-builder';
import { visibleText } from './visible-text';

/** Words that make a short line a job title ("Head of Sales", "Geschäftsführer"). */
export const JOB_WORDS =
  /\b(engineer|manager|director|head|vp|vice president|chief|ceo|cto|cfo|coo|cmo|cro|founder|co-founder|owner|president|lead|developer|designer|sales|marketing|consultant|partner|analyst|officer|specialist|architect|recruiter|executive|account|associate|principal|scientist|researcher|professor|advisor|adviser|coordinator|representative|administrator|product|editor|writer|attorney|lawyer|accountant|intern|strategist|evangelist|advocate|geschäftsführer|inhaber|leiter|directeur|directrice|responsable|gerente|directora)\b/i;
const TITLE_SEPARATORS = /\s+(?:at|@|chez|bei)\s+|\s*[|·•–—]\s*|\s+-\s+|,\s+/i;

/** Splits "VP of Sales at Acme Corp" / "VP Sales, Acme" / "VP Sales | Acme" into title and company. */
export function parseJobLine(line: string): { title: string; company: string } {
  const s = line.replace(/\s+/g, ' ').trim();
  if (!s || s.length > 160 || !JOB_WORDS.test(s)) return { title: '', company: '' };
  const m = TITLE_SEPARATORS.exec(s);
  if (!m) return { title: s, company: '' };
  const title = s.slice(0, m.index).trim();
  const company = s.slice(m.index + m[0].length).split(TITLE_SEPARATORS)[0]?.trim() ?? '';
  return JOB_WORDS.test(title) ? { title, company } : { title: s, company: '' };
}

/** Resolves a link against the page URL; a link that cannot be resolved is kept as written. */
export function resolveHref(href: string, base: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

/** Caps the links read from one page or card, so a hostile page of a million links cannot stall the popup. */
export const MAX_ANCHORS = 5000;

const MAILTO = /^mailto:/i;
const TEL = /^(?:tel|callto):/i;
const CLOUDFLARE_EMAIL = /\/cdn-cgi\/l\/email-protection#/;
/** Links that lead nowhere: never a profile. */
const NOT_A_PAGE = /^(?:mailto|tel|callto|javascript):|^#/i;

/** Whether a link reaches a person: an email, a phone, a protected email, or a known profile. */
export function isContactLink(a: Element, url: string): boolean {
  const href = a.getAttribute('href') ?? '';
  if (MAILTO.test(href) || TEL.test(href) || CLOUDFLARE_EMAIL.test(href)) return true;
  return !NOT_A_PAGE.test(href) && !!classifyProfileUrl(resolveHref(href, url));
}

/**
 * Reads the ways to reach someone inside `root` (a whole document or one
 * person's card): mailto/tel links, Cloudflare-protected and obfuscated
 * emails, emails and phones in the visible text, and profile links.
 */
export function readContacts(b: ProspectBuilder, root: Document | Element, url: string, country: CountryCode): void {
  const anchors = [...root.querySelectorAll('a[href]')].slice(0, MAX_ANCHORS);
  for (const a of anchors) {
    const href = a.getAttribute('href') ?? '';
    if (MAILTO.test(href)) b.addEmail(href, 'mailto');
    else if (TEL.test(href)) b.addPhone(href, 'tel', country);
    else if (CLOUDFLARE_EMAIL.test(href)) b.addEmail(decodeCloudflareEmail(href.split('#')[1] ?? ''), 'cloudflare');
  }
  root.querySelectorAll('[data-cfemail]').forEach((el) => b.addEmail(decodeCloudflareEmail(el.getAttribute('data-cfemail') ?? ''), 'cloudflare'));

  const textRoot = 'body' in root ? root.body : root;
  const text = textRoot ? visibleText(textRoot) : '';
  findEmailsInText(text).forEach((e) => b.addEmail(e, 'text'));
  findObfuscatedEmails(text).forEach((e) => b.addEmail(e, 'text'));
  findPhonesInText(text, country).forEach((p) => b.addPhone(p, 'text', country, true));

  for (const a of anchors) {
    const href = a.getAttribute('href') ?? '';
    if (NOT_A_PAGE.test(href)) continue;
    const abs = resolveHref(href, url);
    if (classifyProfileUrl(abs)) b.addUrl(abs, 'link');
    else if (/(?:^|\s)me(?:\s|$)/i.test(a.getAttribute('rel') ?? '')) b.addUrl(abs, 'link', true);
  }
}
