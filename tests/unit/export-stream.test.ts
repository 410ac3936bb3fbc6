import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toCsv } from '@/utils/export/csv';
import { presetColumns } from '@/utils/export/csv-presets';
import { exportLeads, exportStoredLeads } from '@/utils/export/export-leads';
import { toVCards } from '@/utils/export/vcard';
import { parseBackup, toBackupJson } from '@/utils/leads/backup';
import { readLeadPages } from '@/utils/leads/pages';
import { openLeadDb, restoreLeads, type LeadDb } from '@/utils/leads/store';
import { makeLead } from './helpers';

let db: LeadDb;
let n = 0;
beforeEach(async () => {
  db = await openLeadDb(`export-stream-${++n}`);
});
afterEach(() => db.close());

const leads = Array.from({ length: 130 }, (_, i) =>
  makeLead({ id: `id-${String(i).padStart(3, '0')}`, name: `Lead ${i} Müller`, company: 'Acme, Inc; EU', emails: [`l${i}@acme.example`], phones: ['+14155550132'], tags: i % 4 ? ['b'] : ['a', 'b'], note: i % 7 ? '' : '=1+2\nsecond' }),
);
const now = new Date('2026-02-03T04:05:06Z');

describe('chunked export writers', () => {
  it('write exactly what the one-shot writers write, whatever the slice size', async () => {
    const columns = presetColumns('hubspot');
    for (const sliceMs of [0, 1000]) {
      const csv = await exportLeads(leads, 'csv', { csv: { columns, delimiter: ';' }, sliceMs });
      expect(await csv.blob.text()).toBe(toCsv(leads, { columns, delimiter: ';' }));
      expect(csv.count).toBe(130);
      const vcf = await exportLeads(leads, 'vcf', { vcardVersion: '4.0', sliceMs });
      expect(await vcf.blob.text()).toBe(toVCards(leads, '4.0'));
      const json = await exportLeads(leads, 'json', { now, sliceMs });
      expect(await json.blob.text()).toBe(toBackupJson(leads, now));
    }
    expect(await (await exportLeads([], 'json', { now })).blob.text()).toBe(toBackupJson([], now));
  });

  it('slices the work (a blob part and a progress call per slice) and yields in between', async () => {
    const progress: Array<[number, number | undefined]> = [];
    let yielded = 0;
    const ticker = setInterval(() => yielded++, 0);
    await exportLeads(leads, 'vcf', { sliceMs: 0, onProgress: (d, t) => progress.push([d, t]) });
    clearInterval(ticker);
    // a slice of 0 ms ends at every check (each 16 leads)
    expect(progress.map(([d]) => d)).toEqual([16, 32, 48, 64, 80, 96, 112, 128, 130]);
    expect(progress.every(([, t]) => t === 130)).toBe(true);
    expect(yielded).toBeGreaterThan(0);
  });

  it('stops with an AbortError when cancelled', async () => {
    const ctrl = new AbortController();
    const run = exportLeads(leads, 'csv', { sliceMs: 0, signal: ctrl.signal, onProgress: (d) => d >= 32 && ctrl.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('exports from the store, page by page', () => {
  it('reads every lead once in pages, validated', async () => {
    await restoreLeads(db, leads);
    const sizes: number[] = [];
    const ids: string[] = [];
    for await (const page of readLeadPages(db, {}, { pageSize: 50 })) {
      sizes.push(page.length);
      ids.push(...page.map((l) => l.id));
    }
    expect(sizes).toEqual([50, 50, 30]);
    expect(ids).toEqual(leads.map((l) => l.id));
  });

  it('exports all, one tag, or a selection of ids, and the JSON backup reads back whole', async () => {
    await restoreLeads(db, leads);
    const all = await exportStoredLeads(db, 'json', { now });
    expect(all.count).toBe(130);
    const back = parseBackup(await all.blob.text());
    expect(back.ok && back.leads.map((l) => l.id)).toEqual(leads.map((l) => l.id));
    const tagged = await exportStoredLeads(db, 'csv', { tag: 'a' });
    expect(tagged.count).toBe(33);
    const picked = await exportStoredLeads(db, 'vcf', { ids: ['id-005', 'id-001', 'missing'], vcardVersion: '4.0' });
    expect(picked.count).toBe(2);
    const cards = ICAL.parse(await picked.blob.text()) as unknown[];
    expect(cards.map((c) => new ICAL.Component(c as never).getFirstPropertyValue('fn'))).toEqual(['Lead 5 Müller', 'Lead 1 Müller']);
    const progress: Array<number | undefined> = [];
    await exportStoredLeads(db, 'csv', { onProgress: (_, t) => progress.push(t) });
    expect(progress.at(-1)).toBe(130);
  });
});
