// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { LeadSchema, type Lead } from '@/utils/leads/schema';
import { createPipedriveClient } from '@/utils/sync/pipedrive';
import { mergeContactPoints, pipedriveNoteHtml, pipedrivePersonCreate } from '@/utils/sync/pipedrive-map';
import type { OutboxEntry, Target } from '@/utils/sync/schema';
import type { SyncContext } from '@/utils/sync/types';
import { contractValidator, readContract, type ContractValidator } from '../support/contracts';
import { fakePipedrive, PIPEDRIVE_TOKEN as TOKEN } from '../support/fake-pipedrive';
import { makeLead } from './helpers';

let pd: ContractValidator;
beforeAll(async () => {
  pd = await contractValidator('pipedrive/pipedrive.contract.openapi.json');
}, 30_000);

const sample = LeadSchema.parse(readContract('fixtures/lead.sample.json'));
const target = (): Target => ({ id: 'pipedrive', autoSync: true, paused: '', account: '', baseUrl: 'https://acme.pipedrive.com', url: '', recordUrlBase: 'https://acme.pipedrive.com/person/', companies: true, connectedAt: new Date().toISOString() });
const entry = (lead: Lead, over: Partial<OutboxEntry> = {}): OutboxEntry => ({ leadId: lead.id, target: 'pipedrive', status: 'sending', attempts: 1, lastError: '', idempotencyKey: 'k', leadVersion: lead.updatedAt, ...over });
const ctx: SyncContext = { checkpoint: async () => {} };

describe('Pipedrive', () => {
  it('person, organization and note bodies for the sample lead validate; a broken one does not', () => {
    const create = pipedrivePersonCreate(sample, { orgId: 5, jobTitle: false });
    const expected = readContract<Record<string, unknown>>('pipedrive/examples/persons-create.request.json');
    expect(create).toEqual({ name: expected.name, org_id: 5, emails: expected.emails, phones: expected.phones });
    expect(pd.request('post', '/api/v2/persons', create)).toBeUndefined();
    expect(pd.request('post', '/api/v1/notes', { content: pipedriveNoteHtml(sample, { jobTitle: false }), person_id: 42, org_id: 5 })).toBeUndefined();
    expect(pd.request('post', '/api/v2/persons', { ...create, name: '' })).toBeDefined();
    expect(pd.request('post', '/api/v2/persons', { ...create, emails: [{ value: 'a@b.example', kind: 'x' }] })).toBeDefined();
  });

  it('the note is HTML-escaped and carries what has no person field', () => {
    const html = pipedriveNoteHtml(sample, { jobTitle: false });
    expect(html.startsWith('<p>Met at the Difference Engine meetup; wants a demo in Q1. &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot; must be escaped.</p><p>')).toBe(true);
    expect(html).toContain('Job title: Head of Engineering');
    expect(html).toContain('Tags: conference-2026, warm');
    expect(html).not.toContain('<b>');
  });

  it('merging keeps the CRM\'s emails and phones and adds ours once', () => {
    const merged = mergeContactPoints([{ value: 'Old@X.example', primary: true, label: 'work' }], [{ value: 'old@x.example', primary: true }, { value: 'new@x.example', primary: false }], 'email');
    expect(merged).toEqual([{ value: 'Old@X.example', primary: true, label: 'work' }, { value: 'new@x.example', primary: false }]);
    expect(mergeContactPoints([{ value: '+44 20 7946 0958', primary: true }], [{ value: '+442079460958', primary: true }], 'phone')).toHaveLength(1);
  });

  it('creates once, then finds by exact email and updates with merged lists (no duplicate); notes once', async () => {
    const f = fakePipedrive(pd, );
    const client = createPipedriveClient({ fetch: f.fetchFn, getToken: async () => TOKEN, target: target() });
    const first = (await client.sync([{ lead: sample, entry: entry(sample) }], ctx)).get(sample.id)!;
    expect(first).toMatchObject({ kind: 'ok', recordUrl: expect.stringMatching(/^https:\/\/acme\.pipedrive\.com\/person\/\d+$/) });
    expect(f.persons.size).toBe(1);
    expect([...f.orgs.values()]).toEqual(['Analytical Engines Ltd']);
    const [p] = [...f.persons.values()];
    p!.phones.push({ value: '+15550000000', primary: false, label: 'home' });
    const edited = { ...sample, phones: [...sample.phones, '+33142685300'] };
    const again = (await client.sync([{ lead: edited, entry: entry(edited, { noteHash: (first as { noteHash: string }).noteHash }) }], ctx)).get(sample.id)!;
    expect(again).toMatchObject({ kind: 'ok', recordId: (first as { recordId: string }).recordId });
    expect(f.persons.size).toBe(1);
    expect(p!.phones.map((x) => x.value)).toEqual(['+442079460958', '+447700900123', '+15550000000', '+33142685300']);
    expect(f.notes).toHaveLength(1);
    expect(f.log.filter((l) => l.invalid)).toEqual([]);
  });

  it('a partial-address search hit is not taken for the person', async () => {
    const f = fakePipedrive(pd, { partialMatch: true });
    const client = createPipedriveClient({ fetch: f.fetchFn, getToken: async () => TOKEN, target: { ...target(), companies: false } });
    const a = makeLead({ name: 'Ann One', emails: ['ann@one.example'] });
    const b = makeLead({ name: 'Ann Two', emails: ['ann@two.example'] });
    await client.sync([{ lead: a, entry: entry(a) }], ctx);
    await client.sync([{ lead: b, entry: entry(b) }], ctx);
    expect(f.persons.size).toBe(2);
  });

  it('a bad token is "token rejected" and pauses (auth)', async () => {
    const f = fakePipedrive(pd, );
    const client = createPipedriveClient({ fetch: f.fetchFn, getToken: async () => 'nope', target: target() });
    expect((await client.sync([{ lead: sample, entry: entry(sample) }], ctx)).get(sample.id)).toMatchObject({ kind: 'auth', message: expect.stringMatching(/^token rejected/) });
    expect(await client.testConnection()).toMatchObject({ ok: false, message: expect.stringMatching(/^token rejected/) });
  });
});
