import { describe, expect, it } from 'vitest';
import { absorbLead, identityKeys, isSamePerson, mergeLead, mergeProspects, mergeTags, prefillFromSaved } from '@/utils/leads/merge';
import { ProspectSchema } from '@/utils/leads/schema';
import { makeLead } from './helpers';

describe('identity', () => {
  it('normalises emails and profile URLs into keys', () => {
    const keys = identityKeys(makeLead({ emails: ['Jane@Acme.example'], profiles: { linkedin: 'https://www.linkedin.com/in/Jane/' } }));
    expect(keys).toEqual({ emails: ['jane@acme.example'], profiles: ['linkedin.com/in/jane'] });
  });

  it('treats a shared email or profile as the same person, and nothing else', () => {
    const a = makeLead({ name: 'Jane', emails: ['jane@acme.example'] });
    expect(isSamePerson(a, makeLead({ name: 'J. Doe', emails: ['JANE@acme.example'] }))).toBe(true);
    expect(isSamePerson(makeLead({ profiles: { x: 'https://x.com/jd' } }), makeLead({ profiles: { x: 'http://x.com/JD/' } }))).toBe(true);
    expect(isSamePerson(a, makeLead({ name: 'Jane' }))).toBe(false);
  });
});

describe('absorbLead and bounds', () => {
  it('folds a second record in without losing either note, and keeps the earlier capture', () => {
    const kept = makeLead({ id: 'k', name: 'Jane Doe', note: 'one', tags: ['a'] }, new Date('2026-03-01T00:00:00Z'));
    const other = makeLead({ id: 'o', name: 'Jane Doe', title: 'AE', note: 'two', tags: ['b'] }, new Date('2026-01-01T00:00:00Z'));
    const out = absorbLead(kept, other, new Date('2026-04-01T00:00:00Z'));
    expect(out).toMatchObject({ id: 'k', title: 'AE', note: 'one\n\ntwo', tags: ['a', 'b'], capturedAt: '2026-01-01T00:00:00.000Z' });
    expect(absorbLead(kept, { ...other, note: 'one' }).note).toBe('one');
  });

  it('merging two full records stays within the schema bounds', () => {
    const many = (p: string) => Array.from({ length: 50 }, (_, i) => `${p}${i}@x.example`);
    const tags = (p: string) => Array.from({ length: 100 }, (_, i) => `${p}${i}`);
    const a = makeLead({ emails: many('a'), profiles: { other: many('https://a.example/') }, tags: tags('a') });
    const b = makeLead({ emails: many('b'), profiles: { other: many('https://b.example/') }, tags: tags('b') });
    for (const merged of [mergeLead(a, b), absorbLead(a, b)]) {
      expect(merged.emails).toHaveLength(50);
      expect(merged.profiles.other).toHaveLength(50);
      expect(merged.tags).toHaveLength(100);
    }
  });
});

describe('mergeLead', () => {
  it('keeps id and capture date, prefers new values, unites lists and tags', () => {
    const existing = makeLead({ id: 'old', name: 'Jane Doe', title: 'AE', company: 'Acme', emails: ['jane@acme.example'], phones: ['+14155550100'], tags: ['Conf', 'hot'], note: 'met at booth' }, new Date('2026-01-01T00:00:00Z'));
    const incoming = makeLead({ id: 'new', name: 'Jane Doe', title: 'VP Sales', emails: ['jane@acme.example', 'jd@acme.example'], tags: ['conf', 'q4'] }, new Date('2026-02-01T00:00:00Z'));
    const merged = mergeLead(existing, incoming, new Date('2026-03-01T00:00:00Z'));
    expect(merged.id).toBe('old');
    expect(merged.capturedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(merged.updatedAt).toBe('2026-03-01T00:00:00.000Z');
    expect(merged.title).toBe('VP Sales');
    expect(merged.company).toBe('Acme');
    expect(merged.emails).toEqual(['jane@acme.example', 'jd@acme.example']);
    expect(merged.phones).toEqual(['+14155550100']);
    expect(merged.tags).toEqual(['conf', 'q4', 'hot']);
    expect(merged.note).toBe('met at booth');
  });

  it('does not pair a new name with the old first and last name', () => {
    const existing = makeLead({ name: 'J. Doe', firstName: 'J.', lastName: 'Doe', emails: ['j@a.example'] });
    const incoming = makeLead({ name: 'Jane Doe', emails: ['j@a.example'] });
    const merged = mergeLead(existing, incoming);
    expect(merged).toMatchObject({ name: 'Jane Doe', firstName: 'Jane', lastName: 'Doe' });
  });

  it('carries provenance with the value kept', () => {
    const a = ProspectSchema.parse({ name: 'A B', provenance: { name: 'json-ld' } });
    const b = ProspectSchema.parse({ name: 'A B', title: 'CEO', emails: ['a@b.example'], provenance: { name: 'heading', title: 'heading', 'emails:a@b.example': 'mailto' } });
    const merged = mergeProspects(a, b);
    expect(merged.provenance).toMatchObject({ name: 'json-ld', title: 'heading', 'emails:a@b.example': 'mailto' });
  });

  it('mergeTags is case-insensitive and drops blanks', () => {
    expect(mergeTags(['VIP', ' '], ['vip', 'Berlin '])).toEqual(['VIP', 'Berlin']);
  });
});

describe('prefillFromSaved', () => {
  it('keeps what the user typed, takes fresh page values otherwise, and keeps the saved identity', () => {
    const saved = makeLead({
      id: 'saved-1',
      name: 'Jane Doe',
      title: 'Chief Revenue Officer',
      company: 'Acme',
      emails: ['jane@acme.example', 'private@jane.example'],
      tags: ['vip'],
      note: 'call Tuesday',
      provenance: { title: 'user', company: 'json-ld', 'emails:private@jane.example': 'user' },
    }, new Date('2026-01-01T00:00:00Z'));
    const draft = makeLead({ name: 'Jane Doe', title: 'VP Sales', company: 'Acme Corp', emails: ['jane@acme.example'], provenance: { title: 'json-ld', company: 'json-ld' } });
    const out = prefillFromSaved(draft, saved);
    expect(out).toMatchObject({ id: 'saved-1', capturedAt: '2026-01-01T00:00:00.000Z', title: 'Chief Revenue Officer', company: 'Acme Corp', tags: ['vip'], note: 'call Tuesday' });
    expect(out.emails).toEqual(['jane@acme.example', 'private@jane.example']);
    expect(out.provenance.title).toBe('user');
  });
});
