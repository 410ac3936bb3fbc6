// Issue 6 item 3 (and the URL rule at every boundary): one odd record never sinks an import; only http(s) links are kept.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BACKUP_BYTES, parseBackup, toBackupJson } from '@/utils/leads/backup';
import { toCsv } from '@/utils/export/csv';
import { toVCards } from '@/utils/export/vcard';
import { repairLead } from '@/utils/leads/repair';
import { clampSourceUrl, emptyProspect, LeadSchema, LIMITS, ProspectSchema } from '@/utils/leads/schema';
import { importLeads, listLeads, openLeadDb, saveLead, type LeadDb } from '@/utils/leads/store';
import { makeLead } from './helpers';

const jan = new Date('2026-01-01T00:00:00Z');
const longWord = 'W'.repeat(160);

describe('importing a file with odd records', () => {
  let db: LeadDb;
  let n = 0;
  beforeEach(async () => {
    db = await openLeadDb(`import-hardening-db-${++n}`);
  });
  afterEach(() => db.close());

  it('a 160-character first word with empty first/last name does not abort the 5 good records', async () => {
    const good = Array.from({ length: 5 }, (_, i) => makeLead({ name: `Good Person${i}`, emails: [`good${i}@x.example`] }, jan));
    const odd = { ...makeLead({ name: `${longWord} Doe`, emails: ['odd@x.example'] }, jan), firstName: '', lastName: '' };
    // Stored already, so the import has to merge the odd record (which splits its name).
    await saveLead(db, makeLead({ name: `${longWord} Doe`, phones: ['+14155550100'], emails: ['odd@x.example'] }, jan));
    const parsed = parseBackup(toBackupJson([good[0]!, odd, ...good.slice(1)]));
    if (!parsed.ok) throw new Error(parsed.error);
    const summary = await importLeads(db, parsed.leads, jan);
    expect(summary.skipped).toEqual([]);
    expect(summary.created).toBe(5);
    const all = await listLeads(db);
    expect(all).toHaveLength(6);
    const merged = all.find((l) => l.emails.includes('odd@x.example'))!;
    expect(merged.firstName.length).toBeLessThanOrEqual(LIMITS.namePart);
    expect(merged.phones).toEqual(['+14155550100']);
  });

  it('repairs what it can and says what, skips the rest with a readable reason, keeps the good ones', () => {
    const good = makeLead({ name: 'Fine Person', emails: ['fine@x.example'] }, jan);
    const records = [
      { ...good, id: 'r1', firstName: longWord, title: 'T'.repeat(400) },
      { ...good, id: 'r2', website: 'javascript:alert(1)', profiles: { ...good.profiles, linkedin: 'data:text/html,<script>x</script>', other: ['vbscript:msgbox', 'https://ok.example/me'] } },
      { ...good, id: 'r3', provenance: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`emails:x${i}@y.example`, 'text'])) },
      { ...good, id: 'r4', tags: ['ok', '', 7], emails: ['fine@x.example', 'mailto:m@x.example', 'javascript:alert(1)//@x.example'] },
      { ...good, id: 'r5', name: { first: 'object' } },
      good,
    ];
    const parsed = parseBackup(JSON.stringify({ app: 'prospect-scout', version: 1, leads: records }));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.leads.map((l) => l.id)).toEqual(['r1', 'r2', 'r3', 'r4', good.id]);
    expect(parsed.skipped).toEqual([{ index: 4, reason: 'Name: expected string' }]);
    const [r1, r2, r3, r4] = parsed.leads;
    expect(r1).toMatchObject({ firstName: longWord.slice(0, 150), title: 'T'.repeat(300) });
    expect(parsed.repaired[0]!.repairs).toEqual(['First name: longer than 150 characters, cut to fit', 'Job title: longer than 300 characters, cut to fit']);
    expect(r2).toMatchObject({ website: '', profiles: { linkedin: '', other: ['https://ok.example/me'] } });
    expect(parsed.repaired[1]!.repairs.join(' ')).toMatch(/Website: removed a link that is not http\(s\)/);
    expect(Object.keys(r3!.provenance).length).toBeLessThanOrEqual(LIMITS.provenanceKeys);
    expect(r4).toMatchObject({ tags: ['ok'], emails: ['fine@x.example', 'm@x.example'] });
  });

  it('the in-memory reader sends text over its limit to the streaming import', () => {
    expect(parseBackup(' '.repeat(MAX_BACKUP_BYTES + 1))).toMatchObject({ ok: false, error: expect.stringMatching(/larger than 50 MB: read it with the streaming import/) });
  });

  it('repairLead never throws on junk', () => {
    for (const junk of [null, 42, 'x', [], { id: 5 }, { name: null }, Object.create(null)]) {
      expect(() => repairLead(junk)).not.toThrow();
    }
  });
});

describe('links: only http(s) reach storage, vCard and CSV', () => {
  const hostile = ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' data:text/html,x', 'vbscript:msgbox(1)', 'file:///etc/passwd'];

  it.each(hostile)('%s is dropped by the schema from every link field', (url) => {
    const lead = LeadSchema.parse({ ...makeLead({ name: 'X' }), website: url, profiles: { linkedin: url, x: url, github: url, other: [url] } });
    expect(lead.website).toBe('');
    expect(lead.profiles).toEqual({ linkedin: '', x: '', github: '', other: [] });
    expect(toVCards([lead])).not.toMatch(/javascript|data:|vbscript|file:/i);
    expect(toCsv([lead])).not.toMatch(/javascript|data:|vbscript|file:\/\/\/etc/i);
  });

  it('a hostile sourceUrl from a page never reaches storage', () => {
    expect(ProspectSchema.parse({ sourceUrl: 'javascript:alert(1)' }).sourceUrl).toBe('');
    expect(ProspectSchema.parse({ sourceUrl: 'https://ok.example/p' }).sourceUrl).toBe('https://ok.example/p');
  });

  it('emails keep only addresses', () => {
    expect(ProspectSchema.parse({ emails: ['mailto:a@b.example', 'javascript:x@y.example', 'a@b.example'] }).emails).toEqual(['a@b.example', 'a@b.example']);
  });
});

describe('very long page addresses (issue 6 item 12)', () => {
  it('a manual lead on a page whose URL is over 4096 characters keeps a sensible sourceUrl', () => {
    const url = `https://example.test/people/jane?q=${'a'.repeat(5000)}#frag`;
    expect(() => emptyProspect(url)).not.toThrow();
    expect(emptyProspect(url).sourceUrl).toBe('https://example.test/people/jane');
    const path = `https://example.test/${'p'.repeat(5000)}`;
    expect(clampSourceUrl(path)).toHaveLength(LIMITS.sourceUrl);
  });
});
