import { describe, expect, it } from 'vitest';
import { ProspectSchema, LeadSchema } from '@/utils/leads/schema';
import { extractHtml } from './helpers';

describe('no state shared between prospects', () => {
  it('gives every parsed prospect its own lists', () => {
    const a = ProspectSchema.parse({});
    const b = ProspectSchema.parse({});
    a.profiles.other.push('https://a.example/');
    a.emails.push('a@a.example');
    a.provenance.name = 'text';
    expect(b.profiles.other).toEqual([]);
    expect(b.emails).toEqual([]);
    expect(b.provenance).toEqual({});
    expect(ProspectSchema.parse({}).profiles.other).toEqual([]);
    const l = LeadSchema.parse({ id: '1', capturedAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' });
    l.tags.push('x');
    expect(LeadSchema.parse({ id: '2', capturedAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }).tags).toEqual([]);
  });

  it("does not give one person's sameAs to everybody on the page", () => {
    const people = [1, 2, 3].map((i) => ({
      '@type': 'Person',
      name: `Person Number${'abc'[i - 1]}`,
      email: `p${i}@acme.example`,
      sameAs: [`https://blog${i}.example/`],
    }));
    const html = `<html><body><script type="application/ld+json">${JSON.stringify({ '@graph': people })}</script></body></html>`;
    const { prospects } = extractHtml(html);
    expect(prospects).toHaveLength(3);
    expect(prospects.map((p) => p.profiles.other)).toEqual([['https://blog1.example/'], ['https://blog2.example/'], ['https://blog3.example/']]);
  });
});
