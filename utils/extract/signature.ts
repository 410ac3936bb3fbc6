// Plain-text email signatures ("-- " then name, title, company | place, phone, links), as mailing-list archives show them.
import { foldNameWord } from '../leads/normalize';
import { JOB_WORDS, parseJobLine } from './contacts';
import type { LabelledPerson } from './labelled-people';
import { isLocationLine } from './location';
import { cleanPersonName, isPersonName } from './names';
import { visibleText } from './visible-text';

// RFC 3676's signature separator, "-- " on a line of its own (trailing space often lost), possibly inside a quoted reply.
const SEPARATOR = /^--\s*$/;
const QUOTE_PREFIX = /^(?:\s*>)+\s?/;
const CONTACT = /@|https?:\/\/|\d{3}|^(?:[A-Z][a-z]*\.?\s*)?[:：]/;

/** One signature: the lines after a separator, up to a blank line, read as name, job, company | place, contacts. */
function readSignature(lines: string[]): LabelledPerson | null {
  // A nickname in brackets ("Katarzyna (Kasia) Wiśniewska") is no part of the name.
  const name = cleanPersonName((lines[0] ?? '').replace(/\s*\([^)]{1,20}\)\s*/, ' '));
  if (!isPersonName(name)) return null;
  let title = '';
  let company = '';
  let location = '';
  const contacts: string[] = [];
  for (const line of lines.slice(1, 8)) {
    if (!title && !company && JOB_WORDS.test(line) && !CONTACT.test(line) && line.length <= 100) {
      ({ title, company } = parseJobLine(line));
      if (company) title = line.slice(0, line.indexOf(company)).replace(/[\s,|·–—-]+(?:at|@)?\s*$/i, '').trim() || title;
    } else if (!company && !CONTACT.test(line) && line.length <= 100) {
      const [org, place] = line.split(/\s+[|·•]\s+/);
      company = org!.trim();
      if (place && (isLocationLine(place) || /^[\p{Lu}][\p{L}-]+$/u.test(place.trim()))) location = place.trim();
    } else if (CONTACT.test(line)) contacts.push(line);
  }
  if (!title && !contacts.length) return null;
  return { name, title, company, location, elements: [], kind: 'label', text: contacts.join('\n') };
}

/**
 * People who signed a plain-text message (a mailing-list archive's
 * `<pre>` body): the lines after the "-- " separator give the name, the job,
 * the company and place, and the phone, profile links and "X: @handle".
 * A quoted reply's signature ("> -- ") is its own author's. An address
 * written as "kasia.wisniewska at orbitline.pl" anywhere on the page is
 * theirs when its local part spells their name.
 */
export function findSignaturePeople(doc: Document): LabelledPerson[] {
  const out: LabelledPerson[] = [];
  const pres = [...doc.querySelectorAll('pre')].slice(0, 20);
  if (!pres.length) return out;
  // Visible text keeps line breaks between the header's address and the date after it; code blocks are added back.
  const page = [doc.body ? visibleText(doc.body, 200_000) : '', ...pres.map((p) => (p.textContent ?? '').slice(0, 50_000))].join('\n');
  const spelled = [...page.matchAll(/\b([\w.+-]{2,64}) at ((?:[\w-]+\.)+[a-z]{2,24})\b/gi)].map((m) => `${m[1]}@${m[2]}`);
  for (const pre of pres) {
    const raw = (pre.textContent ?? '').slice(0, 50_000).split('\n');
    for (let i = 0; i < raw.length; i++) {
      const depth = (QUOTE_PREFIX.exec(raw[i]!)?.[0].match(/>/g) ?? []).length;
      const line = raw[i]!.replace(QUOTE_PREFIX, '');
      if (!SEPARATOR.test(line)) continue;
      const sig: string[] = [];
      for (let j = i + 1; j < raw.length && sig.length < 10; j++) {
        const d = (QUOTE_PREFIX.exec(raw[j]!)?.[0].match(/>/g) ?? []).length;
        const text = raw[j]!.replace(QUOTE_PREFIX, '').trim();
        if (d !== depth || !text) break;
        sig.push(text);
      }
      const person = readSignature(sig);
      if (!person || out.some((o) => o.name === person.name)) continue;
      const parts = person.name.split(/\s+/).map(foldNameWord).filter((w) => w.length >= 3);
      const own = spelled.filter((e) => parts.some((p) => foldNameWord(e.split('@')[0]!).includes(p)));
      person.text = [...own, ...person.text.split('\n')].filter(Boolean).join('\n');
      out.push(person);
      if (out.length >= 10) return out;
    }
  }
  return out;
}
