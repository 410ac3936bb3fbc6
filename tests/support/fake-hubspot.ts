// A fake HubSpot on 127.0.0.1 for e2e tests and the bench: validates every request against the contract.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { contractValidator, type ContractValidator } from './contracts';

type Props = Record<string, string>;
interface Contact {
  id: string;
  properties: Props;
  createdAt: string;
  updatedAt: string;
}
/** One request the fake received. */
export interface SeenRequest {
  method: string;
  path: string;
  body: unknown;
  status: number;
  /** Contract violation, if any (the request was answered 400). */
  invalid?: string;
}

/** Test controls of the fake. */
export interface FakeHubspot {
  origin: string;
  token: string;
  contacts: Map<string, Contact>;
  companies: Map<string, Contact>;
  notes: Array<{ body: unknown }>;
  associations: Array<{ from: string; to: string }>;
  requests: SeenRequest[];
  /** Answer the next `n` batch upserts with 429 and this Retry-After (seconds). */
  rateLimitNext(n: number, retryAfterS: number): void;
  /** Fail these emails once, inside a 207 answer. */
  failOnce(emails: string[]): void;
  /** Make the next batch upsert hang (never answered) so a test can kill the worker mid-request. */
  hangNext(): void;
  /** Every token is now rejected (401). */
  revokeToken(): void;
  /** Requests allowed per 10 s before a 429 (HubSpot Free/Starter: 100). */
  burstLimit: number;
  close(): Promise<void>;
}

const now = () => new Date().toISOString();
const uuid = () => crypto.randomUUID();

/** Starts the fake on a free port. */
export async function startFakeHubspot(opts: { token?: string; burstLimit?: number } = {}): Promise<FakeHubspot> {
  const api: ContractValidator = await contractValidator('hubspot/hubspot.contract.openapi.json');
  let nextId = 1000;
  let rateLimited = 0;
  let retryAfter = 1;
  let failEmails = new Set<string>();
  let hang = false;
  let revoked = false;
  const window: number[] = [];
  const hung: ServerResponse[] = [];
  const state: Omit<FakeHubspot, 'origin' | 'close'> = {
    token: opts.token ?? 'pat-na1-fake-token-123456',
    contacts: new Map(),
    companies: new Map(),
    notes: [],
    associations: [],
    requests: [],
    rateLimitNext: (n, s) => {
      rateLimited = n;
      retryAfter = s;
    },
    failOnce: (emails) => {
      failEmails = new Set(emails.map((e) => e.toLowerCase()));
    },
    hangNext: () => {
      hang = true;
    },
    revokeToken: () => {
      revoked = true;
    },
    burstLimit: opts.burstLimit ?? 100,
  };

  const send = (res: ServerResponse, seen: SeenRequest, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    seen.status = status;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const error = (status: number, message: string, category = 'VALIDATION_ERROR', extra: object = {}) => ({ status: 'error', message, correlationId: uuid(), category, ...extra });
  const record = (c: Contact, extra: object = {}) => ({ id: c.id, properties: c.properties, createdAt: c.createdAt, updatedAt: c.updatedAt, archived: false, ...extra });
  const byEmail = (email: string) => [...state.contacts.values()].find((c) => c.properties.email === email);
  const search = (store: Map<string, Contact>, body: { filterGroups: Array<{ filters: Array<{ propertyName: string; value: string }> }>; limit: number }) => {
    const f = body.filterGroups[0]?.filters[0];
    const hits = [...store.values()].filter((c) => f && c.properties[f.propertyName] === f.value).slice(0, body.limit);
    return { total: hits.length, results: hits.map((c) => record(c)) };
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://x');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? JSON.parse(text) : undefined;
    const seen: SeenRequest = { method: req.method ?? 'GET', path: url.pathname, body, status: 0 };
    state.requests.push(seen);
    if (req.headers.authorization !== `Bearer ${state.token}` || revoked) {
      return send(res, seen, 401, error(401, 'Authentication credentials not found.', 'INVALID_AUTHENTICATION'));
    }
    const t = Date.now();
    while (window.length && window[0]! <= t - 10_000) window.shift();
    window.push(t);
    if (window.length > state.burstLimit) {
      return send(res, seen, 429, { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', correlationId: uuid(), policyName: 'TEN_SECONDLY_ROLLING', requestId: uuid() }, { 'retry-after': '1' });
    }
    if (url.pathname === '/account-info/v3/details') return send(res, seen, 200, { portalId: 4242, uiDomain: 'app.hubspot.com', accountType: 'STANDARD' });
    const query = Object.fromEntries(url.searchParams);
    const invalid = api.request(seen.method, url.pathname, body, query);
    if (invalid) {
      seen.invalid = invalid;
      return send(res, seen, 400, error(400, `contract violation: ${invalid}`));
    }
    const op = api.operationId(seen.method, url.pathname) ?? '';
    const reply = (status: number, b: unknown, headers?: Record<string, string>) => {
      const bad = api.response(op, status, b);
      if (bad) throw new Error(`fake HubSpot answer breaks the contract (${op} ${status}): ${bad}`);
      send(res, seen, status, b, headers);
    };
    switch (op.replace(/_v\d$/, '')) {
      case 'propertiesList':
        return reply(200, { results: [{ name: 'email', label: 'Email', type: 'string', fieldType: 'text', groupName: 'contactinformation', description: '', options: [] }, { name: 'hs_linkedin_url', label: 'LinkedIn URL', type: 'string', fieldType: 'text', groupName: 'contactinformation', description: '', options: [] }] });
      case 'contactsBatchUpsert': {
        if (hang) {
          hang = false;
          hung.push(res);
          return;
        }
        if (rateLimited > 0) {
          rateLimited--;
          return reply(429, { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', correlationId: uuid(), policyName: 'TEN_SECONDLY_ROLLING', requestId: uuid() }, { 'retry-after': String(retryAfter) });
        }
        const results: unknown[] = [];
        const errors: unknown[] = [];
        for (const input of (body as { inputs: Array<{ id: string; objectWriteTraceId?: string; properties: Props }> }).inputs) {
          if (failEmails.delete(input.id)) {
            errors.push({ status: 'error', category: 'INTERNAL_ERROR', message: 'Temporary failure writing this contact', context: { ids: [input.id] }, errors: [], links: {} });
            continue;
          }
          let c = byEmail(input.id);
          const isNew = !c;
          if (!c) {
            c = { id: String(nextId++), properties: { email: input.id }, createdAt: now(), updatedAt: now() };
            state.contacts.set(c.id, c);
          }
          Object.assign(c.properties, input.properties);
          c.updatedAt = now();
          results.push(record(c, { new: isNew, ...(input.objectWriteTraceId ? { objectWriteTraceId: input.objectWriteTraceId } : {}) }));
        }
        const out = { status: 'COMPLETE', startedAt: now(), completedAt: now(), results };
        return errors.length ? reply(207, { ...out, numErrors: errors.length, errors }) : reply(200, out);
      }
      case 'contactsSearch':
        return reply(200, search(state.contacts, body));
      case 'contactsCreate': {
        const email = (body as { properties: Props }).properties.email;
        if (email && byEmail(email)) return reply(409, error(409, `Contact already exists. Existing ID: ${byEmail(email)!.id}`, 'CONFLICT'));
        const c: Contact = { id: String(nextId++), properties: { ...(body as { properties: Props }).properties }, createdAt: now(), updatedAt: now() };
        state.contacts.set(c.id, c);
        return reply(201, record(c));
      }
      case 'contactsUpdate': {
        const id = decodeURIComponent(url.pathname.split('/').pop()!);
        const c = state.contacts.get(id);
        if (!c) return reply(404, error(404, 'resource not found', 'OBJECT_NOT_FOUND'));
        Object.assign(c.properties, (body as { properties: Props }).properties);
        c.updatedAt = now();
        return reply(200, record(c));
      }
      case 'companiesSearch':
        return reply(200, search(state.companies, body));
      case 'companiesCreate': {
        const c: Contact = { id: String(nextId++), properties: { ...(body as { properties: Props }).properties }, createdAt: now(), updatedAt: now() };
        state.companies.set(c.id, c);
        return reply(201, record(c));
      }
      case 'associateDefaultBatch': {
        const inputs = (body as { inputs: Array<{ from: { id: string }; to: { id: string } }> }).inputs;
        for (const i of inputs) state.associations.push({ from: i.from.id, to: i.to.id });
        return reply(200, { status: 'COMPLETE', startedAt: now(), completedAt: now(), results: inputs.map((i) => ({ from: i.from, to: i.to, associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 } })) });
      }
      case 'notesCreate': {
        state.notes.push({ body });
        const n: Contact = { id: String(nextId++), properties: (body as { properties: Props }).properties, createdAt: now(), updatedAt: now() };
        return reply(201, record(n));
      }
      default:
        return send(res, seen, 404, error(404, `no fake for ${seen.method} ${url.pathname}`, 'OBJECT_NOT_FOUND'));
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: Error) => {
      console.error('fake HubSpot:', e.message);
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'error', message: e.message, correlationId: uuid(), category: 'INTERNAL_ERROR' }));
      }
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return Object.assign(state, {
    origin,
    close: () =>
      new Promise<void>((ok) => {
        for (const r of hung) r.destroy();
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  }) as FakeHubspot;
}
