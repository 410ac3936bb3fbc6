// microformats reader: a microformats2 parser (with classic hCard/hCalendar/hReview/hResume/hEntry compatibility) and h-card people.
import type { CountryCode } from 'libphonenumber-js';
import { ProspectBuilder } from './prospect-builder';
import { pageBase, resolveUrl } from './urls';

/** One parsed microformat (an h-card, an h-entry…). */
export interface MfItem {
  /** Its types: `h-card`, `h-org`… (classic roots map to these: `vcard` is `h-card`). */
  type: string[];
  /** Property values by name without prefix (`name`, `org`, `url`); a value is text or a nested item. */
  properties: Map<string, MfValue[]>;
  /** Nested microformats that are no property of this one. */
  children: MfItem[];
  el: Element;
  /** Property names under which this item is a value of the item around it (`author`, `org`, `location`). */
  via: string[];
  /** Whether it was read from classic class names (`vcard`, `fn`…). */
  backcompat: boolean;
  /** Kinds of explicit properties met (`p`, `u`, `dt`, `e`), for the implied-property rules. */
  kinds: Set<string>;
  /** Whether its name was implied from its text (no explicit `p-name`). */
  impliedNameFromText: boolean;
}
export type MfValue = string | MfItem;

/** How deep the parser follows markup, and how much of a page it reads. */
const MAX_DEPTH = 400;
const MAX_ELEMENTS = 500_000;
const MAX_ITEMS = 5000;
/** Characters kept from one text value. */
const MAX_TEXT = 5000;
/** An implied name longer than this is a whole card's text, not a name. */
const MAX_IMPLIED_NAME = 100;

const MF2_ROOT = /^h-(?:[a-z0-9]+-)?[a-z]+(?:-[a-z]+)*$/;
const MF2_PROPERTY = /^(p|u|dt|e)-((?:[a-z0-9]+-)?[a-z]+(?:-[a-z]+)*)$/;

/** Classic root class names and the microformats2 type each stands for. */
const CLASSIC_ROOTS: Record<string, string> = {
  vcard: 'h-card', vevent: 'h-event', hentry: 'h-entry', hnews: 'h-entry', hreview: 'h-review', hresume: 'h-resume',
  hfeed: 'h-feed', adr: 'h-adr', geo: 'h-geo', hproduct: 'h-product', hrecipe: 'h-recipe',
  'hreview-aggregate': 'h-review-aggregate',
};

/** A class attribute that may hold a root class name (checked exactly by {@link MfParser.rootTypes}). */
const ROOT_HINT = new RegExp(`(?:^|\\s)(?:h-|${Object.keys(CLASSIC_ROOTS).join('|')})`);
const NO_ROOT = { types: [] as string[], backcompat: false };

const p = (names: string) => Object.fromEntries(names.split(' ').map((n) => [n, `p-${n}`]));
/** Classic property class names of each type, as the microformats2 property each stands for. */
const CLASSIC_PROPERTIES: Record<string, Record<string, string>> = {
  'h-card': {
    ...p('honorific-prefix given-name additional-name family-name honorific-suffix nickname category extended-address street-address locality region postal-code country-name label note organization-name organization-unit'),
    fn: 'p-name', email: 'u-email', logo: 'u-logo', photo: 'u-photo', url: 'u-url', uid: 'u-uid', adr: 'p-adr',
    geo: 'p-geo', tel: 'p-tel', bday: 'dt-bday', key: 'u-key', org: 'p-org', title: 'p-job-title', role: 'p-role',
  },
  'h-adr': p('post-office-box extended-address street-address locality region postal-code country-name label'),
  'h-geo': p('latitude longitude'),
  'h-event': {
    ...p('location attendee contact organizer category description'),
    summary: 'p-name', dtstart: 'dt-start', dtend: 'dt-end', url: 'u-url',
  },
  'h-review': { summary: 'p-name', reviewer: 'p-author', item: 'p-item', rating: 'p-rating', description: 'e-content', url: 'u-url' },
  'h-resume': { ...p('summary contact education experience skill affiliation') },
  'h-entry': {
    'entry-title': 'p-name', 'entry-summary': 'p-summary', 'entry-content': 'e-content', author: 'p-author',
    published: 'dt-published', updated: 'dt-updated', category: 'p-category',
  },
  'h-feed': { author: 'p-author' },
};

/** Property names under which an h-card stands for an organization or a place, not a person. */
const ORGANIZATION_PROPERTIES = new Set(['org', 'location', 'affiliation']);

const tagOf = (el: Element) => el.tagName.toUpperCase();
const isSkipped = (el: Element) => {
  const t = tagOf(el);
  return t === 'TEMPLATE' || t === 'SCRIPT' || t === 'STYLE';
};

/** Parsing state of one page: its base URL, the work budget, and the contact elements the parser read. */
class MfParser {
  elements = 0;
  items = 0;
  /** Elements whose email/tel value the parser took (their visible text may be a decoy). */
  readonly consumed: Element[] = [];

  constructor(
    private readonly doc: Document,
    private readonly base: string,
  ) {}

  /** The microformats2 root types of an element, else the classic ones, else none. */
  rootTypes(el: Element): { types: string[]; backcompat: boolean } {
    const classes = [...el.classList];
    const mf2 = classes.filter((c) => MF2_ROOT.test(c));
    if (mf2.length) return { types: [...new Set(mf2)], backcompat: false };
    const classic = classes.map((c) => CLASSIC_ROOTS[c]).filter((t): t is string => !!t);
    return { types: [...new Set(classic)], backcompat: classic.length > 0 };
  }

  /** The properties an element gives `item`, as [kind, name] pairs. */
  propertyClasses(el: Element, item: MfItem): [string, string][] {
    const out: [string, string][] = [];
    for (const c of el.classList) {
      let full: string | undefined;
      if (item.backcompat) {
        for (const t of item.type) full ??= CLASSIC_PROPERTIES[t]?.[c];
      } else if (MF2_PROPERTY.test(c)) full = c;
      const m = full ? MF2_PROPERTY.exec(full) : null;
      if (m) out.push([m[1]!, m[2]!]);
    }
    return out;
  }

  /** Top-level microformats of the page, found without recursion. */
  parseDocument(): MfItem[] {
    const found: MfItem[] = [];
    const root = this.doc.documentElement;
    if (!root) return found;
    const stack: Element[] = [root];
    while (stack.length && this.elements < MAX_ELEMENTS && this.items < MAX_ITEMS) {
      const el = stack.pop()!;
      this.elements++;
      if (isSkipped(el)) continue;
      // Most elements have no class that could be a root: a string test spares building their class list.
      const cls = el.getAttribute('class');
      const { types, backcompat } = cls && ROOT_HINT.test(cls) ? this.rootTypes(el) : NO_ROOT;
      if (types.length) {
        found.push(this.parseItem(el, types, backcompat, 0));
        continue;
      }
      pushChildren(stack, el);
    }
    return found;
  }

  parseItem(el: Element, types: string[], backcompat: boolean, depth: number): MfItem {
    this.items++;
    const item: MfItem = {
      type: types,
      properties: new Map(),
      children: [],
      el,
      via: [],
      backcompat,
      kinds: new Set(),
      impliedNameFromText: false,
    };
    const included = new Set<Element>([el]);
    this.parseChildren(el, item, depth, included);
    if (backcompat) this.includeHeaders(el, item, depth, included);
    else this.imply(item);
    return item;
  }

  private parseChildren(el: Element, item: MfItem, depth: number, included: Set<Element>): void {
    for (const c of el.children) this.parseElement(c, item, depth + 1, included);
  }

  private parseElement(el: Element, item: MfItem, depth: number, included: Set<Element>): void {
    if (depth > MAX_DEPTH || this.elements >= MAX_ELEMENTS || isSkipped(el)) return;
    this.elements++;
    const props = this.propertyClasses(el, item);
    const { types, backcompat } = this.items < MAX_ITEMS ? this.rootTypes(el) : { types: [], backcompat: false };
    if (types.length) {
      const nested = this.parseItem(el, types, backcompat, depth);
      if (!props.length) item.children.push(nested);
      for (const [kind, name] of props) {
        item.kinds.add(kind);
        nested.via.push(name);
        this.add(item, name, nested);
      }
      return;
    }
    for (const [kind, name] of props) {
      item.kinds.add(kind);
      this.add(item, name, this.value(el, kind));
      if (name === 'email' || name === 'tel') this.consumed.push(el);
    }
    // Classic include pattern: <a class="include" href="#id"> pulls another element's properties in.
    if (item.backcompat && el.classList.contains('include')) {
      const ref = el.getAttribute('href') ?? el.getAttribute('data') ?? '';
      if (ref.startsWith('#')) this.include(this.doc.getElementById(ref.slice(1)), item, depth, included);
    }
    this.parseChildren(el, item, depth, included);
  }

  /** Classic table include pattern: a cell's `headers` name header cells whose properties belong to the card too. */
  private includeHeaders(el: Element, item: MfItem, depth: number, included: Set<Element>): void {
    const ids = (el.getAttribute('headers') ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 20);
    for (const id of ids) this.include(this.doc.getElementById(id), item, depth, included);
  }

  private include(target: Element | null, item: MfItem, depth: number, included: Set<Element>): void {
    // Never include an element twice, one inside the card, or one holding the card (that would loop).
    if (!target || included.has(target) || target.contains(item.el) || item.el.contains(target)) return;
    included.add(target);
    this.parseElement(target, item, depth, included);
  }

  private add(item: MfItem, name: string, value: MfValue): void {
    const list = item.properties.get(name);
    if (list) list.push(value);
    else item.properties.set(name, [value]);
  }

  /** The value of a property element by its kind, per the microformats2 parsing rules. */
  value(el: Element, kind: string): string {
    const tag = tagOf(el);
    if (kind === 'u') {
      const attr =
        (tag === 'A' || tag === 'AREA' || tag === 'LINK') ? 'href'
        : (tag === 'IMG' || tag === 'AUDIO' || tag === 'VIDEO' || tag === 'SOURCE' || tag === 'IFRAME') ? 'src'
        : tag === 'OBJECT' ? 'data'
        : '';
      if (attr && el.hasAttribute(attr)) return resolveUrl(el.getAttribute(attr) ?? '', this.base);
      if (tag === 'VIDEO' && el.hasAttribute('poster')) return resolveUrl(el.getAttribute('poster') ?? '', this.base);
    }
    const vc = this.valueClass(el);
    if (vc !== null) return vc;
    if (kind === 'dt' && (tag === 'TIME' || tag === 'INS' || tag === 'DEL') && el.hasAttribute('datetime')) {
      return el.getAttribute('datetime') ?? '';
    }
    if ((tag === 'ABBR' || (kind === 'p' && tag === 'LINK')) && el.hasAttribute('title')) return el.getAttribute('title') ?? '';
    if ((tag === 'DATA' || tag === 'INPUT') && el.hasAttribute('value')) return el.getAttribute('value') ?? '';
    if (kind === 'p' && (tag === 'IMG' || tag === 'AREA') && el.hasAttribute('alt')) return el.getAttribute('alt') ?? '';
    return textOf(el);
  }

  /** The value-class pattern: the joined values of `value` / `value-title` parts, or null when there are none. */
  private valueClass(el: Element): string | null {
    const parts: string[] = [];
    const stack: Element[] = [];
    pushChildren(stack, el);
    let steps = 0;
    while (stack.length && steps++ < 2000) {
      const c = stack.pop()!;
      if (isSkipped(c)) continue;
      if (c.classList.contains('value-title')) parts.push(c.getAttribute('title') ?? '');
      else if (c.classList.contains('value')) {
        const t = tagOf(c);
        if ((t === 'IMG' || t === 'AREA') && c.hasAttribute('alt')) parts.push(c.getAttribute('alt') ?? '');
        else if (t === 'DATA' && c.hasAttribute('value')) parts.push(c.getAttribute('value') ?? '');
        else if (t === 'ABBR' && c.hasAttribute('title')) parts.push(c.getAttribute('title') ?? '');
        else parts.push(textOf(c));
        continue;
      }
      // Parts inside a nested microformat or property are theirs.
      if ([...c.classList].some((k) => MF2_ROOT.test(k) || MF2_PROPERTY.test(k) || k in CLASSIC_ROOTS)) continue;
      pushChildren(stack, c);
    }
    return parts.length ? parts.join('').trim() : null;
  }

  /** microformats2 implied properties: `name` and `url` from the root element's markup. */
  private imply(item: MfItem): void {
    const nested = item.children.length > 0 || [...item.properties.values()].some((vs) => vs.some((v) => typeof v !== 'string'));
    if (nested) return;
    if (!item.properties.has('name') && !item.kinds.has('p') && !item.kinds.has('e')) {
      const special = impliedNameFromMarkup(item.el);
      const name = special ?? textOf(item.el);
      item.impliedNameFromText = special === null;
      if (name) item.properties.set('name', [name]);
    }
    if (!item.properties.has('url') && !item.kinds.has('u')) {
      const href = impliedUrl(item.el);
      if (href !== null) item.properties.set('url', [resolveUrl(href, this.base)]);
    }
  }
}

/** Text of an element as microformats2 reads it: scripts and styles dropped, images replaced by their alt text. */
function textOf(el: Element): string {
  const out: string[] = [];
  let length = 0;
  const stack: Node[] = [el];
  while (stack.length && length < MAX_TEXT) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      const t = node.nodeValue ?? '';
      out.push(t);
      length += t.length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const e = node as Element;
    if (isSkipped(e)) continue;
    if (tagOf(e) === 'IMG') {
      const alt = e.getAttribute('alt');
      if (alt) out.push(` ${alt} `);
      continue;
    }
    const kids = e.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out.join('').slice(0, MAX_TEXT).trim();
}

/** Pushes the element children of `el` on a stack so they pop in document order (by index: sibling links are slow in happy-dom). */
function pushChildren(stack: Element[], el: Element): void {
  const kids = el.children;
  for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
}

function isRoot(el: Element): boolean {
  return [...el.classList].some((c) => MF2_ROOT.test(c));
}

/** The only element child of `el` that is no microformat itself, or null. */
function onlyChild(el: Element): Element | null {
  const kids = el.children;
  return kids.length === 1 && !isRoot(kids[0]!) ? kids[0]! : null;
}

/** The name an `img`/`area` alt or an `abbr` title gives, on the root, its only child or that child's only child. */
function impliedNameFromMarkup(el: Element): string | null {
  const from = (e: Element | null): string | null => {
    if (!e) return null;
    const t = tagOf(e);
    if ((t === 'IMG' || t === 'AREA') && e.getAttribute('alt')) return e.getAttribute('alt');
    if (t === 'ABBR' && e.getAttribute('title')) return e.getAttribute('title');
    return null;
  };
  const child = onlyChild(el);
  return from(el) ?? from(child) ?? from(child ? onlyChild(child) : null);
}

/** The only `a[href]` (or `area[href]`) child of `el` that is no microformat, or null. */
function onlyLink(el: Element, tag: string): Element | null {
  let found: Element | null = null;
  for (const c of el.children) {
    if (tagOf(c) !== tag) continue;
    if (found) return null;
    found = c;
  }
  return found && found.hasAttribute('href') && !isRoot(found) ? found : null;
}

/** The implied url: the root's own href, or that of its only link, or of its only child's only link. */
function impliedUrl(el: Element): string | null {
  const t = tagOf(el);
  if ((t === 'A' || t === 'AREA') && el.hasAttribute('href')) return el.getAttribute('href');
  for (const scope of [el, onlyChild(el)]) {
    if (!scope) continue;
    const link = onlyLink(scope, 'A') ?? onlyLink(scope, 'AREA');
    if (link) return link.getAttribute('href');
  }
  return null;
}

/**
 * Parses a page's microformats: microformats2 roots (`h-*`) and classic
 * ones (`vcard`, `vevent`, `hreview`, `hresume`, `hentry`…), with nested
 * microformats, the value-class pattern, implied name and url, and the
 * classic include patterns (`headers`, `class="include"`). Bounded in depth
 * and work, so hostile markup cannot stall it. Also returns the elements
 * whose email/phone it read.
 */
export function parseMicroformats(doc: Document, url: string): { items: MfItem[]; consumed: Element[] } {
  const parser = new MfParser(doc, pageBase(doc, url));
  const items = parser.parseDocument();
  return { items, consumed: parser.consumed };
}

/** The first text of a property: a string value, or a nested item's own value or name. */
function first(item: MfItem, name: string): string {
  for (const v of item.properties.get(name) ?? []) {
    const t = typeof v === 'string' ? v : first(v, 'name');
    if (t.trim()) return t.replace(/\s+/g, ' ').trim();
  }
  return '';
}

function texts(item: MfItem, name: string): string[] {
  return (item.properties.get(name) ?? []).map((v) => (typeof v === 'string' ? v : first(v, 'url') || first(v, 'name'))).filter(Boolean);
}

/** "Locality, Region, Country" of a card: from its `adr` card, else its own address properties, else its `adr` / `label` text. */
function location(item: MfItem): string {
  const fromParts = (i: MfItem) => ['locality', 'region', 'country-name'].map((n) => first(i, n)).filter(Boolean).join(', ');
  for (const v of item.properties.get('adr') ?? []) {
    if (typeof v !== 'string') {
      const l = fromParts(v);
      if (l) return l;
    }
  }
  return fromParts(item) || first(item, 'adr') || first(item, 'label');
}

/** Whether an h-card describes an organization or a place rather than a person. */
export function isOrganizationCard(item: MfItem): boolean {
  if (item.type.includes('h-org')) return true;
  if (item.via.some((v) => ORGANIZATION_PROPERTIES.has(v))) return true;
  const name = first(item, 'name').toLowerCase();
  return !!name && item.type.includes('h-card') && name === first(item, 'org').toLowerCase();
}

/** Every h-card of the parsed items, at any depth (as a property value or a child), with a visited set. */
export function allCards(items: MfItem[]): MfItem[] {
  const out: MfItem[] = [];
  const seen = new Set<MfItem>();
  const stack = [...items].reverse();
  while (stack.length) {
    const item = stack.pop()!;
    if (seen.has(item)) continue;
    seen.add(item);
    if (item.type.includes('h-card')) out.push(item);
    const nested: MfItem[] = [...item.children];
    for (const vs of item.properties.values()) for (const v of vs) if (typeof v !== 'string') nested.push(v);
    for (let i = nested.length - 1; i >= 0; i--) stack.push(nested[i]!);
  }
  return out;
}

/** Turns one person h-card into a prospect builder. */
function cardToBuilder(card: MfItem, url: string, country?: CountryCode): ProspectBuilder {
  const given = first(card, 'given-name');
  const family = first(card, 'family-name');
  let name = first(card, 'name');
  // A name implied from a whole card's text is that text, not a name, when it runs long.
  if (card.impliedNameFromText && (name.length > MAX_IMPLIED_NAME || name.split(' ').length > 8)) name = '';
  // Value-class parts are concatenated ("<span class="value">John</span> <span class="value">Doe</span>" is "JohnDoe"): a name keeps its space.
  if (given && family && !name.includes(' ') && name === `${given}${family}`) name = `${given} ${family}`;
  const b = new ProspectBuilder(url)
    .set('name', name || [given, family].filter(Boolean).join(' '), 'h-card')
    .set('firstName', given, 'h-card')
    .set('lastName', family, 'h-card')
    .set('title', first(card, 'job-title') || first(card, 'role'), 'h-card')
    .set('company', first(card, 'org'), 'h-card')
    .set('location', location(card), 'h-card');
  texts(card, 'email').forEach((e) => b.addEmail(e, 'h-card'));
  texts(card, 'tel').forEach((t) => b.addPhone(t, 'h-card', country));
  texts(card, 'url').forEach((u) => b.addUrl(u, 'h-card', true));
  return b;
}

/** A person found in microformats, with the card element it was read from. */
export interface CardPerson {
  builder: ProspectBuilder;
  el: Element;
}

/**
 * Extracts the people of a page's h-cards (microformats2 and classic
 * hCard), wherever they sit: top level, inside h-entry/h-event/h-review/
 * h-resume, as authors, attendees or contacts. Cards that stand for an
 * organization (typed `h-org`, used as `p-org`/`p-location`/
 * `p-affiliation`, or named after their own org) are not people.
 */
export function extractHCards(doc: Document, url: string, country?: CountryCode): { people: CardPerson[]; consumed: Element[] } {
  const { items, consumed } = parseMicroformats(doc, url);
  const people = allCards(items)
    .filter((c) => !isOrganizationCard(c))
    .map((c) => ({ builder: cardToBuilder(c, url, country), el: c.el }))
    .filter((p) => p.builder.hasContent());
  return { people, consumed };
}
