// RDFa (Lite) reader: vocab/typeof/property markup turned into schema.org nodes in one pass, then into Person prospects.
import type { CountryCode } from 'libphonenumber-js';
import type { ProspectBuilder } from './prospect-builder';
import { SCHEMA_PROPERTIES_READ } from './microdata';
import { schemaOrgPeople, type Json, type JsonObject } from './schema-org';
import { pageBase, resolveUrl } from './urls';

const MAX_ELEMENTS = 500_000;
const MAX_NODES = 20_000;
const MAX_TEXT = 2000;
const SCHEMA = /^https?:\/\/(?:www\.)?schema\.org\/?/i;

/** A term of `typeof` / `property` as a schema.org name: "Person", "schema:Person", "https://schema.org/Person" → "Person". */
function term(raw: string, vocab: string): string {
  if (SCHEMA.test(raw)) return raw.replace(SCHEMA, '');
  const curie = /^([a-z][\w-]*):(?!\/\/)(.+)$/i.exec(raw);
  if (curie) return curie[1]!.toLowerCase() === 'schema' ? curie[2]! : raw;
  // A bare term belongs to the vocabulary in scope: only schema.org's terms are read as schema.org.
  return SCHEMA.test(vocab) || !vocab ? raw : `${vocab}${raw}`;
}

function addProperty(node: JsonObject, name: string, value: Json): void {
  const prev = node[name];
  if (prev === undefined) node[name] = value;
  else if (Array.isArray(prev)) prev.push(value);
  else node[name] = [prev, value];
}

/** The literal or IRI value of a `property` element without `typeof`, per RDFa 1.1. */
function propertyValue(el: Element, base: string): string {
  if (el.hasAttribute('content')) return el.getAttribute('content') ?? '';
  for (const attr of ['resource', 'href', 'src']) {
    if (el.hasAttribute(attr)) return resolveUrl(el.getAttribute(attr) ?? '', base);
  }
  if (el.tagName.toUpperCase() === 'TIME' && el.hasAttribute('datetime')) return el.getAttribute('datetime') ?? '';
  return (el.textContent ?? '').slice(0, MAX_TEXT);
}

/**
 * Converts a page's RDFa into schema.org nodes in one pass: an element with
 * `typeof` starts a node (the value of its `property`/`rel` on the node
 * around it, if any); other `property` elements give their enclosing node a
 * value (`content`, else `href`/`src`, else their text). Prefixes other than
 * `schema:` and vocabularies other than schema.org keep their full IRIs, so
 * they never read as schema.org terms.
 */
export function readRdfa(doc: Document, base: string): { roots: JsonObject[]; nodes: Map<JsonObject, Element> } {
  const roots: JsonObject[] = [];
  const nodes = new Map<JsonObject, Element>();
  if (!doc.documentElement) return { roots, nodes };
  type Entry = { el: Element; subject: JsonObject | null; vocab: string };
  const stack: Entry[] = [{ el: doc.documentElement, subject: null, vocab: '' }];
  let elements = 0;
  while (stack.length && elements++ < MAX_ELEMENTS) {
    const { el, subject, vocab: outerVocab } = stack.pop()!;
    const vocab = el.getAttribute('vocab')?.trim() ?? outerVocab;
    const typeAttr = el.getAttribute('typeof');
    const props = [el.getAttribute('property'), el.getAttribute('rel')]
      .flatMap((p) => (p ?? '').trim().split(/\s+/))
      .filter(Boolean)
      .map((p) => term(p, vocab));
    let next = subject;
    if (typeAttr !== null && nodes.size < MAX_NODES) {
      const node: JsonObject = {};
      const types = typeAttr.trim().split(/\s+/).filter(Boolean).map((t) => term(t, vocab));
      if (types.length) node['@type'] = types;
      const id = el.getAttribute('resource') ?? el.getAttribute('about');
      if (id) node['@id'] = resolveUrl(id, base);
      nodes.set(node, el);
      if (subject && props.length) props.forEach((p) => addProperty(subject, p, node));
      else roots.push(node);
      next = node;
    } else if (subject && props.length) {
      const wanted = props.filter((p) => SCHEMA_PROPERTIES_READ.has(p));
      if (wanted.length) {
        const value = propertyValue(el, base).trim();
        wanted.forEach((p) => addProperty(subject, p, value));
      }
    }
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      const c = kids[i]!;
      if (c.tagName.toUpperCase() !== 'TEMPLATE') stack.push({ el: c, subject: next, vocab });
    }
  }
  return { roots, nodes };
}

/** Extracts schema.org Person nodes written as RDFa, with the element each was read from. */
export function extractRdfa(
  doc: Document,
  url: string,
  country?: CountryCode,
): { builder: ProspectBuilder; el: Element | null; subject: boolean }[] {
  // Most pages have no RDFa: skip the walk unless some element declares a type.
  if (!doc.querySelector('[typeof]')) return [];
  const { roots, nodes } = readRdfa(doc, pageBase(doc, url));
  return schemaOrgPeople(roots, url, 'rdfa', country).map((p) => ({
    builder: p.builder,
    el: nodes.get(p.node) ?? null,
    subject: p.subject,
  }));
}
