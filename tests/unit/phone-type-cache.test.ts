import { describe, expect, it } from 'vitest';
import { toCsv } from '@/utils/export/csv';
import { presetColumns } from '@/utils/export/csv-presets';
import { exportLeads } from '@/utils/export/export-leads';
import { cachedPhoneType, phoneType, splitPhones } from '@/utils/sync/map-common';
import { makeLead } from './helpers';

// UK landline and mobile, US, French and German numbers, national forms (no country: untyped), junk.
const NUMBERS = ['+442079460958', '+447911123456', '+16502530000', '+33142685300', '+33612345678', '+4915123456789', '+49301234567', '07911 123456', '(650) 253-0000', '020 7946 0958', 'call me', ''];

describe('phone types remembered per export', () => {
  it('answers exactly what parsing each time answers, in any order and repeated', () => {
    const typeOf = cachedPhoneType();
    const order = [...NUMBERS, ...[...NUMBERS].reverse(), ...NUMBERS];
    expect(order.map(typeOf)).toEqual(order.map(phoneType));
    expect(phoneType('+447911123456')).toBe('MOBILE');
    expect(phoneType('+442079460958')).toBe('FIXED_LINE');
  });

  it('keys on the exact text: the same digits under another country code, or without one, are not taken from the cache', () => {
    const typeOf = cachedPhoneType();
    expect(typeOf('+447911123456')).toBe('MOBILE');
    // same national digits, other countries / no country code
    expect(typeOf('+337911123456')).toBe(phoneType('+337911123456'));
    expect(typeOf('07911 123456')).toBeUndefined();
    expect(typeOf('+12079460958')).toBe(phoneType('+12079460958'));
  });

  it('stays bounded, and still right after it forgets', () => {
    const typeOf = cachedPhoneType(3);
    for (let round = 0; round < 3; round++) for (const n of NUMBERS) expect(typeOf(n)).toBe(phoneType(n));
  });

  it('splitPhones with a cache splits as without one; streamed CSV presets equal the one-shot writer', async () => {
    const typeOf = cachedPhoneType();
    const lists = [['+442079460958', '+447911123456'], ['+447911123456', '+442079460958', '+33142685300'], ['+16502530000', '+16502530000'], ['07911 123456', '+33612345678'], []];
    for (const l of lists) expect(splitPhones(l, typeOf)).toEqual(splitPhones(l));
    const leads = lists.map((phones, i) => makeLead({ id: `p${i}`, name: `Lead ${i}`, phones }));
    for (const preset of ['hubspot', 'pipedrive', 'salesforce', 'google', 'outlook'] as const) {
      const columns = presetColumns(preset);
      const streamed = await exportLeads([...leads, ...leads], 'csv', { csv: { columns }, sliceMs: 0 });
      expect(await streamed.blob.text()).toBe(toCsv([...leads, ...leads], { columns }));
    }
  });
});
