// The popup's lazily loaded phone metadata reads every fixture page exactly as the full metadata does.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CountryCode } from 'libphonenumber-js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { splitMetadata } from '@/utils/phone/metadata-groups';
import { minMetadata } from '../../scripts/phone-metadata';
import { FIXTURES, makeLead } from './helpers';

type Page = { name: string; html: string; url: string; country?: CountryCode };
type Mods = {
  page: typeof import('@/utils/extract/page');
  pagePhones: typeof import('@/utils/extract/page-phones');
  cli: typeof import('@/utils/extract/cli');
  display: typeof import('@/utils/leads/display');
  form: typeof import('@/utils/leads/form');
  lazy: typeof import('@/utils/phone/lazy-libphonenumber');
};

/** Every HTML page of the fixtures and the conformance cases, with the URL and default country each is run with. */
function pages(): Page[] {
  const out: Page[] = [];
  for (const f of readdirSync(FIXTURES).filter((f) => f.endsWith('.html'))) {
    out.push({ name: f, html: readFileSync(join(FIXTURES, f), 'utf8'), url: `https://example.test/${f}` });
  }
  // Every folder of pages (pages, the held-out corpora, hostile…): each holds <slug>/source.html + meta.json, or flat pages.
  for (const set of readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
    const dir = join(FIXTURES, set);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.html')) {
        out.push({ name: `${set}/${entry.name}`, html: readFileSync(join(dir, entry.name), 'utf8'), url: `https://example.test/${entry.name}` });
      }
      if (!entry.isDirectory() || !existsSync(join(dir, entry.name, 'source.html'))) continue;
      const meta = JSON.parse(readFileSync(join(dir, entry.name, 'meta.json'), 'utf8')) as { url: string; country?: CountryCode };
      out.push({ name: `${set}/${entry.name}`, html: readFileSync(join(dir, entry.name, 'source.html'), 'utf8'), url: meta.url, country: meta.country });
    }
  }
  const cases = join(FIXTURES, '..', 'conformance', 'cases');
  for (const suite of readdirSync(cases)) {
    for (const f of readdirSync(join(cases, suite)).filter((f) => f.endsWith('.html'))) {
      const expected = JSON.parse(readFileSync(join(cases, suite, f.replace(/\.html$/, '.expected.json')), 'utf8')) as { url?: string; country?: CountryCode };
      out.push({ name: `conformance/${suite}/${f}`, html: readFileSync(join(cases, suite, f), 'utf8'), url: expected.url ?? `https://example.com/${suite}/${f}`, country: expected.country });
    }
  }
  return out;
}

const ALL = pages();
const groups = splitMetadata(minMetadata());
/** Calling codes fetched since the last reset. */
let fetched: string[] = [];

/** The extraction, display and form modules, imported afresh (a new metadata cache) with or without the popup's lazy libphonenumber. */
async function load(lazy: boolean): Promise<Mods> {
  vi.resetModules();
  if (lazy) {
    vi.doMock('libphonenumber-js', () => import('@/utils/phone/lazy-libphonenumber'));
    vi.doMock('@/utils/phone/load', () => import('@/utils/phone/lazy-libphonenumber'));
  } else {
    vi.doUnmock('libphonenumber-js');
    vi.doUnmock('@/utils/phone/load');
  }
  fetched = [];
  return {
    page: await import('@/utils/extract/page'),
    pagePhones: await import('@/utils/extract/page-phones'),
    cli: await import('@/utils/extract/cli'),
    display: await import('@/utils/leads/display'),
    form: await import('@/utils/leads/form'),
    lazy: await import('@/utils/phone/lazy-libphonenumber'),
  };
}

beforeAll(() => {
  // The extension's files: phone-metadata/<code>.json as the build emits them.
  vi.stubGlobal('fetch', async (url: string) => {
    const code = /\/phone-metadata\/(\d+)\.json$/.exec(String(url))?.[1];
    const group = code ? groups[code] : undefined;
    if (code) fetched.push(code);
    return group ? new Response(JSON.stringify(group)) : new Response('not found', { status: 404 });
  });
});
afterAll(() => {
  vi.unstubAllGlobals();
  vi.doUnmock('libphonenumber-js');
  vi.doUnmock('@/utils/phone/load');
});

/** Extraction of a page as the popup runs it: metadata loaded first (a no-op with the full metadata), then extracted. */
async function extract(m: Mods, p: Page) {
  const doc = m.cli.parseHtml(p.html, p.url);
  const country = await m.pagePhones.loadPagePhoneMetadata(doc, p.html, p.url, p.country);
  return m.page.extractProspects(doc, p.url, { defaultCountry: p.country, country });
}

describe('extraction with only the phone metadata groups the page needs', () => {
  it(`equals extraction with the full metadata on all ${ALL.length} fixture and conformance pages`, { timeout: 600_000 }, async () => {
    expect(ALL.length).toBeGreaterThan(250);
    const full = await load(false);
    const expected = [];
    for (const p of ALL) expected.push(await extract(full, p));
    const phones = expected.flatMap((e) => e.prospects.flatMap((x) => x.phones));
    // The pages hold real work for the comparison: well over a hundred phones, of dozens of calling codes.
    expect(phones.length).toBeGreaterThan(150);
    expect(new Set(phones.map((n) => n.slice(0, 3))).size).toBeGreaterThan(20);
    let loaded = 0;
    for (const [i, p] of ALL.entries()) {
      const lazy = await load(true);
      const got = await extract(lazy, p);
      expect({ page: p.name, got }).toEqual({ page: p.name, got: expected[i] });
      expect({ page: p.name, missed: lazy.lazy.missedPhoneMetadata() }).toEqual({ page: p.name, missed: [] });
      loaded += new Set(fetched).size;
    }
    // Each page loads a few groups, not all of them.
    expect(loaded / ALL.length).toBeLessThan(8);
  });

  it('loads only the group of the page\'s own numbers on a US profile', async () => {
    const m = await load(true);
    const p = ALL.find((x) => x.name === 'person-jsonld.html')!;
    const got = await extract(m, p);
    expect(got.prospects[0]!.phones).toEqual(['+14155550132', '+14155550199']);
    expect(fetched).toEqual(['1']);
  });

  it('reads a German page\'s national, +44 and 0041 numbers, loading +49 first and then what its 00 prefix names', async () => {
    const m = await load(true);
    const html = `<html lang="de"><body><h1>Anna Schmidt</h1><p>Vertrieb, Beispiel GmbH</p>
      <p>Telefon: 030 23125 000</p><p>London: +44 20 7946 0018</p><p>Zürich: 0041 44 668 18 00</p></body></html>`;
    const p = { name: 'de', html, url: 'https://beispiel.de/team' };
    const got = await extract(m, p);
    // (+1 too: "0018" in the London number could start a number dialled with 00: loading too much is harmless.)
    expect(new Set(fetched)).toEqual(new Set(['44', '41', '49', '1']));
    // The page's own country is what the 00 prefix is known from: +49 is there.
    expect(got.prospects[0]!.phones).toEqual(['+493023125000', '+442079460018', '+41446681800']);
    expect(m.lazy.missedPhoneMetadata()).toEqual([]);
    expect(m.display.formatPhone('+41446681800')).toBe('+41 44 668 18 00');
  });

  it('says loudly when a number is read before its group was loaded', async () => {
    const m = await load(true);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    // Nothing loaded: the number cannot be read, and the miss is reported instead of passing silently.
    expect(m.display.formatPhone('+442079460018')).toBe('+442079460018');
    expect(m.lazy.missedPhoneMetadata()).toEqual(['44']);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('+44'));
    await m.lazy.loadPhoneMetadata(['44']);
    expect(m.display.formatPhone('+442079460018')).toBe('+44 20 7946 0018');
  });

  it('loads what the lead form needs: typed foreign numbers, and the US plan for numbers without a code', async () => {
    const typed = '+41 44 668 18 00\n(415) 555-0132\n011 33 1 23 45 67 89';
    const save = (m: Mods) => {
      const base = makeLead({ name: 'Ana Silva', sourceUrl: 'https://example.test/' });
      const result = m.form.formToLead({ ...m.form.leadToForm(base), phones: typed }, base);
      return 'lead' in result ? result.lead.phones : result.errors;
    };
    const full = save(await load(false));
    const m = await load(true);
    await m.form.loadFormPhoneMetadata(typed);
    expect(new Set(fetched)).toEqual(new Set(['41', '1', '33']));
    expect(save(m)).toEqual(['+41446681800', '+14155550132', '+33123456789']);
    expect(save(m)).toEqual(full);
    expect(m.lazy.missedPhoneMetadata()).toEqual([]);
  });
});
