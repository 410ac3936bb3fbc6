// @vitest-environment node
// Salesforce in batches: SOQL lookups by email (escaped, split under the URI limit), sObject Collections create/update, per-lead outcomes.
import { beforeAll, describe, expect, it } from 'vitest';
import { LeadSchema, type Lead } from '@/utils/leads/schema';
import { COLLECTION_MAX, createSalesforceClient } from '@/utils/sync/salesforce';
import { collectionCreateRecord, collectionUpdateRecord, leadsByEmailQueries, MAX_QUERY_URI, soqlString } from '@/utils/sync/salesforce-map';
import type { OutboxEntry } from '@/utils/sync/schema';
import type { LeadOutcome, SyncContext, SyncItem } from '@/utils/sync/types';
import { contractValidator, readContract, type ContractValidator } from '../support/contracts';
import { fakeSalesforce, salesforceTarget, sendingEntry, SF_INSTANCE } from '../support/fake-salesforce';
import { makeLead } from './helpers';
import { openLeadDb, saveLead } from '@/utils/leads/store';
import { drain } from '@/utils/sync/drain';
import { allEntries, enqueueLeads, putSecret, putTarget } from '@/utils/sync/outbox';

let sf: ContractValidator;
beforeAll(async () => {
  sf = await contractValidator('salesforce/salesforce-lead.openapi.json');
}, 30_000);

const V = '/services/data/v62.0';
const INSTANCE = SF_INSTANCE;
const QUERY_URL = `${INSTANCE}${V}/query`;
const sample = LeadSchema.parse(readContract('fixtures/lead.sample.json'));
const noEmail = LeadSchema.parse(readContract('fixtures/lead.no-email.sample.json'));
const target = salesforceTarget();
const entry = sendingEntry;
const item = (lead: Lead, over: Partial<OutboxEntry> = {}): SyncItem => ({ lead, entry: entry(lead, over) });
const ctx = (): SyncContext & { saved: Map<string, unknown> } => {
  const saved = new Map<string, unknown>();
  return { saved, checkpoint: async (id, patch) => void saved.set(id, patch) };
};
const person = (i: number, over: Parameters<typeof makeLead>[0] = {}) => makeLead({ name: `Person ${i} Example`, emails: [`p${i}@leads.example`], title: 'Engineer', ...over, id: `lead-${i}` });
const client = (f: ReturnType<typeof fakeSalesforce>, over: { now?: () => number; token?: string } = {}) => {
  let token = over.token ?? f.state.access;
  return createSalesforceClient({
    fetch: f.fetchFn,
    getToken: async () => token,
    target,
    now: over.now,
    refresh: async () => {
      if (f.state.refreshDenied) throw new Error('Salesforce: invalid_grant (expired access/refresh token)');
      return (token = f.state.access);
    },
  });
};
const kinds = (out: Map<string, LeadOutcome>) => [...out.values()].map((o) => o.kind);

describe('lookup queries', () => {
  it('escape quotes, backslashes and control characters the SOQL way', () => {
    expect(soqlString("o'brien\\x@y.example")).toBe("'o\\'brien\\\\x@y.example'");
    expect(soqlString('a"b\nc\td@x.example')).toBe("'a\\\"b\\nc\\td@x.example'");
    const [q] = leadsByEmailQueries(["o'brien@x.example", 'plain@x.example'], QUERY_URL);
    expect(q!.soql).toBe("SELECT Id, IsConverted, Email FROM Lead WHERE Email IN ('o\\'brien@x.example', 'plain@x.example')");
    expect(q!.emails).toEqual(["o'brien@x.example", 'plain@x.example']);
    expect(sf.request('get', `${V}/query`, undefined, { q: q!.soql })).toBeUndefined();
  });

  it('split 200 emails into queries whose URI stays under 2,000 characters, each email asked exactly once', () => {
    const emails = Array.from({ length: 200 }, (_, i) => `firstname.lastname.${i}@some-company-domain.example`);
    const qs = leadsByEmailQueries([...emails, emails[0]!], QUERY_URL);
    expect(qs.length).toBeGreaterThan(1);
    for (const q of qs) expect(`${QUERY_URL}?${new URLSearchParams({ q: q.soql })}`.length).toBeLessThanOrEqual(MAX_QUERY_URI);
    expect(qs.flatMap((q) => q.emails)).toEqual(emails);
    // Filled, not one email per query: no more than one query beyond what the characters need.
    const chars = qs.reduce((n, q) => n + `${QUERY_URL}?${new URLSearchParams({ q: q.soql })}`.length, 0);
    expect(qs.length).toBeLessThanOrEqual(Math.ceil(chars / MAX_QUERY_URI) + 1);
    // An address that cannot fit one query alone is never asked for (it cannot be a Lead's Email either).
    expect(leadsByEmailQueries([`${'x'.repeat(3000)}@x.example`, 'ok@x.example'], QUERY_URL).flatMap((q) => q.emails)).toEqual(['ok@x.example']);
    expect(leadsByEmailQueries([], QUERY_URL)).toEqual([]);
  });
});

describe('collection bodies match the contract', { timeout: 30_000 }, () => {
  it('create: the sample leads equal the contract example (but its referenceId) and validate; 201 records or no attributes do not', () => {
    const ex = readContract<{ records: Array<Record<string, unknown> & { attributes: Record<string, unknown> }> }>('salesforce/examples/composite-create.request.json').records;
    const body = { allOrNone: false, records: [collectionCreateRecord(sample), collectionCreateRecord(noEmail)] };
    expect(body.records[1]).toEqual({ ...ex[1], attributes: { type: 'Lead' } });
    expect(body.records[0]).toMatchObject({ ...ex[0], attributes: { type: 'Lead' } });
    expect(sf.request('post', `${V}/composite/sobjects`, body)).toBeUndefined();
    expect(sf.request('post', `${V}/composite/sobjects`, { allOrNone: false, records: Array.from({ length: 201 }, () => collectionCreateRecord(sample)) })).toBeDefined();
    const { attributes: _a, ...bare } = collectionCreateRecord(sample);
    expect(sf.request('post', `${V}/composite/sobjects`, { records: [bare] })).toBeDefined();
  });

  it('update: records carry their id and no create-only fallbacks; an update without id is refused', () => {
    const r = collectionUpdateRecord(makeLead({ name: 'Ann Lee', emails: ['ann@x.example'] }), '00Q5e00000AbCdEEAZ');
    expect(r).toEqual({ attributes: { type: 'Lead' }, id: '00Q5e00000AbCdEEAZ', FirstName: 'Ann', LastName: 'Lee', Email: 'ann@x.example' });
    expect(sf.request('patch', `${V}/composite/sobjects`, { allOrNone: false, records: [r] })).toBeUndefined();
    const { id: _id, ...noId } = r;
    expect(sf.request('patch', `${V}/composite/sobjects`, { allOrNone: false, records: [noId] })).toBeDefined();
    expect(sf.request('patch', `${V}/composite/sobjects`, { allOrNone: false, records: [{ ...r, id: 'short' }] })).toBeDefined();
  });
});

describe('Salesforce client in batches, against the fake', { timeout: 30_000 }, () => {
  it('500 new leads in drain-sized batches: a few lookups and one create per 200, every lead created once', async () => {
    const f = fakeSalesforce(sf);
    const c = client(f);
    expect(c.batchSize).toBe(COLLECTION_MAX);
    const leads = Array.from({ length: 500 }, (_, i) => person(i));
    const checkpoints = ctx();
    for (let at = 0; at < leads.length; at += c.batchSize) {
      const out = await c.sync(leads.slice(at, at + c.batchSize).map((l) => item(l)), checkpoints);
      expect(kinds(out).every((k) => k === 'ok')).toBe(true);
    }
    expect(f.leads.size).toBe(500);
    const calls = f.apiCalls();
    expect(calls.filter((l) => l.method === 'post').map((l) => l.records)).toEqual([200, 200, 100]);
    expect(calls.filter((l) => l.method === 'get').length).toBeLessThanOrEqual(15);
    expect(calls.length).toBeLessThanOrEqual(18);
    expect(Math.max(...calls.map((l) => l.uri))).toBeLessThanOrEqual(MAX_QUERY_URI);
    // Every new id was stored before the outcome was reported.
    expect(checkpoints.saved.size).toBe(500);
    expect(f.log.filter((l) => l.invalid)).toEqual([]);

    // Synced again with their ids: one update request per 200, no lookups, no creates.
    const before = f.apiCalls().length;
    const ids = new Map([...f.leads.values()].map((l) => [l.Email, l.Id]));
    const edited = leads.map((l) => ({ ...l, title: 'Director' }));
    for (let at = 0; at < edited.length; at += 200) await c.sync(edited.slice(at, at + 200).map((l) => item(l, { recordId: ids.get(l.emails[0]!) })), ctx());
    expect(f.apiCalls().slice(before).map((l) => `${l.method} ${l.records}`)).toEqual(['patch 200', 'patch 200', 'patch 100']);
    expect([...f.leads.values()].every((l) => l.Title === 'Director')).toBe(true);
    expect(f.leads.size).toBe(500);
  });

  it('one mixed batch: each lead gets its own outcome (stored id, found by email, converted, several, duplicate rule, deleted, new, no email)', async () => {
    const f = fakeSalesforce(sf);
    const byId = f.addLead({ LastName: 'Stored', Company: 'A', Email: 'p1@leads.example' });
    const existing = f.addLead({ LastName: 'Existing', Company: 'Typed in Salesforce', Email: 'P2@Leads.Example' });
    f.addLead({ LastName: 'Converted', Company: 'C', Email: 'p3@leads.example', IsConverted: 'true' });
    f.addLead({ LastName: 'Twin', Company: 'D', Email: 'p4@leads.example' });
    f.addLead({ LastName: 'Twin', Company: 'E', Email: 'p4@leads.example' });
    f.state.duplicateRule.add('p5@leads.example');
    const gone = f.addLead({ LastName: 'Gone', Company: 'F', Email: 'p6@leads.example' });
    f.deleteLead(gone.Id);
    const batch = [
      item(person(1, { title: 'CTO' }), { recordId: byId.Id }),
      item(person(2, { title: 'VP' })),
      item(person(3)),
      item(person(4)),
      item(person(5)),
      item(person(6), { recordId: gone.Id }),
      item(person(7)),
      item(noEmail),
    ];
    const checkpoints = ctx();
    const out = await client(f).sync(batch, checkpoints);
    expect(out.get('lead-1')).toEqual({ kind: 'ok', recordId: byId.Id, recordUrl: `${INSTANCE}/lightning/r/Lead/${byId.Id}/view`, syncedEmail: 'p1@leads.example' });
    expect(byId.Title).toBe('CTO');
    expect(out.get('lead-2')).toMatchObject({ kind: 'ok', recordId: existing.Id });
    // Found by email (case-insensitively) and updated without the create-only fallbacks.
    expect(existing).toMatchObject({ Title: 'VP', Company: 'Typed in Salesforce' });
    expect(out.get('lead-3')).toEqual({ kind: 'failed', message: expect.stringMatching(/^this lead was converted in Salesforce and can no longer be updated/) });
    expect(out.get('lead-4')).toEqual({ kind: 'failed', message: expect.stringMatching(/^several Salesforce leads have the email p4@leads\.example/) });
    expect(out.get('lead-5')).toEqual({ kind: 'failed', message: expect.stringMatching(/^DUPLICATES_DETECTED: You're creating a duplicate record/) });
    const created = (id: string) => (out.get(id) as { recordId: string }).recordId;
    expect(out.get('lead-6')).toMatchObject({ kind: 'ok' });
    expect(created('lead-6')).not.toBe(gone.Id);
    expect(f.leads.get(created('lead-6'))).toMatchObject({ Email: 'p6@leads.example', FirstName: 'Person' });
    expect(out.get('lead-7')).toMatchObject({ kind: 'ok' });
    expect(out.get(noEmail.id)).toMatchObject({ kind: 'ok' });
    expect(f.leads.get(created(noEmail.id))).toMatchObject({ LastName: 'Hopper', Company: '[not provided]' });
    expect([...checkpoints.saved.keys()].sort()).toEqual(['lead-6', 'lead-7', noEmail.id].sort());
    // lookup, update (stored + found), lookup of the deleted one, create: no request per lead.
    expect(f.apiCalls().map((l) => l.method)).toEqual(['get', 'patch', 'get', 'post']);
    expect(f.log.filter((l) => l.invalid)).toEqual([]);
  });

  it('two leads of one batch with the same email: one record; the second waits, then updates it', async () => {
    const f = fakeSalesforce(sf);
    const a = person(1);
    const b = { ...person(1), id: 'lead-1b', title: 'Second' };
    const c = client(f);
    const out = await c.sync([item(a), item(b)], ctx());
    expect(out.get('lead-1')!.kind).toBe('ok');
    expect(out.get('lead-1b')).toMatchObject({ kind: 'retry', afterMs: 1000 });
    expect(f.leads.size).toBe(1);
    expect((await c.sync([item(b)], ctx())).get('lead-1b')).toMatchObject({ kind: 'ok', recordId: (out.get('lead-1') as { recordId: string }).recordId });
    expect(f.leads.size).toBe(1);
    expect([...f.leads.values()][0]!.Title).toBe('Second');
  });

  it('two leads stored with the same record id are never in one update request', async () => {
    const f = fakeSalesforce(sf);
    const r = f.addLead({ LastName: 'Shared', Company: 'A', Email: 'p1@leads.example' });
    const out = await client(f).sync([item(person(1), { recordId: r.Id }), item(person(2), { recordId: r.Id })], ctx());
    expect(out.get('lead-1')).toMatchObject({ kind: 'ok', recordId: r.Id });
    expect(out.get('lead-2')).toMatchObject({ kind: 'retry', message: expect.stringContaining(r.Id) });
    expect(f.log.filter((l) => l.status === 400)).toEqual([]);
  });

  it('follows nextRecordsUrl pages of a lookup', async () => {
    const f = fakeSalesforce(sf);
    f.state.queryPageSize = 2;
    const ids = [1, 2, 3, 4, 5].map((i) => f.addLead({ LastName: `L${i}`, Company: 'A', Email: `p${i}@leads.example` }).Id);
    const out = await client(f).sync([1, 2, 3, 4, 5].map((i) => item(person(i))), ctx());
    expect([1, 2, 3, 4, 5].map((i) => (out.get(`lead-${i}`) as { recordId?: string }).recordId)).toEqual(ids);
    expect(f.leads.size).toBe(5);
    expect(f.apiCalls().filter((l) => l.path.startsWith(`${V}/query/`))).toHaveLength(2);
    expect(f.log.filter((l) => l.invalid)).toEqual([]);
  });

  it('401: refreshed once and the batch goes on; refused: every lead "reconnect needed", nothing written', async () => {
    const f = fakeSalesforce(sf);
    const out = await client(f, { token: 'expired' }).sync([item(person(1)), item(person(2))], ctx());
    expect(kinds(out)).toEqual(['ok', 'ok']);
    f.state.refreshDenied = true;
    const out2 = await client(f, { token: 'expired-again' }).sync([item(person(3)), item(person(4))], ctx());
    expect([...out2.values()]).toEqual([
      { kind: 'auth', message: expect.stringMatching(/^token rejected, reconnect needed/) },
      { kind: 'auth', message: expect.stringMatching(/^token rejected, reconnect needed/) },
    ]);
    expect(JSON.stringify([...out2.values()])).not.toContain('expired-again');
    expect(f.leads.size).toBe(2);
  });

  it('403 REQUEST_LIMIT_EXCEEDED waits an hour for every lead; 429 waits Retry-After; 503 retries; on the create after a lookup too', async () => {
    const limit = fakeSalesforce(sf);
    limit.state.failNext.push({ status: 403, body: [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }] });
    const o1 = await client(limit, { now: () => 0 }).sync([item(person(1)), item(noEmail)], ctx());
    expect([...o1.values()]).toEqual([
      { kind: 'retry', message: expect.stringMatching(/^daily API limit reached: REQUEST_LIMIT_EXCEEDED/), afterMs: 3_600_000 },
      { kind: 'retry', message: expect.stringMatching(/^daily API limit reached/), afterMs: 3_600_000 },
    ]);
    const busy = fakeSalesforce(sf);
    busy.state.failNext.push({ status: 429, body: [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'slow down' }], headers: { 'retry-after': '7' }, when: (m) => m === 'post' });
    const o2 = await client(busy, { now: () => 0 }).sync([item(person(1)), item(noEmail)], ctx());
    expect([...o2.values()].map((o) => [o.kind, 'afterMs' in o ? o.afterMs : undefined])).toEqual([
      ['retry', 7000],
      ['retry', 7000],
    ]);
    expect(busy.leads.size).toBe(0);
    const down = fakeSalesforce(sf);
    down.state.failNext.push({ status: 503, body: [{ errorCode: 'SERVER_UNAVAILABLE', message: 'maintenance' }] });
    const o3 = await client(down).sync([item(person(1))], ctx());
    expect(o3.get('lead-1')).toEqual({ kind: 'retry', message: 'server error 503: SERVER_UNAVAILABLE: maintenance' });
  });

  it('a 400 for one request fails its leads with Salesforce\'s message; the other requests of the batch still go', async () => {
    const f = fakeSalesforce(sf);
    const r = f.addLead({ LastName: 'Known', Company: 'A', Email: 'p1@leads.example' });
    f.state.failNext.push({ status: 400, body: [{ errorCode: 'INVALID_FIELD', message: "No such column 'Title' on sobject of type Lead" }], when: (m) => m === 'patch' });
    const out = await client(f).sync([item(person(1), { recordId: r.Id }), item(person(2))], ctx());
    expect(out.get('lead-1')).toEqual({ kind: 'failed', message: "400: INVALID_FIELD: No such column 'Title' on sobject of type Lead" });
    expect(out.get('lead-2')).toMatchObject({ kind: 'ok' });
  });

  it('answers that do not match the request (fewer results, wrong shape) are retried, never read by position', async () => {
    const f = fakeSalesforce(sf);
    const wrapped = (async (url: string, init?: RequestInit) => {
      if (init?.method === 'POST' && String(url).endsWith('/composite/sobjects')) return new Response(JSON.stringify([{ id: '00Q5e00000AbC999AA', success: true, errors: [] }]), { status: 200 });
      return f.fetchFn(url, init);
    }) as typeof fetch;
    const c = createSalesforceClient({ fetch: wrapped, getToken: async () => f.state.access, target });
    const out = await c.sync([item(person(1)), item(person(2))], ctx());
    expect([...out.values()]).toEqual([
      { kind: 'retry', message: expect.stringMatching(/could not read/) },
      { kind: 'retry', message: expect.stringMatching(/could not read/) },
    ]);
    const garbled = createSalesforceClient({ fetch: (async () => new Response('{"totalSize":"many"}', { status: 200 })) as unknown as typeof fetch, getToken: async () => 't', target });
    expect((await garbled.sync([item(person(1))], ctx())).get('lead-1')).toMatchObject({ kind: 'retry' });
  });

  it('a network failure mid-batch leaves the unsettled leads to retry and keeps the settled ones', async () => {
    const f = fakeSalesforce(sf);
    const r = f.addLead({ LastName: 'Known', Company: 'A', Email: 'p1@leads.example' });
    const flaky = (async (url: string, init?: RequestInit) => {
      if (init?.method === 'POST') throw new TypeError('Failed to fetch');
      return f.fetchFn(url, init);
    }) as typeof fetch;
    const c = createSalesforceClient({ fetch: flaky, getToken: async () => f.state.access, target });
    const out = await c.sync([item(person(1), { recordId: r.Id }), item(person(2))], ctx());
    expect(out.get('lead-1')).toMatchObject({ kind: 'ok' });
    expect(out.get('lead-2')).toEqual({ kind: 'retry', message: 'cannot reach acme.my.salesforce.com' });
  });
});

describe('Salesforce through the drain', { timeout: 60_000 }, () => {
  it('250 queued leads: two batches, each lead\'s own outcome in the outbox, the refused one failed with Salesforce\'s message', async () => {
    const f = fakeSalesforce(sf);
    f.state.duplicateRule.add('p7@leads.example');
    const db = await openLeadDb('sf-collections-drain');
    const leads = [];
    for (let i = 0; i < 250; i++) leads.push((await saveLead(db, person(i))).lead);
    await putTarget(db, target);
    await putSecret(db, 'salesforce', f.state.access, f.state.refresh);
    await enqueueLeads(db, leads, ['salesforce']);
    const report = await drain({ db, clientFor: (t, token) => createSalesforceClient({ fetch: f.fetchFn, getToken: async () => token, target: t }), hasPermission: async () => true, now: () => Date.now() });
    expect(report).toMatchObject({ batches: 2, synced: 249, failed: 1 });
    const entries = await allEntries(db);
    const failed = entries.filter((e) => e.status === 'failed');
    expect(failed.map((e) => [e.leadId, e.lastError])).toEqual([['lead-7', expect.stringMatching(/^DUPLICATES_DETECTED/)]]);
    const synced = entries.filter((e) => e.status === 'synced');
    expect(synced).toHaveLength(249);
    for (const e of synced) expect(f.leads.get(e.recordId!)?.Email).toBe(`p${e.leadId.slice(5)}@leads.example`);
    expect(f.apiCalls().filter((l) => l.method === 'post').map((l) => l.records)).toEqual([200, 50]);
    expect(f.log.filter((l) => l.invalid)).toEqual([]);
    db.close();
  });
});
