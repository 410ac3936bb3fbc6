// People named by a label or a byline: "Media contact:", "Geschäftsführer: A und B", "代表取締役 山田太郎", "By Jane Doe".
import { agencyOf } from './agency';
import { JOB_WORDS, parseJobLine } from './contacts';
import type { PersonBlock } from './cards';
import { personNameOf } from './cards';
import { cleanPersonName, isPersonName } from './names';
import { cleanText, visibleText } from './visible-text';

/** A person found by a label: the block's text lines hold their contacts. */
export interface LabelledPerson extends PersonBlock {
  /** The lines of text that are this person's (contacts are read from them). */
  text: string;
}

const MEDIA_LABEL =
  /^(?:(?:media|press|presse|pr|news|investor|procurement|technical)\s*(?:contacts?|inquiries|enquiries|kontakt|relations|anfragen)|contact presse|pressekontakt|pressesprecher(?:in)?|verantwortlich(?:e[rn]?)? (?:für|i\.\s?s\.|gem|nach)[^:：]*|contacto de prensa|contatto stampa|広報(?:担当)?(?:者)?|報道関係(?:者)?(?:の)?(?:お)?問い?合わせ(?:先)?)\b\s*[:：]?\s*(.*)$/i;
// A contact label naming whose desk it is: "Meridell Health Media Relations:", "Acme Investor Contact:" (the colon is required).
const ORG_MEDIA_LABEL =
  /^((?:[\p{Lu}\d][\p{L}\d&.'’-]*\s+){1,4})(?:media|press|investor|news)\s+(?:contacts?|relations|inquiries|enquiries|office)\s*[:：]\s*(.*)$/iu;
const CONTACT_LABEL =
  /^(?:contact person|contact point|contact|kontaktp(?:erson|unkt)|ansprechpartner(?:in)?|ihr ansprechpartner|ihre ansprechpartnerin|interlocuteur|votre contact|persona de contacto|referente|担当者?|お問い合わせ担当|담당자)\s*[:：]\s*(.*)$|^(?:担当者|담당자)\s+(.*)$/i;
// Who represents a company, as imprints must say (German Impressum, French mentions légales, Japanese company profiles).
const REPRESENTATIVE_LABEL =
  /^(?:die |der |unsere? )?(gesch(?:ä|ae)ftsf(?:ü|ue)hr(?:er(?:in)?|ende|ung)|vertreten durch|vertretungsberechtigte[rn]?(?:\s+gesch(?:ä|ae)ftsf(?:ü|ue)hrer(?:in)?)?|inhaber(?:in)?|vorstand(?:svorsitzende[r]?)?|managing directors?|directeur de (?:la )?publication|directrice de (?:la )?publication|responsable de (?:la )?publication|g[ée]rante?|président(?:e)?|代表取締役(?:社長)?|代表者|代表)\s*[:：]?\s*(.*)$/i;
// Titles written before a Japanese name in the same cell: "代表取締役社長 山田 太郎".
const JA_TITLE_PREFIX = /^(代表取締役(?:社長|会長)?|取締役(?:社長)?|社長|会長|部長|課長|担当)\s*/;
// Not inside brackets: "Malte Lindqvist (Technik & Produktion)" is one person.
const NAME_SEPARATORS = /\s*(?:,|;|\/|&|\bund\b|\band\b|\bet\b|、|・)\s*(?![^(（]*[)）])/i;

/** Title a representative label implies: "Geschäftsführer: A" says what A is; "Vertreten durch: A" does not. */
function labelTitle(label: string): string {
  if (/^vertreten durch|^vertretungsberechtigte[rn]?$|^代表者$|^代表$/i.test(label)) return '';
  if (/^gesch(?:ä|ae)ftsf(?:ü|ue)hrung$/i.test(label) || /gesch(?:ä|ae)ftsf(?:ü|ue)hrer/i.test(label)) return /in$/i.test(label) ? 'Geschäftsführerin' : 'Geschäftsführer';
  return label.replace(/\s+/g, ' ').trim().replace(/^./, (c) => c.toUpperCase());
}

/** One name and the title written beside it: "Max Muster (Geschäftsführer)", "代表取締役 山田太郎". */
function nameWithTitle(raw: string, title: string): { name: string; title: string } | null {
  let s = raw.trim().replace(/[.。]$/, '');
  let t = title;
  const paren = /^(.*?)\s*[(（]([^)）]{2,60})[)）]\s*$/.exec(s);
  // "경영지원팀 한지수 과장 (Han Ji-su, IR Manager)": the bracket gives the name in Latin letters and the job.
  const latin = paren ? /^([^,]+),\s*(.+)$/.exec(paren[2]!) : null;
  if (latin && JOB_WORDS.test(latin[2]!) && isPersonName(cleanPersonName(latin[1]!))) return { name: cleanPersonName(latin[1]!), title: latin[2]!.trim() };
  if (paren) {
    s = paren[1]!;
    t = paren[2]!.trim();
  }
  const ja = JA_TITLE_PREFIX.exec(s);
  if (ja) {
    t = t || ja[1]!;
    s = s.slice(ja[0].length);
  }
  const comma = /^([^,]+),\s*(.+)$/.exec(s);
  if (comma && JOB_WORDS.test(comma[2]!) && isPersonName(comma[1]!, true)) return { name: comma[1]!.trim(), title: comma[2]!.trim() };
  const name = cleanPersonName(s);
  return isPersonName(name, true) ? { name, title: t } : null;
}

// A notice's organisation block names its organisation above its contact point (EU eForms: "Official name: …" … "Contact point: …").
const OFFICIAL_NAME = /^(?:official name|officiel\w* na\w+|offizielle bezeichnung)\s*:\s*(.+)/i;
// A line for a desk, not a person: "Press office (24h): …", "Switchboard: …", "Investor relations" — the people's list ends there.
const DESK_LINE = /^(?:press office|news ?desk|media (?:desk|line|office)|switchboard|general (?:enquiries|inquiries)|investor relations|pressestelle|zentrale|service de presse|standard)\b/i;

/** Lines after a "Media contact" or "Contact:" label, split into the people they name. */
type ContactPerson = { name: string; title: string; company: string; lines: string[]; jobLine?: string; companyFromJob?: boolean };

function contactPeople(first: string, next: string[]): ContactPerson[] {
  type Person = ContactPerson;
  const people: Person[] = [];
  const lines = [first, ...next].map((l) => l.trim()).filter(Boolean).slice(0, 12);
  let current: Person | null = null;
  for (const line of lines) {
    if (current && (MEDIA_LABEL.test(line) || ORG_MEDIA_LABEL.test(line) || REPRESENTATIVE_LABEL.test(line) || DESK_LINE.test(line))) break;
    const hasContact = /@|\[at\]|\(at\)|\d{3}/.test(line);
    const parts = line.split(/\s[|–—]\s/);
    // "Head of Supply Chain Management – Ms. Faith Muriithi": the job may come first.
    const named = hasContact || line.length > 120 ? null : nameWithTitle(parts[0]!, '') ?? (parts.length === 2 && JOB_WORDS.test(parts[0]!) ? nameWithTitle(parts[1]!, parts[0]!) : null);
    // A second name starts a second person once the first has a way to be reached; before that it is a company line.
    if (named && (!current || current.lines.some((l) => /@|\d{3}/.test(l)))) {
      current = { name: named.name, title: named.title, company: '', lines: [] };
      people.push(current);
      const rest = current.title ? '' : parts.slice(1).join(' | ');
      if (rest && !current.title) Object.assign(current, parseJobLine(rest));
      continue;
    }
    if (!current) {
      if (people.length === 0 && lines.indexOf(line) > 1) break;
      continue;
    }
    // A press contact at an agency: "Lumen & Lark Communications for Corvane" is where they work, not their job.
    const agency = hasContact ? '' : agencyOf(line);
    if (hasContact) current.lines.push(line);
    // The person's lines end with their contacts: a plain line after them starts something else.
    else if (current.lines.length) break;
    else if (!current.title && !agency && JOB_WORDS.test(line) && line.length <= 120) {
      const job = parseJobLine(line);
      Object.assign(current, job, { jobLine: line, companyFromJob: !!job.company });
    } else if (/\s(?!(?:und|and|of|for|de|der|des)\s)\p{Ll}{3,}/u.test(line)) {
      // A sentence between the job and the contacts ("Anschrift wie oben") is neither a company nor the end.
      continue;
    } else if ((!current.company || current.companyFromJob) && line.length <= 80 && !/[:：]$/.test(line)) {
      // A company on its own line under the job: the job line was whole ("Vice President, Investor Relations").
      if (current.companyFromJob) current.title = current.jobLine!;
      current.company = agency || line;
      current.companyFromJob = false;
    } else break;
  }
  return people;
}

/**
 * People named after a label in the page's text: press-release "Media
 * contact:" blocks (name, title, company, then their email and phone),
 * "Contact: Name" lines, and imprint lines naming the company's
 * representatives ("Geschäftsführer: Max Muster und Erika Muster",
 * "Vertreten durch:" followed by names, "代表取締役 山田 太郎").
 */
export function findLabelledPeople(doc: Document): LabelledPerson[] {
  const body = doc.body;
  if (!body) return [];
  const lines = visibleText(body, 300_000, (el) => el.matches('nav, [role="navigation"]'))
    .split('\n')
    .map((l) => l.trim())
    .slice(0, 20_000);
  const out: LabelledPerson[] = [];
  const push = (p: { name: string; title: string; company?: string; text?: string }): void => {
    if (out.some((o) => o.name.toLowerCase() === p.name.toLowerCase()) || out.length >= 50) return;
    out.push({ name: p.name, title: p.title, company: p.company ?? '', location: '', elements: [], kind: 'label', text: p.text ?? '' });
  };
  let official = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > 200) continue;
    official = OFFICIAL_NAME.exec(line)?.[1] ?? official;
    const rep = REPRESENTATIVE_LABEL.exec(line);
    if (rep && (rep[2] || /[:：]\s*$/.test(line) || i + 1 < lines.length)) {
      const title = labelTitle(rep[1]!);
      // Without a colon the label must stand alone on its line, as in a table's header cell.
      if (!/[:：]/.test(line) && rep[2]) continue;
      const values = rep[2] ? [rep[2]] : lines.slice(i + 1, i + 6).filter((l) => l.length <= 120);
      for (const v of values) {
        const found = v.split(NAME_SEPARATORS).map((n) => nameWithTitle(n, title));
        // "Vertreten durch:" then one name per line: the list ends at the first line that is not all names.
        if (!found.every(Boolean)) break;
        found.forEach((f) => push({ name: f!.name, title: f!.title }));
      }
      continue;
    }
    const orgMedia = ORG_MEDIA_LABEL.exec(line);
    const media = MEDIA_LABEL.exec(line) ?? CONTACT_LABEL.exec(line);
    if (media || orgMedia) {
      // "Meridell Health Media Relations:" says where the people under it work, unless a line of theirs says otherwise.
      const desk = orgMedia && !media ? orgMedia[1]!.trim() : official;
      const first = media ? (media[1] ?? media[2] ?? '') : (orgMedia![2] ?? '');
      for (const p of contactPeople(first, lines.slice(i + 1, i + 12))) {
        // The label names the employer, so what followed a comma in the job line was part of the job ("Director, External Communications").
        const job = desk && p.companyFromJob ? { title: p.jobLine!, company: desk } : { title: p.title, company: p.company || desk };
        push({ name: p.name, ...job, text: p.lines.join('\n') });
      }
    }
  }
  return out;
}

const AUTHOR_BOX = /author-?(?:box|bio|card|info|profile|details|block)|about-?(?:the-)?author|post-?author|bio-?box|byline/i;

/**
 * The author of an article: a `rel="author"` link, an `itemprop="author"`
 * element, or an element marked as author or byline ("By Jane Doe"), with
 * the author box around it holding their title and contacts. A byline is
 * never a title: only a job line or a bio sentence ("Jane is a senior
 * editor at Acme") gives one.
 */
export function findBylines(doc: Document): PersonBlock[] {
  const out: PersonBlock[] = [];
  const candidates = [
    ...doc.querySelectorAll('[rel~="author"], [itemprop~="author"], [class*="author" i], [class*="byline" i]'),
  ].slice(0, 40);
  // Other posts' cards ("read more", sidebars) carry their own authors: only the article with the main heading counts.
  const h1 = doc.querySelector('h1');
  const main = h1?.closest('article') ?? null;
  for (const el of candidates) {
    if (el.closest('nav, [role="navigation"], aside, .comment, .comments, [class*="comment" i]')) continue;
    if (main ? !main.contains(el) : el.closest('article')) continue;
    const name =
      personNameOf(el.querySelector('[class*="name" i], [itemprop="name"], a[rel~="author"], a')) ||
      personNameOf(el) ||
      cleanPersonName((/(?:^|\s)(?:by|von|par|por)\s+([\p{Lu}][\p{L}'’.-]+(?:\s+[\p{Lu}][\p{L}'’.-]+){1,3})/iu.exec(cleanText(el, 300)) ?? [])[1] ?? '');
    if (!name || !isPersonName(name) || out.some((o) => o.name.toLowerCase() === name.toLowerCase())) continue;
    // The author box may sit around the byline or elsewhere on the page (after the article), naming the author again.
    const boxes = [
      ...[el, ...ancestors(el, 4)].filter((a) => AUTHOR_BOX.test(a.getAttribute('class') ?? '') && !/byline/i.test(a.getAttribute('class') ?? '')),
      ...[...doc.querySelectorAll('[class*="author" i], [class*="bio" i]')]
        .slice(0, 40)
        .filter((a) => /author-?(?:box|bio|card|info|profile|details|block)|about-?(?:the-)?author|bio-?box|(?:^|\s)bio(?:\s|$)/i.test(a.getAttribute('class') ?? '') && cleanText(a, 3000).includes(name.split(' ')[0]!)),
    ].filter((a) => cleanText(a, 3000).length < 2500);
    const box = boxes[0] ?? el;
    let title = '';
    let company = '';
    const jobEl = box.querySelector('[class*="title" i]:not(h1):not(h2), [class*="role" i], [class*="position" i], [itemprop="jobTitle"]');
    const job = parseJobLine(cleanText(jobEl, 200));
    if (job.title && !/^(?:by|von|par)\s/i.test(cleanText(jobEl, 200))) ({ title, company } = job);
    if (!title) {
      const bio = new RegExp(`${escape(name.split(' ')[0]!)}[^.]{0,40}?\\bis (?:(?:a|an|the|our)\\s+)?([^.,;]{3,80}?)\\s+(?:at|with|for)\\s+([\\p{Lu}][^.,;]{1,60})`, 'u').exec(cleanText(box, 2000));
      if (bio && JOB_WORDS.test(bio[1]!)) {
        title = bio[1]!.replace(/^./, (c) => c.toUpperCase());
        company = bio[2]!.trim();
      }
    }
    out.push({ name, title, company, location: '', elements: box === el ? [] : [box], kind: 'byline' });
  }
  return out;
}

function ancestors(el: Element, n: number): Element[] {
  const out: Element[] = [];
  for (let e = el.parentElement; e && out.length < n && e.tagName !== 'BODY'; e = e.parentElement) out.push(e);
  return out;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
