// A fake Pipedrive (in memory behind a fetch function, or on 127.0.0.1): every request checked against the contract.
import { createServer, type Server } from 'node:http';
import { contractValidator, type ContractValidator } from './contracts';

/** The token the fake accepts. */
export const PIPEDRIVE_TOKEN = 'pd-token-0123456789';
const TOKEN = PIPEDRIVE_TOKEN;

type Person = { id: number; name: string; emails: Array<{ value: string; primary: boolean; label?: string }>; phones: Array<{ value: string; primary: boolean; label?: string }>; org_id: number | null };

/** An in-memory Pipedrive behind `fetch`: every request is checked against the contract first. */
export function fakePipedrive(pd: ContractValidator, opts: { partialMatch?: boolean } = {}) {
  const persons = new Map<number, Person>();
  const orgs = new Map<number, string>();
  const notes: Array<{ content: string; person_id: number; org_id?: number }> = [];
  const log: Array<{ method: string; path: string; invalid?: string }> = [];
  let next = 40;
  const fetchFn = (async (url: string | URL | Request, init?: RequestInit) => {
    const u = new URL(String(url));
    const method = (init?.method ?? 'GET').toLowerCase();
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    const query = Object.fromEntries(u.searchParams);
    const invalid = pd.request(method, u.pathname, body, query);
    log.push({ method, path: u.pathname, invalid });
    const json = (status: number, b: unknown) => new Response(JSON.stringify(b), { status, headers: { 'content-type': 'application/json' } });
    if ((init?.headers as Record<string, string>)['x-api-token'] !== TOKEN) return json(401, { success: false, error: 'unauthorized access', error_info: 'Please check developers.pipedrive.com', data: null, additional_data: null });
    if (invalid) return json(400, { success: false, error: invalid, data: null, additional_data: null });
    const personOut = (p: Person) => ({ success: true, data: { id: p.id, name: p.name, emails: p.emails, phones: p.phones, org_id: p.org_id } });
    if (u.pathname === '/api/v2/personFields') return json(200, { success: true, data: [], additional_data: { next_cursor: null } });
    if (u.pathname === '/api/v2/persons/search') {
      const term = query.term!.toLowerCase();
      const items = [...persons.values()]
        .filter((p) => p.emails.some((e) => (opts.partialMatch ? e.value.toLowerCase().includes(term.split('@')[0]!) : e.value.toLowerCase() === term)))
        .map((p) => ({ result_score: 1, item: { id: p.id, type: 'person', name: p.name, emails: p.emails.map((e) => e.value), phones: p.phones.map((e) => e.value), organization: null } }));
      return json(200, { success: true, data: { items }, additional_data: { next_cursor: null } });
    }
    if (u.pathname === '/api/v2/organizations/search') {
      const items = [...orgs].filter(([, n]) => n.toLowerCase() === query.term!.toLowerCase()).map(([id, name]) => ({ result_score: 1, item: { id, type: 'organization', name } }));
      return json(200, { success: true, data: { items }, additional_data: { next_cursor: null } });
    }
    if (u.pathname === '/api/v2/organizations' && method === 'post') {
      const id = next++;
      orgs.set(id, body.name);
      return json(201, { success: true, data: { id, name: body.name } });
    }
    if (u.pathname === '/api/v2/persons' && method === 'post') {
      const p: Person = { id: next++, name: body.name, emails: body.emails ?? [], phones: body.phones ?? [], org_id: body.org_id ?? null };
      persons.set(p.id, p);
      return json(201, personOut(p));
    }
    const m = /^\/api\/v2\/persons\/(\d+)$/.exec(u.pathname);
    if (m) {
      const p = persons.get(Number(m[1]));
      if (!p) return json(404, { success: false, error: 'Person not found', data: null, additional_data: null });
      if (method === 'patch') Object.assign(p, body);
      return json(200, personOut(p));
    }
    if (u.pathname === '/api/v1/notes') {
      notes.push(body);
      return json(201, { success: true, data: { id: next++, content: body.content } });
    }
    return json(404, { success: false, error: 'no route', data: null, additional_data: null });
  }) as typeof fetch;
  return { fetchFn, persons, orgs, notes, log };
}


/**
 * The fake served over HTTP on a free loopback port, for e2e tests, with
 * faults a test can inject: 429s, one failing person create, a hung request.
 */
export async function startFakePipedrive() {
  const pd = await contractValidator('pipedrive/pipedrive.contract.openapi.json');
  const fake = fakePipedrive(pd);
  /** Every request with its answer's status (0 = never answered). */
  const requests: Array<{ method: string; path: string; status: number; body?: unknown }> = [];
  let rateLimited = 0;
  let retryAfterS = 1;
  const failing = new Map<string, number>();
  let hang = false;
  const held: Array<() => void> = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = new URL(`http://x${req.url}`).pathname;
    const parsed = body ? JSON.parse(body) : undefined;
    const seen = { method: req.method!.toLowerCase(), path, status: 0, body: parsed };
    requests.push(seen);
    const send = (status: number, b: unknown, h: Record<string, string> = {}) => {
      seen.status = status;
      res.writeHead(status, { 'content-type': 'application/json', ...h });
      res.end(JSON.stringify(b));
    };
    const createsPerson = seen.method === 'post' && path === '/api/v2/persons';
    if (createsPerson && hang) {
      hang = false;
      held.push(() => res.destroy());
      return;
    }
    if (rateLimited > 0 && path.startsWith('/api/v2/persons')) {
      rateLimited--;
      return send(429, { success: false, error: 'Request over limit', error_info: 'Please check developers.pipedrive.com', data: null, additional_data: null }, { 'retry-after': String(retryAfterS), 'x-ratelimit-remaining': '0' });
    }
    const email = createsPerson ? (parsed?.emails?.[0]?.value as string | undefined) : undefined;
    if (email && failing.has(email)) {
      const status = failing.get(email)!;
      failing.delete(email);
      return send(status, { success: false, error: 'Internal server error', data: null, additional_data: null });
    }
    const headers: Record<string, string> = { 'x-api-token': String(req.headers['x-api-token'] ?? '') };
    const r = await fake.fetchFn(`http://x${req.url}`, { method: req.method, headers, body: body || undefined });
    seen.status = r.status;
    res.writeHead(r.status, { 'content-type': 'application/json' });
    res.end(await r.text());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  return {
    ...fake,
    requests,
    origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    /** Answer the next `n` person requests (search, create, update) with 429 and this Retry-After. */
    rateLimitNext: (n: number, s: number) => {
      rateLimited = n;
      retryAfterS = s;
    },
    /** The next create of a person with one of these emails fails once with `status`. */
    failCreateOnce: (emails: string[], status = 500) => emails.forEach((e) => failing.set(e, status)),
    /** The next person create is never answered (until close), so a test can stop the worker mid-request. */
    hangNext: () => {
      hang = true;
    },
    close: () =>
      new Promise<void>((ok) => {
        held.splice(0).forEach((f) => f());
        server.close(() => ok());
      }),
  };
}
