// Disconnect: Salesforce's grant is revoked where possible (best effort), and the token is forgotten here whatever Salesforce answers.
import { beforeAll, describe, expect, it } from 'vitest';
import { openLeadDb } from '@/utils/leads/store';
import { getSecretRecord, listLog, listTargets, putSecret, putTarget } from '@/utils/sync/outbox';
import { refreshAccessToken, revokeSalesforceToken } from '@/utils/sync/salesforce-auth';
import type { Target } from '@/utils/sync/schema';
import { createSyncService, type SyncEnv } from '@/utils/sync/service';
import { contractValidator, type ContractValidator } from '../support/contracts';
import { fakeSalesforce, SF_CLIENT_ID } from '../support/fake-salesforce';

let sf: ContractValidator;
beforeAll(async () => {
  sf = await contractValidator('salesforce/salesforce-lead.openapi.json');
}, 30_000);

const LOGIN = 'https://login.salesforce.com';
const INSTANCE = 'https://acme.my.salesforce.com';
const sfTarget: Target = { id: 'salesforce', autoSync: true, paused: '', account: '', baseUrl: INSTANCE, url: '', recordUrlBase: '', companies: false, mode: 'api', loginUrl: LOGIN, clientId: SF_CLIENT_ID, connectedAt: '2026-11-27T10:00:00.000Z' };
let n = 0;

/** A service on a fresh database with Salesforce connected (tokens the fake knows), recording removed permissions. */
async function connected(fetchFn: typeof fetch, f: ReturnType<typeof fakeSalesforce>) {
  const db = await openLeadDb(`disconnect-${++n}`);
  await putTarget(db, sfTarget);
  await putSecret(db, 'salesforce', f.state.access, f.state.refresh);
  const removed: string[][] = [];
  const env: SyncEnv = { db: async () => db, fetch: fetchFn, hasOrigins: async () => true, removeOrigins: async (o) => void removed.push(o), now: () => Date.now(), testBuild: false, setTimer: () => {} };
  return { db, removed, service: createSyncService(env) };
}

describe('disconnect', { timeout: 30_000 }, () => {
  it('Salesforce: the refresh token is revoked at the login host, then the token, target and permission are gone', async () => {
    const f = fakeSalesforce(sf, INSTANCE);
    f.state.access = 'sf-access-DDDD4444';
    f.state.refresh = 'sf-refresh-EEEE5555';
    const { db, removed, service } = await connected(f.fetchFn, f);
    await service.handlers['ui:disconnect']({ target: 'salesforce' });
    expect(f.state.revoked).toEqual(['sf-refresh-EEEE5555']);
    expect(f.log.find((l) => l.path === '/services/oauth2/revoke')).toMatchObject({ method: 'post', status: 200 });
    // The grant is dead at Salesforce: the old refresh token no longer gives an access token.
    await expect(refreshAccessToken(f.fetchFn, { loginUrl: LOGIN, clientId: SF_CLIENT_ID, refreshToken: 'sf-refresh-EEEE5555' })).rejects.toThrow('invalid_grant');
    expect(await getSecretRecord(db, 'salesforce')).toBeUndefined();
    expect(await listTargets(db)).toEqual([]);
    expect(removed).toEqual([[`${LOGIN}/*`, `${INSTANCE}/*`]]);
    expect((await listLog(db))[0]).toMatchObject({ kind: 'disconnected', message: 'login revoked at Salesforce; token and permission removed' });
    db.close();
  });

  it('Salesforce down or refusing: still forgotten here and the permission removed; the log says to revoke it in Salesforce, without the token', async () => {
    for (const failing of [
      (async () => new Response(JSON.stringify({ error: 'unsupported_token_type', error_description: 'this token type is not supported' }), { status: 400 })) as unknown as typeof fetch,
      (async () => {
        throw new TypeError('Failed to fetch');
      }) as unknown as typeof fetch,
    ]) {
      const f = fakeSalesforce(sf, INSTANCE);
      f.state.refresh = 'sf-refresh-FFFF6666';
      const { db, removed, service } = await connected(failing, f);
      expect(await service.handlers['ui:disconnect']({ target: 'salesforce' })).toEqual({ ok: true });
      expect(await getSecretRecord(db, 'salesforce')).toBeUndefined();
      expect(await listTargets(db)).toEqual([]);
      expect(removed).toHaveLength(1);
      const [event] = await listLog(db);
      expect(event!.message).toMatch(/^token and permission removed; Salesforce (did not revoke it \(this token type is not supported\)|could not be reached to revoke it \(cannot reach login\.salesforce\.com\)): revoke it in Salesforce/);
      expect(JSON.stringify(await listLog(db))).not.toContain('sf-refresh-FFFF6666');
      db.close();
    }
  });

  it('Web-to-Lead and token-only CRMs: nothing to revoke, no request sent', async () => {
    const calls: string[] = [];
    const spy = (async (url: string) => {
      calls.push(String(url));
      return new Response('{}', { status: 200 });
    }) as unknown as typeof fetch;
    const f = fakeSalesforce(sf, INSTANCE);
    const { db, service } = await connected(spy, f);
    await putTarget(db, { ...sfTarget, mode: 'web-to-lead', loginUrl: '', clientId: '' });
    await putTarget(db, { ...sfTarget, id: 'hubspot', mode: undefined, baseUrl: 'https://api.hubapi.com', loginUrl: undefined, clientId: undefined });
    await putSecret(db, 'hubspot', 'pat-na1-token');
    await service.handlers['ui:disconnect']({ target: 'salesforce' });
    await service.handlers['ui:disconnect']({ target: 'hubspot' });
    expect(calls).toEqual([]);
    expect(await listTargets(db)).toEqual([]);
    db.close();
  });

  it('revokeSalesforceToken posts the token form-encoded and reports without the token', async () => {
    const seen: Array<{ url: string; body: string; type: string }> = [];
    const ok = (async (url: string, init: RequestInit) => {
      seen.push({ url: String(url), body: String(init.body), type: (init.headers as Record<string, string>)['content-type']! });
      return new Response('', { status: 200 });
    }) as unknown as typeof fetch;
    expect(await revokeSalesforceToken(ok, { loginUrl: 'https://test.salesforce.com/', token: 'a+b/c=' })).toEqual({ ok: true, message: 'revoked at Salesforce' });
    expect(seen).toEqual([{ url: 'https://test.salesforce.com/services/oauth2/revoke', body: 'token=a%2Bb%2Fc%3D', type: 'application/x-www-form-urlencoded' }]);
    const no = (async () => new Response('', { status: 503 })) as unknown as typeof fetch;
    expect(await revokeSalesforceToken(no, { loginUrl: LOGIN, token: 'secret-token-x' })).toEqual({ ok: false, message: 'Salesforce did not revoke it (HTTP 503)' });
  });
});
