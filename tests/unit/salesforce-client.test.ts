// @vitest-environment node
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { LeadSchema, type Lead } from '@/utils/leads/schema';
import { createSalesforceClient } from '@/utils/sync/salesforce';
import { authorizeUrl, codeFromRedirect, createPkce, exchangeCode, refreshAccessToken, salesforceLoginUrl, salesforceOrigins } from '@/utils/sync/salesforce-auth';
import { collectionCreateRecord, collectionUpdateRecord, leadsByEmailQueries, MAX_QUERY_URI, NO_COMPANY, salesforceLead, soqlString, webToLeadForm } from '@/utils/sync/salesforce-map';
import type { SyncContext } from '@/utils/sync/types';
import { contractValidator, readContract, type ContractValidator } from '../support/contracts';
import { fakeSalesforce, salesforceTarget, sendingEntry, SF_CLIENT_ID, SF_INSTANCE } from '../support/fake-salesforce';
import { makeLead } from './helpers';

let sf: ContractValidator;
beforeAll(async () => {
  sf = await contractValidator('salesforce/salesforce-lead.openapi.json');
}, 30_000);

const V = '/services/data/v62.0';
const sample = LeadSchema.parse(readContract('fixtures/lead.sample.json'));
const noEmail = LeadSchema.parse(readContract('fixtures/lead.no-email.sample.json'));
const INSTANCE = SF_INSTANCE;
const target = salesforceTarget;
const entry = sendingEntry;
const ctx = (): SyncContext & { saved: Array<Record<string, unknown>> } => {
  const saved: Array<Record<string, unknown>> = [];
  return { saved, checkpoint: async (_id, patch) => void saved.push(patch) };
};
/** A client on the fake, refreshing through the fake's token endpoint as the service does. */
function clientOn(f: ReturnType<typeof fakeSalesforce>, token = f.state.access) {
  let current = token;
  return createSalesforceClient({
    fetch: f.fetchFn,
    getToken: async () => current,
    target: target(),
    refresh: async () => (current = (await refreshAccessToken(f.fetchFn, { loginUrl: INSTANCE, clientId: SF_CLIENT_ID, refreshToken: f.state.refresh })).accessToken),
  });
}

describe('Salesforce request bodies match the contract', { timeout: 30_000 }, () => {
  it('upsert by Email of the sample lead equals the contract example and validates', () => {
    const body = salesforceLead(sample, { required: true, withEmail: false });
    expect(body).toEqual(readContract('salesforce/examples/lead-upsert-by-email.request.json'));
    expect(sf.request('patch', `${V}/sobjects/Lead/Email/${encodeURIComponent('ada.lovelace@example.com')}`, body)).toBeUndefined();
  });

  it('create bodies (with Email; no email, no company) validate and equal the collection example records', () => {
    const ex = readContract<{ records: Array<Record<string, unknown>> }>('salesforce/examples/composite-create.request.json').records;
    const strip = ({ attributes: _a, ...r }: Record<string, unknown>) => r;
    expect(salesforceLead(noEmail, { required: true, withEmail: true })).toEqual(strip(ex[1]!));
    const create = salesforceLead(sample, { required: true, withEmail: true });
    expect(create).toMatchObject({ ...strip(ex[0]!) });
    expect(sf.request('post', `${V}/sobjects/Lead`, create)).toBeUndefined();
    expect(sf.request('post', `${V}/sobjects/Lead`, salesforceLead(noEmail, { required: true, withEmail: true }))).toBeUndefined();
    expect(sf.request('patch', `${V}/sobjects/Lead/00Q5e00000AbCdEEAZ`, salesforceLead(sample, { required: false, withEmail: true }))).toBeUndefined();
    expect(sf.request('get', `${V}/query`, undefined, { q: leadsByEmailQueries(['ada.lovelace@example.com'], `${INSTANCE}${V}/query`)[0]!.soql })).toBeUndefined();
  });

  it('deliberately broken bodies are rejected by the same validator', () => {
    const create = salesforceLead(sample, { required: true, withEmail: true });
    const { Company: _c, ...noCompany } = create;
    expect(sf.request('post', `${V}/sobjects/Lead`, noCompany)).toBeDefined();
    expect(sf.request('post', `${V}/sobjects/Lead`, { ...create, LastName: 'x'.repeat(81) })).toBeDefined();
    expect(sf.request('post', `${V}/sobjects/Lead`, { ...create, Phone: 42 })).toBeDefined();
    expect(sf.request('patch', `${V}/sobjects/Lead/short`, create)).toBeDefined();
  });

  it('edge cases: no last name, no company, long values, 50 emails (the lead maximum), unicode, empty values never sent', () => {
    const cher = salesforceLead(makeLead({ name: 'Cher', emails: ['cher@x.example'] }), { required: true, withEmail: true });
    expect(cher).toMatchObject({ LastName: 'Cher', Company: NO_COMPANY, Email: 'cher@x.example' });
    expect(cher.FirstName).toBeUndefined();
    const nameless = salesforceLead(makeLead({ name: '', emails: ['who@x.example'] }), { required: true, withEmail: true });
    expect(nameless.LastName).toBe(NO_COMPANY);
    // An update by id leaves required fallbacks out: a company typed in Salesforce stays.
    expect(salesforceLead(makeLead({ name: 'Ann Lee' }), { required: false, withEmail: true })).toEqual({ FirstName: 'Ann', LastName: 'Lee' });
    const long = makeLead({ name: 'Zoë Ñúñez-Øster', title: 'T'.repeat(300), company: '株式会社'.repeat(70), emails: Array.from({ length: 50 }, (_, i) => `p${i}@x.example`) });
    const body = salesforceLead(long, { required: true, withEmail: true });
    expect([...body.Title!]).toHaveLength(128);
    expect([...body.Company!]).toHaveLength(255);
    expect(body.FirstName).toBe('Zoë');
    expect(body.Description).toContain('p49@x.example');
    expect(sf.request('post', `${V}/sobjects/Lead`, body)).toBeUndefined();
    for (const v of Object.values(body)) expect(v.trim()).not.toBe('');
    const tooLongEmail = salesforceLead(makeLead({ name: 'A B', emails: [`${'a'.repeat(75)}@x.example`] }), { required: true, withEmail: true });
    expect(tooLongEmail.Email).toBeUndefined();
  });

  it('SOQL values are escaped; Web-to-Lead uses Salesforce form names', () => {
    expect(soqlString("o'brien\\x@y.example")).toBe("'o\\'brien\\\\x@y.example'");
    const form = webToLeadForm(sample, '00D000000000001');
    expect(Object.fromEntries(form)).toMatchObject({ oid: '00D000000000001', first_name: 'Ada', last_name: 'Lovelace', company: 'Analytical Engines Ltd', email: 'ada.lovelace@example.com', mobile: '+447700900123', URL: 'https://analytical-engines.example' });
  });
});

describe('Salesforce OAuth with PKCE', () => {
  it('builds the authorize URL, checks state, and the fake accepts only the matching verifier', async () => {
    const f = fakeSalesforce(sf);
    const p = await createPkce();
    expect(p.challenge).toBe(createHash('sha256').update(p.verifier).digest('base64url'));
    const redirectUri = 'https://abcdefghijklmnop.chromiumapp.org/';
    const url = authorizeUrl({ loginUrl: 'https://test.salesforce.com', clientId: SF_CLIENT_ID, redirectUri, challenge: p.challenge, state: p.state });
    expect(url.startsWith('https://test.salesforce.com/services/oauth2/authorize?')).toBe(true);
    const answer = await f.fetchFn(url);
    expect(answer.status).toBe(302);
    const redirect = answer.headers.get('location')!;
    expect(() => codeFromRedirect(redirect, 'other-state')).toThrow(/state/);
    expect(() => codeFromRedirect(`${redirectUri}?error=access_denied&error_description=end-user+denied+authorization`, p.state)).toThrow(/end-user denied/);
    const code = codeFromRedirect(redirect, p.state);
    await expect(exchangeCode(f.fetchFn, { loginUrl: INSTANCE, clientId: SF_CLIENT_ID, redirectUri, code, verifier: 'wrong' })).rejects.toThrow('invalid_grant');
    const url2 = authorizeUrl({ loginUrl: INSTANCE, clientId: SF_CLIENT_ID, redirectUri, challenge: p.challenge, state: p.state });
    const code2 = codeFromRedirect((await f.fetchFn(url2)).headers.get('location')!, p.state);
    const tokens = await exchangeCode(f.fetchFn, { loginUrl: INSTANCE, clientId: SF_CLIENT_ID, redirectUri, code: code2, verifier: p.verifier });
    expect(tokens).toEqual({ accessToken: f.state.access, refreshToken: f.state.refresh, instanceUrl: INSTANCE });
  });

  it('login URLs and host permissions: production/sandbox ask for any My Domain, a My Domain only for itself', () => {
    expect(salesforceLoginUrl('sandbox')).toBe('https://test.salesforce.com');
    expect(salesforceLoginUrl('mydomain', 'Acme')).toBe('https://acme.my.salesforce.com');
    expect(salesforceLoginUrl('mydomain', 'https://acme--dev.sandbox.my.salesforce.com/')).toBe('https://acme--dev.sandbox.my.salesforce.com');
    expect(() => salesforceLoginUrl('mydomain', 'evil.example')).toThrow(/My Domain/);
    expect(salesforceOrigins('https://login.salesforce.com')).toEqual(['https://login.salesforce.com/*', 'https://*.my.salesforce.com/*']);
    expect(salesforceOrigins('https://acme.my.salesforce.com')).toEqual(['https://acme.my.salesforce.com/*']);
    expect(salesforceOrigins('https://login.salesforce.com', INSTANCE)).toEqual(['https://login.salesforce.com/*', 'https://acme.my.salesforce.com/*']);
  });
});

describe('Salesforce client against the fake', { timeout: 30_000 }, () => {
  it('test connection shows the org name', async () => {
    const f = fakeSalesforce(sf);
    expect(await clientOn(f).testConnection()).toEqual({ ok: true, account: 'Salesforce org "Analytical Engines Ltd" (acme.my.salesforce.com)' });
  });

  it('upserts by Email, then an edit (even of the email) updates the same record by id: no duplicate', async () => {
    const f = fakeSalesforce(sf);
    const c = clientOn(f);
    const first = (await c.sync([{ lead: sample, entry: entry(sample) }], ctx())).get(sample.id)!;
    expect(first).toMatchObject({ kind: 'ok', recordUrl: expect.stringMatching(/^https:\/\/acme\.my\.salesforce\.com\/lightning\/r\/Lead\/00Q\w+\/view$/) });
    expect(f.leads.size).toBe(1);
    const id = (first as { recordId: string }).recordId;
    expect(f.leads.get(id)).toMatchObject({ Email: 'ada.lovelace@example.com', Company: 'Analytical Engines Ltd' });
    const edited = { ...sample, title: 'CTO', emails: ['ada@new.example'] };
    const again = (await c.sync([{ lead: edited, entry: entry(edited, { recordId: id }) }], ctx())).get(sample.id)!;
    expect(again).toMatchObject({ kind: 'ok', recordId: id, syncedEmail: 'ada@new.example' });
    expect(f.leads.size).toBe(1);
    expect(f.leads.get(id)).toMatchObject({ Title: 'CTO', Email: 'ada@new.example' });
    // Without a stored id, the same email upserts onto the same record too.
    await c.sync([{ lead: edited, entry: entry(edited) }], ctx());
    expect(f.leads.size).toBe(1);
    expect(f.log.filter((l) => l.invalid)).toEqual([]);
  });

  it('several leads with the email (HTTP 300) fail with a clear message, nothing written', async () => {
    const f = fakeSalesforce(sf);
    f.addLead({ LastName: 'Lovelace', Company: 'X', Email: 'ada.lovelace@example.com' });
    f.addLead({ LastName: 'Lovelace', Company: 'Y', Email: 'ada.lovelace@example.com' });
    const o = (await clientOn(f).sync([{ lead: sample, entry: entry(sample) }], ctx())).get(sample.id)!;
    expect(o).toEqual({ kind: 'failed', message: expect.stringMatching(/^several Salesforce leads have the email ada\.lovelace@example\.com: merge/) });
    expect(f.leads.size).toBe(2);
  });

  it('a lead without email is created once and its id checkpointed at once', async () => {
    const f = fakeSalesforce(sf);
    const c = ctx();
    const o = (await clientOn(f).sync([{ lead: noEmail, entry: entry(noEmail) }], c)).get(noEmail.id)!;
    expect(o.kind).toBe('ok');
    expect(c.saved[0]).toMatchObject({ recordId: (o as { recordId: string }).recordId });
    expect([...f.leads.values()][0]).toMatchObject({ LastName: 'Hopper', Company: NO_COMPANY });
  });

  it('a lead deleted in Salesforce is created again; an odd TLD (.inc) is found by SOQL, not duplicated', async () => {
    const f = fakeSalesforce(sf);
    const o = (await clientOn(f).sync([{ lead: sample, entry: entry(sample, { recordId: '00Q5e00000ZZZZZZZZ' }) }], ctx())).get(sample.id)!;
    expect(o.kind).toBe('ok');
    expect(f.leads.size).toBe(1);
    const odd = makeLead({ name: 'Odd Tld', emails: ['odd@corp.inc'] });
    const c = clientOn(f);
    expect((await c.sync([{ lead: odd, entry: entry(odd) }], ctx())).get(odd.id)!.kind).toBe('ok');
    expect((await c.sync([{ lead: odd, entry: entry(odd) }], ctx())).get(odd.id)!.kind).toBe('ok');
    expect([...f.leads.values()].filter((l) => l.Email === 'odd@corp.inc')).toHaveLength(1);
    expect(f.log.filter((l) => l.invalid)).toEqual([]);
  });

  it('401 refreshes the token once and goes on; a refused refresh is "reconnect needed" (auth, target pauses)', async () => {
    const f = fakeSalesforce(sf);
    const c = clientOn(f, 'expired-token');
    expect((await c.sync([{ lead: sample, entry: entry(sample) }], ctx())).get(sample.id)).toMatchObject({ kind: 'ok' });
    expect(f.state.n).toBe(2);
    f.state.refreshDenied = true;
    const c2 = clientOn(f, 'expired-again');
    const o = (await c2.sync([{ lead: sample, entry: entry(sample) }, { lead: noEmail, entry: entry(noEmail) }], ctx()));
    expect(o.get(sample.id)).toEqual({ kind: 'auth', message: expect.stringMatching(/^token rejected, reconnect needed/) });
    expect(JSON.stringify(o.get(sample.id))).not.toContain('expired-again');
    // The batch stops: the other lead stays queued with the same answer (the target pauses), nothing was written.
    expect(o.get(noEmail.id)).toEqual(o.get(sample.id));
    expect(f.leads.size).toBe(1);
  });

  it('REQUEST_LIMIT_EXCEEDED waits an hour; other errors carry Salesforce\'s message', async () => {
    const answer = (status: number, body: unknown) => (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;
    const limit = createSalesforceClient({ fetch: answer(403, [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }]), getToken: async () => 't', target: target(), now: () => 0 });
    expect((await limit.sync([{ lead: sample, entry: entry(sample) }], ctx())).get(sample.id)).toMatchObject({ kind: 'retry', afterMs: 3_600_000 });
    const dup = createSalesforceClient({ fetch: answer(400, [{ errorCode: 'DUPLICATES_DETECTED', message: "You're creating a duplicate record." }]), getToken: async () => 't', target: target() });
    expect((await dup.sync([{ lead: sample, entry: entry(sample) }], ctx())).get(sample.id)).toEqual({ kind: 'failed', message: "400: DUPLICATES_DETECTED: You're creating a duplicate record." });
  });

  it('Web-to-Lead posts each lead once and never again (it cannot update)', async () => {
    const f = fakeSalesforce(sf);
    const c = createSalesforceClient({ fetch: f.fetchFn, getToken: async () => '00D000000000001', target: target({ mode: 'web-to-lead', baseUrl: INSTANCE }) });
    expect(await c.testConnection()).toMatchObject({ ok: true });
    const o = (await c.sync([{ lead: sample, entry: entry(sample) }], ctx())).get(sample.id)!;
    expect(o).toMatchObject({ kind: 'ok', recordId: 'web-to-lead' });
    expect(f.webToLead).toHaveLength(1);
    expect(f.webToLead[0]).toMatchObject({ oid: '00D000000000001', last_name: 'Lovelace' });
    await c.sync([{ lead: sample, entry: entry(sample, { recordId: 'web-to-lead' }) }], ctx());
    await c.sync([{ lead: sample, entry: entry(sample, { noteSending: 'web-to-lead' }) }], ctx());
    expect(f.webToLead).toHaveLength(1);
    const bad = createSalesforceClient({ fetch: f.fetchFn, getToken: async () => 'nope', target: target({ mode: 'web-to-lead' }) });
    expect(await bad.testConnection()).toMatchObject({ ok: false, message: expect.stringContaining('00D') });
  });
});
