// Person segmentation without markup: repeated cards, table rows, definition lists, list items, flat heading runs.
import { isContactLink, JOB_WORDS, MAX_ANCHORS, parseJobLine } from './contacts';
import { cleanPersonName, isPersonName } from './names';
import { isLocationLine, labelledLocation } from './location';
import { isPlaceBlock } from './places';
import { cleanText, firstLine, visibleText } from './visible-text';

/** One person's part of a page: their name, what they do, and the elements holding their contacts. */
export interface PersonBlock {
  name: string;
  title: string;
  company: string;
  location: string;
  /** Elements whose contacts are this person's (a card, a table row, a dt and its dds). */
  elements: Element[];
  /** How the block was found; decides how sure the name is. */
  kind: 'card' | 'table' | 'list' | 'byline' | 'label';
}

// A quick look before the full name test: two to six words, the first capitalised, no digits, short.
const NAME_SHAPED = /^\s*[\p{Lu}][^\d\n]{2,70}$/u;
/** Where a card's person name is written, in document order. */
const NAME_SELECTOR = 'h1, h2, h3, h4, h5, h6, dt, strong, b, a, [class*="name" i], [itemprop="name"]';
/** How far above a name or contact link a card may start. */
const MAX_CARD_DEPTH = 8;
/** Beyond what one capture may return, so the caller can tell the user how many there were. */
const MAX_CARDS = 1000;
const MAX_NAME_CANDIDATES = 5000;
/** Blocks that list site chrome, never people. */
const CHROME = 'nav, footer, header, [role="navigation"], [role="contentinfo"], [role="banner"], form, select';

/**
 * The site-chrome elements of a page: navigation, headers, footers, forms
 * (their placeholders are no people). A form around the page's main content
 * is no chrome: ASP.NET WebForms wraps every page in one.
 */
function chromeElements(doc: Document): Set<Element> {
  return new Set([...doc.querySelectorAll(CHROME)].filter((el) => el.tagName !== 'FORM' || !el.querySelector('h1, main, [role="main"], article')));
}

/** Whether an element is inside one of `chrome`. */
function inChrome(el: Element, chrome: Set<Element>): boolean {
  if (!chrome.size) return false;
  for (let e: Element | null = el; e; e = e.parentElement) if (chrome.has(e)) return true;
  return false;
}

// Class tokens that mark a job line ("member-role", "entity-result__primary-subtitle", "jobTitle"); utility classes
// such as "position-relative" or "title-lg" end with something else.
const JOB_CLASS = /(?:^|[-_])(?:job-?title|jobtitle|title|titles|subtitle|position|role|headline|designation|occupation|job|funktion|poste|fonction|cargo|puesto|stanowisko|funkcja|ruolo|functie|befattning|직책|직위)$/i;
// Directory builders write class names in camelCase ("fsTitles", "staffJobTitle", "memberRole").
const JOB_CLASS_CAMEL = /[a-z](?:Job)?(?:Title|Titles|Position|Role|Designation)$/;
const COMPANY_CLASS = /(?:^|[-_])(?:company|company-?name|organi[sz]ation|org|org-?name|employer|firm|firm-?name|affiliation|institution|unternehmen|entreprise|societe|empresa|agency|agency-?name|brokerage|brokerage-?name|business-?name|(?:company|partner|client|employer)-?logo)$/i;
const PIN_ICON = /(?:^|[-_])(?:geo(?:-alt)?|map-?marker(?:-alt)?|map-?pin|location(?:-dot|-pin)?|place|pin)$/i;
const LOCATION_CLASS = /(?:^|[-_])(?:location|locality|city|region|place|standort|lieu|secondary-subtitle)$/i;
// Class tokens that name something other than a person.
const NOT_PERSON_CLASS = /company|org|brand|product|event|venue|user-?name|file|site|logo|school|team-name|group|category|tag/i;

// A map link (Google, Apple, Bing Maps, OpenStreetMap) names a venue too: "Brightwork Coworking" under a pin.
const PLACE_LINK =
  /(?:^|[/_=-])(?:locations?|location_identifiers|places?|cities|city|countries|country|regions?|geo)(?:[/_=?#-]|$)|^https?:\/\/(?:www\.|maps\.)?(?:google\.[a-z.]+\/maps|maps\.google\.|maps\.apple\.com|bing\.com\/maps|(?:www\.)?openstreetmap\.org)|^https?:\/\/goo\.gl\/maps/i;

function classTokens(el: Element): string[] {
  return (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
}

/** Elements of a card that say what the person does, marked by class or `itemprop="jobTitle"`. */
function jobElements(card: Element): Element[] {
  return [...card.querySelectorAll('[class], [itemprop="jobTitle"]')].filter(
    (el) => el.getAttribute('itemprop') === 'jobTitle' || classTokens(el).some((t) => JOB_CLASS.test(t) || JOB_CLASS_CAMEL.test(t)),
  );
}

/** The name written by an element, cleaned of "View …'s profile" and badges, if it is a person's name. */
export function personNameOf(el: Element | null | undefined): string {
  if (!el) return '';
  if (classTokens(el).some((t) => NOT_PERSON_CLASS.test(t) && !/person|member|author|speaker|people|profile/i.test(t))) return '';
  // A link into a place directory ("/locations/united-kingdom") names a place, whatever its shape.
  if (el.tagName === 'A' && PLACE_LINK.test(el.getAttribute('href') ?? '')) return '';
  const text = cleanText(el, 300);
  // A heading may write the job after the name in a <small> (Bootstrap's secondary heading text), a name element too: "<h4>王建国 <small>总经理</small></h4>".
  const sub = el.querySelector(':scope > small');
  if (sub && JOB_WORDS.test(cleanText(sub, 200))) {
    const own = cleanPersonName(text.replace(cleanText(sub, 200), '').replace(/\s*[（(][^）)]*[）)]\s*/g, ' ').trim());
    return isPersonName(own, true) ? own : '';
  }
  // "Pobočka Ostrava:" labels the value after it.
  if (/[:：]$/.test(text)) return '';
  const name = cleanPersonName(text);
  if (name && isPersonName(name)) return name;
  // A dialog's or card's heading may carry the job after a bar or a dash: "Olivia Brennan | Director – Finance".
  const split = /^([^|–—]{4,60}?)\s+[|–—]\s+(.{2,120})$/.exec(text);
  if (split && JOB_WORDS.test(split[2]!) && isPersonName(cleanPersonName(split[1]!))) return cleanPersonName(split[1]!);
  // An element marked as a name may hold a name in ideographs, with its reading in brackets: "佐藤 美咲 （さとう みさき）".
  if (el.getAttribute('itemprop') === 'name' || classTokens(el).some((t) => /name/i.test(t))) {
    const cjk = text.replace(/\s*[（(][^）)]*[）)]\s*/g, ' ').trim();
    if (isPersonName(cjk, true)) return cjk;
  }
  // Sites print the name twice for screen readers: the aria-hidden copy alone is the name.
  if (!el.firstElementChild || text.length < 5) return '';
  const hidden = el.querySelector('[aria-hidden="true"]');
  const alone = hidden ? cleanPersonName(cleanText(hidden, 300)) : '';
  return alone && isPersonName(alone) ? alone : '';
}

const JOB_LABEL = /^(?:funktion|position|positions|titel|title|titles|job title|job titles|role|roles|rolle|poste|fonction|cargo|puesto|stanowisko|役職|직책)\s*[:：]\s*/i;

/** Splits "Title at Company" but only reads a line as a job when it is short and has a job word. */
function jobOf(text: string): { title: string; company: string } {
  let line = (text.split('\n')[0]?.trim() ?? '').replace(JOB_LABEL, '');
  // "Jonas Becker (independent consultant)": a job in brackets after a name is the job without them.
  line = line.replace(/^[(（]([^()（）]+)[)）]$/, '$1');
  // A bio paragraph starts with the job: "VP of Revenue Operations at Quorum Health. Previously led …".
  // So does a sentence with the job ("Senior Talent Partner. Email aoife@…"); "Sr. Engineer" has no job before its dot.
  // "co-advised with Prof. Harold Lindgren": an abbreviation's dot ends no sentence.
  const head = line.split(/(?<=[\p{Ll})])(?<!\b(?:Prof|Dr|Mr|Mrs|Ms|Mx|St|Sr|Jr|Inc|Co|Corp|Ltd|Dept|Univ|Assoc|Asst|approx|vs|etc))\.\s+(?=\p{Lu})/u)[0] ?? line;
  if (line.length > 100 || (head !== line && JOB_WORDS.test(head))) line = head;
  // A bio sentence naming two roles ("Founder of Bellwether Partners and host of The Pipeline since 2019.") gives its first.
  const roles = /^(.{8,80}?)\s+and\s+\p{Ll}[^.]*\.$/u.exec(line);
  if (roles && line.length > 40 && JOB_WORDS.test(roles[1]!)) line = roles[1]!;
  if (!line || line.length > 160 || /^(?:by|von|par)\s/i.test(line)) return { title: '', company: '' };
  return parseJobLine(line);
}

// A badge set inside a job line ("Broker Associate <span class="badge">Se habla español</span>", a Tailwind pill
// "rounded bg-amber-100 px-1.5 uppercase"): a label beside the job, not part of it.
const BADGE_CLASS = /^(?:badge|pill|chip|tag|label|status|flag)(?:$|[-_])|[-_](?:badge|pill|chip|tag)$/i;

function isBadge(el: Element): boolean {
  const tokens = classTokens(el);
  return tokens.some((t) => BADGE_CLASS.test(t)) || (tokens.some((t) => /^rounded(?:$|-)/.test(t)) && tokens.some((t) => /^bg-/.test(t)));
}

/**
 * A role written as the card's heading above the name ("<h3>Schatzmeister</h3> … <strong>Name</strong>"), as boards
 * and committees list their office holders: the office is the title, the line under the name only their occupation.
 */
function roleHeading(card: Element, nameEl: Element | null): string {
  if (!nameEl) return '';
  const heading = card.querySelector('h2, h3, h4, h5, h6');
  if (!heading || heading === nameEl || heading.contains(nameEl) || nameEl.contains(heading)) return '';
  // Only a heading before the name: one after it titles the next part of the card ("Publications").
  if (!(heading.compareDocumentPosition(nameEl) & 4)) return '';
  const text = cleanText(heading, 80);
  if (!text || text.length > 60 || personNameOf(heading)) return '';
  const job = jobOf(text);
  return job.title && !job.company ? job.title : '';
}

/** Whether the text of an element marked as a job title can be one: short, not the name, no contact, not a date or a number. */
function isMarkedJob(text: string, name: string): boolean {
  return (
    text.length >= 2 &&
    text.length <= 80 &&
    text !== name &&
    /\p{L}{2}/u.test(text) &&
    !/@|https?:|^\+?[\d\s().-]+$|\b(?:19|20)\d\d\b/u.test(text) &&
    !/[:：!?]$/.test(text) &&
    // A call to action speaks to the reader: "We are hiring", "Join our team".
    !/\b(?:we|our|us|you|your|join|hiring|apply)\b/i.test(text)
  );
}

/** The job line of a card: a marked element, the element beside the name, a role heading above it, or the text after the name. */
function jobInCard(card: Element, nameEl: Element | null, name: string, loose = true): { title: string; company: string } {
  const tried = new Set<Element>();
  const sub = jobOf(cleanText(nameEl?.querySelector(':scope > small'), 200));
  if (sub.title) return sub;
  const marked = jobElements(card);
  const candidates: Array<Element | null | undefined> = [
    ...marked,
    nameEl?.nextElementSibling,
    nameEl?.parentElement !== card ? nameEl?.parentElement?.nextElementSibling : null,
    nameEl?.previousElementSibling,
  ];
  for (const el of candidates) {
    if (!el || tried.has(el) || (nameEl && (el.contains(nameEl) || nameEl.contains(el))) || !card.contains(el)) continue;
    tried.add(el);
    const line = firstLine(el, 400, isBadge) || firstLine(el, 400);
    const job = jobOf(line);
    if (job.title) return job;
    // An element marked as the job says it is one, whatever its words: "7th Grade Science", "Spanish I & II".
    if (loose && marked.includes(el)) {
      const plain = line.replace(JOB_LABEL, '').trim();
      if (isMarkedJob(plain, name)) return { title: plain, company: '' };
    }
  }
  // A field labelled as the job ("<dt>Role <span class="status-tag">ACTIVE</span></dt><dd>Director</dd>"), as registers lay out their records.
  for (const label of card.querySelectorAll('dt, th')) {
    const text = cleanText(label.nextElementSibling, 120);
    if (JOB_LABEL.test(firstLine(label, 60, isBadge) + ':') && isMarkedJob(text, name)) return { title: text, company: '' };
  }
  // A role heading outranks what is written in the name's own line after a break (there, an occupation).
  const role = roleHeading(card, nameEl);
  if (role) return { title: role, company: '' };
  // "Jane Doe — Professor of Chemistry" written in one line of a list item.
  // Only the rest of the name's line counts: a <br> or a block ends the job ("Founder<br><a>callum@…</a>").
  const lines = visibleText(card, 600).split('\n');
  const at = lines.findIndex((l) => l.includes(name));
  if (at >= 0) {
    const line = lines[at]!;
    const rest = line.slice(line.indexOf(name) + name.length).replace(/^[\s,;:|•·–—-]+/, '');
    const job = jobOf(rest.split(/\s{2,}|\s[|•·]\s/)[0] ?? '');
    if (job.title) return job;
    // Or on one of the next lines, perhaps labelled: "Funktion: Geschäftsführerin", "Position: Partner".
    for (const next of rest ? [] : lines.slice(at + 1, at + 4)) {
      const labelled = jobOf(next);
      if (labelled.title) return labelled;
    }
  }
  return { title: '', company: '' };
}

/** A card's company written in an element of its own ("<div class="speaker__company">"). */
function companyInCard(card: Element): string {
  const el = [...card.querySelectorAll('[class]')].find((e) => classTokens(e).some((t) => COMPANY_CLASS.test(t)));
  // A customer's company is often shown as its logo: the logo's alt text names it.
  const t = cleanText(el, 200) || (el?.querySelector('img[alt]')?.getAttribute('alt') ?? '').replace(/\s+(?:logo|logotype)$/i, '').trim();
  return t.length <= 80 && !/@|https?:|\d{5,}/.test(t) ? t : '';
}

/** A card's location: an element marked by a location class, a labelled value, or a line shaped like a place. */
function locationInCard(card: Element, name = ''): string {
  const el = [...card.querySelectorAll('[class]')].find((e) => classTokens(e).some((t) => LOCATION_CLASS.test(t)));
  const t = cleanText(el, 200);
  // Regions listed one after another ("Jihomoravský kraj", "Zlínský kraj") are a sales territory, not where the person is.
  if (t && t.length <= 100 && !/@|\d{5,}/.test(t) && shape(el!.nextElementSibling ?? card) !== shape(el!)) return t;
  const labelled = labelledLocation(card);
  if (labelled) return labelled;
  // A listing's postal address: its town line without the postcode ("Sacramento, CA 95825" → "Sacramento, CA").
  const address = card.querySelector('address, [itemprop="address"]');
  if (address) {
    const town = visibleText(address, 300)
      .split('\n')
      .map((l) => l.replace(/\b\d{4,6}(?:-\d{4})?\b/g, ' ').replace(/\s+,/g, ',').replace(/\s+/g, ' ').trim().replace(/,$/, ''))
      .reverse()
      .find((l) => isLocationLine(l));
    if (town) return town;
  }
  // A line led by a map-pin icon ("<i class="bi bi-geo-alt"></i>Boston") is a place, even as one word.
  const pin = [...card.querySelectorAll('i, svg, span')].find((e) => !cleanText(e, 5) && classTokens(e).some((t) => PIN_ICON.test(t)));
  const pinned = pin?.parentElement ? cleanText(pin.parentElement, 80) : '';
  if (pinned && pinned.length <= 60 && !/[\d@]/.test(pinned)) return pinned;
  // "Austin, TX" on a line of its own under the job line; an inverted name ("Doe, Jane") is the person, not a place.
  const lines = visibleText(card, 1500).split('\n').slice(0, 12);
  return lines.find((l) => isLocationLine(l) && !(name && (l.includes(name) || namesAll(l, name)))) ?? '';
}

/** Whether a line holds every word of a name, in any order or case ("View appointments for DOE, Jane"). */
function namesAll(line: string, name: string): boolean {
  const words = line.toLowerCase().split(/[\s,]+/);
  return name.toLowerCase().split(/\s+/).every((w) => words.includes(w));
}

/** Element shape used to recognise repeated cards: tag and first class. */
function shape(el: Element): string {
  // Builders give each element a class of its own, often its id ("comp-lr1a0c13" on Wix): the next class is the kind.
  const id = el.id;
  // Numbered classes ("appointment-1", "appointment-2") mark items of one list; grid sizes ("col-md-9") are not numbers of items.
  const kind = ([...el.classList].find((c) => c !== id) ?? '').replace(/^([a-z]{4,}[-_])\d+$/i, '$1#');
  return `${el.tagName}.${kind}`;
}

/** A flat run: a name heading and what follows it up to the next element of its shape (at most 12). */
function runOf(head: Element): Element[] {
  const run: Element[] = [head];
  for (let e = head.nextElementSibling; e && shape(e) !== shape(head) && run.length < 12; e = e.nextElementSibling) run.push(e);
  return run;
}

/** Column meanings of a people table, read from its header cells. */
const COLUMN_PATTERNS: Array<[keyof Omit<PersonBlock, 'elements' | 'kind'> | 'contact' | 'area', RegExp]> = [
  ['name', /^(?:(?:full\s*)?name|person|nom|nombre|nome|jméno|meno|imię|név|名前|氏名|성명|이름|성함|faculty|member|speaker|attorney|lawyer|staff|employee|contact(?:\s*person)?|ansprechpartner(?:in)?)$/i],
  ['title', /^(?:(?:job\s*)?title|position|role|job|rank|funktion|funkc(?:e|ia)|pozice|titel|poste|fonction|cargo|役職|직책|직위|직급|designation|appointment)$/i],
  // What each person looks after, when the table has no title column: "Area", "Focus", "Responsibilities".
  ['area', /^(?:areas?|focus(?:\s*areas?)?|responsibilit(?:y|ies)|remit|portfolio|zuständigkeit|bereich|domaine|área)$/i],
  ['company', /^(?:company|organi[sz]ation|employer|affiliation|firm|firma|unternehmen|société|entreprise|empresa|所属|会社)(?:\s*name)?$/i],
  ['location', /^(?:location|office|city|standort|ort|ville|ciudad|所在地|based in|region)$/i],
  ['contact', /^(?:e-?mail|email address|mail|courriel|phone|telephone|tel\.?|telefon|téléphone|電話|contact|mobile?|extension|ext\.?)$/i],
];

/**
 * A name in ideographs or Hangul in a cell its column header calls the name ("성명", "氏名"), with its romanised
 * reading in brackets: "최민지 (Choi Min-ji)".
 */
function labelledCjkName(cell: Element | undefined): string {
  const text = cleanText(cell, 120).replace(/\s*[（(][^）)]*[）)]\s*/g, ' ').trim();
  return text && isPersonName(text, true) ? text : '';
}

/** One block per row of each table whose rows are people (a name cell, and a header or a job cell). */
function tableBlocks(doc: Document): PersonBlock[] {
  const chrome = chromeElements(doc);
  const out: PersonBlock[] = [];
  for (const table of [...doc.querySelectorAll('table')].slice(0, 50)) {
    if (inChrome(table, chrome) || table.querySelector('table')) continue;
    const rows = [...table.querySelectorAll('tr')].slice(0, MAX_CARDS);
    if (rows.length < 2) continue;
    const headerRow = rows.find((r) => r.querySelector('th') && !r.querySelector('td')) ?? null;
    const columns = new Map<number, string>();
    if (headerRow) {
      [...headerRow.children].forEach((cell, i) => {
        const t = cleanText(cell, 80).replace(/[:：]$/, '');
        const hit = COLUMN_PATTERNS.find(([, re]) => re.test(t));
        if (hit) columns.set(i, hit[0]);
      });
    }
    const nameCol = [...columns].find(([, f]) => f === 'name')?.[0];
    const rowsOut: PersonBlock[] = [];
    for (const row of rows) {
      if (row === headerRow) continue;
      const cells = [...row.children];
      if (cells.length < 2) continue;
      // Without a header, a row is a person when one of its first cells is a name and another a job line.
      let name = '';
      let nameCell: Element | undefined;
      if (nameCol !== undefined) {
        nameCell = cells[nameCol];
        name = personNameOf(nameCell?.querySelector('a, strong, b') ?? null) || personNameOf(nameCell) || labelledCjkName(nameCell);
      } else {
        for (const [i, c] of cells.slice(0, 3).entries()) {
          // A column the header names as something else ("Organization Name", "Title") holds no person.
          if (columns.has(i)) continue;
          name = personNameOf(c.querySelector('a, strong, b')) || personNameOf(c) || personNameOf(c.querySelector('[class*="name" i], [itemprop="name"]'));
          if (name) {
            nameCell = c;
            break;
          }
        }
      }
      if (!name || !nameCell) continue;
      const b: PersonBlock = { name, title: '', company: '', location: '', elements: [row], kind: 'table' };
      cells.forEach((cell, i) => {
        const field = columns.get(i);
        const t = cleanText(cell, 300);
        if (field === 'title' && t && !b.title) {
          const job = parseJobLine(t);
          b.title = job.title || t;
          b.company ||= job.company;
        } else if (field === 'company' && t) b.company ||= t;
        else if (field === 'location' && t) b.location ||= t;
      });
      if (!b.title) {
        // The name cell may carry the job under the name; else a cell without a header that reads as a job.
        const inName = jobInCard(nameCell, nameCell.querySelector('a, strong, b'), name);
        const other = cells.filter((c, i) => c !== nameCell && !columns.has(i)).map((c) => jobOf(cleanText(c, 300))).find((j) => j.title);
        const job = inName.title ? inName : (other ?? { title: '', company: '' });
        b.title = job.title;
        b.company ||= job.company;
      }
      const area = [...columns].find(([, f]) => f === 'area')?.[0];
      if (!b.title && area !== undefined) b.title = cleanText(cells[area], 120);
      const hasContact = !![...row.querySelectorAll('a[href]')].find((a) => /^(?:mailto|tel):/i.test(a.getAttribute('href') ?? '')) || /@|\+?\d[\d\s().-]{6,}\d/.test(cleanText(row, 600));
      if (nameCol !== undefined || b.title || hasContact) rowsOut.push(b);
    }
    // A lone name in a table is a label-value table ("Contact | Jane Doe"), read by the labelled-line finder instead.
    if (rowsOut.length >= 2 || (rowsOut.length === 1 && nameCol !== undefined)) out.push(...rowsOut);
  }
  return out;
}

/** One block per `<dt>` that is a name, with the `<dd>`s after it. */
function definitionListBlocks(doc: Document): PersonBlock[] {
  const chrome = chromeElements(doc);
  const out: PersonBlock[] = [];
  for (const dl of [...doc.querySelectorAll('dl')].slice(0, 100)) {
    if (inChrome(dl, chrome)) continue;
    const groups: PersonBlock[] = [];
    let current: PersonBlock | null = null;
    for (const child of dl.children) {
      if (child.tagName === 'DT' || (child.tagName === 'DIV' && child.querySelector(':scope > dt'))) {
        const dt = child.tagName === 'DT' ? child : child.querySelector(':scope > dt')!;
        const name = personNameOf(dt.querySelector('a, strong, b')) || personNameOf(dt);
        current = name ? { name, title: '', company: '', location: '', elements: [child], kind: 'list' } : null;
        if (current) groups.push(current);
        if (current && child.tagName === 'DIV') {
          for (const dd of child.querySelectorAll(':scope > dd')) {
            const job = jobOf(cleanText(dd, 300));
            if (!current.title && job.title) Object.assign(current, { title: job.title, company: job.company });
          }
        }
      } else if (child.tagName === 'DD' && current) {
        current.elements.push(child);
        const job = jobOf(cleanText(child, 300));
        if (!current.title && job.title) Object.assign(current, { title: job.title, company: job.company });
      }
    }
    if (groups.length >= 2) out.push(...groups);
  }
  return out;
}

/** A person named in a labelled field of a card, and the element holding the value. */
interface LabelledContact {
  el: Element;
  name: string;
  role: string;
}

const CONTACT_FIELD =
  /^(?:(?:key|main|named|primary|sales)\s+)?contact(?:\s+(?:person|name))?\s*[:：]?$|^(?:ansprechpartner(?:in)?|kontaktperson|contactpersoon|contacto|persona de contacto|contatto|referente|interlocuteur)\s*[:：]?$/i;
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Herr|Frau|Mme|M\.|Sr|Sra)\.?\s+/;

/**
 * The person a card names in a "Contact" field ("<dt>Contact</dt><dd>Simon
 * Hartley, Managing Director</dd>", "<strong>Contact:</strong> Jane Doe"),
 * as member directories list companies with the person to ask for.
 */
function labelledContact(card: Element): LabelledContact | 'nobody' | null {
  let labelled = false;
  // Labels may also be styled blocks of their own ("<div class="_lbl">Contact person</div><div>Name</div>").
  for (const label of [...card.querySelectorAll('dt, th, strong, b, label, [class*="lbl" i], [class*="label" i]')].slice(0, 30)) {
    const labelText = cleanText(label, 60);
    if (!CONTACT_FIELD.test(labelText)) continue;
    const inline = label.tagName !== 'DT' && label.tagName !== 'TH' && !(label.tagName === 'DIV' && !label.firstElementChild);
    const valueEl = inline ? label.parentElement : label.nextElementSibling;
    if (!valueEl || !card.contains(valueEl)) continue;
    const text = cleanText(valueEl, 200);
    const value = (inline ? text.slice(text.indexOf(labelText) + labelText.length) : text).replace(/^[\s:：–—-]+/, '').replace(HONORIFIC, '');
    // "Contact: jane@…" says how, not who; "Contact: Sales Office" says nobody.
    labelled ||= !!value && value.length <= 60 && !/[@\d]/.test(value);
    const line = nameAndRole(value);
    if (line && JOB_WORDS.test(line.role)) return { el: valueEl, name: line.name, role: line.role };
    const name = cleanPersonName(value);
    // The role may follow on a line of its own ("<div>Élodie Garnier</div><div>Responsable Export</div>").
    const after = cleanText(valueEl.nextElementSibling, 100);
    if (isPersonName(name)) return { el: valueEl, name, role: after && !/[@\d]/.test(after) && parseJobLine(after).title ? after : '' };
  }
  return labelled ? 'nobody' : null;
}

/**
 * Repeated blocks of the same shape that each name a person and either
 * hold a contact link or say what the person does: team cards, speaker
 * grids, search-result lists, list items. When the repeated element is the
 * name heading itself (`<h3>Name</h3><p>Title</p><h3>…`), the block runs
 * from the heading to the next one.
 */
/**
 * A bold or linked phrase in the middle of a paragraph's sentence ("Huge thanks to <b>Brightwork Coworking</b> for
 * the space") is emphasis in running text, not a card's name line; a bio that opens with the bold name still is.
 */
function midSentence(n: Element): boolean {
  if (!/^(?:STRONG|B|A|EM|SPAN)$/.test(n.tagName)) return false;
  const p = n.closest('p');
  if (!p) return false;
  const text = cleanText(p, 600);
  const before = text.indexOf(cleanText(n, 200));
  return text.length > 150 && before > 15;
}

function cardBlocks(doc: Document, url: string, taken: Set<Element>): PersonBlock[] {
  const shapeCounts = new Map<Element, Map<string, number>>();
  const siblingsOfShape = (el: Element): number => {
    const parent = el.parentElement;
    if (!parent) return 0;
    let counts = shapeCounts.get(parent);
    if (!counts) {
      counts = new Map();
      for (const c of parent.children) counts.set(shape(c), (counts.get(shape(c)) ?? 0) + 1);
      shapeCounts.set(parent, counts);
    }
    return counts.get(shape(el)) ?? 0;
  };
  const names = new Map<Element, Element | null>();
  // A repeated block is a card when others of its shape beside it name people too: the paragraphs of one person's
  // box ("<p><strong>Name</strong><br>…</p><p>Tel.: …</p>") repeat a shape, but only one of them names anyone.
  const namedCount = new Map<Element, number>();
  const namedSiblings = (el: Element): number => {
    const parent = el.parentElement;
    if (!parent) return 0;
    const key = shape(el);
    let n = namedCount.get(el);
    if (n === undefined) {
      n = 0;
      for (const c of parent.children) if (shape(c) === key && nameIn(c) && ++n >= 2) break;
      namedCount.set(el, n);
    }
    return n;
  };
  const contactOf = new Map<Element, LabelledContact>();
  const nameIn = (el: Element): Element | null => {
    if (!names.has(el)) {
      // A listing of a company that names its contact ("Contact: Simon Hartley, Managing Director") is that person's card.
      const contact = labelledContact(el);
      // A listing whose contact is a desk ("Contact: Sales Office") names nobody; its heading is the company.
      if (contact === 'nobody') {
        names.set(el, null);
        return null;
      }
      if (contact) {
        contactOf.set(contact.el, contact);
        names.set(el, contact.el);
        return contact.el;
      }
      const named = (n: Element) => ((v) => !!v && v !== logoAt.get(el))(personNameOf(n));
      const own = el.matches(NAME_SELECTOR) && named(el) ? el : null;
      // Builders style the name with utility classes only ("text-size-large text-weight-semibold"): a leaf line of the card then.
      names.set(
        el,
        own ??
          [...el.querySelectorAll(NAME_SELECTOR)].slice(0, 40).find((n) => named(n) && !midSentence(n)) ??
          [...el.querySelectorAll('div, span, p')].filter((n) => !n.firstElementChild).slice(0, 6).find(named) ??
          null,
      );
    }
    return names.get(el)!;
  };
  const chrome = chromeElements(doc);
  const inside = (el: Element, set: Set<Element>): boolean => {
    if (!set.size) return false;
    for (let e: Element | null = el; e; e = e.parentElement) if (set.has(e)) return true;
    return false;
  };
  const isTaken = (el: Element) => inside(el, taken);
  // An image the page calls a logo names an organization: the one logo a few levels around a card (a startup's card
  // holding its founders) names where that card's person works, and is not the person's name.
  const logoAt = new Map<Element, string>();
  for (const img of doc.querySelectorAll('img[alt]')) {
    const alt = img.getAttribute('alt')!.replace(/\s+logo$/i, '').trim();
    if (!alt || !/logo/i.test(`${img.className} ${img.getAttribute('src')}`) || inside(img, chrome)) continue;
    for (let e = img.parentElement, i = 0; e && i < 4; e = e.parentElement, i++) logoAt.set(e, (logoAt.get(e) ?? alt) === alt ? alt : '');
  }
  const hasContact = (el: Element) =>
    !!el.querySelector('[data-cfemail]') || [...el.querySelectorAll('a[href]')].slice(0, 50).some((a) => isContactLink(a, url));

  // A block naming two people alike (two names marked the same way) is a section around their cards, never one person's
  // card: a builder's flat canvas of absolutely placed names, jobs and links, where no element groups one person's.
  const namesSeveral = (el: Element): boolean => {
    const seen = new Map<string, string>();
    return [...el.querySelectorAll(NAME_SELECTOR)].slice(0, 40).some((n) => {
      const name = personNameOf(n);
      const prev = seen.get(n.tagName + n.className);
      if (name) seen.set(n.tagName + n.className, name);
      return !!name && !!prev && prev !== name;
    });
  };
  const cards = new Map<Element, 'job'>();
  // The tags from a block down to its name: cards of one list write their names alike.
  const namePath = (block: Element): string => {
    const parts: string[] = [];
    for (let e: Element | null = nameIn(block); e && e !== block && parts.length < MAX_CARD_DEPTH + 2; e = e.parentElement) parts.push(e.tagName);
    return parts.join('<');
  };
  // Whether another block of this one's shape beside it names its person the same way (a list of cards, not a
  // page row that holds a lone box beside other sections).
  const nameLaidOutAlike = (el: Element): boolean => {
    const path = namePath(el);
    return [...el.parentElement!.children].some((c) => c !== el && shape(c) === shape(el) && nameIn(c) && namePath(c) === path);
  };
  const qualifies = (el: Element, needJob: boolean): boolean => {
    if (nameIn(el) === el) {
      const run = runOf(el);
      return !needJob || run.some(hasContact) || !!jobOf(cleanText(run[1], 300)).title;
    }
    // A card without a contact needs a real job line: a marked line alone ("We are hiring") makes no person.
    return !needJob || hasContact(el) || contactOf.has(nameIn(el)!) || !!jobInCard(el, nameIn(el), personNameOf(nameIn(el)), false).title;
  };
  const climb = (start: Element, needJob: boolean): void => {
    // A repeated block whose like siblings name nobody (the paragraphs of one person's box) is the card only when no
    // block further up, repeated beside other people's and around the same name, is.
    let fallback: Element | null = null;
    let nameEl: Element | null = null;
    let el: Element | null = start;
    for (let depth = 0; el && el !== doc.body && depth < MAX_CARD_DEPTH; depth++, el = el.parentElement) {
      if (el.tagName === 'TR' || el.tagName === 'TABLE' || el.tagName === 'BODY' || el.tagName === 'MAIN') break;
      // The nearest repeated block that names someone is their card; a repeated block without a name (a list of social links) is not.
      if (siblingsOfShape(el) >= 2 && nameIn(el)) {
        if (namesSeveral(el)) break;
        // Page builders wrap each part of a card alike ("elementor-element" around the image, the name, the details):
        // a repeated wrapper holding only the name is part of the card, not the card.
        if (nameIn(el) !== el && cleanText(el, 300) === cleanText(nameIn(el), 300)) continue;
        if (nameEl && nameIn(el) !== nameEl) break;
        nameEl = nameIn(el);
        if (namedSiblings(el) < 2) {
          if (!fallback && qualifies(el, needJob)) {
            // A block that holds the person's contacts itself is their whole card ("<p><strong>Name</strong><br>Title<br>
            // <a href=mailto:…>"); one with only the name and a line is the head of a bigger one.
            if (hasContact(el) || /@|\d[\d ()./-]{6,}\d/.test(cleanText(el, 600))) {
              cards.set(el, 'job');
              return;
            }
            fallback = el;
          }
          continue;
        }
        if (qualifies(el, needJob) && (!fallback || nameLaidOutAlike(el))) cards.set(el, 'job');
        else if (fallback) cards.set(fallback, 'job');
        return;
      }
    }
    if (fallback) cards.set(fallback, 'job');
  };
  for (const a of [...doc.querySelectorAll('a[href], [data-cfemail]')].slice(0, MAX_ANCHORS)) {
    if (!a.hasAttribute('data-cfemail') && !isContactLink(a, url)) continue;
    // Site chrome repeats links too ("Follow Us On Twitter"), but never lists people.
    if (inside(a, chrome) || isTaken(a)) continue;
    // A link inside a long sentence belongs to the person that sentence names (prose people), not to a card around it.
    if (midSentence(a)) continue;
    if (a.parentElement) climb(a.parentElement, false);
    if (cards.size > MAX_CARDS) break;
  }
  // Cards without a contact link: a name with a job line under it. The name may be marked (a heading, <strong>, a "name"
  // class) or only styled, in a short leaf line of its own followed by another (CSS-in-JS classes such as "sc-dhKdcB").
  const leafLines = [...doc.querySelectorAll('div, span, p')]
    .slice(0, MAX_NAME_CANDIDATES * 4)
    .filter((n) => !n.firstElementChild && !!n.nextElementSibling && NAME_SHAPED.test(n.textContent ?? '') && !n.matches(NAME_SELECTOR));
  for (const n of [...doc.querySelectorAll(NAME_SELECTOR), ...leafLines].slice(0, MAX_NAME_CANDIDATES)) {
    if (n.tagName === 'H1' || inside(n, chrome) || isTaken(n) || !personNameOf(n)) continue;
    climb(n, true);
    if (cards.size > MAX_CARDS) break;
  }
  // A card holding other cards is a section around them, not a person.
  const containers = new Set<Element>();
  for (const c of cards.keys()) for (let e = c.parentElement; e; e = e.parentElement) if (cards.has(e)) containers.add(e);
  const people = [...cards.keys()].filter((c) => !containers.has(c));
  return people.slice(0, MAX_CARDS).map((card) => {
    const nameEl = nameIn(card)!;
    const contact = contactOf.get(nameEl);
    if (contact) {
      const job = parseJobLine(contact.role);
      // The listing's heading names the company; without one, its element marked as a name does.
      const heading = cleanText(card.querySelector('h1, h2, h3, h4, h5, h6') ?? [...card.querySelectorAll('[class*="name" i]')].find((e) => !e.contains(contact.el) && !contact.el.contains(e)), 200);
      const company = job.company || (heading.length <= 100 && !heading.includes(contact.name) ? heading : '');
      return { name: contact.name, title: job.title || contact.role, company, location: locationInCard(card, contact.name), elements: [card], kind: 'card' as const };
    }
    const name = personNameOf(nameEl);
    const elements = card === nameEl ? runOf(card) : [card];
    const job = card === nameEl ? jobOf(firstLine(elements[1], 300)) : jobInCard(card, nameEl, name);
    let up: Element | null = card;
    for (let i = 0; up && i < 4 && !logoAt.has(up); i++) up = up.parentElement;
    const logo = (up && logoAt.get(up)) || '';
    return { name, title: job.title, company: job.company || (card === nameEl ? '' : companyInCard(card)) || logo, location: locationInCard(card, name), elements, kind: 'card' as const };
  });
}

/**
 * A lone person's block around a mailto/tel link: the nearest element (at
 * most three levels up) that also names someone, as in an email-style
 * signature ("<strong>Name</strong>, Title · email · phone") or an account
 * manager box. Used when the page lists nobody else.
 */
export function findSingleBlocks(doc: Document, url: string): PersonBlock[] {
  const out: PersonBlock[] = [];
  const chrome = chromeElements(doc);
  // A guest or author card may hold only profile links (LinkedIn, X, GitHub), no email or phone.
  const links = [...doc.querySelectorAll('a[href]')].slice(0, MAX_ANCHORS).filter((a) => isContactLink(a, url));
  for (const a of links.slice(0, 200)) {
    let inChrome = false;
    for (let e: Element | null = a; e && !inChrome; e = e.parentElement) inChrome = chrome.has(e);
    if (inChrome) continue;
    let el = a.parentElement;
    for (let depth = 0; el && depth < 3 && el.tagName !== 'BODY' && el.tagName !== 'MAIN'; depth++, el = el.parentElement) {
      if (cleanText(el, 1500).length > 1000) break;
      // The name may be marked, or only styled: a short leaf line followed by the job line (generated class names).
      const leafName = (n: Element) => !n.firstElementChild && !!n.nextElementSibling && NAME_SHAPED.test(n.textContent ?? '') && !!personNameOf(n);
      const nameEl =
        [...el.querySelectorAll('h2, h3, h4, h5, h6, strong, b, [class*="name" i], [itemprop="name"]')].find((n) => personNameOf(n)) ??
        [...el.querySelectorAll('div, span, p')].slice(0, 30).find(leafName);
      if (!nameEl) continue;
      const name = personNameOf(nameEl);
      if (!out.some((o) => o.name === name) && !out.some((o) => o.elements[0]!.contains(el!))) {
        const job = jobInCard(el, nameEl, name);
        out.push({ name, title: job.title, company: job.company || companyInCard(el), location: locationInCard(el, name), elements: [el], kind: 'card' });
      }
      break;
    }
    if (out.length >= 5) break;
  }
  return out;
}

// Credentials written after a name ("Lisa Tran, CPA, Treasurer"): all capitals, or a known degree.
const CREDENTIAL = /^(?:[A-Z]{2,6}|Ph\.?\s?D\.?|M\.?D\.?|J\.?D\.?|Esq\.?|Jr\.?|Sr\.?|II|III|IV|\(Ret\.?\))$/;

/** "Angela Whitmore, Chair" / "Jane Doe – Treasurer": a name, credentials, then a role. */
export function nameAndRole(line: string): { name: string; role: string } | null {
  const s = line.replace(/\s+/g, ' ').trim();
  if (!s || s.length > 140 || /@|https?:/.test(s)) return null;
  const parts = s.split(/\s*,\s*|\s+[–—-]\s+|\s*:\s+/);
  const name = cleanPersonName((parts[0] ?? '').replace(/\s*\((?:ret|retired)\.?\)/i, ''));
  let i = 1;
  while (i < parts.length && CREDENTIAL.test(parts[i]!)) i++;
  const role = parts.slice(i).join(', ').trim();
  if (!role || role.length > 80 || !isPersonName(name)) return null;
  return { name, role };
}

/**
 * Lists of people written as lines ("<li>Angela Whitmore, Chair</li>"),
 * without links or cards: a list counts when most of its items are a name
 * and a role, and some role is a job word.
 */
function listLineBlocks(doc: Document): PersonBlock[] {
  const chrome = chromeElements(doc);
  const out: PersonBlock[] = [];
  for (const list of [...doc.querySelectorAll('ul, ol')].slice(0, 200)) {
    if (inChrome(list, chrome)) continue;
    const items = [...list.children].filter((li) => li.tagName === 'LI' && !li.querySelector('ul, ol')).slice(0, MAX_CARDS);
    if (items.length < 2) continue;
    const parsed = items.map((li) => ({ li, line: nameAndRole(cleanText(li, 200)) }));
    const people = parsed.filter((p) => p.line);
    if (people.length < Math.max(2, items.length * 0.6) || !people.some((p) => JOB_WORDS.test(p.line!.role))) continue;
    for (const { li, line } of people) {
      // "Harish Gowda – Co-founder, Krishi Ledger": the role may name the person's own company.
      const job = parseJobLine(line!.role);
      out.push({ name: line!.name, title: job.company ? job.title : line!.role, company: job.company, location: '', elements: [li], kind: 'list' });
    }
  }
  return out;
}

/** The heading written just before an element (a sibling heading, or a `<header>` holding only one), if any. */
function headingBefore(el: Element): Element | null {
  const prev = el.previousElementSibling;
  if (!prev) return null;
  if (/^H[2-6]$/.test(prev.tagName)) return prev;
  const inner = prev.children.length === 1 ? prev.firstElementChild : null;
  return inner && /^H[2-6]$/.test(inner.tagName) && cleanText(prev, 200) === cleanText(inner, 200) ? inner : null;
}

/**
 * Names listed under the office they hold ("<h3>Beisitzer</h3><ul><li>Jonas
 * Ebert (Kompostnetz)</li>…", "Trustees" over a list of names): every item is
 * a name, perhaps with a remark in brackets, and the heading is a role. The
 * remark is the title when it is a job; otherwise it is the person's remit
 * and the role stays for the reader (the heading is often a plural).
 */
function roleListBlocks(doc: Document): PersonBlock[] {
  const chrome = chromeElements(doc);
  const out: PersonBlock[] = [];
  for (const list of [...doc.querySelectorAll('ul, ol')].slice(0, 200)) {
    const heading = headingBefore(list);
    if (!heading || inChrome(list, chrome)) continue;
    const role = cleanText(heading, 80);
    if (role.length > 60 || !JOB_WORDS.test(role) || personNameOf(heading)) continue;
    const items = [...list.children].filter((li) => li.tagName === 'LI').slice(0, MAX_CARDS);
    if (!items.length || items.length > 50) continue;
    const people = items.map((li) => {
      const m = /^(.+?)\s*(?:[(（]([^()（）]{1,60})[)）])?$/.exec(cleanText(li, 200));
      const name = cleanPersonName(m?.[1] ?? '');
      return isPersonName(name) && !li.querySelector('ul, ol') ? { li, name, remark: (m?.[2] ?? '').trim() } : null;
    });
    if (people.some((p) => !p)) continue;
    for (const p of people) {
      const job = p!.remark ? jobOf(p!.remark) : { title: '', company: '' };
      out.push({ name: p!.name, title: job.title, company: job.company, location: '', elements: [p!.li], kind: 'list' });
    }
  }
  return out;
}

// A talk's title in quotes, with the speaker before or after it: "“Small files, big problems” — Dev Malhotra (Kestrel Data)",
// "“Title” by Jane Doe, Acme", "Jane Doe (Acme): “Title”".
const QUOTED_TITLE = /[“"«„‘]([^“”"«»„‘’]{3,200})[”"»“’]/;
const TALK_JOINER = /^[\s,;:|•·–—-]*(?:(?:by|with|von|mit|par|avec|por|con)\s+)?|[\s,;:|•·–—-]*$/gi;
const NAMES_SEPARATOR = /\s*(?:,|&|\+|\band\b|\bund\b|\bet\b|\by\b)\s*/i;

/**
 * The speakers of one line of a programme: a quoted talk title, and beside
 * it one or more names with their company in brackets or after a comma
 * ("Name (Company)", "A & B (Company)", "Name, Company"). Null when the
 * rest of the line is not names.
 */
export function talkSpeakers(line: string): { names: string[]; title: string; company: string } | null {
  const s = line.replace(/\s+/g, ' ').trim();
  if (!s || s.length > 300 || /@|https?:/.test(s)) return null;
  const quoted = QUOTED_TITLE.exec(s);
  if (!quoted) return null;
  const speaker = (s.slice(0, quoted.index) + ' ' + s.slice(quoted.index + quoted[0].length)).trim().replace(TALK_JOINER, '').trim();
  if (!speaker) return null;
  const bracket = /^(.+?)\s*[(（]([^()（）]{2,60})[)）]$/.exec(speaker);
  const comma = bracket ? null : /^([^,]+),\s*([^,]{2,60})$/.exec(speaker);
  const who = bracket?.[1] ?? comma?.[1] ?? speaker;
  const company = (bracket?.[2] ?? comma?.[2] ?? '').trim();
  const names = who.split(NAMES_SEPARATOR).map((n) => cleanPersonName(n));
  if (!names.length || names.length > 4 || !names.every((n) => isPersonName(n))) return null;
  // The bracket may hold a credential ("PhD") or what the speaker does ("independent consultant") instead of a company.
  if (CREDENTIAL.test(company)) return { names, title: '', company: '' };
  return JOB_WORDS.test(company) && !parseJobLine(company).company ? { names, title: company, company: '' } : { names, title: '', company };
}

/**
 * Programmes written as lines, one talk each ("<li>“Title” — Name
 * (Company)</li>"), as lightning-talk and workshop lists are: a list
 * counts when at least two of its items, and most of them, are a quoted
 * title with its speakers.
 */
function talkLineBlocks(doc: Document): PersonBlock[] {
  const chrome = chromeElements(doc);
  const out: PersonBlock[] = [];
  for (const list of [...doc.querySelectorAll('ul, ol')].slice(0, 200)) {
    if (inChrome(list, chrome)) continue;
    const items = [...list.children].filter((li) => li.tagName === 'LI' && !li.querySelector('ul, ol')).slice(0, MAX_CARDS);
    const talks = items.map((li) => ({ li, talk: talkSpeakers(cleanText(li, 300)) })).filter((t) => t.talk);
    if (talks.length < 2 || talks.length < items.length * 0.6) continue;
    for (const { li, talk } of talks) {
      for (const name of talk!.names) out.push({ name, title: talk!.title, company: talk!.company, location: '', elements: [li], kind: 'list' });
    }
  }
  return out;
}

// Paths of pages about one person on a site: speaker, team, staff, author and bio pages.
const PERSON_PATH = /\/(?:speakers?|people|person|team|staff|authors?|profiles?|members?|attorneys|lawyers|professionals|experts?|faculty|guests?|bios?|referenten|intervenants|ponentes)\/[^/?#]+\/?(?:[?#]|$)/i;
const ASIDE = 'aside, [class*="related" i], [class*="recommend" i], [class*="sidebar" i], [class*="comment" i]';

/**
 * People named only by links to their own pages, as schedules and line-ups
 * write them: "<a href="/speakers/aisha-bello">Aisha Bello</a> (Lumenbank)",
 * "A &amp; B (Harborline)". Counts when at least three different people are
 * linked that way outside site chrome and sidebars; the company is the
 * bracket after the name (or after the group of names it closes).
 */
function personLinkBlocks(doc: Document, url: string): PersonBlock[] {
  const chrome = chromeElements(doc);
  const found = new Map<string, PersonBlock>();
  const links = [...doc.querySelectorAll('a[href]')].slice(0, MAX_ANCHORS).filter((a) => {
    const href = a.getAttribute('href') ?? '';
    let path = '';
    try {
      path = new URL(href, url).pathname;
    } catch {
      return false;
    }
    return PERSON_PATH.test(path) && !inChrome(a, chrome) && !a.closest(ASIDE);
  });
  for (const a of links) {
    const name = personNameOf(a);
    if (!name || found.has(name.toLowerCase())) continue;
    found.set(name.toLowerCase(), { name, title: '', company: companyAfter(a, links), location: '', elements: [], kind: 'list' });
    if (found.size > MAX_CARDS) break;
  }
  return found.size >= 3 ? [...found.values()] : [];
}

/** The "(Company)" written after a person link, or after the group of linked names it belongs to ("A & B (Harborline)"). */
function companyAfter(a: Element, links: Element[]): string {
  for (let n: Node | null = a.nextSibling, hops = 0; n && hops < 8; n = n.nextSibling, hops++) {
    if (n.nodeType === 3) {
      const t = n.nodeValue ?? '';
      const m = /^\s*[(（]([^()（）]{2,60})[)）]/.exec(t);
      if (m) return m[1]!.trim();
      if (!/^\s*(?:&|and|und|et|y|,)?\s*$/i.test(t)) return '';
    } else if (n.nodeType === 1 && !links.includes(n as Element)) return '';
  }
  return '';
}

/**
 * Finds the people a page lists without structured data: table rows,
 * definition lists, repeated cards and list items. Each block keeps the
 * elements that hold its contacts. Blocks found twice (a card inside a
 * table) are kept once, and a block inside another person's block is dropped.
 */
export function findPersonBlocks(doc: Document, url: string): PersonBlock[] {
  const tables = tableBlocks(doc);
  const dls = definitionListBlocks(doc);
  const taken = new Set<Element>([...tables, ...dls].flatMap((b) => b.elements));
  const cards = cardBlocks(doc, url, taken);
  const lines = [...listLineBlocks(doc), ...talkLineBlocks(doc), ...roleListBlocks(doc)].filter((b) => !cards.some((c) => c.elements.some((e) => e.contains(b.elements[0]!) || b.elements[0]!.contains(e))));
  const linked = personLinkBlocks(doc, url);
  const out: PersonBlock[] = [];
  const byName = new Map<string, PersonBlock>();
  for (const b of [...tables, ...dls, ...cards, ...lines, ...linked]) {
    const key = b.name.toLowerCase();
    if (isPlaceBlock(b)) continue;
    const first = byName.get(key);
    if (first) {
      // The same person's second card (a bio dialog repeating the card, with their email) adds its contacts.
      if (b.kind === 'card' && first.kind === 'card') first.elements.push(...b.elements.filter((e) => !first.elements.some((f) => f.contains(e) || e.contains(f))));
      continue;
    }
    byName.set(key, b);
    out.push(b);
  }
  return out;
}

export { JOB_WORDS };
