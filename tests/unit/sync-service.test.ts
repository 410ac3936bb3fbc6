import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openLeadDb, type LeadDb } from '@/utils/leads/store';
import { createSyncService, type SyncEnv } from '@/utils/sync/service';
import { getSecret, getTarget, listLog } from '@/utils/sync/outbox';

const TOKEN = 'pat-na1-good-token';
/** A HubSpot stand-in answering account, properties and search; counts requests. */
function fakeFetch() {
  const calls: string[] = [];
  const fn = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const u = new URL(String(url));
    calls.push(`${init?.method} ${u.pathname}`);
    const auth = (init?.headers as Record<string, string>)?.authorization;
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (auth !== `Bearer ${TOKEN}`) return json(401, { status: 'error', message: `Authentication credentials not found. ${auth}`, category: 'INVALID_AUTHENTICATION', correlationId: 'x' });
    if (u.pathname === '/account-info/v3/details') return json(200, { portalId: 77, uiDomain: 'app.hubspot.com' });
    if (u.pathname.endsWith('/properties/2026-03/contacts')) return json(200, { results: [{ name: 'hs_linkedin_url' }] });
    if (u.pathname.endsWith('/contacts/search')) return json(200, { total: 1, results: [{ id: '5', properties: { firstname: 'Jane', lastname: 'Doe', email: 'jane@x.example' }, createdAt: '', updatedAt: '', archived: false }] });
    return json(404, { message: 'no', category: 'OBJECT_NOT_FOUND', correlationId: 'x' });
  });
  return { fn: fn as unknown as typeof fetch, calls };
}

describe('sync service (background handlers)', () => {
  let db: LeadDb;
  let n = 0;
  let env: SyncEnv;
  let f: ReturnType<typeof fakeFetch>;
  const removed: string[][] = [];
  beforeEach(async () => {
    db = await openLeadDb(`svc-${++n}`);
    f = fakeFetch();
    removed.length = 0;
    env = { db: async () => db, fetch: f.fn, hasOrigins: async () => true, removeOrigins: async (o) => void removed.push(o), now: () => Date.now(), testBuild: false, setTimer: () => {} };
  });
  afterEach(async () => {
    // let the drain each connect starts finish before the database closes
    await new Promise((r) => setTimeout(r, 50));
    db.close();
  });

  it('connect: a rejected token is not kept and its message never contains it', async () => {
    const s = createSyncService(env);
    const r = await s.handlers['ui:connect']({ target: 'hubspot', token: 'pat-bad-token-123', url: '', baseUrl: '', domain: '' });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^token rejected/);
    expect(r.message).not.toContain('pat-bad-token-123');
    expect(await getSecret(db, 'hubspot')).toBeUndefined();
    expect(await getTarget(db, 'hubspot')).toBeUndefined();
  });

  it('connect uses the vendor host in production builds, whatever base URL is sent', async () => {
    const s = createSyncService(env);
    const r = await s.handlers['ui:connect']({ target: 'hubspot', token: TOKEN, url: '', baseUrl: 'http://127.0.0.1:1234', domain: '' });
    expect(r).toEqual({ ok: true, message: 'Connected to HubSpot: HubSpot account 77.' });
    expect((await getTarget(db, 'hubspot'))!.baseUrl).toBe('https://api.hubapi.com');
    expect(f.calls[0]).toBe('GET /account-info/v3/details');
  });

  it('connect without the host permission is refused before any request', async () => {
    const s = createSyncService({ ...env, hasOrigins: async () => false });
    const r = await s.handlers['ui:connect']({ target: 'hubspot', token: TOKEN, url: '', baseUrl: '', domain: '' });
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('host permission refused') });
    expect(f.calls).toEqual([]);
  });

  it('lookup: cached, so a second popup asks HubSpot nothing', async () => {
    const s = createSyncService(env);
    await s.handlers['ui:connect']({ target: 'hubspot', token: TOKEN, url: '', baseUrl: '', domain: '' });
    const before = f.calls.length;
    const a = await s.handlers['ui:lookup']({ email: 'Jane@X.example', linkedin: '' });
    expect(a.hits).toEqual([{ target: 'hubspot', recordId: '5', recordUrl: 'https://app.hubspot.com/contacts/77/record/0-1/5', name: 'Jane Doe' }]);
    await s.handlers['ui:lookup']({ email: 'jane@x.example', linkedin: '' });
    expect(f.calls.length - before).toBe(1);
  });

  it('disconnect removes the secret, the target and the host permission', async () => {
    const s = createSyncService(env);
    await s.handlers['ui:connect']({ target: 'hubspot', token: TOKEN, url: '', baseUrl: '', domain: '' });
    await s.handlers['ui:disconnect']({ target: 'hubspot' });
    expect(await getSecret(db, 'hubspot')).toBeUndefined();
    expect(await getTarget(db, 'hubspot')).toBeUndefined();
    expect(removed).toEqual([['https://api.hubapi.com/*']]);
    expect(JSON.stringify(await listLog(db))).not.toContain(TOKEN);
  });

  it('webhook: https only, and a generated secret is shown once', async () => {
    const s = createSyncService({ ...env, fetch: (async () => new Response('ok', { status: 200 })) as typeof fetch });
    await expect(s.handlers['ui:connect']({ target: 'webhook', token: '', url: 'http://hooks.example/x', baseUrl: '', domain: '' })).rejects.toThrow('https://');
    const r = await s.handlers['ui:connect']({ target: 'webhook', token: '', url: 'https://hooks.example/x', baseUrl: '', domain: '' });
    expect(r.message).toMatch(/Signing secret \(shown once.*\): whsec_[A-Za-z0-9+/=]{44}$/);
    expect((await getSecret(db, 'webhook'))!).toMatch(/^whsec_/);
  });
});
