// A fake Salesforce (OAuth with PKCE and revoke, Lead REST subset with sObject Collections and query paging, Web-to-Lead), in memory behind fetch or on 127.0.0.1; REST requests checked against the contract.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Lead } from '../../utils/leads/schema';
import type { OutboxEntry, Target } from '../../utils/sync/schema';
import { contractValidator, type ContractValidator } from './contracts';

export const SF_CLIENT_ID = '3MVG9fake.consumer.key';
export const SF_ORG_NAME = 'Analytical Engines Ltd';
/** The instance URL the fake reports unless told another. */
export const SF_INSTANCE = 'https://acme.my.salesforce.com';

/** A Salesforce target connected through the API to the fake's instance. */
export function salesforceTarget(over: Partial<Target> = {}): Target {
  return {
    id: 'salesforce',
    autoSync: true,
    paused: '',
    account: '',
    baseUrl: SF_INSTANCE,
    url: '',
    recordUrlBase: '',
    companies: true,
    mode: 'api',
    loginUrl: 'https://login.salesforce.com',
    clientId: SF_CLIENT_ID,
    connectedAt: '2026-11-27T10:00:00.000Z',
    ...over,
  };
}

/** The outbox entry of `lead` as the drain hands it to the Salesforce client. */
export function sendingEntry(lead: Lead, over: Partial<OutboxEntry> = {}): OutboxEntry {
  return { leadId: lead.id, target: 'salesforce', status: 'sending', attempts: 1, lastError: '', idempotencyKey: 'k', leadVersion: lead.updatedAt, ...over };
}

type SfLead = Record<string, string> & { Id: string };

/** An in-memory Salesforce behind `fetch`. `origin` is what it reports as instance_url. */
export function fakeSalesforce(sf: ContractValidator, origin = SF_INSTANCE) {
  const leads = new Map<string, SfLead>();
  const webToLead: Array<Record<string, string>> = [];
  const log: Array<{ method: string; path: string; invalid?: string; status: number; uri: number; records?: number }> = [];
  /** Leads deleted in Salesforce (an update by their id fails with ENTITY_IS_DELETED). */
  const deleted = new Set<string>();
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const state = {
    access: 'sf-access-1',
    refresh: 'sf-refresh-1',
    n: 1,
    refreshDenied: false,
    /** Rows per query page (Salesforce: up to 2,000); smaller to exercise nextRecordsUrl. */
    queryPageSize: 2000,
    /** Emails whose create is refused per record (a duplicate rule), as a 200 with that record's error. */
    duplicateRule: new Set<string>(),
    /** Whole-request answers to give next, in order (e.g. 503, 429, 403 REQUEST_LIMIT_EXCEEDED), each to the first request `when` matches (any when absent). */
    failNext: [] as Array<{ status: number; body: unknown; headers?: Record<string, string>; when?: (method: string, path: string) => boolean }>,
    /** Tokens revoked through /services/oauth2/revoke. */
    revoked: [] as string[],
  };
  const pages = new Map<string, unknown[]>();
  let next = 1;
  const newId = () => `00Q5e00000AbC${String(next++).padStart(3, '0')}AA`.slice(0, 18);

  const fetchFn = (async (url: string | URL | Request, init?: RequestInit) => {
    const u = new URL(String(url));
    const method = (init?.method ?? 'GET').toLowerCase();
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const raw = init?.body ? String(init.body) : '';
    const res = (status: number, b?: unknown, h: Record<string, string> = {}) => {
      log.push({ method, path: u.pathname, status, invalid: current, uri: u.href.length, ...(Array.isArray(body?.records) ? { records: body.records.length } : {}) });
      return new Response(b === undefined ? null : typeof b === 'string' ? b : JSON.stringify(b), { status, headers: { 'content-type': 'application/json', ...h } });
    };
    let current: string | undefined;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the extension sent it; the contract check types it
    let body: Record<string, any> = {};

    if (u.pathname === '/services/oauth2/authorize') {
      const q = u.searchParams;
      if (q.get('client_id') !== SF_CLIENT_ID) return res(400, 'error=invalid_client_id');
      if (q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge') || !q.get('state')) return res(400, 'bad authorize request');
      const code = `code-${next++}`;
      codes.set(code, { challenge: q.get('code_challenge')!, redirectUri: q.get('redirect_uri')! });
      const to = new URL(q.get('redirect_uri')!);
      to.searchParams.set('code', code);
      to.searchParams.set('state', q.get('state')!);
      return res(302, undefined, { location: to.href });
    }
    if (u.pathname === '/services/oauth2/token' && method === 'post') {
      const f = new URLSearchParams(raw);
      const bad = (d: string) => res(400, { error: 'invalid_grant', error_description: d });
      if (f.get('client_id') !== SF_CLIENT_ID) return res(400, { error: 'invalid_client_id', error_description: 'client identifier invalid' });
      if (f.get('grant_type') === 'authorization_code') {
        const c = codes.get(f.get('code') ?? '');
        codes.delete(f.get('code') ?? '');
        if (!c || c.redirectUri !== f.get('redirect_uri')) return bad('invalid authorization code');
        const challenge = createHash('sha256').update(f.get('code_verifier') ?? '').digest('base64url');
        if (challenge !== c.challenge) return bad('invalid code verifier');
        return res(200, { access_token: state.access, refresh_token: state.refresh, instance_url: origin, id: `${origin}/id/00D/005`, token_type: 'Bearer', issued_at: '1', signature: 'x' });
      }
      if (f.get('grant_type') === 'refresh_token') {
        if (state.refreshDenied || f.get('refresh_token') !== state.refresh) return bad('expired access/refresh token');
        state.access = `sf-access-${++state.n}`;
        return res(200, { access_token: state.access, instance_url: origin, id: `${origin}/id/00D/005`, token_type: 'Bearer', issued_at: '2', signature: 'x' });
      }
      return res(400, { error: 'unsupported_grant_type' });
    }
    if (u.pathname === '/servlet/servlet.WebToLead') {
      webToLead.push(Object.fromEntries(new URLSearchParams(raw)));
      return res(200, '<html></html>', { 'content-type': 'text/html' });
    }

    if (u.pathname === '/services/oauth2/revoke' && method === 'post') {
      const token = new URLSearchParams(raw).get('token') ?? '';
      if (token !== state.access && token !== state.refresh) return res(400, { error: 'unsupported_token_type', error_description: 'this token type is not supported' });
      state.revoked.push(token);
      // Revoking either token ends the whole grant (Salesforce revokes the refresh token and its access tokens).
      state.access = `revoked-${state.n}`;
      state.refresh = `revoked-refresh-${state.n}`;
      return res(200, '');
    }

    body = raw ? JSON.parse(raw) : undefined;
    if (u.href.length > 16_384) return res(414, [{ message: 'URI Too Long', errorCode: 'URI_TOO_LONG' }]);
    current = sf.request(method, u.pathname, body, Object.fromEntries(u.searchParams));
    if (headers.authorization !== `Bearer ${state.access}`) return res(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    if (current) return res(400, [{ message: current, errorCode: 'INVALID_FIELD' }]);
    const at = state.failNext.findIndex((f) => !f.when || f.when(method, u.pathname));
    if (at >= 0) {
      const [injected] = state.failNext.splice(at, 1);
      return res(injected!.status, injected!.body, injected!.headers);
    }
    const V = '/services/data/v62.0';
    const row = (l: SfLead) => ({ attributes: { type: 'Lead' }, Id: l.Id, Name: `${l.FirstName ?? ''} ${l.LastName}`.trim(), IsConverted: l.IsConverted === 'true', Email: l.Email ?? null });
    /** The first page of rows; the rest wait behind a query locator (nextRecordsUrl). */
    const page = (rows: unknown[]) => {
      const first = rows.slice(0, state.queryPageSize);
      if (rows.length <= state.queryPageSize) return res(200, { totalSize: rows.length, done: true, records: first });
      const locator = `01gD0000002HU${String(next++).padStart(2, '0')}AAW`;
      pages.set(locator, rows.slice(state.queryPageSize));
      return res(200, { totalSize: rows.length, done: false, nextRecordsUrl: `${V}/query/${locator}-${state.queryPageSize}`, records: first });
    };
    if (u.pathname === `${V}/query`) {
      const q = u.searchParams.get('q')!;
      if (/FROM Organization/.test(q)) return res(200, { totalSize: 1, done: true, records: [{ attributes: { type: 'Organization' }, Id: '00D000000000001', Name: SF_ORG_NAME }] });
      const list = /WHERE Email (?:= |IN \()((?:'(?:[^'\\]|\\.)*'(?:, )?)+)\)?/.exec(q);
      if (!list) return res(400, [{ message: `unexpected query: ${q}`, errorCode: 'MALFORMED_QUERY' }]);
      const emails = new Set([...list[1]!.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1').toLowerCase()));
      return page([...leads.values()].filter((l) => emails.has((l.Email ?? '').toLowerCase())).map(row));
    }
    const more = new RegExp(`^${V}/query/(\\w+)-(\\d+)$`).exec(u.pathname);
    if (more && method === 'get') {
      const rest = pages.get(more[1]!);
      if (!rest) return res(400, [{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }]);
      pages.delete(more[1]!);
      return page(rest);
    }
    if (u.pathname === `${V}/composite/sobjects` && method === 'post') {
      const results = (body.records as Array<Record<string, unknown>>).map(({ attributes: _a, ...fields }) => {
        const f = fields as Record<string, string>;
        if (!f.LastName || !f.Company) return { success: false, errors: [{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [LastName, Company]', fields: ['LastName', 'Company'] }] };
        if (f.Email && state.duplicateRule.has(f.Email.toLowerCase())) return { success: false, errors: [{ statusCode: 'DUPLICATES_DETECTED', message: "You're creating a duplicate record. We recommend you use an existing record instead.", fields: [] }] };
        const l: SfLead = { ...f, Id: newId() };
        leads.set(l.Id, l);
        return { id: l.Id, success: true, errors: [] };
      });
      return res(200, results);
    }
    if (u.pathname === `${V}/composite/sobjects` && method === 'patch') {
      const records = body.records as Array<Record<string, string>>;
      const ids = records.map((r) => r.id);
      if (new Set(ids).size !== ids.length) return res(400, [{ message: 'Duplicate id in list', errorCode: 'INVALID_FIELD' }]);
      const results = records.map(({ attributes: _a, id, ...fields }) => {
        const l = leads.get(id!);
        if (!l) return { id, success: false, errors: [{ statusCode: deleted.has(id!) ? 'ENTITY_IS_DELETED' : 'INVALID_CROSS_REFERENCE_KEY', message: deleted.has(id!) ? 'entity is deleted' : 'invalid cross reference id', fields: [] }] };
        if (l.IsConverted === 'true') return { id, success: false, errors: [{ statusCode: 'CANNOT_UPDATE_CONVERTED_LEAD', message: 'cannot reference converted lead', fields: [] }] };
        Object.assign(l, fields);
        return { id, success: true, errors: [] };
      });
      return res(200, results);
    }
    const byEmail = new RegExp(`^${V}/sobjects/Lead/Email/(.+)$`).exec(u.pathname);
    if (byEmail && method === 'patch') {
      const email = decodeURIComponent(byEmail[1]!).toLowerCase();
      const found = [...leads.values()].filter((l) => (l.Email ?? '').toLowerCase() === email);
      if (found.length > 1) return res(300, found.map((l) => `${V}/sobjects/Lead/${l.Id}`));
      if (found[0]) {
        Object.assign(found[0], body);
        return res(200, { id: found[0].Id, success: true, errors: [], created: false });
      }
      if (!body.LastName || !body.Company) return res(400, [{ message: 'Required fields are missing: [LastName, Company]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName', 'Company'] }]);
      const l: SfLead = { ...body, Email: email, Id: newId() };
      leads.set(l.Id, l);
      return res(201, { id: l.Id, success: true, errors: [], created: true });
    }
    if (u.pathname === `${V}/sobjects/Lead` && method === 'post') {
      const l: SfLead = { ...body, Id: newId() };
      leads.set(l.Id, l);
      return res(201, { id: l.Id, success: true, errors: [] });
    }
    const byId = new RegExp(`^${V}/sobjects/Lead/([A-Za-z0-9]{15,18})$`).exec(u.pathname);
    if (byId && method === 'patch') {
      const l = leads.get(byId[1]!);
      if (!l) return res(404, [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
      Object.assign(l, body);
      return res(204);
    }
    return res(404, [{ message: 'no route', errorCode: 'NOT_FOUND' }]);
  }) as typeof fetch;

  /** Adds a lead directly (e.g. a second lead with an existing email, as users do in Salesforce). */
  const addLead = (fields: Record<string, string>) => {
    const l: SfLead = { ...fields, Id: newId() };
    leads.set(l.Id, l);
    return l;
  };
  /** Deletes a lead as a user would in Salesforce. */
  const deleteLead = (id: string) => {
    leads.delete(id);
    deleted.add(id);
  };
  /** API requests (everything but OAuth and Web-to-Lead), as Salesforce counts them against the daily allocation. */
  const apiCalls = () => log.filter((l) => l.path.startsWith('/services/data/'));
  return { fetchFn, leads, webToLead, log, state, addLead, deleteLead, apiCalls };
}

/** The fake served over HTTP on a free loopback port (its own origin is the login host and the instance), for e2e tests. */
export async function startFakeSalesforce() {
  const sf = await contractValidator('salesforce/salesforce-lead.openapi.json');
  let origin = '';
  let fake!: ReturnType<typeof fakeSalesforce>;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const r = await fake.fetchFn(`${origin}${req.url}`, { method: req.method, headers: { authorization: String(req.headers.authorization ?? '') }, body: body || undefined });
    const h: Record<string, string> = { 'content-type': r.headers.get('content-type') ?? 'application/json' };
    if (r.headers.get('location')) h.location = r.headers.get('location')!;
    res.writeHead(r.status, h);
    res.end(await r.text());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  fake = fakeSalesforce(sf, origin);
  return { ...fake, origin, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}
