import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '@/utils/leads/schema';
import { summarizeWarnings } from '@/utils/extract/warnings';
import { jsonLdDeepName, jsonLdIdCycle, malformedJsonLdBlocks, nestedMicrodataPersons } from '../fixtures/hostile/generators';
import { extractHtml, FIXTURES } from './helpers';

describe('hostile structured data', () => {
  it('reads a JSON-LD block whose @id references form a cycle without overflowing the stack', () => {
    const html = jsonLdIdCycle();
    expect(html.length).toBeLessThan(400);
    const { prospects } = extractHtml(html);
    // Names that only point at each other resolve to nothing; the records are still read.
    expect(prospects.map((p) => p.emails)).toEqual([['a@cycle.example'], ['b@cycle.example']]);
    expect(prospects.map((p) => p.name)).toEqual(['', '']);
  });

  it('the saved 300-byte cycle fixture is the same page', () => {
    expect(readFileSync(join(FIXTURES, 'hostile', 'jsonld-id-cycle.html'), 'utf8').trim()).toBe(jsonLdIdCycle());
  });

  it('reads a JSON-LD Person whose name is nested 20 000 levels deep', () => {
    const { prospects } = extractHtml(jsonLdDeepName(20_000));
    expect(prospects).toHaveLength(1);
    expect(prospects[0]!.emails).toEqual(['deep@example.com']);
  });

  it('reads 200 nested microdata Persons (1.3 MB) in one pass, each with only their own properties', { timeout: 60_000 }, () => {
    // Before the one-pass reader this page took 25 s in Chromium and 100 s here; now about 1 s: the timeout guards the complexity.
    const html = nestedMicrodataPersons(200);
    expect(html.length).toBeGreaterThan(1_200_000);
    const { prospects, warnings } = extractHtml(html);
    expect(prospects).toHaveLength(LIMITS.prospectsPerPage);
    expect(prospects[0]).toMatchObject({ name: 'Root Person', emails: [] });
    for (let i = 0; i < LIMITS.prospectsPerPage - 1; i++) {
      expect(prospects[i + 1]).toMatchObject({ name: `Person Number${i}`, title: `Engineer ${i}`, emails: [`p${i}@example.com`] });
    }
    expect(warnings.at(-1)).toMatch(/more than 200 people/);
  });

  it('summarises thousands of malformed JSON-LD blocks in a few warnings and still reads the good one', () => {
    const { prospects, warnings } = extractHtml(malformedJsonLdBlocks(1500));
    expect(warnings.length).toBeLessThanOrEqual(6);
    expect(warnings.slice(0, 5).every((w) => /JSON-LD block \d+ is malformed/.test(w))).toBe(true);
    expect(warnings[5]).toMatch(/and 1495 more problems with JSON-LD blocks/);
    expect(prospects.map((p) => p.name)).toEqual(['Good Person']);
  });

  it('summarizeWarnings keeps short lists as they are', () => {
    expect(summarizeWarnings(['a', 'b'], 'things')).toEqual(['a', 'b']);
    expect(summarizeWarnings(['a', 'b', 'c'], 'things', 1)).toEqual(['a', '… and 2 more problems with things (not listed).']);
  });

  it('does not loop on microdata itemref cycles or classic include cycles', () => {
    const html = `<div id="a" itemscope itemtype="https://schema.org/Person" itemref="b"><span itemprop="name">Loop Person</span>
      <div id="b" itemprop="knows" itemscope itemtype="https://schema.org/Person" itemref="a"><span itemprop="name">Other Person</span></div></div>
      <div class="vcard" id="v" headers="v"><span class="fn">Vee Card</span><a class="include" href="#v">again</a></div>`;
    expect(extractHtml(html).prospects.map((p) => p.name).sort()).toEqual(['Loop Person', 'Other Person', 'Vee Card']);
  });
});
