// Which calling codes libphonenumber may need to read the phone numbers in some texts: a superset, to load their metadata first.
import { parseDigits } from 'libphonenumber-js/core';

/** International call prefixes most of the world dials (171 countries use 00, the North American plan 011). */
export const COMMON_IDD_PREFIXES = ['00', '011'];
/** How many digits a country calling code has at most. */
const CODE_DIGITS = 3;
/** Characters between a `+` (or an international prefix) and the digits after it that libphonenumber skips: ` (`, `-`, `.`… */
const MAX_GAP = 4;
/** A WhatsApp link's number is international without a `+` (`wa.me/4477…`, `…/send?phone=4477…`); see utils/extract/contacts.ts. */
const WHATSAPP = /wa\.me\/|[?&]phone=/gi;

/**
 * The text as extraction reads it, as far as calling codes go: entities
 * (`&#43;`, `&plus;`), percent escapes (`tel:%2B44…`), JSON's `\u002B`,
 * full-width `＋` and digits of other scripts (`+٤٤`) are turned into ASCII.
 */
export function foldForCodes(text: string): string {
  return text
    .replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(plus));?/gi, (m, dec: string, hex: string, plus: string) => {
      if (plus) return '+';
      const cp = dec ? Number(dec) : parseInt(hex, 16);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    })
    .replace(/%([0-7][0-9a-f])/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/[＋\uff10-\uff19]/g, (c) => (c === '＋' ? '+' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .replace(/(?![0-9])\p{Nd}/gu, (d) => parseDigits(d) || d);
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
/** A letter or a `+` ends the digits of one number. */
const ENDS_NUMBER = /[\p{L}+]/u;

/**
 * Up to `max` digits of `text` from `at`, skipping the punctuation and spaces
 * libphonenumber skips between them (at most {@link MAX_GAP} characters in a row).
 */
function digitsFrom(text: string, at: number, max: number): string {
  let out = '';
  let gap = 0;
  for (let i = at; i < text.length && out.length < max; i++) {
    const c = text[i]!;
    if (isDigit(c)) {
      out += c;
      gap = 0;
    } else if (ENDS_NUMBER.test(c) || ++gap > MAX_GAP) break;
  }
  return out;
}

/** `digits`' first 1, 2 and 3 digits: the calling codes a number written with them could have. */
function prefixes(digits: string, into: Set<string>): void {
  for (let n = 1; n <= Math.min(CODE_DIGITS, digits.length); n++) into.add(digits.slice(0, n));
}

/** Options of {@link callingCodesIn}. */
export interface NeededCodesOptions {
  /**
   * International call prefixes (libphonenumber's `IDDPrefix` patterns, e.g.
   * `00`, `011`, `0(?:0|1[3-9]\d)`): the digits after one at the start of a
   * number are a calling code too (a German page's `0041 44…`).
   */
  iddPrefixes?: readonly string[];
  /** Calling codes that exist: the result holds only these. */
  known?: ReadonlySet<string>;
}

/**
 * Every calling code libphonenumber could need to read the numbers written
 * in `texts`, wider rather than narrower: the first one to three digits
 * after each `+` (skipping ` (` and the like, as libphonenumber does; after
 * `wa.me/` too), and after each of `iddPrefixes` where a run of digits
 * starts. The default country's own code is the caller's to add. A code
 * missing here would make the popup silently drop a phone; one too many
 * only loads a small file.
 */
export function callingCodesIn(texts: Iterable<string>, options: NeededCodesOptions = {}): Set<string> {
  const found = new Set<string>();
  const idd = options.iddPrefixes?.length ? new RegExp(`^(?:${options.iddPrefixes.join('|')})`) : undefined;
  for (const raw of texts) {
    const text = foldForCodes(raw);
    for (let at = text.indexOf('+'); at >= 0; at = text.indexOf('+', at + 1)) prefixes(digitsFrom(text, at + 1, CODE_DIGITS), found);
    for (const m of text.matchAll(WHATSAPP)) prefixes(digitsFrom(text, m.index! + m[0].length, CODE_DIGITS), found);
    if (!idd) continue;
    // libphonenumber strips an international prefix only at the start of a number, which starts after a non-digit.
    for (let i = 0; i < text.length; i++) {
      if (!isDigit(text[i]) || isDigit(text[i - 1])) continue;
      const digits = digitsFrom(text, i, 8 + CODE_DIGITS);
      const m = idd.exec(digits);
      if (m) prefixes(digits.slice(m[0].length), found);
    }
  }
  return options.known ? new Set([...found].filter((c) => options.known!.has(c))) : found;
}
