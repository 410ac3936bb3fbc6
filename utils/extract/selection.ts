// "Save selection as a lead": reads a name, emails, phones, job line and profile links out of selected text.
import type { CountryCode } from 'libphonenumber-js';
import { findEmailsInText, findObfuscatedEmails } from '../leads/normalize';
import type { Prospect } from '../leads/schema';
import { JOB_WORDS, parseJobLine } from './contacts';
import { cleanPersonName, isPersonName } from './names';
import { scanPhones } from './phone-scan';
import { ProspectBuilder } from './prospect-builder';

/** Selected text read at most: a signature or a contact block, not a whole page. */
export const MAX_SELECTION_CHARS = 5000;

/** What a selection gave: a prospect, or why there is nothing to save. */
export type SelectionResult = { ok: true; prospect: Prospect } | { ok: false; error: string };

/** Shown when the selection has nothing a lead could be made of. */
export const NOTHING_IN_SELECTION = 'Nothing to save: the selection has no name, email address or phone number Prospect Scout can read.';

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"')\]]+/gi;
// Separators of the parts of a signature written on one line (Chrome passes a selection without its line breaks).
const PARTS = /\n|\s[|•·–—]\s|\s-\s|\t|;\s*/;
const LABEL = /^(?:name|contact|kontakt|nom|nombre)\s*:\s*/i;
// A word a name is made of: capitalised (accents, apostrophes and hyphens inside), or a surname particle.
const NAME_WORD = /^(?:[\p{Lu}][\p{L}'’.-]*|van|von|de|der|den|da|di|del|della|la|le|du|dos|ter|bin|al|y)$/u;

/** The first words of a part that make a person's name ("Jane Doe Head of Sales" → "Jane Doe"). */
function leadingName(part: string): string {
  const words = cleanPersonName(part.replace(LABEL, '')).split(/\s+/);
  const run: string[] = [];
  for (const w of words) {
    if (!NAME_WORD.test(w) || JOB_WORDS.test(w) || run.length === 5) break;
    run.push(w);
  }
  // The longest run that is a name: "Jane Doe Acme" is not, "Jane Doe" is.
  for (let n = run.length; n >= 2; n--) {
    const candidate = run.slice(0, n).join(' ').replace(/[,.]$/, '');
    if (isPersonName(candidate)) return candidate;
  }
  return '';
}

/** The name written right before an address in brackets: `José García <jose@acme.example>`. */
function bracketName(text: string): string {
  const m = /([\p{L}'’.\- ]{3,80}?)\s*[<([]\s*[^\s<>()[\]@]+@[^\s<>()[\]]+\s*[>)\]]/u.exec(text);
  return m ? leadingName(m[1]!.trim().split(/\s{2,}|\n/).pop() ?? '') : '';
}

/**
 * Reads selected text as one person: the name (before an address in
 * brackets, after a `Name:` label, or the first name-shaped words of a part),
 * every email (also `jane [at] acme [dot] com`), phones by their labels
 * (`Tel`, `Mobile`, `Direct`…; fax and switchboard numbers are left out),
 * a job line ("Head of Sales, Acme Inc."), and profile links. Works with or
 * without line breaks. `country` reads national numbers. Nothing readable
 * gives an error saying so.
 */
export function parseSelection(text: string, sourceUrl: string, country?: CountryCode): SelectionResult {
  const s = text.slice(0, MAX_SELECTION_CHARS).replace(/\r\n?/g, '\n').trim();
  if (!s) return { ok: false, error: NOTHING_IN_SELECTION };
  const b = new ProspectBuilder(sourceUrl);

  for (const e of [...findEmailsInText(s), ...findObfuscatedEmails(s)]) b.addEmail(e, 'text', 'medium');
  for (const hit of scanPhones(s, country)) {
    if (hit.kind === 'phone') b.addPhone(hit.number, 'text', country, true, hit.labelled ? 'medium' : 'low');
  }
  for (const url of s.match(URL_IN_TEXT) ?? []) b.addUrl(url.replace(/[.,;:]+$/, ''), 'text', true);

  // What is left once contacts are taken out: names and job lines.
  const rest = s.replace(URL_IN_TEXT, '\n').replace(/\S+@\S+/g, '\n').replace(/\S*\[\s*at\s*\]\S*/gi, '\n');
  const parts = rest
    .split(PARTS)
    .map((p) => p.replace(/[<>()[\]]/g, ' ').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  let name = bracketName(s);
  for (const part of parts) {
    if (name) break;
    name = leadingName(part);
  }
  if (name) b.set('name', name, 'text', 'medium');
  for (const part of parts) {
    // A job line is what follows the name in its part ("Jane Doe Head of Sales at Acme") or a part of its own.
    const at = name ? part.indexOf(name) : -1;
    const line = (at >= 0 ? part.slice(at + name.length) : part).replace(/^[\s,:|–—-]+/, '').replace(/\s*(?:t|tel|phone|mobile?|m|p)\s*[:.]?\s*$/i, '');
    const { title, company } = parseJobLine(line);
    if (!title || /\d{3}/.test(title)) continue;
    b.set('title', title, 'text', 'medium');
    if (company) b.set('company', company, 'text', 'medium');
    break;
  }
  if (!b.hasContent()) return { ok: false, error: NOTHING_IN_SELECTION };
  return { ok: true, prospect: b.build() };
}
