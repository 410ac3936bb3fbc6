// schema.org JSON-LD reader: Person records (tolerates malformed blocks, @graph, nesting).
import type { CountryCode } from 'libphonenumber-js';
import { ProspectBuilder } from './prospect-builder';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const MAX_NODES = 5000;
const MAX_DEPTH = 12;

/**
 * Parses a JSON-LD block, forgiving the mistakes real sites make (HTML
 * comments or CDATA around it, trailing commas, raw newlines in strings).
 * Throws with the parser's message when it still cannot be read.
 */
export function parseJsonLdText(raw: string): Json {
  const trimmed = raw.trim().replace(/^<!--|-->$/g, '').replace(/^\s*(?:\/\/)?\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$|\]\]>\s*$/g, '');
  try {
    return JSON.parse(trimmed) as Json;
  } catch (first) {
    const lenient = trimmed
      .replace(/,\s*([\]}])/g, '$1')
      .replace(/"(?:[^"\\]|\\.)*"/gs, (s) => s.replace(/[\n\r\t]/g, ' '));
    try {
      return JSON.parse(lenient) as Json;
    } catch {
      throw first;
    }
  }
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typesOf(node: JsonObject): string[] {
  const t = node['@type'] ?? node.type;
  return (Array.isArray(t) ? t : [t])
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.replace(/^(?:https?:\/\/schema\.org\/|schema:)/, ''));
}

function list(v: Json | undefined): Json[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

/**
 * Finds schema.org Person nodes in the page's JSON-LD blocks (top level,
 * arrays, `@graph`, or nested as `mainEntity`, `employee`, `author`…) and
 * turns each into a prospect builder. Malformed blocks become warnings, not
 * errors: the rest of the page is still read.
 */
export function extractJsonLd(
  doc: Document,
  url: string,
  country?: CountryCode,
): { builders: ProspectBuilder[]; warnings: string[] } {
  const warnings: string[] = [];
  const roots: Json[] = [];
  doc.querySelectorAll('script[type="application/ld+json" i]').forEach((script, i) => {
    try {
      roots.push(parseJsonLdText(script.textContent ?? ''));
    } catch (e) {
      warnings.push(`JSON-LD block ${i + 1} is malformed and was skipped (${(e as Error).message.slice(0, 120)})`);
    }
  });

  const byId = new Map<string, JsonObject>();
  const persons: JsonObject[] = [];
  let visited = 0;
  const walk = (v: Json | undefined, depth: number): void => {
    if (depth > MAX_DEPTH || visited > MAX_NODES) return;
    if (Array.isArray(v)) return v.forEach((x) => walk(x, depth + 1));
    if (!isObject(v)) return;
    visited++;
    const id = v['@id'];
    if (typeof id === 'string' && Object.keys(v).length > 1) byId.set(id, v);
    if (typesOf(v).includes('Person')) persons.push(v);
    for (const [k, child] of Object.entries(v)) if (k !== '@context') walk(child, depth + 1);
  };
  roots.forEach((r) => walk(r, 0));

  const resolve = (v: Json | undefined): Json | undefined =>
    isObject(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1 ? (byId.get(v['@id']) ?? v) : v;
  const str = (v: Json | undefined): string => {
    const r = resolve(v);
    if (typeof r === 'string') return r;
    if (typeof r === 'number') return String(r);
    if (Array.isArray(r)) return str(r[0]);
    if (isObject(r)) return str(r['@value'] ?? r.name);
    return '';
  };
  const place = (v: Json | undefined): string => {
    const r = resolve(v);
    if (!isObject(r)) return str(r);
    const addr = resolve(r.address);
    if (isObject(addr)) return place(addr);
    const parts = [r.addressLocality, r.addressRegion, r.addressCountry].map(str).filter(Boolean);
    return parts.length ? parts.join(', ') : str(r.name ?? addr);
  };

  // The same person may be described twice (a ProfilePage and a bare Person with the same @id).
  const seen = new Set<JsonObject>();
  const builders: ProspectBuilder[] = [];
  for (const raw of persons) {
    const node = (typeof raw['@id'] === 'string' ? byId.get(raw['@id']) : undefined) ?? raw;
    if (seen.has(node)) continue;
    seen.add(node);
    const b = new ProspectBuilder(url);
    b.set('name', str(node.name), 'json-ld')
      .set('firstName', str(node.givenName), 'json-ld')
      .set('lastName', str(node.familyName), 'json-ld')
      .set('title', str(node.jobTitle) || str(resolve(node.hasOccupation)), 'json-ld')
      .set('company', str(node.worksFor) || str(node.affiliation) || str(node.memberOf), 'json-ld')
      .set('location', place(node.address) || place(node.homeLocation) || place(node.workLocation), 'json-ld');
    list(node.email).forEach((e) => b.addEmail(str(e), 'json-ld'));
    list(node.telephone).forEach((t) => b.addPhone(str(t), 'json-ld', country));
    list(node.sameAs).forEach((s) => b.addUrl(str(s), 'json-ld'));
    list(node.url).forEach((s) => b.addUrl(str(s), 'json-ld', true));
    if (b.hasContent()) builders.push(b);
  }
  return { builders, warnings };
}
