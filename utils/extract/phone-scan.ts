// Context-aware phone scan of visible text: labels, date/version/range shapes, fax and switchboard lines, bounded time.
import { findPhoneNumbersInText, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { foldPhoneText } from '../leads/normalize';

/** What a phone number is, read from its label. */
export type PhoneKind = 'phone' | 'fax' | 'main' | 'assistant';

/** One phone number found in text. */
export interface PhoneHit {
  /** E.164. */
  number: string;
  kind: PhoneKind;
  /** Whether a label (Tel, Phone, 電話…) said it is a phone number. */
  labelled: boolean;
}

/** Text scanned at most: libphonenumber's matcher is slow on long runs of digit groups. */
export const MAX_SCAN_CHARS = 200_000;
/** Matcher input at most at once; longer lines are cut into windows. */
const WINDOW = 600;
/**
 * Wall-clock budget of one scan, so a hostile page of digits cannot stall the
 * popup. Generous because it is wall-clock: on a busy machine (or a cold
 * start compiling libphonenumber's patterns) an ordinary card's scan can take
 * well over 100 ms, and a budget it hits drops real numbers.
 */
const SCAN_BUDGET_MS = 1000;
/** Digit runs longer than any phone number (15 digits in E.164, plus extension) are not phones. */
const LONG_DIGIT_RUN = /\d{20,}/g;

const FAX = String.raw`fax|telefax|t[ée]l[ée]copie|fac-?simile|ファックス|ファクス|ＦＡＸ|传真|\bF(?=\s*[:.]|\s*$)`;
const MAIN = String.raw`main(?:\s+(?:line|office|number))?|switchboard|zentrale|standard|reception|empfang|accueil|centralino|centralita|centrale|pabx|växel(?:n|nummer)?|vaxel(?:n)?|sentralbord|omstilling|代表|general(?:\s+enquiries)?|branch|pobočka|filiale|sucursal`;
const ASSISTANT = String.raw`assistant|assistance|secretary|PA|sekretariat|assistenz|secr[ée]tariat|秘書`;
const PHONE = String.raw`phone|telephone|t[ée]l[ée]phone|t[ée]l|tel|telefon|telefono|tel[ée]fono|tfno|fon|mobile?|mobil|handy|portable|cell(?:ular|phone)?|direct(?:\s+(?:line|dial))?|durchwahl|call|ph|office|whatsapp|電話|携帯|ＴＥＬ|TEL|电话|\b[TMPOD](?=\s*[:.]|\s*$)`;
// Words that make the number after them something else than a phone.
const NOT_PHONE = String.raw`registe?r(?:ed)?|registration|registre|handelsregister|registergericht|amtsgericht|hr[ab]|vat|ust|uid|umsatzsteuer|steuer|st\.?-?nr|tax|tin|ein|siret|siren|rcs|tva|naf|ape|iban|bic|swift|blz|konto|account|isbn|issn|doi|order|bestell\w*|invoice|rechnung\w*|tracking|sendung\w*|ref(?:erence)?|index|aktenzeichen|az|case|ticket|build|version|release|serial|patent|licen[cs]e|duns|abn|acn|crn|company\s+(?:no|number)|kunden\w*|customer|member|id|reg\.?|zip|postcode|plz|code\s+postal|capital|stammkapital|box|qq|法人番号|登録番号|郵便番号|〒`;
// The label nearest the number wins ("Phone no." is a phone, "Order no." is not), so all kinds are one alternation.
const LABEL_RE = new RegExp(`(${FAX})|(${MAIN})|(${ASSISTANT})|(${PHONE})|(${NOT_PHONE})`, 'giu');
/** How far before a number its label may be. */
const LABEL_REACH = 32;

// Shapes that libphonenumber may read as a number but a reader never would.
const NOT_PHONE_SHAPES = [
  /(?<![\d.\-/])\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}(?::\d{2}){0,2})?/g, // 2012-01-02 08:00
  /(?<![\d.\-/])\d{1,2}\/\d{1,2}\/\d{2,4}(?![\d/])/g, // 03/27/2011
  /(?<![\d.\-/])\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}(?![\d.])/g, // 12.03.2024
  /(?<![\d.\-/])(?:19|20)\d{2}-?[01]\d-?[0-3]\d(?![\d-])/g, // 20120102, 2012-0102
  /\b\d{1,2}:\d{2}(?::\d{2})?\b/g, // 08:00
  /(?<![\d.])(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}(?![\d-])/g, // 1979-2011
  /\bv\d+(?:\.\d+)+/gi, // v4.15.2
  /\d+\.\d+\s+[-–]\s+\d+\.\d+/g, // 12.1 - 23.71
  /(?<![\d.])\d{1,2}\s*[-–]\s*\d{1,2}\s*(?:Uhr|h|hrs?|heures|horas|ore|am|pm|a\.m\.|p\.m\.)(?![\p{L}])/giu, // 16–18 Uhr (office hours after a number)
];

function kindOf(m: RegExpExecArray): PhoneKind | 'not' {
  if (m[1]) return 'fax';
  if (m[2]) return 'main';
  if (m[3]) return 'assistant';
  if (m[4]) return 'phone';
  return 'not';
}

/**
 * What the label at the end of `before` (the text written just before a
 * number or a tel: link) says the number is: a kind of phone, `not` a phone
 * (a VAT or register number…), or null when there is no label.
 */
export function phoneLabel(before: string): PhoneKind | 'not' | null {
  const line = before.split('\n').pop() ?? '';
  return labelBefore(line, line.length);
}

/** The label nearest before `at` on the same line, if any. */
function labelBefore(line: string, at: number): PhoneKind | 'not' | null {
  const before = line.slice(Math.max(0, at - LABEL_REACH), at);
  let last: RegExpExecArray | null = null;
  LABEL_RE.lastIndex = 0;
  for (let m = LABEL_RE.exec(before); m; m = LABEL_RE.exec(before)) {
    // A label is a whole word: "Teleport" is no "Tel", "contact" no "ct".
    const prev = before[m.index - 1] ?? ' ';
    const next = before[m.index + m[0].length] ?? ' ';
    const cjk = /[\u3000-\u9fff\uff00-\uffef]/.test(m[0]);
    if (cjk || (!/[\p{L}\p{N}]/u.test(prev) && !/[\p{L}]/u.test(next))) last = m;
  }
  return last ? kindOf(last) : null;
}

/** What a line that is nothing but a label ("Telephone", "Mobil:", "Fax") says the next line's number is, else null. */
function lineLabel(line: string): PhoneKind | 'not' | null {
  const s = line.trim().replace(/\s*[:：.]$/, '');
  if (!s || s.length > 30) return null;
  LABEL_RE.lastIndex = 0;
  const m = LABEL_RE.exec(s);
  return m && m.index === 0 && m[0].length >= s.replace(/\s*(?:no|nr|number|nummer)\.?$/i, '').length ? kindOf(m) : null;
}

/** Spans of a line that are dates, times, versions or ranges. */
function shapeSpans(line: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const re of NOT_PHONE_SHAPES) for (const m of line.matchAll(re)) spans.push([m.index!, m.index! + m[0].length]);
  return spans;
}

/** Lines of the text, long lines cut into overlapping windows so the matcher's input stays short. */
function* windows(text: string): Generator<string> {
  for (const line of text.split('\n')) {
    if (line.length <= WINDOW) {
      yield line;
      continue;
    }
    for (let i = 0; i < line.length; i += WINDOW - 40) yield line.slice(i, i + WINDOW);
  }
}

/**
 * Finds phone numbers in visible text and says what each one is. A number
 * counts when a label says it is a phone (then it only needs to be a
 * possible number) or, without a label, when it is a valid number for its
 * country; never when a label says it is a register, VAT, tax, IBAN, ISBN,
 * order, reference or tracking number, nor when it is shaped like a date,
 * time, version or range. Fax, switchboard and assistant lines are marked
 * so the caller can keep them off the person. Bounded in input size and time.
 */
export function scanPhones(text: string, country?: CountryCode, now: () => number = Date.now): PhoneHit[] {
  // Runs of digits too long for a phone are dropped before the text is cut to size, so a number after them is still seen.
  const folded = foldPhoneText(text.slice(0, MAX_SCAN_CHARS * 10).replace(LONG_DIGIT_RUN, ' ')).slice(0, MAX_SCAN_CHARS);
  const deadline = now() + SCAN_BUDGET_MS;
  const out = new Map<string, PhoneHit>();
  let previous = '';
  for (const line of windows(folded)) {
    if (now() > deadline) break;
    // A label on a line of its own ("<dt>Telephone</dt><dd>0113 496 0123</dd>") is the label of the line after it.
    const above = lineLabel(previous);
    previous = line;
    // A phone has at least five digits.
    if (!/\p{Nd}(?:\P{Nd}{0,4}\p{Nd}){4}/u.test(line)) continue;
    let spans: Array<[number, number]> | null = null;
    // A line that is only a number in international form ("+44 (0)7700 900412" under a name) is laid out as a phone,
    // even in a range the matcher calls invalid (reserved fictional ranges, newly opened ones): it only needs to be possible.
    if (/^\s*\+\d[\d\s().-]{6,24}\d\s*$/.test(line)) {
      const alone = parsePhoneNumberFromString(line.trim().replace(/\(0\)/, ''));
      if (alone?.isPossible() && alone.nationalNumber.length >= 7 && !out.has(alone.number)) out.set(alone.number, { number: alone.number, kind: 'phone', labelled: false });
      continue;
    }
    for (const { number: parsed, startsAt, endsAt } of findPhoneNumbersInText(line, country)) {
      spans ??= shapeSpans(line);
      if (spans.some(([s, e]) => s < endsAt && startsAt < e)) continue;
      const label = labelBefore(line, startsAt) ?? (/^\P{Nd}*$/u.test(line.slice(0, startsAt)) ? above : null);
      if (label === 'not') continue;
      // Without a label, a short number ("10115 Berlin") is more likely a postcode or a count than a phone.
      if (!(label ? parsed.isPossible() : parsed.isValid() && parsed.nationalNumber.length >= 7)) continue;
      const number = parsed.number;
      if (!out.has(number)) out.set(number, { number, kind: label ?? 'phone', labelled: !!label });
    }
  }
  return [...out.values()];
}

/** Country calling codes of the international numbers written in a text (`+49 …`), most frequent first. */
export function internationalCountries(text: string): CountryCode[] {
  const counts = new Map<CountryCode, number>();
  for (const m of foldPhoneText(text.slice(0, MAX_SCAN_CHARS)).matchAll(/\+\d[\d ()./-]{6,20}\d/g)) {
    const c = parsePhoneNumberFromString(m[0])?.country;
    if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
    if (counts.size > 20) break;
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).flatMap(([c, n]) => (n >= 2 ? [c] : []));
}
