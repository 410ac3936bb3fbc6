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
    // Digits of other scripts sit in runs of non-ASCII characters: the Unicode digit pattern runs only inside those
    // (over a whole page it cost ~15-30 ms of a 500-person capture; most of a page is ASCII).
    .replace(/[^\x00-\x7f]+/g, (run) => run.replace(/\p{Nd}/gu, (d) => parseDigits(d) || d));
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
/** A letter or a `+` ends the digits of one number. */
const ENDS_NUMBER = /[\p{L}+]/u;
/** Whether `c` (not a digit) ends a number: ASCII answered without the Unicode regex, which is slow over a page's worth of calls. */
function endsNumber(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 0x80) return c === '+' || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return ENDS_NUMBER.test(c);
}

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
    } else if (endsNumber(c) || ++gap > MAX_GAP) break;
  }
  return out;
}

/** Splits a pattern at its top-level `|`. */
function alternatives(pattern: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(pattern.slice(from, i));
      from = i + 1;
    }
  }
  out.push(pattern.slice(from));
  return out;
}

/**
 * The digits an international prefix pattern can start with (`00|99…` → 0
 * and 9), or every digit when the pattern's start is not a plain digit, a
 * digit class or a group of such: then nothing is ruled out.
 */
export function leadingDigits(pattern: string): string {
  const all = '0123456789';
  const digits = new Set<string>();
  for (const alt of alternatives(pattern)) {
    let first: string | null = null;
    if (/^\d/.test(alt)) first = alt[0]!;
    else if (alt.startsWith('[')) {
      const cls = /^\[([0-9-]+)\]/.exec(alt)?.[1];
      if (cls) first = [...all].filter((d) => [...cls.matchAll(/(\d)(?:-(\d))?/g)].some((m) => d >= m[1]! && d <= (m[2] ?? m[1]!))).join('');
    } else if (alt.startsWith('(?:')) {
      let depth = 0;
      let end = -1;
      for (let i = 0; i < alt.length && end < 0; i++) {
        if (alt[i] === '\\') i++;
        else if (alt[i] === '(') depth++;
        else if (alt[i] === ')' && --depth === 0) end = i;
      }
      // An optional group ("(?:…)?00") could be skipped: its digits are not the only ones the pattern starts with.
      if (end > 0 && !/^[?*]/.test(alt.slice(end + 1))) first = leadingDigits(alt.slice(3, end));
    }
    if (first === null) return all;
    for (const d of first) digits.add(d);
  }
  return [...digits].sort().join('');
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
  // Where a run of digits starts with a digit an international prefix can start with (most runs on a page do not).
  const runStart = idd ? new RegExp(`(?<![0-9])[${leadingDigits(options.iddPrefixes!.join('|'))}]`, 'g') : undefined;
  for (const raw of texts) {
    const text = foldForCodes(raw);
    for (let at = text.indexOf('+'); at >= 0; at = text.indexOf('+', at + 1)) prefixes(digitsFrom(text, at + 1, CODE_DIGITS), found);
    for (const m of text.matchAll(WHATSAPP)) prefixes(digitsFrom(text, m.index! + m[0].length, CODE_DIGITS), found);
    if (!idd || !runStart) continue;
    // libphonenumber strips an international prefix only at the start of a number, which starts after a non-digit.
    for (const start of text.matchAll(runStart)) {
      const digits = digitsFrom(text, start.index!, 8 + CODE_DIGITS);
      const m = idd.exec(digits);
      if (m) prefixes(digits.slice(m[0].length), found);
    }
  }
  return options.known ? new Set([...found].filter((c) => options.known!.has(c))) : found;
}
