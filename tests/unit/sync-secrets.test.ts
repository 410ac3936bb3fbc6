// Sync secrets: tokens stay in syncSecrets (never in exports, the log, entries, targets or messages); a Salesforce connection keeps nothing it should not.
import { beforeAll, describe, expect, it } from 'vitest';
import { exportStoredLeads } from '@/utils/export/export-leads';
import { openLeadDb, putLead } from '@/utils/leads/store';
import { allEntries, getSecretRecord, listLog, listTargets } from '@/utils/sync/outbox';
import { authorizeUrl, codeFromRedirect, createPkce } from '@/utils/sync/salesforce-auth';
import { createSyncService } from '@/utils/sync/service';
import { contractValidator, type ContractValidator } from '../support/contracts';
import { fakeSalesforce, SF_CLIENT_ID } from '../support/fake-salesforce';
import { makeLead } from './helpers';

let sf: ContractValidator;
beforeAll(async () => {
  sf = await contractValidator('salesforce/salesforce-lead.openapi.json');
}, 30_000);

describe('sync secrets', { timeout: 30_000 }, () => {
  it('Salesforce tokens are stored only as the secret; exports, log, entries, targets and errors never hold them', async () => {
    const db = await openLeadDb('secrets-1');
    const f = fakeSalesforce(sf, 'https://acme.my.salesforce.com');
    f.state.access = 'sf-access-token-AAAA1111';
    f.state.refresh = 'sf-refresh-token-BBBB2222';
    const s = createSyncService({ db: async () => db, fetch: f.fetchFn, hasOrigins: async () => true, removeOrigins: async () => {}, now: () => Date.now(), testBuild: false, setTimer: () => {} });
    const redirectUri = 'https://abcdefghijklmnop.chromiumapp.org/';
    const pkce = await createPkce();
    const url = authorizeUrl({ loginUrl: 'https://login.salesforce.com', clientId: SF_CLIENT_ID, redirectUri, challenge: pkce.challenge, state: pkce.state });
    const code = codeFromRedirect((await f.fetchFn(url)).headers.get('location')!, pkce.state);
    const r = await s.handlers['ui:connect']({ target: 'salesforce', mode: 'api', loginKind: 'production', clientId: SF_CLIENT_ID, code, codeVerifier: pkce.verifier, redirectUri, token: '', url: '', baseUrl: '', domain: '' });
    expect(r).toEqual({ ok: true, message: 'Connected to Salesforce: Salesforce org "Analytical Engines Ltd" (acme.my.salesforce.com).' });
    expect(await getSecretRecord(db, 'salesforce')).toEqual({ target: 'salesforce', token: 'sf-access-token-AAAA1111', refreshToken: 'sf-refresh-token-BBBB2222' });

    const lead = makeLead({ name: 'Ada Lovelace', emails: ['ada@x.example'], company: 'X' }, new Date());
    await putLead(db, lead);
    await s.handlers['ui:sync-leads']({ leadIds: [lead.id] });
    await s.drainSoon();
    expect(f.leads.size).toBe(1);
    // The access token expires and the refresh token is revoked: the error is recorded without either.
    f.state.access = 'rotated-elsewhere-CCCC3333';
    f.state.refreshDenied = true;
    const lead2 = makeLead({ name: 'Grace Hopper', emails: ['grace@x.example'] }, new Date());
    await putLead(db, lead2);
    await s.handlers['ui:sync-leads']({ leadIds: [lead2.id] });
    await s.drainSoon();
    const [target] = await listTargets(db);
    expect(target!.paused).toMatch(/^token rejected, reconnect needed/);
    const test = await s.handlers['ui:test-connection']({ target: 'salesforce' });
    expect(test.ok).toBe(false);

    const texts = [
      JSON.stringify(await listLog(db)),
      JSON.stringify(await allEntries(db)),
      JSON.stringify(await listTargets(db)),
      JSON.stringify(test),
      ...(await Promise.all((['csv', 'vcf', 'json'] as const).map(async (fmt) => (await exportStoredLeads(db, fmt)).blob.text()))),
    ];
    expect(texts.join('\n')).toContain('Ada Lovelace');
    for (const secret of ['sf-access-token-AAAA1111', 'sf-refresh-token-BBBB2222', 'rotated-elsewhere-CCCC3333']) for (const t of texts) expect(t).not.toContain(secret);

    await s.handlers['ui:disconnect']({ target: 'salesforce' });
    expect(await getSecretRecord(db, 'salesforce')).toBeUndefined();
    db.close();
  });

  it('Salesforce connect: a refused code keeps nothing; an instance host the user did not allow is refused', async () => {
    const db = await openLeadDb('secrets-2');
    const f = fakeSalesforce(sf, 'https://evil.example');
    const allowed = new Set(['https://login.salesforce.com/*', 'https://*.my.salesforce.com/*']);
    const s = createSyncService({ db: async () => db, fetch: f.fetchFn, hasOrigins: async (o) => o.every((x) => allowed.has(x)), removeOrigins: async () => {}, now: () => Date.now(), testBuild: false, setTimer: () => {} });
    const redirectUri = 'https://abcdefghijklmnop.chromiumapp.org/';
    const pkce = await createPkce();
    const base = { target: 'salesforce', mode: 'api', loginKind: 'production', clientId: SF_CLIENT_ID, redirectUri, token: '', url: '', baseUrl: '', domain: '' } as const;
    const bad = await s.handlers['ui:connect']({ ...base, code: 'made-up', codeVerifier: pkce.verifier });
    expect(bad).toEqual({ ok: false, message: 'Salesforce: invalid_grant (invalid authorization code)' });
    const code = codeFromRedirect((await f.fetchFn(authorizeUrl({ loginUrl: 'https://login.salesforce.com', clientId: SF_CLIENT_ID, redirectUri, challenge: pkce.challenge, state: pkce.state }))).headers.get('location')!, pkce.state);
    const r = await s.handlers['ui:connect']({ ...base, code, codeVerifier: pkce.verifier });
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('evil.example') });
    expect(await getSecretRecord(db, 'salesforce')).toBeUndefined();
    expect(await listTargets(db)).toEqual([]);
    expect(f.log.filter((l) => l.path.startsWith('/services/data'))).toEqual([]);
    db.close();
  });
});
