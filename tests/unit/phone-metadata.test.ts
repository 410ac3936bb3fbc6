import { readFileSync } from 'node:fs';
import { getCountries } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { assembleMetadata, metadataIndex, splitMetadata } from '@/utils/phone/metadata-groups';
import { PHONE_METADATA_INDEX } from '@/utils/phone/metadata-index';
import { callingCodesIn, foldForCodes, leadingDigits } from '@/utils/phone/needed-codes';
import { INDEX_FILE, indexSource, minMetadata, phoneMetadataAssets } from '../../scripts/phone-metadata';

const full = minMetadata();
const known = new Set([...Object.values(PHONE_METADATA_INDEX.countries), ...PHONE_METADATA_INDEX.nonGeographic]);
const codes = (texts: string[], iddPrefixes?: string[]) => [...callingCodesIn(texts, { iddPrefixes, known })].sort();

describe('phone metadata split per calling code', () => {
  it('assembling every group gives the full metadata back', () => {
    const groups = splitMetadata(full);
    expect(assembleMetadata(full.version, Object.values(groups))).toEqual(full);
  });

  it('keeps the countries of a shared calling code together, main country first, and non-geographic plans apart', () => {
    const groups = splitMetadata(full);
    expect(groups['44']!.countryCodes).toEqual(['GB', 'GG', 'IM', 'JE']);
    expect(Object.keys(groups['1']!.countries)).toContain('CA');
    expect(groups['1']!.countryCodes[0]).toBe('US');
    expect(groups['800']).toMatchObject({ countryCodes: [], countries: {} });
    expect(groups['800']!.nonGeographic).toEqual(full.nonGeographic['800']);
    // Only the groups assembled are there: a partial set is not the full metadata.
    const partial = assembleMetadata(full.version, [groups['44']!, groups['49']!]);
    expect(Object.keys(partial.countries).sort()).toEqual(['DE', 'GB', 'GG', 'IM', 'JE']);
    expect(partial.nonGeographic).toEqual({});
  });

  it('emits one extension file per calling code, each a group', () => {
    const files = phoneMetadataAssets();
    const groups = splitMetadata(full);
    expect(files.map((f) => f.relativeDest).sort()).toEqual(Object.keys(groups).map((c) => `phone-metadata/${c}.json`).sort());
    const parsed = files.map((f) => JSON.parse(f.contents));
    expect(assembleMetadata(full.version, parsed)).toEqual(full);
  });

  it('has a committed index that matches the metadata in node_modules (else: npx tsx scripts/phone-metadata.ts)', () => {
    expect(readFileSync(INDEX_FILE, 'utf8')).toBe(indexSource());
    expect(PHONE_METADATA_INDEX).toEqual(metadataIndex(full));
    // getCountries() in the popup lists the index's countries, in the order the library lists them.
    expect(Object.keys(PHONE_METADATA_INDEX.countries)).toEqual(getCountries());
  });
});

describe('callingCodesIn: the codes a text may need (a superset)', () => {
  it('needs nothing for national numbers without an international prefix', () => {
    expect(codes(['Call 030 1234567 or (415) 555-0132, 10115 Berlin'], ['00'])).toEqual([]);
  });

  it('reads the code after a + with the spaces and brackets libphonenumber skips', () => {
    expect(codes(['Tel. +44 (0)20 7946 0000'])).toEqual(['44']);
    expect(codes(['Zürich (+41) 44 668 18 00'])).toEqual(['41']);
    expect(codes(['+ 33 1 23 45 67 89', '+1-415-555-0132'])).toEqual(['1', '33']);
    expect(codes(['+(49) 30 1234567'])).toEqual(['49']);
    // Two numbers side by side: the second + is not eaten by the first.
    expect(codes(['+1, +44 20 7946 0000'])).toEqual(['1', '44']);
  });

  it('reads the code after an international prefix only with that prefix given, at the start of a number', () => {
    expect(codes(['Telefon: 0041 44 668 18 00'])).toEqual([]);
    expect(codes(['Telefon: 0041 44 668 18 00'], ['00'])).toEqual(['41']);
    expect(codes(['Call 011 44 20 7946 0000'], ['011'])).toEqual(['44']);
    expect(codes(['Call 011 44 20 7946 0000'], ['00'])).toEqual([]);
    expect(codes(['order 12300412345'], ['00'])).toEqual([]);
    // Australia's prefix is a pattern, as libphonenumber keeps it.
    expect(codes(['0011 64 9 123 4567'], ['001[14-689]|14(?:1[14]|34|4[17]|[56]6|7[47]|88)0011'])).toEqual(['64']);
  });

  it('reads tel: links, escaped and encoded pluses, JSON-LD and WhatsApp links', () => {
    expect(codes(['<a href="tel:+4930123456">call</a>'])).toEqual(['49']);
    expect(codes(['<a href="tel:%2B33123456789">call</a>'])).toEqual(['33']);
    expect(codes(['<script type="application/ld+json">{"telephone": "\\u002B81 3-1234-5678"}</script>'])).toEqual(['81']);
    expect(codes(['{"@type":"Person","telephone":"+34 912 345 678"}'])).toEqual(['34']);
    expect(codes(['<p>&#43;39 06 1234 5678 or &plus;43 1 234</p>'])).toEqual(['39', '43']);
    expect(codes(['<a href="https://wa.me/447700900123">WhatsApp</a>', 'https://api.whatsapp.com/send?phone=5511987654321'])).toEqual(['44', '55']);
  });

  it('reads full-width and Arabic-Indic digits as libphonenumber does', () => {
    expect(foldForCodes('＋４４')).toBe('+44');
    expect(codes(['هاتف: +٩٦٦ ١١ ٤٦٧ ٠٠٠٠'])).toEqual(['966']);
    // Other scripts' digits beside accented letters and ASCII digits, in one non-ASCII run or several.
    expect(foldForCodes('Téléphone +٩٧١٤ — Mobil: ۰۹۸۷ or 12é۳ (०९ stays: libphonenumber does not read it)')).toBe('Téléphone +9714 — Mobil: 0987 or 12é3 (०९ stays: libphonenumber does not read it)');
  });

  it('over-loads rather than misses: every 1-3 digit prefix that is a calling code', () => {
    const all = [...callingCodesIn(['+8801712345678'])];
    expect(all).toEqual(expect.arrayContaining(['8', '88', '880']));
    expect(codes(['+8801712345678'])).toEqual(['880']);
  });
});

describe('leadingDigits: the digits an international prefix can start with (to skip digit runs that cannot hold one)', () => {
  it('reads plain, class and group starts, and rules nothing out for a start it does not understand', () => {
    expect(leadingDigits('00')).toBe('0');
    expect(leadingDigits('00|99(?:[01469]|5(?:[14]1|3[23]))')).toBe('09');
    expect(leadingDigits('(?:0|1(?:1[0-69]|2[02-5]))0')).toBe('01');
    expect(leadingDigits('[89]0')).toBe('89');
    expect(leadingDigits('(?:1)?00')).toBe('0123456789');
    expect(leadingDigits('\\d00')).toBe('0123456789');
  });

  it('never rules out a digit a prefix of the metadata can start with', () => {
    const patterns = new Set(Object.values(full.countries as Record<string, unknown[]>).map((plan) => String(plan[1])));
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) % 10).toString();
    for (const p of patterns) {
      const re = new RegExp(`^(?:${p})`);
      const allowed = leadingDigits(p);
      for (const d of '0123456789'.replace(new RegExp(`[${allowed}]`, 'g'), '')) {
        for (let i = 0; i < 300; i++) expect(re.test(d + Array.from({ length: 9 }, random).join(''))).toBe(false);
      }
    }
  });
});

describe('the popup build swaps modules that must export the same names', () => {
  it('lazy-libphonenumber exports everything load.ts does, and what the app imports from libphonenumber-js', async () => {
    const lazy = await import('@/utils/phone/lazy-libphonenumber');
    const load = await import('@/utils/phone/load');
    for (const name of Object.keys(load)) expect(typeof (lazy as Record<string, unknown>)[name], name).toBe('function');
    for (const name of ['parsePhoneNumberFromString', 'findPhoneNumbersInText', 'getCountries']) expect(typeof (lazy as Record<string, unknown>)[name], name).toBe('function');
  });
});
