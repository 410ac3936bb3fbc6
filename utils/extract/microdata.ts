// schema.org microdata reader: one linear pass turns itemscope/itemprop markup into nodes, then into Person prospects.
import type { CountryCode } from 'libphonenumber-js';
import type { ProspectBuilder } from './prospect-builder';
import { schemaOrgPeople, type Json, type JsonObject } from './schema-org';
import { pageBase, resolveUrl } from './urls';

/** Elements one pass looks at; items and properties it keeps. */
const MAX_ELEMENTS = 500_000;
const MAX_ITEMS = 20_000;
/** Characters kept from one text value. */
const MAX_TEXT = 2000;

/**
 * Literal properties worth reading: the text of any other property (a
 * 6 KB `description`, a review body) is never computed. Item values
 * (`itemscope`) are always kept, whatever their property name.
 */
export const SCHEMA_PROPERTIES_READ = new Set([
  'name', 'givenName', 'familyName', 'additionalName', 'jobTitle', 'hasOccupation', 'roleName', 'worksFor',
  'affiliation', 'address', 'homeLocation', 'workLocation', 'addressLocality', 'addressRegion', 'addressCountry',
  'email', 'telephone', 'sameAs', 'url', 'contactPoint', 'employee', 'employees', 'founder', 'founders', 'member',
  'members', 'mainEntity', 'about',
]);

const URL_ATTRIBUTE: Record<string, string> = {
  A: 'href', AREA: 'href', LINK: 'href', AUDIO: 'src', EMBED: 'src', IFRAME: 'src', IMG: 'src', SOURCE: 'src',
  TRACK: 'src', VIDEO: 'src', OBJECT: 'data',
};

/** The value of a microdata property element that is not an item, per the HTML microdata rules. */
function literalValue(el: Element, base: string): string {
  const tag = el.tagName.toUpperCase();
  if (tag === 'META') return el.getAttribute('content') ?? '';
  const attr = URL_ATTRIBUTE[tag];
  if (attr) return resolveUrl(el.getAttribute(attr) ?? '', base);
  if (tag === 'DATA' || tag === 'METER') return el.getAttribute('value') ?? '';
  if (tag === 'TIME' && el.hasAttribute('datetime')) return el.getAttribute('datetime') ?? '';
  return (el.textContent ?? '').slice(0, MAX_TEXT);
}

function addProperty(node: JsonObject, name: string, value: Json): void {
  const prev = node[name];
  if (prev === undefined) node[name] = value;
  else if (Array.isArray(prev)) prev.push(value);
  else node[name] = [prev, value];
}

/** A microdata item converted to a schema.org node, with the element it was read from. */
export interface MicrodataItem {
  node: JsonObject;
  el: Element;
}

/**
 * Converts a page's microdata into schema.org nodes in one pass over the
 * document: each property element is given to its nearest enclosing item
 * as it is met, so 200 nested Persons cost one walk, not one rescan of
 * every descendant per item and property. `itemref` is followed once per
 * reference (never into the item itself). Returns the top-level items.
 */
export function readMicrodata(doc: Document, base: string): { roots: JsonObject[]; items: MicrodataItem[] } {
  const roots: JsonObject[] = [];
  const items: MicrodataItem[] = [];
  const itemOf = new Map<Element, JsonObject>();
  let elements = 0;

  const newItem = (el: Element): JsonObject => {
    const node: JsonObject = {};
    const type = (el.getAttribute('itemtype') ?? '').trim().split(/\s+/).filter(Boolean);
    if (type.length) node['@type'] = type;
    const id = el.getAttribute('itemid');
    if (id) node['@id'] = resolveUrl(id, base);
    itemOf.set(el, node);
    items.push({ node, el });
    return node;
  };

  /** Walks `start` and its descendants with `owner` as the item that receives properties met outside nested items. */
  const walk = (start: Element, owner: JsonObject | null, skip?: Element): void => {
    const stack: [Element, JsonObject | null][] = [[start, owner]];
    while (stack.length && elements < MAX_ELEMENTS) {
      const [el, current] = stack.pop()!;
      elements++;
      if (el === skip) continue;
      const isItem = el.hasAttribute('itemscope') && items.length < MAX_ITEMS;
      const existing = isItem ? itemOf.get(el) : undefined;
      const item = isItem ? (existing ?? newItem(el)) : null;
      const props = el.getAttribute('itemprop');
      if (props && current && current !== item) {
        for (const name of props.trim().split(/\s+/)) {
          const key = propertyName(name);
          if (item) addProperty(current, key, item);
          else if (SCHEMA_PROPERTIES_READ.has(key)) addProperty(current, key, literalValue(el, base).trim());
        }
      } else if (item && !existing) roots.push(item);
      // An item reached a second time (through itemref) was already walked.
      if (existing) continue;
      const next = item ?? current;
      const kids = el.children;
      for (let i = kids.length - 1; i >= 0; i--) {
        const c = kids[i]!;
        if (c.tagName.toUpperCase() !== 'TEMPLATE') stack.push([c, next]);
      }
    }
  };

  // Only items and what they hold matter: walk each outermost item (in document order) once.
  let last: Element | null = null;
  for (const el of doc.querySelectorAll('[itemscope]')) {
    if (last?.contains(el)) continue;
    last = el;
    walk(el, null);
    if (elements >= MAX_ELEMENTS) break;
  }
  // itemref: properties written elsewhere in the page, by id.
  for (const { node, el } of [...items]) {
    const refs = (el.getAttribute('itemref') ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 20);
    for (const id of refs) {
      const target = doc.getElementById(id);
      if (target && !target.contains(el)) walkRef(target, node);
    }
  }
  function walkRef(target: Element, node: JsonObject): void {
    // The referenced element is a property source of `node`; nested items inside it keep their own properties.
    const props = target.getAttribute('itemprop');
    if (props && !target.hasAttribute('itemscope')) {
      for (const name of props.trim().split(/\s+/)) {
        const key = propertyName(name);
        if (SCHEMA_PROPERTIES_READ.has(key)) addProperty(node, key, literalValue(target, base).trim());
      }
    } else if (props) {
      const inner = itemOf.get(target);
      if (inner) for (const name of props.trim().split(/\s+/)) addProperty(node, propertyName(name), inner);
      return;
    }
    for (const c of target.children) walk(c, node);
  }
  return { roots, items };
}

/** "https://schema.org/name" and "name" are the same property. */
function propertyName(raw: string): string {
  const m = /^https?:\/\/(?:www\.)?schema\.org\/(.+)$/i.exec(raw);
  return m ? m[1]! : raw;
}

/** Extracts schema.org Person items written as HTML microdata, with the element each was read from. */
export function extractMicrodata(
  doc: Document,
  url: string,
  country?: CountryCode,
): { builder: ProspectBuilder; el: Element | null; subject: boolean }[] {
  const { roots, items } = readMicrodata(doc, pageBase(doc, url));
  const elementOf = new Map(items.map((i) => [i.node, i.el]));
  return schemaOrgPeople(roots, url, 'microdata', country).map((p) => ({
    builder: p.builder,
    el: elementOf.get(p.node) ?? null,
    subject: p.subject,
  }));
}
