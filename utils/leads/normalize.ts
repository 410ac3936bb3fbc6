// Normalises contact values: emails (incl. obfuscated), phones (libphonenumber-js), profile URLs, names.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

// File-name endings that look like a TLD in "logo@2x.png"-style asset names.
const ASSET_TLDS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'avif', 'css', 'js', 'mjs', 'ts', 'ico', 'bmp', 'tif', 'tiff', 'woff', 'woff2',
  'ttf', 'otf', 'eot', 'mp4', 'webm', 'mp3', 'wav', 'json', 'map', 'html', 'htm', 'php', 'zip', 'pdf',
]);
// "git@github.com:org/repo": an SSH remote, not a mailbox.
const SSH_HOSTS = /^git@(?:github\.com|gitlab\.com|bitbucket\.org|ssh\.dev\.azure\.com|gitea\.com|codeberg\.org)$/;
const EMAIL_RE = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*\.[a-z]{2,24}$/i;

/**
 * Cleans one email candidate: strips `mailto:`, query and whitespace,
 * percent-decodes, lower-cases and validates. Returns '' when it is not an
 * email address.
 */
export function normalizeEmail(raw: string): string {
  let s = raw.trim().replace(/^mailto:/i, '');
  s = s.split('?')[0] ?? '';
  try {
    s = decodeURIComponent(s);
  } catch {
    // A stray % is not worth losing the address over.
  }
  s = s.trim().replace(/^[<(["']+|[>)\]"'.,;:]+$/g, '').toLowerCase();
  if (s.length > 254 || !EMAIL_RE.test(s)) return '';
  const tld = s.slice(s.lastIndexOf('.') + 1);
  if (ASSET_TLDS.has(tld) || SSH_HOSTS.test(s) || /^\d+(?:\.\d+)?x@/.test(s)) return '';
  return s;
}

// Local parts of shared mailboxes: they reach a company, not a person.
const ROLE_LOCAL =
  /^(?:info|hello|hi|contact|contacts|kontakt|contacto|contatto|bonjour|support|help|helpdesk|service|services|customerservice|sales|vertrieb|careers|career|jobs|job|karriere|recruiting|recruitment|talent|hr|press|presse|media|pr|news|newsletter|marketing|office|buero|büro|admin|administrator|team|enquiries|enquiry|inquiries|inquiry|billing|accounts|accounting|finance|invoices|privacy|datenschutz|legal|compliance|abuse|security|webmaster|postmaster|hostmaster|noreply|no-reply|donotreply|do-not-reply|mail|email|general|reception|empfang|accueil|partners|partnerships|events|hallo|post|anfrage|anfragen|bewerbung|feedback|investors|ir|studio|booking|bookings|orders|shop|store|welcome)(?:[._-][a-z0-9]+)?$/;

/** Whether an address is a shared mailbox (info@, sales@, careers@…) rather than a person's. */
export function isRoleEmail(email: string): boolean {
  return ROLE_LOCAL.test(email.slice(0, email.indexOf('@')).toLowerCase());
}

// Not preceded by "/" or "@" (a URL path, "@scope/pkg@1.0"), not followed by "/" (a path) or "(" (a CSS at-rule call).
const EMAIL_IN_TEXT_RE = /(?<![/@\w.%+-])[a-z0-9._%+-]{1,64}@[a-z0-9.-]{1,253}\.[a-z]{2,24}\b(?![/(@]|\.[a-z0-9])/gi;
// "jane [at] acme [dot] com", "jane(at)acme(dot)co(dot)uk", "jane {at} acme.com"
const OBFUSCATED_RE =
  /([a-z0-9._%+-]{1,64})\s*[[({<]\s*at\s*[\])}>]\s*([a-z0-9-]{1,63}(?:\s*(?:[[({<]\s*dot\s*[\])}>]|\.)\s*[a-z0-9-]{1,63}){1,4})/gi;

const AT_IN_BRACKETS = /[[({<]\s*at\s*[\])}>]/i;

/** Finds plain email addresses in text. */
export function findEmailsInText(text: string): string[] {
  return unique((text.match(EMAIL_IN_TEXT_RE) ?? []).map(normalizeEmail).filter(Boolean));
}

/** Finds "name [at] domain [dot] com"-style obfuscated addresses in text. */
export function findObfuscatedEmails(text: string): string[] {
  // Most texts have no bracketed "at": checking for one first spares the full pattern, which tries up to 64
  // characters of a name at every position (a third of a 500-person page's email reading).
  if (!AT_IN_BRACKETS.test(text)) return [];
  const out: string[] = [];
  for (const m of text.matchAll(OBFUSCATED_RE)) {
    const domain = (m[2] ?? '').replace(/\s*[[({<]\s*dot\s*[\])}>]\s*/gi, '.').replace(/\s*\.\s*/g, '.');
    const email = normalizeEmail(`${m[1]}@${domain}`);
    if (email) out.push(email);
  }
  return unique(out);
}

/**
 * Decodes a Cloudflare "email protection" hex string (`data-cfemail` or the
 * `#…` part of `/cdn-cgi/l/email-protection#…`): the first byte is an XOR key
 * for the rest. Returns '' for malformed input.
 */
export function decodeCloudflareEmail(hex: string): string {
  if (!/^(?:[0-9a-f]{2}){2,400}$/i.test(hex)) return '';
  const key = parseInt(hex.slice(0, 2), 16);
  let encoded = '';
  for (let i = 2; i < hex.length; i += 2) {
    encoded += '%' + (parseInt(hex.slice(i, i + 2), 16) ^ key).toString(16).padStart(2, '0');
  }
  try {
    return normalizeEmail(decodeURIComponent(encoded));
  } catch {
    return '';
  }
}

/**
 * Normalises a phone number to E.164. `strict` (used for free text) demands
 * a number valid for its country; links marked `tel:` only need to be
 * possible, since the page author already said it is a phone.
 */
export function normalizePhone(raw: string, defaultCountry?: CountryCode, strict = false): string {
  let s = foldPhoneText(raw).trim().replace(/^tel:/i, '').replace(/^callto:/i, '');
  try {
    s = decodeURIComponent(s);
  } catch {
    // keep as is
  }
  s = s.split(/[;?]/)[0] ?? '';
  if (s.replace(/\D/g, '').length < 5 || s.length > 64) return '';
  const n = parsePhoneNumberFromString(s, defaultCountry);
  if (!n) return '';
  if (strict ? !n.isValid() : !n.isPossible()) return '';
  return n.number;
}

/** Turns full-width digits, `＋`, brackets and ideographic spaces into ASCII, and `++1` into `+1`. */
export function foldPhoneText(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\+{2,}/g, '+');
}

/** Kinds of profile link recognised. */
export type ProfileKind = 'linkedin' | 'x' | 'github';

const X_RESERVED = new Set(
  'home explore search notifications messages settings i intent share hashtag login signup tos privacy about compose jobs lists communities premium download'.split(' '),
);
const GITHUB_RESERVED = new Set(
  'features about pricing login join signup orgs organizations topics sponsors marketplace explore settings enterprise team security site contact collections trending issues pulls notifications new search customer-stories readme apps events codespaces copilot resources solutions'.split(' '),
);

/**
 * Recognises a person's LinkedIn, X/Twitter or GitHub profile URL and returns
 * its canonical form, or null for anything else (share links, repositories,
 * company pages, reserved paths).
 */
export function classifyProfileUrl(href: string): { kind: ProfileKind; url: string } | null {
  let u: URL;
  try {
    u = new URL(href);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const host = u.hostname.toLowerCase().replace(/^(www|mobile|m|[a-z]{2})\./, '');
  const parts = u.pathname.split('/').filter(Boolean);
  if (host === 'linkedin.com') {
    if ((parts[0] === 'in' || parts[0] === 'pub') && parts[1]) {
      const slug = safeDecode(parts[1]);
      if (!/^[\p{L}\p{N}_.-]{2,100}$/u.test(slug)) return null;
      return { kind: 'linkedin', url: `https://www.linkedin.com/${parts[0]}/${slug}` };
    }
    return null;
  }
  if (host === 'x.com' || host === 'twitter.com') {
    const handle = parts[0] ?? '';
    if (parts.length > 1 && parts[1] !== 'with_replies' && parts[1] !== 'media') return null;
    if (!/^[A-Za-z0-9_]{1,15}$/.test(handle) || X_RESERVED.has(handle.toLowerCase())) return null;
    return { kind: 'x', url: `https://x.com/${handle}` };
  }
  if (host === 'github.com') {
    const user = parts[0] ?? '';
    if (parts.length !== 1) return null;
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(user) || GITHUB_RESERVED.has(user.toLowerCase())) return null;
    return { kind: 'github', url: `https://github.com/${user}` };
  }
  return null;
}

/** A comparable key for a profile or website URL: no scheme, www, trailing slash or case. */
export function urlKey(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

/** Normalises a website URL: http(s) only, adds https:// to bare domains. Returns '' if unusable. */
export function normalizeWebsite(raw: string, base?: string): string {
  const s = raw.trim();
  if (!s) return '';
  try {
    // "acme.example" is a domain, not a relative path; "/team/jane" is relative to the page.
    const absoluteOrRelative = /^[a-z][a-z0-9+.-]*:/i.test(s) || /^[/.?#]/.test(s);
    const u = new URL(absoluteOrRelative ? s : `https://${s}`, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return '';
    return u.href;
  } catch {
    return '';
  }
}

const HONORIFICS = /^(?:dr|mr|mrs|ms|mx|miss|prof|sir|dame)\.?$/i;

/** Splits a display name into first and last name, ignoring honorifics and ", PhD"-style suffixes. */
export function splitName(name: string): { firstName: string; lastName: string } {
  const words = (name.split(',')[0] ?? '').trim().split(/\s+/).filter((w) => w && !HONORIFICS.test(w));
  if (words.length === 0) return { firstName: '', lastName: '' };
  if (words.length === 1) return { firstName: words[0]!, lastName: '' };
  return { firstName: words[0]!, lastName: words.slice(1).join(' ').replace(/^(?:\p{L}\.\s*)+/u, '') || words.at(-1)! };
}

/**
 * First and last name of a record: its own when it has either (the user may
 * have set them), else split from its full name, as CRM importers and
 * address books need both.
 */
export function nameParts(p: { name: string; firstName: string; lastName: string }): { firstName: string; lastName: string } {
  return p.firstName || p.lastName ? { firstName: p.firstName, lastName: p.lastName } : splitName(p.name);
}

const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'del', 'della', 'la', 'le', 'bin', 'al', 'y', 'dos', 'du', 'ter']);

/**
 * Whether a short text looks like a person's name (2–5 capitalised words, no
 * digits), so a page heading such as "Pricing" or "Welcome to Acme" is not
 * taken for one.
 */
export function looksLikePersonName(text: string): boolean {
  const s = text.trim();
  // "Maeve Halloranmaeve.hCommunity Manager": a name, a username and a title run together, as forum headers read.
  if (s.length < 3 || s.length > 70 || /[\d@#/:|<>{}[\]!?]|\p{Ll}\.\p{Ll}+\p{Lu}/u.test(s)) return false;
  const words = s.split(/\s+/);
  // Particles do not count: "Ana Sofía Gutiérrez de la Torre" is five name words.
  const core = words.filter((w) => !PARTICLES.has(w.toLowerCase()));
  if (words.length < 2 || core.length > 5 || words.length > 7) return false;
  return words.every((w) => PARTICLES.has(w.toLowerCase()) || /^[\p{Lu}][\p{L}'’.-]*$/u.test(w));
}

/** Order-preserving de-duplication. */
export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

// Letters NFD does not decompose into a base letter plus a mark.
const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** One name word as it appears in an address or a host name: lower case, no accents, no apostrophes, spaces or other marks. */
export function foldNameWord(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæøœłđðþı]/g, (c) => FOLD[c] ?? c)
    .replace(/[^a-z0-9]/g, '');
}
