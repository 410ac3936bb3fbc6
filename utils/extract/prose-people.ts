// People named in running text with a job beside them: "Name, Title at Company", "— Name, Title, Company", "Name (Title)", "our CFO, Name".
import { agencyOf } from './agency';
import { isDepartment, JOB_WORDS, parseJobLine } from './contacts';
import type { LabelledPerson } from './labelled-people';
import { cleanPersonName, isPersonName } from './names';
import { cleanText, visibleText } from './visible-text';

// A capitalised name word ("O'Hare", "Adebayo-Smith", "Ní"), or a middle initial ("A.").
const WORD = String.raw`(?:[\p{Lu}][\p{Ll}\p{Lu}'’-]*[\p{Ll}]|[\p{Lu}]\.)`;
const PARTICLE = String.raw`(?:de|del|della|di|da|das|dos|du|la|le|van|von|der|den|ter|ten|bin|al|el)`;
const NAME = String.raw`${WORD}(?:\s+(?:${PARTICLE}\s+)*${WORD}){1,3}`;
// A job phrase written with capitals ("Head of Product", "VP of Engineering", "Senior UX Research Manager").
const CAP = String.raw`(?:[\p{Lu}][\p{L}'’&/.-]*|&)`;
const TITLE_CAPS = String.raw`${CAP}(?:\s+(?:(?:of|and|for|the|&|de|del|y)\s+)*${CAP}){0,7}`;
// An organization after "at": capitalised words, with "&" or "and" between them.
const ORG = String.raw`[\p{Lu}\d][\p{L}\d'’&.-]*(?:\s+(?:&\s+|and\s+|of\s+)?[\p{Lu}\d][\p{L}\d'’&.-]*){0,5}`;
// What may follow a "Name, Title" in a sentence: punctuation, the end, or a verb or conjunction.
const AFTER = String.raw`(?=\s*(?:[,.;:!?)]|[—–]|\s-\s|$)|\s+(?:on|who|will|and|is|was|has|had|said|says|explains|explained|talks?|shares?|leads?|joined|joins)\b)`;

const IN_SENTENCE = new RegExp(String.raw`(?<![\p{L}'’-])(${NAME}),\s+(${TITLE_CAPS})(?:\s+(?:at|@)\s+(${ORG}))?${AFTER}`, 'gu');
const IN_BRACKETS = new RegExp(String.raw`(?<![\p{L}'’-])(${NAME})\s*\(([^()]{3,80})\)`, 'gu');
// "Meridian's CFO, Daniel Okafor," / "our Head of Payments Product, Ríona Gallagher."
const TITLE_FIRST = new RegExp(
  String.raw`(?:(?<org>${ORG})['’]s|\b(?<own>[Oo]ur|[Tt]heir|[Ii]ts))\s+(?<title>[\p{L}&/-]+(?:\s+[\p{L}&/-]+){0,6}?),\s+(?<name>${NAME})${AFTER}`,
  'gu',
);
// A job written in lower case after a name, as press releases and articles write it: "Rebecca Thornquist, co-founder and
// chief executive officer of Corvane", "Priya Venkataraman, principal analyst at Hollis & Grove Research".
const LOWER = String.raw`[\p{Ll}][\p{Ll}'’-]*`;
const IN_SENTENCE_LOWER = new RegExp(
  String.raw`(?<![\p{L}'’-])(${NAME}),\s+(${LOWER}(?:\s+${LOWER}){0,8}?)(?:\s+(at|of|with)\s+(${ORG}))?(?=\s*(?:[,.;:!?()"“”]|[—–]|\s-\s|$))`,
  'gu',
);
// Words a clause opens with after a name's comma: "Jane Doe, who leads sales" is no job line.
const CLAUSE_OPENER = /^(?:who|whom|whose|which|that|said|says|told|added|adds|noted|explained|is|was|has|had|will|would|and|but|or|also|then|to|for|in|on|as|when|while|where|after|before|because|if|with|from|by|not|now|too)$/;
const ATTRIBUTION = /^\s*(?:[—–―~]|--?)\s*(.+)$/u;

interface Found {
  name: string;
  /** Named under a quote as its author. */
  quote?: boolean;
  /** The company is a possessive's short form ("Meridian's CFO"). */
  short?: boolean;
  title: string;
  company: string;
  /** "our …" and job lines without a company speak of the page's own organization. */
  own: boolean;
}

/** A job phrase: short, with a job word, not a sentence. */
function isJob(title: string): boolean {
  const words = title.trim().split(/\s+/);
  return words.length <= 8 && JOB_WORDS.test(title) && !/[.!?]$/.test(title.trim());
}

function capitalise(s: string): string {
  return s.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/** "Name, Title, Company" or "Name, Title at Company" after a quote's dash, with credentials after the name skipped. */
function attribution(line: string, dashed: boolean): Found | null {
  const m = ATTRIBUTION.exec(line);
  if (!m && !dashed) return null;
  const text = (m ? m[1]! : line).split(/\s+[·•|]\s+/)[0]!.trim();
  const comma = text.indexOf(',');
  if (comma < 0) return null;
  const name = cleanPersonName(text.slice(0, comma));
  const rest = text.slice(comma + 1).replace(/^\s*(?:(?:[A-Z]{2,6}|Ph\.?D\.?|MBA),\s*)+/, '').trim();
  if (!isPersonName(name) || !rest || rest.length > 140) return null;
  const job = parseJobLine(rest);
  if (!job.title || !isJob(job.title.split(',')[0]!)) return null;
  return { name, title: job.title, company: job.company, own: !job.company, quote: true };
}

// Words that open a sentence before a name ("Then Marcus Lindqvist, Principal Designer"): capitalised, but no part of it.
const OPENERS = new Set(
  'then and but also next first finally plus today tonight yesterday tomorrow meanwhile later now so thanks welcome hello hi dear please congratulations congrats with from after before when while since as if featuring starring meet said says added'.split(' '),
);

/** A name without the sentence-opening word captured in front of it. */
function withoutOpener(name: string): string {
  const words = name.split(/\s+/);
  return words.length >= 3 && OPENERS.has(words[0]!.toLowerCase()) ? words.slice(1).join(' ') : name;
}

/**
 * The people one line of running text names with a job. `about` is the
 * page's title and main heading: "Chief Executive of Halden Energy" names
 * the company there, "Head of Product" does not.
 */
export function peopleInSentence(line: string, about = ''): Found[] {
  const out: Found[] = [];
  const add = (f: Found) => {
    f.name = withoutOpener(f.name);
    if (isPersonName(f.name) && !out.some((o) => o.name === f.name)) out.push(f);
  };
  for (const m of line.matchAll(IN_SENTENCE)) {
    let title = m[2]!.trim();
    if (!isJob(title)) continue;
    // "Director, Corporate Communications": a department after the comma is part of the job, not a company.
    const dept = m[3] ? null : /^,\s+([\p{Lu}][\p{L}&' -]{2,60}?)(?=\s*(?:[·•|.;:]|\s[—–-]\s|$))/u.exec(line.slice(m.index + m[0].length));
    if (dept && parseJobLine(`${title}, ${dept[1]}`).title === `${title}, ${dept[1]}`) title = `${title}, ${dept[1]}`;
    let company = (m[3] ?? '').trim();
    // "Nadia Farouk, Saffron Lane PR": a firm's name where the job would be is where the person works.
    const agency = company ? '' : agencyOf(title);
    if (agency) {
      add({ name: m[1]!, title: '', company: agency, own: false });
      continue;
    }
    const of = company ? null : /^(.+?)\s+of\s+(\S+(?:\s+\S+)+)$/.exec(title);
    if (of && about.includes(of[2]!.toLowerCase())) [title, company] = [of[1]!, of[2]!];
    add({ name: m[1]!, title, company, own: !company });
  }
  for (const m of line.matchAll(IN_SENTENCE_LOWER)) {
    const title = m[2]!.replace(/^(?:a|an|the)\s+/, '');
    if (CLAUSE_OPENER.test(title.split(' ')[0]!) || !isJob(title)) continue;
    // The sentence's full stop is no part of the name ("… of Corvane."), an abbreviation's is ("Acme Corp.").
    const org = (m[4] ?? '').trim().replace(/(?<!\b(?:Inc|Ltd|Corp|Co|Bros|Jr|Sr|S\.A|N\.V|B\.V))\.$/, '');
    // "professor of Computer Science": a field after "of" is part of the job, not an employer.
    if (org && m[3] === 'of' && isDepartment(org)) add({ name: m[1]!, title: `${title} of ${org}`, company: '', own: true });
    else add({ name: m[1]!, title, company: org, own: !org });
  }
  for (const m of line.matchAll(IN_BRACKETS)) {
    // "Farid Haddad, Ex Officio (Executive Director)": after a comma the words are the role, not a second name.
    if (/,\s*$/.test(line.slice(0, m.index))) continue;
    const job = parseJobLine(m[2]!);
    if (job.title && isJob(job.title)) add({ name: m[1]!, title: capitalise(job.title), company: job.company, own: false });
  }
  for (const m of line.matchAll(TITLE_FIRST)) {
    const g = m.groups!;
    if (!isJob(g.title!)) continue;
    // "their" points back to an organization the sentence named before; only "our"/"its" and a possessive name say which.
    add({ name: g.name!, title: g.title!, company: g.org?.trim() ?? '', own: !!g.own && !/^their$/i.test(g.own), short: !!g.org });
  }
  return out;
}

// Blocks of running text: paragraphs, list items, quotes and their captions.
const TEXT_BLOCKS = 'p, li, blockquote, blockquote > footer, figure > footer, figcaption, cite';
const CHROME = 'nav, [role="navigation"], [role="banner"], [role="contentinfo"], form';

/** Site chrome: navigation and forms, and a page's header or footer (a quote's or an article's footer is content). */
function inChrome(el: Element): boolean {
  if (el.closest(CHROME)) return true;
  const frame = el.closest('header, footer');
  return !!frame && !frame.parentElement?.closest('blockquote, figure, article, main, [role="main"]') && !/^(?:BLOCKQUOTE|FIGURE)$/.test(frame.parentElement?.tagName ?? '');
}
const ASIDE = 'aside, [class*="related" i], [class*="sidebar" i], [class*="comment" i]';

/**
 * People named in a page's running text with a job beside them, as
 * customer stories, event descriptions, job postings and press articles
 * write them: "Tom Ridley, Head of Product at Fernhill Bank, on …",
 * "— Jordan Reyes, Accounts Payable Manager, Meridian Cold Chain" under a
 * quote, "Chloe Adebayo-Smith (Group Product Manager, Lumenpay)",
 * "Meridian's CFO, Daniel Okafor," or "our Head of Payments Product, Ríona
 * Gallagher". A capitalised pair of words alone is never a person: the job
 * beside it is the cue. A block that names one person holds their contacts;
 * a job without a company is at `pageCompany` (in the main text, not in
 * related-content sidebars).
 */
export function findProsePeople(doc: Document, pageCompany = ''): LabelledPerson[] {
  const out: LabelledPerson[] = [];
  const all = [...doc.querySelectorAll(TEXT_BLOCKS)].slice(0, 3000);
  // Only the innermost blocks are read (a quote around its paragraphs would repeat them); marked by walking up once each.
  const candidates = new Set(all);
  const outer = new Set<Element>();
  for (const el of all) {
    for (let e = el.parentElement, i = 0; e && i < 200; e = e.parentElement, i++) {
      if (!candidates.has(e)) continue;
      if (outer.has(e)) break;
      outer.add(e);
    }
  }
  const blocks = all.filter((el) => !outer.has(el) && !inChrome(el));
  const companies: string[] = [];
  const about = `${cleanText(doc.querySelector('h1'), 300)} ${cleanText(doc.querySelector('title'), 300)}`.toLowerCase();
  for (const el of blocks) {
    const lines = visibleText(el, 3000).split('\n').map((l) => l.trim()).filter(Boolean);
    const quoted = !!el.closest('blockquote, figure, [class*="quote" i], [class*="testimonial" i]');
    // A quote's footer or caption names its author even without a dash.
    const dashed = quoted && /^(?:FOOTER|CITE|FIGCAPTION)$/.test(el.tagName);
    const found: Found[] = [];
    for (const line of lines) {
      const a = attribution(line, dashed);
      if (a) found.push(a);
      else if (line.length <= 1000) found.push(...peopleInSentence(line, about));
    }
    const inAside = !!el.closest(ASIDE);
    const people = found.filter((f, i) => found.findIndex((g) => g.name === f.name) === i);
    for (const f of people) {
      if (out.some((o) => o.name.toLowerCase() === f.name.toLowerCase())) continue;
      // A testimonial's author is someone else's client; a story about a customer (its company in the main heading
      // or the title) quotes the customer's people, who are the prospects.
      if ((f.quote || quoted) && !(f.company && about.includes(f.company.toLowerCase()))) continue;
      const person: LabelledPerson = {
        name: f.name,
        title: f.title,
        company: f.company || (f.own && !inAside ? pageCompany : ''),
        location: '',
        elements: people.length === 1 && cleanText(el, 2000).length < 1500 ? [el] : [],
        kind: 'label',
        text: '',
      };
      out.push(person);
      if (f.company && !f.short) companies.push(f.company);
      if (out.length >= 50) return out;
    }
  }
  // "Meridian's CFO": the possessive is a short form of an organization the page names in full ("Meridian Cold Chain").
  for (const p of out) {
    if (!p.company || companies.includes(p.company)) continue;
    const full = companies.find((c) => c.toLowerCase().startsWith(`${p.company.toLowerCase()} `));
    if (full) p.company = full;
  }
  return out;
}
