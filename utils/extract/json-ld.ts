// schema.org JSON-LD reader: Person records (tolerates malformed blocks, @graph, nesting, @id references; bounded).
import type { CountryCode } from 'libphonenumber-js';
import type { ProspectBuilder } from './prospect-builder';
import { schemaOrgPeople, type Json } from './schema-org';
import { summarizeWarnings } from './warnings';

/** Blocks read from one page; a real page has a handful, a directory one per person. */
const MAX_BLOCKS = 2000;
/** Characters read from one block and from all blocks of a page. */
const MAX_BLOCK_CHARS = 2_000_000;
const MAX_TOTAL_CHARS = 10_000_000;

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

/** The JSON values of a page's JSON-LD blocks, with a warning for each block skipped (summarised). */
export function readJsonLdBlocks(doc: Document): { roots: Json[]; warnings: string[] } {
  const problems: string[] = [];
  const roots: Json[] = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  let total = 0;
  const count = Math.min(scripts.length, MAX_BLOCKS);
  for (let i = 0; i < count; i++) {
    const text = scripts[i]!.textContent ?? '';
    if (text.length > MAX_BLOCK_CHARS || total + text.length > MAX_TOTAL_CHARS) {
      problems.push(`JSON-LD block ${i + 1} is too large (${text.length} characters) and was skipped`);
      continue;
    }
    total += text.length;
    try {
      roots.push(parseJsonLdText(text));
    } catch (e) {
      problems.push(`JSON-LD block ${i + 1} is malformed and was skipped (${(e as Error).message.slice(0, 120)})`);
    }
  }
  const warnings = summarizeWarnings(problems, 'JSON-LD blocks');
  if (scripts.length > MAX_BLOCKS) {
    warnings.push(`This page has ${scripts.length} JSON-LD blocks; only the first ${MAX_BLOCKS} were read.`);
  }
  return { roots, warnings };
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
): { builders: ProspectBuilder[]; warnings: string[]; subjects: ProspectBuilder[] } {
  const { roots, warnings } = readJsonLdBlocks(doc);
  const people = schemaOrgPeople(roots, url, 'json-ld', country);
  return {
    builders: people.map((p) => p.builder),
    subjects: people.filter((p) => p.subject).map((p) => p.builder),
    warnings,
  };
}
