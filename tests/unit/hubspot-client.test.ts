// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LeadSchema, type Lead } from '@/utils/leads/schema';
import { createHubspotClient } from '@/utils/sync/hubspot';
import type { OutboxEntry, Target } from '@/utils/sync/schema';
import type { CrmClient, SyncContext } from '@/utils/sync/types';
import { readContract } from '../support/contracts';
import { startFakeHubspot, type FakeHubspot } from '../support/fake-hubspot';
import { makeLead } from './helpers';

let fake: FakeHubspot;
beforeAll(async () => {
  fake = await startFakeHubspot();
}, 30_000);
afterAll(() => fake.close());
beforeEach(() => {
  fake.contacts.clear();
  fake.companies.clear();
  fake.notes.length = 0;
  fake.requests.length = 0;
});

const target = (): Target => ({ id: 'hubspot', autoSync: true, paused: '', account: '', baseUrl: fake.origin, url: '', recordUrlBase: 'https://app.hubspot.com/contacts/4242/record/0-1/', companies: true, connectedAt: new Date().toISOString() });
const client = (token = fake.token): CrmClient => createHubspotClient({ fetch, getToken: async () => token, target: target() });
const entry = (lead: Lead, over: Partial<OutboxEntry> = {}): OutboxEntry => ({ leadId: lead.id, target: 'hubspot', status: 'sending', attempts: 1, lastError: '', idempotencyKey: 'k', leadVersion: lead.updatedAt, ...over });
const ctx = (log: Array<[string, object]> = []): SyncContext => ({ checkpoint: async (id, patch) => void log.push([id, patch]) });
const sample = LeadSchema.parse(readContract('fixtures/lead.sample.json'));
const noEmail = LeadSchema.parse(readContract('fixtures/lead.no-email.sample.json'));
const valid = () => fake.requests.filter((r) => r.invalid).map((r) => r.invalid);

// Generous timeout: the fake compiles the contract's validators on first use, slow on a loaded machine.
describe('HubSpot client against a contract-checking fake', { timeout: 30_000 }, () => {
  it('upserts, finds/creates the company, associates it and adds the escaped note', async () => {
    const out = await client().sync([{ lead: sample, entry: entry(sample) }], ctx());
    expect(valid()).toEqual([]);
    const o = out.get(sample.id)!;
    expect(o).toMatchObject({ kind: 'ok', recordUrl: expect.stringContaining('/record/0-1/') });
    const [contact] = [...fake.contacts.values()];
    expect(contact!.properties).toMatchObject({ email: 'ada.lovelace@example.com', firstname: 'Ada', mobilephone: '+447700900123' });
    expect([...fake.companies.values()][0]!.properties).toEqual({ name: 'Analytical Engines Ltd', domain: 'analytical-engines.example' });
    expect(fake.associations).toContainEqual({ from: contact!.id, to: [...fake.companies.keys()][0] });
    expect(fake.notes).toHaveLength(1);
    expect(fake.requests.map((r) => r.path.replace(/\d+/g, 'N'))).toEqual([
      '/crm/objects/N-N/contacts/batch/upsert',
      '/crm/objects/N-N/companies/search',
      '/crm/objects/N-N/companies',
      '/crm/associations/N-N/contacts/companies/batch/associate/default',
      '/crm/objects/N-N/notes',
    ]);
  });

  it('a lead without email: searched by LinkedIn, created once, then found and updated', async () => {
    const log: Array<[string, object]> = [];
    const first = await client().sync([{ lead: noEmail, entry: entry(noEmail) }], ctx(log));
    expect(first.get(noEmail.id)).toMatchObject({ kind: 'ok' });
    expect(log).toEqual([[noEmail.id, expect.objectContaining({ recordId: expect.any(String) })]]);
    const again = await client().sync([{ lead: { ...noEmail, title: 'Admiral' }, entry: entry(noEmail) }], ctx());
    expect(again.get(noEmail.id)).toMatchObject({ kind: 'ok', recordId: (first.get(noEmail.id) as { recordId: string }).recordId });
    expect(fake.contacts.size).toBe(1);
    expect([...fake.contacts.values()][0]!.properties.jobtitle).toBe('Admiral');
    expect(valid()).toEqual([]);
  });

  it('an email change after the first sync updates the same record by id (no duplicate)', async () => {
    const lead = makeLead({ name: 'Ann Change', emails: ['ann@old.example'] });
    const first = (await client().sync([{ lead, entry: entry(lead) }], ctx())).get(lead.id) as { recordId: string };
    const moved = { ...lead, emails: ['ann@new.example'] };
    await client().sync([{ lead: moved, entry: entry(moved, { recordId: first.recordId, syncedEmail: 'ann@old.example' }) }], ctx());
    expect(fake.contacts.size).toBe(1);
    expect(fake.requests.at(-1)!.method).toBe('PATCH');
  });

  it('250 leads go in batches of at most 100; every request validates', async () => {
    const leads = Array.from({ length: 250 }, (_, i) => makeLead({ name: `P ${i}`, emails: [`p${i}@x.example`], id: `lead-${i}` }));
    const out = await client().sync(leads.map((l) => ({ lead: l, entry: entry(l) })), ctx());
    expect([...out.values()].every((o) => o.kind === 'ok')).toBe(true);
    const batches = fake.requests.filter((r) => r.path.endsWith('/batch/upsert')).map((r) => (r.body as { inputs: unknown[] }).inputs.length);
    expect(batches).toEqual([100, 100, 50]);
    expect(fake.contacts.size).toBe(250);
    expect(valid()).toEqual([]);
  });

  it('207: the failed items come back as retry, the others as ok', async () => {
    const leads = [0, 1, 2].map((i) => makeLead({ name: `Q ${i}`, emails: [`q${i}@x.example`] }));
    fake.failOnce(['q1@x.example']);
    const out = await client().sync(leads.map((l) => ({ lead: l, entry: entry(l) })), ctx());
    expect(out.get(leads[0]!.id)!.kind).toBe('ok');
    expect(out.get(leads[1]!.id)).toMatchObject({ kind: 'retry', message: 'Temporary failure writing this contact' });
    expect(out.get(leads[2]!.id)!.kind).toBe('ok');
  });

  it('429 → retry with the Retry-After wait; 401 → auth "token rejected"; unreachable → retry', async () => {
    const lead = makeLead({ name: 'R', emails: ['r@x.example'] });
    fake.rateLimitNext(1, 3);
    expect((await client().sync([{ lead, entry: entry(lead) }], ctx())).get(lead.id)).toMatchObject({ kind: 'retry', afterMs: 3000 });
    expect((await client('wrong-token').sync([{ lead, entry: entry(lead) }], ctx())).get(lead.id)).toMatchObject({ kind: 'auth', message: expect.stringMatching(/^token rejected/) });
    const down = createHubspotClient({ fetch, getToken: async () => 'x', target: { ...target(), baseUrl: 'http://127.0.0.1:9' } });
    expect((await down.sync([{ lead, entry: entry(lead) }], ctx())).get(lead.id)).toMatchObject({ kind: 'retry', message: expect.stringContaining('cannot reach') });
  });

  it('does not send the same note twice, nor one whose send started before a crash', async () => {
    const lead = makeLead({ name: 'N', emails: ['n@x.example'], note: 'hello' });
    const first = (await client().sync([{ lead, entry: entry(lead) }], ctx())).get(lead.id) as { noteHash: string };
    expect(fake.notes).toHaveLength(1);
    await client().sync([{ lead, entry: entry(lead, { noteHash: first.noteHash }) }], ctx());
    const edited = { ...lead, note: 'changed' };
    const log: Array<[string, object]> = [];
    await client().sync([{ lead: edited, entry: entry(edited, { noteHash: first.noteHash }) }], ctx(log));
    expect(fake.notes).toHaveLength(2);
    const sending = (log.find(([, p]) => 'noteSending' in p)![1] as { noteSending: string }).noteSending;
    await client().sync([{ lead: edited, entry: entry(edited, { noteHash: first.noteHash, noteSending: sending }) }], ctx());
    expect(fake.notes).toHaveLength(2);
  });

  it('Test connection names the account, or says the token was rejected', async () => {
    expect(await client().testConnection()).toMatchObject({ ok: true, account: 'HubSpot account 4242' });
    expect(await client('nope').testConnection()).toMatchObject({ ok: false, message: expect.stringMatching(/^token rejected/) });
  });
});
