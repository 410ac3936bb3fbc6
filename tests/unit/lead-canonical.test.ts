import { describe, expect, it } from 'vitest';
import { CANONICAL_CHECK_ACTIVE, parseCanonicalLead, safeParseLead } from '@/utils/leads/canonical';
import { LeadSchema, LIMITS, type Lead } from '@/utils/leads/schema';
import { seedLead } from '../../scripts/bench/seed-leads';
import { extractFixture, makeLead } from './helpers';

type Json = Record<string, unknown>;

const full: Lead = LeadSchema.parse({
  ...makeLead({ name: 'Zoë Álvarez', firstName: 'Zoë', lastName: 'Álvarez', title: 'CTO', company: 'Acme', emails: ['zoe@acme.example', 'z@b.example'], phones: ['+14155550132'], profiles: { linkedin: 'https://www.linkedin.com/in/zoe', x: 'https://x.com/zoe', github: '', other: ['https://zoe.example/about'] }, website: 'https://acme.example', location: 'Lisbon, Portugal', sourceUrl: 'https://acme.example/team' }),
  tags: ['conference', 'vip'],
  note: 'Met at the booth',
  provenance: { name: 'json-ld', 'emails:zoe@acme.example': 'mailto' },
  confidence: { name: 'high', 'emails:zoe@acme.example': 'medium' },
  rev: 3,
  history: [{ at: '2026-01-02T03:04:05.678Z', field: 'title', value: 'VP', source: 'user', change: 'replaced' }],
});

/** Records the way they reach the check: leads of every kind, and each changed one field at a time in ways zod trims, cuts, drops or refuses. */
function candidates(): unknown[] {
  const bases: Json[] = [full, makeLead({ name: 'Plain' }), ...Array.from({ length: 40 }, (_, i) => seedLead(i * 997)), ...extractFixture('team-page.html').prospects.map((p, i) => makeLead({ ...p, id: `fx-${i}` }))].map((l) => JSON.parse(JSON.stringify(l)));
  const long = (n: number) => 'x'.repeat(n + 1);
  const changes: Array<[string, unknown]> = [];
  for (const f of ['name', 'firstName', 'lastName', 'title', 'company', 'location', 'note', 'website', 'sourceUrl', 'id', 'capturedAt', 'updatedAt']) {
    for (const v of [undefined, null, 1, '', ' padded ', 'tab\t', long(LIMITS.shortText), long(LIMITS.namePart), long(LIMITS.note), long(100), 'javascript:alert(1)', 'https://ok.example/x', ' https://ok.example/ ', 'file:///home/a.html', 'http://' + long(LIMITS.sourceUrl), '2026-02-30T00:00:00Z', '2026-01-01T00:00:00+01:00', '2026-01-01T00:00:00.1234Z', '2026-01-01'])
      changes.push([f, v]);
  }
  for (const f of ['emails', 'phones', 'tags', 'profiles.other']) {
    for (const v of [undefined, null, 'a', [], [1], [''], [' a@b.example'], ['mailto:a@b.example'], ['MAILTO:a@b.example'], ['a@b'], ['a@b.example'], ['https://ok.example'], ['ftp://x.example'], Array(LIMITS.listItems + 1).fill('a@b.example'), Array(LIMITS.tags + 1).fill('t'), [long(LIMITS.tag)], [long(LIMITS.phone)], ['x'.repeat(LIMITS.tag)]])
      changes.push([f, v]);
  }
  for (const f of ['profiles.linkedin', 'profiles.x', 'profiles.github']) for (const v of [undefined, null, '', 'javascript:x', ' https://x.example', 'https://x.example', long(LIMITS.url)]) changes.push([f, v]);
  for (const v of [undefined, null, [], 'x', { extra: 1 }, Object.create(null)]) changes.push(['profiles', v]);
  for (const v of [undefined, null, {}, [], { name: 'nope' }, { name: 'user' }, { [long(2100)]: 'user' }, JSON.parse('{"__proto__":"user","name":"tel"}'), Object.fromEntries(Array.from({ length: LIMITS.provenanceKeys + 1 }, (_, i) => [`k${i}`, 'text']))])
    changes.push(['provenance', v]);
  for (const v of [undefined, null, {}, { name: 'high' }, { name: 'sure' }, [], JSON.parse('{"__proto__":"low"}')]) changes.push(['confidence', v]);
  for (const v of [undefined, null, -1, 0, 1.5, 2 ** 60, Number.NaN, '1', -0]) changes.push(['rev', v]);
  const entry = full.history[0]!;
  for (const v of [undefined, null, [], [entry], [{ ...entry, extra: 1 }], [{ ...entry, source: '' }], [{ ...entry, source: undefined }], [{ ...entry, at: 'yesterday' }], [{ ...entry, field: 'email' }], [{ ...entry, value: long(LIMITS.shortText) }], [{ ...entry, value: ' spaced ' }], [{ ...entry, change: 'kept' }], Array(LIMITS.history + 1).fill(entry)])
    changes.push(['history', v]);
  const out: unknown[] = [...bases, null, 'lead', [], Object.create(null), new (class Fake {})()];
  for (const base of bases.slice(0, 6)) {
    out.push({ ...base, emailKeys: ['x'], extraField: 1 });
    out.push({ ...base, confidence: undefined });
    for (const [path, v] of changes) {
      const copy = JSON.parse(JSON.stringify(base)) as Json;
      const [head, tail] = path.split('.') as [string, string | undefined];
      const target = tail ? (copy[head] as Json) : copy;
      const key = tail ?? head;
      if (v === undefined) delete target[key];
      else target[key] = v;
      out.push(copy);
    }
  }
  return out;
}

describe('parseCanonicalLead (the fast path of storage reads and imports)', () => {
  it('is on for the current schema (a new Lead field needs this check updated)', () => {
    expect(CANONICAL_CHECK_ACTIVE).toBe(true);
  });

  it('never accepts what zod refuses or would change: its result is exactly zod’s, key order included', () => {
    let accepted = 0;
    let checked = 0;
    for (const record of candidates()) {
      checked++;
      const fast = parseCanonicalLead(record);
      if (!fast) continue;
      accepted++;
      const zod = LeadSchema.safeParse(record);
      expect(zod.success, JSON.stringify(record)).toBe(true);
      expect(fast).toStrictEqual(zod.data);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
    }
    expect(checked).toBeGreaterThan(1000);
    // the check is not trivially refusing: every base record and the harmless changes pass
    expect(accepted).toBeGreaterThan(100);
  });

  it('accepts what zod outputs (stored leads and our backups take the fast path)', () => {
    for (const record of candidates()) {
      const zod = LeadSchema.safeParse(record);
      if (!zod.success || ('confidence' in zod.data && zod.data.confidence === undefined)) continue;
      expect(parseCanonicalLead(zod.data)).toStrictEqual(zod.data);
      const json = JSON.parse(JSON.stringify(zod.data)) as unknown;
      expect(parseCanonicalLead(json)).toStrictEqual(LeadSchema.parse(json));
    }
  });

  it('shares nothing mutable with its input and leaves unknown keys out', () => {
    const input = JSON.parse(JSON.stringify({ ...full, emailKeys: ['zoe@acme.example'] })) as Json;
    const lead = parseCanonicalLead(input)!;
    expect(lead).not.toHaveProperty('emailKeys');
    lead.emails.push('new@acme.example');
    lead.profiles.other.push('https://new.example');
    lead.provenance.name = 'user';
    lead.history[0]!.value = 'changed';
    expect(input).toMatchObject({ emails: full.emails, profiles: full.profiles, provenance: full.provenance, history: full.history });
  });

  it('safeParseLead falls back to zod: defaults filled, errors reported', () => {
    expect(safeParseLead({ id: 'a', capturedAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' })).toMatchObject({ success: true, data: { name: '', tags: [], rev: 0 } });
    expect(safeParseLead({ ...full, name: 7 }).success).toBe(false);
  });
});
