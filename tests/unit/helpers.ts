import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '@/utils/extract/cli';
import { extractProspects, type ExtractOptions } from '@/utils/extract/page';
import { prospectToLead, type Lead, type ProspectInput, ProspectSchema } from '@/utils/leads/schema';

export const FIXTURES = join(__dirname, '..', 'fixtures');

/** Runs extraction over a fixture page exactly as the CLI does. */
export function extractFixture(name: string, url = `https://example.test/${name}`, options?: ExtractOptions) {
  return extractProspects(parseHtml(readFileSync(join(FIXTURES, name), 'utf8'), url), url, options);
}

/** Runs extraction over an HTML string. */
export function extractHtml(html: string, url = 'https://example.test/page', options?: ExtractOptions) {
  return extractProspects(parseHtml(html, url), url, options);
}

/** A lead built from partial prospect fields. */
export function makeLead(fields: ProspectInput & { tags?: string[]; note?: string; id?: string }, now = new Date('2026-01-01T00:00:00Z')): Lead {
  const { tags, note, id, ...p } = fields;
  return prospectToLead(ProspectSchema.parse(p), { tags, note, id, now });
}
