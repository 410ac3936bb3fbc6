// schema.org Person reader shared by JSON-LD, microdata and RDFa: bounded, cycle-safe walks over a JSON-like node graph.
import type { CountryCode } from 'libphonenumber-js';
import type { FieldSource } from '../leads/schema';
import { ProspectBuilder } from './prospect-builder';

/** A JSON value, as JSON-LD blocks parse to and as microdata and RDFa items are converted to. */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
/** A JSON object: one schema.org node. */
export type JsonObject = { [k: string]: Json };

/** Nodes visited while looking for people, over all blocks of a page. */
const MAX_NODES = 50_000;
/** How deep a person may sit inside a block (a Person inside a Role inside a Course instance…). */
const MAX_DEPTH = 256;
/** How deep a value is followed to read one text (`name` → `@value`, `worksFor` → `@id` → `name`). */
const MAX_VALUE_DEPTH = 8;
/** Nodes one value read may touch, so wide nested arrays cannot explode. */
const MAX_VALUE_STEPS = 200;
/** Values of one property read (a sameAs list of 10 000 links reads its first 100). */
const MAX_LIST = 100;

/** Keys under which an organization lists the people who work for it. */
const STAFF_KEYS = new Set(['employee', 'employees', 'founder', 'founders', 'member', 'members', 'contactPoint']);
/** Node types that describe an organization (not exhaustive: schema.org has hundreds of subtypes). */
const ORGANIZATION_TYPE = /Organi[sz]ation|Corporation|Business|Company|NGO|School|University|College|Agency|Store|Office|Firm|Institute|Hospital|Team|Government/;

/** Whether a JSON value is an object (not an array or null). */
export function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The schema.org types of a node, without the vocabulary prefix ("https://schema.org/Person" → "Person"). */
export function typesOf(node: JsonObject): string[] {
  const t = node['@type'] ?? node.type;
  return (Array.isArray(t) ? t : [t])
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.trim().replace(/^(?:https?:\/\/(?:www\.)?schema\.org\/|schema:)/i, ''));
}

function list(v: Json | undefined): Json[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v.slice(0, MAX_LIST) : [v];
}

/**
 * Reads values out of a node graph where any object may be a bare
 * reference (`{"@id": "#org"}`) to a node described elsewhere. Every read
 * is bounded in depth and in nodes touched, and never follows a node it is
 * already inside, so `@id` cycles and 20 000-deep nesting cost little.
 */
export class NodeReader {
  constructor(private readonly byId: Map<string, JsonObject>) {}

  /** The node a bare `{"@id": …}` reference points to, else the value itself. */
  resolve(v: Json | undefined): Json | undefined {
    if (isObject(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1) return this.byId.get(v['@id']) ?? v;
    return v;
  }

  /** The text of a value: a string, a number, `@value`, or the `name` of a node. */
  text(v: Json | undefined): string {
    const budget = { steps: MAX_VALUE_STEPS };
    return this.textAt(v, 0, new Set(), budget).replace(/\s+/g, ' ').trim();
  }

  private textAt(v: Json | undefined, depth: number, inside: Set<JsonObject>, budget: { steps: number }): string {
    if (depth > MAX_VALUE_DEPTH || --budget.steps < 0) return '';
    const r = this.resolve(v);
    if (typeof r === 'string') return r;
    if (typeof r === 'number') return String(r);
    if (Array.isArray(r)) {
      for (const x of r.slice(0, 10)) {
        const t = this.textAt(x, depth + 1, inside, budget);
        if (t.trim()) return t;
      }
      return '';
    }
    if (!isObject(r) || inside.has(r)) return '';
    inside.add(r);
    const t = this.textAt(r['@value'] ?? r.name, depth + 1, inside, budget);
    inside.delete(r);
    return t;
  }

  /** The IRI of a value: a string, or the `@id` / `url` of a node (`"url": {"@id": "https://…"}`). */
  iri(v: Json | undefined): string {
    if (typeof v === 'string') return v.trim();
    if (!isObject(v)) return '';
    if (typeof v['@id'] === 'string' && Object.keys(v).length === 1) return v['@id'].trim();
    const r = this.resolve(v);
    if (isObject(r)) {
      if (typeof r['@value'] === 'string') return r['@value'].trim();
      if (typeof r.url === 'string') return r.url.trim();
      if (typeof r['@id'] === 'string') return r['@id'].trim();
    }
    return '';
  }

  /** A place as "Locality, Region, Country" from a PostalAddress, a Place with an address, or plain text. */
  place(v: Json | undefined, depth = 0): string {
    if (depth > 3) return '';
    const r = this.resolve(v);
    if (Array.isArray(r)) return this.place(r[0], depth + 1);
    if (!isObject(r)) return this.text(r);
    const addr = this.resolve(r.address);
    if (addr !== undefined && addr !== r) {
      const inner = this.place(addr, depth + 1);
      if (inner) return inner;
    }
    const parts = [r.addressLocality, r.addressRegion, r.addressCountry].map((x) => this.text(x)).filter(Boolean);
    return parts.length ? parts.join(', ') : this.text(r.name);
  }
}

/** A schema.org Person found in a page, with the node it hangs from. */
export interface PersonNode {
  node: JsonObject;
  /** The organization that lists this person as employee, founder or member, if any. */
  employer?: JsonObject;
  /** Whether the page says it is about this person (`mainEntity`, `about`). */
  subject: boolean;
}

/**
 * Walks the nodes of a page's blocks (top level, arrays, `@graph`, nested
 * values) without recursion, visiting each object once, and returns its
 * Person nodes and an index of nodes by `@id`. Bounded in depth and in
 * nodes, so a hostile block cannot stall or crash the capture.
 */
export function findPersons(roots: Json[]): { persons: PersonNode[]; byId: Map<string, JsonObject> } {
  const byId = new Map<string, JsonObject>();
  const persons: PersonNode[] = [];
  const seen = new Set<JsonObject>();
  // A ProfilePage may name its subject by reference: {"mainEntity": {"@id": "#me"}}.
  const subjectIds = new Set<string>();
  type Entry = { v: Json; depth: number; parent?: JsonObject; key?: string };
  const stack: Entry[] = roots.map((v) => ({ v, depth: 0 })).reverse();
  let visited = 0;
  while (stack.length && visited < MAX_NODES) {
    const { v, depth, parent, key } = stack.pop()!;
    if (depth > MAX_DEPTH) continue;
    if (Array.isArray(v)) {
      for (let i = Math.min(v.length, MAX_NODES) - 1; i >= 0; i--) stack.push({ v: v[i]!, depth: depth + 1, parent, key });
      continue;
    }
    if (!isObject(v) || seen.has(v)) continue;
    seen.add(v);
    visited++;
    const id = v['@id'];
    if (typeof id === 'string' && Object.keys(v).length > 1 && !byId.has(id)) byId.set(id, v);
    const types = typesOf(v);
    if (types.includes('Person')) {
      const employer = parent && key && STAFF_KEYS.has(key) && typesOf(parent).some((t) => ORGANIZATION_TYPE.test(t)) ? parent : undefined;
      persons.push({ node: v, employer, subject: key === 'mainEntity' || key === 'about' || types.includes('ProfilePage') });
    }
    const entries = Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, child] = entries[i]!;
      if (k === '@context' || child === null || typeof child !== 'object') continue;
      if (k === 'mainEntity' || k === 'about') {
        for (const c of list(child)) if (isObject(c) && typeof c['@id'] === 'string') subjectIds.add(c['@id']);
      }
      stack.push({ v: child, depth: depth + 1, parent: v, key: k });
    }
  }
  for (const p of persons) if (typeof p.node['@id'] === 'string' && subjectIds.has(p.node['@id'])) p.subject = true;
  return { persons, byId };
}

/** "Turner, Caroline B." with given name "Caroline B." and family name "Turner" reads "Caroline B. Turner". */
function displayName(name: string, given: string, family: string): string {
  if (!name) return [given, family].filter(Boolean).join(' ');
  const m = /^([^,]+),\s*([^,]+)$/.exec(name);
  if (m && given && family && m[1]!.trim() === family && m[2]!.trim() === given) return `${given} ${family}`;
  return name;
}

/** The job title of a Person: `jobTitle`, else the name of an Occupation in `hasOccupation` (also through a Role). */
function jobTitle(r: NodeReader, node: JsonObject): string {
  const direct = r.text(node.jobTitle);
  if (direct) return direct;
  for (const o of list(node.hasOccupation)) {
    const occ = r.resolve(o);
    if (!isObject(occ)) {
      if (r.text(occ)) return r.text(occ);
      continue;
    }
    const inner = r.resolve(occ.hasOccupation);
    const t = typesOf(occ).includes('Role') ? r.text(isObject(inner) ? inner.name : inner) || r.text(occ.roleName) : r.text(occ.name);
    if (t) return t;
  }
  return '';
}

/**
 * Turns a schema.org Person node into a prospect builder: name (or given +
 * family name), job title, employer, address, emails and phones (also those
 * of its `contactPoint`s), website (`url`, also as `{"@id": …}`) and
 * profiles (`sameAs`).
 */
export function personToBuilder(
  r: NodeReader,
  person: PersonNode,
  url: string,
  source: FieldSource,
  country?: CountryCode,
): ProspectBuilder {
  const { node } = person;
  const b = new ProspectBuilder(url);
  const given = r.text(node.givenName);
  const family = r.text(node.familyName);
  b.set('name', displayName(r.text(node.name), given, family), source)
    .set('firstName', given, source)
    .set('lastName', family, source)
    .set('title', jobTitle(r, node), source)
    .set('company', r.text(node.worksFor) || r.text(node.affiliation) || r.text(person.employer?.name), source)
    .set('location', r.place(node.address) || r.place(node.homeLocation) || r.place(node.workLocation), source);
  const contactPoints = list(node.contactPoint).map((c) => r.resolve(c)).filter(isObject);
  for (const holder of [node, ...contactPoints]) {
    list(holder.email).forEach((e) => b.addEmail(r.iri(e) || r.text(e), source));
    list(holder.telephone).forEach((t) => b.addPhone(r.text(t), source, country));
  }
  list(node.sameAs).forEach((s) => b.addUrl(r.iri(s), source));
  list(node.url).forEach((s) => b.addUrl(r.iri(s), source, true));
  return b;
}

/** The people of a page's schema.org nodes, one builder per distinct Person (the same `@id` described twice is one). */
export function schemaOrgPeople(
  roots: Json[],
  url: string,
  source: FieldSource,
  country?: CountryCode,
): { builder: ProspectBuilder; subject: boolean; node: JsonObject }[] {
  const { persons, byId } = findPersons(roots);
  const r = new NodeReader(byId);
  const distinct = new Map<JsonObject, PersonNode>();
  for (const p of persons) {
    const node = (typeof p.node['@id'] === 'string' ? byId.get(p.node['@id']) : undefined) ?? p.node;
    const known = distinct.get(node);
    if (known) {
      known.subject ||= p.subject;
      known.employer ??= p.employer;
    } else distinct.set(node, { ...p, node });
  }
  const out: { builder: ProspectBuilder; subject: boolean; node: JsonObject }[] = [];
  for (const p of distinct.values()) {
    const builder = personToBuilder(r, p, url, source, country);
    if (builder.hasContent()) out.push({ builder, subject: p.subject, node: p.node });
  }
  return out;
}
