// The background's sync service: message handlers, connect/test/disconnect, drain scheduling, lookups.
import { getLeads, listLeads, listLeadsByTag, type LeadDb } from '../leads/store';
import type { UiHandlers, UiParsedPayload } from '../messages';
import { drain, type DrainReport } from './drain';
import { createHubspotClient, createHubspotThrottles } from './hubspot';
import { createPipedriveClient, createPipedriveThrottles } from './pipedrive';
import { redact } from './http';
import { enqueueLeads, getSecret, getSecretRecord, getTarget, listTargets, logEvents, putSecret, putTarget, recoverInFlight, removeTarget } from './outbox';
import { createSalesforceClient } from './salesforce';
import { exchangeCode, refreshAccessToken, revokeSalesforceToken, salesforceOrigins } from './salesforce-auth';
import { TARGET_NAMES, type Target, type TargetId } from './schema';
import { targetEndpoint } from './targets';
import type { CrmClient, LookupHit } from './types';
import { createWebhookClient, newWebhookSecret } from './webhook';

/** What the service needs from the browser; tests pass fakes. */
export interface SyncEnv {
  db: () => Promise<LeadDb>;
  fetch: typeof fetch;
  hasOrigins(origins: string[]): Promise<boolean>;
  removeOrigins(origins: string[]): Promise<void>;
  now(): number;
  /** The e2e build may point targets at loopback fakes. */
  testBuild: boolean;
  setTimer(fn: () => void, ms: number): void;
}

const LOOKUP_TTL_MS = 10 * 60_000;
/** A miss is remembered briefly: the person may be synced a moment later. */
const LOOKUP_MISS_TTL_MS = 20_000;
/** Drains due within this long are waited for in the worker; later ones are left to the alarm. */
const SHORT_WAIT_MS = 25_000;

/** Creates the service; its state (drain in progress, lookup cache, throttles) lives in this closure. */
export function createSyncService(env: SyncEnv) {
  let running: Promise<DrainReport | undefined> | undefined;
  let again = false;
  let timerAt = 0;
  const hubspotThrottles = createHubspotThrottles();
  const pipedriveThrottles = createPipedriveThrottles();
  const lookups = new Map<string, { at: number; hits: Array<LookupHit & { target: TargetId }> }>();

  const clientFor = (target: Target, token: string): CrmClient => {
    const deps = { fetch: env.fetch, getToken: async () => token, target, now: env.now };
    if (target.id === 'hubspot') return createHubspotClient({ ...deps, throttles: hubspotThrottles });
    if (target.id === 'pipedrive') return createPipedriveClient({ ...deps, throttles: pipedriveThrottles });
    if (target.id === 'salesforce') return createSalesforceClient({ ...deps, refresh: () => refreshSalesforce(target) });
    return createWebhookClient(deps);
  };
  const originsOf = (t: Target) =>
    t.id === 'salesforce' && t.mode === 'api' ? salesforceOrigins(t.loginUrl || t.baseUrl, t.baseUrl) : targetEndpoint({ target: t.id, url: t.url, baseUrl: t.baseUrl }, true).origins;

  /** Salesforce access tokens have no stated lifetime: after a 401 the refresh token gets a new one, stored at once. */
  async function refreshSalesforce(target: Target): Promise<string> {
    const db = await env.db();
    const secret = await getSecretRecord(db, 'salesforce');
    if (!secret?.refreshToken) throw new Error('no refresh token stored');
    const tokens = await refreshAccessToken(env.fetch, { loginUrl: target.loginUrl ?? '', clientId: target.clientId ?? '', refreshToken: secret.refreshToken });
    await putSecret(db, 'salesforce', tokens.accessToken, tokens.refreshToken ?? secret.refreshToken);
    return tokens.accessToken;
  }

  /** Drains now; a call while a drain runs makes it run once more afterwards. */
  function drainSoon(): Promise<DrainReport | undefined> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let report: DrainReport | undefined;
      const db = await env.db();
      do {
        again = false;
        report = await drain({ db, clientFor, hasPermission: (t) => env.hasOrigins(originsOf(t)), now: env.now });
        // Records were written: cached "not in the CRM" answers may be stale.
        if (report.synced) lookups.clear();
      } while (again);
      const next = report.nextDueAt;
      if (next !== undefined && next - env.now() <= SHORT_WAIT_MS && (timerAt === 0 || timerAt > next)) {
        timerAt = next;
        env.setTimer(() => {
          timerAt = 0;
          void drainSoon();
        }, Math.max(0, next - env.now()) + 50);
      }
      return report;
    })()
      .catch((e: Error) => {
        console.warn('Prospect Scout: sync drain failed', e?.message);
        return undefined;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  async function test(db: LeadDb, target: Target): Promise<{ ok: boolean; message: string }> {
    const token = await getSecret(db, target.id);
    if (!token) return { ok: false, message: 'reconnect needed: no token stored' };
    if (!(await env.hasOrigins(originsOf(target)))) return { ok: false, message: 'host permission refused: connect again and allow access' };
    const check = await clientFor(target, token).testConnection();
    if (!check.ok) return { ok: false, message: redact(check.message, [token]) };
    await putTarget(db, { ...target, ...check.details, account: check.account, paused: '' });
    return { ok: true, message: check.account };
  }

  /** Stores a connection, tests it, and keeps it only when the test passes (a previous working one is restored otherwise). */
  async function store(db: LeadDb, target: Target, secret: string, refreshToken: string | undefined, shown = ''): Promise<{ ok: boolean; message: string }> {
    const id = target.id;
    const previous = await getTarget(db, id);
    const old = await getSecretRecord(db, id);
    await putSecret(db, id, secret, refreshToken);
    await putTarget(db, target);
    const result = await test(db, target);
    if (!result.ok) {
      // A token that does not work is not kept; a previous working connection stays as it was.
      if (previous && old) {
        await putSecret(db, id, old.token, old.refreshToken);
        await putTarget(db, previous);
      } else await removeTarget(db, id);
      return result;
    }
    await logEvents(db, [{ at: new Date(env.now()).toISOString(), target: id, leadId: '', kind: 'connected', message: result.message }]);
    void drainSoon();
    return { ok: true, message: `Connected to ${TARGET_NAMES[id]}: ${result.message}.${shown}` };
  }

  /**
   * Salesforce: the options page ran the OAuth login (it holds the user
   * gesture) and sends the code with its PKCE verifier; the background
   * exchanges it here, so the tokens never reach a page. Web-to-Lead needs
   * only the org id.
   */
  async function connectSalesforce(input: UiParsedPayload<'ui:connect'>): Promise<{ ok: boolean; message: string }> {
    const db = await env.db();
    const previous = await getTarget(db, 'salesforce');
    const base = {
      id: 'salesforce' as const,
      autoSync: previous?.autoSync ?? true,
      companies: false,
      paused: '',
      account: '',
      url: '',
      recordUrlBase: '',
      connectedAt: new Date(env.now()).toISOString(),
    };
    const endpoint = targetEndpoint(input, env.testBuild);
    if (!(await env.hasOrigins(endpoint.origins))) return { ok: false, message: `host permission refused: Prospect Scout needs access to ${endpoint.origins.join(', ')} to sync` };
    if (input.mode === 'web-to-lead') {
      const orgId = (input.orgId ?? '').trim();
      return store(db, { ...base, mode: 'web-to-lead', baseUrl: endpoint.baseUrl, loginUrl: '', clientId: '' }, orgId || '-', undefined);
    }
    if (!input.code || !input.codeVerifier || !input.clientId) return { ok: false, message: 'Salesforce login did not finish: try Connect again' };
    let tokens;
    try {
      tokens = await exchangeCode(env.fetch, { loginUrl: endpoint.baseUrl, clientId: input.clientId, redirectUri: input.redirectUri ?? '', code: input.code, verifier: input.codeVerifier });
    } catch (e) {
      return { ok: false, message: (e as Error).message };
    }
    const instanceUrl = tokens.instanceUrl ?? endpoint.baseUrl;
    // The API host comes from Salesforce's answer: it must be one the user allowed (a My Domain), never any host.
    if (!(await env.hasOrigins(salesforceOrigins(endpoint.baseUrl, instanceUrl))))
      return { ok: false, message: `host permission refused: Salesforce sent the instance ${new URL(instanceUrl).host}, which Prospect Scout was not allowed to reach` };
    const target: Target = { ...base, mode: 'api', baseUrl: instanceUrl.replace(/\/$/, ''), loginUrl: endpoint.baseUrl, clientId: input.clientId };
    return store(db, target, tokens.accessToken, tokens.refreshToken);
  }

  const handlers: UiHandlers = {
    'ui:sync-now': async () => {
      void drainSoon();
      return { ok: true };
    },
    'ui:sync-leads': async ({ target, leadIds, tag, all }) => {
      const db = await env.db();
      const targets = (await listTargets(db)).filter((t) => !target || t.id === target).map((t) => t.id);
      const leads = all ? await listLeads(db) : tag ? await listLeadsByTag(db, tag) : await getLeads(db, leadIds ?? []);
      const queued = await enqueueLeads(db, leads, targets, env.now());
      void drainSoon();
      return { queued };
    },
    'ui:connect': async (input) => {
      if (input.target === 'salesforce') return connectSalesforce(input);
      const { target: id, token, url, baseUrl, domain } = input;
      const db = await env.db();
      const endpoint = targetEndpoint({ target: id, url, baseUrl, domain }, env.testBuild);
      if (!(await env.hasOrigins(endpoint.origins))) return { ok: false, message: `host permission refused: Prospect Scout needs access to ${endpoint.origins.join(', ')} to sync` };
      let secret = token;
      let shown = '';
      if (id === 'webhook' && !secret) {
        secret = newWebhookSecret();
        shown = ` Signing secret (shown once, copy it into your receiver): ${secret}`;
      }
      if (!secret) return { ok: false, message: 'Paste your token first' };
      const previous = await getTarget(db, id);
      const target: Target = {
        id,
        autoSync: previous?.autoSync ?? true,
        companies: previous?.companies ?? true,
        paused: '',
        account: '',
        baseUrl: endpoint.baseUrl,
        url: endpoint.url,
        recordUrlBase: '',
        connectedAt: new Date(env.now()).toISOString(),
      };
      return store(db, target, secret, undefined, shown);
    },
    'ui:test-connection': async ({ target: id }) => {
      const db = await env.db();
      const target = await getTarget(db, id);
      if (!target) return { ok: false, message: `${TARGET_NAMES[id]} is not connected` };
      const result = await test(db, target);
      if (result.ok) void drainSoon();
      return result;
    },
    'ui:disconnect': async ({ target: id }) => {
      const db = await env.db();
      const target = await getTarget(db, id);
      const secret = await getSecretRecord(db, id);
      // Forgotten here first: whatever the revoke does, the token is gone from this browser.
      await removeTarget(db, id);
      // Where the CRM can revoke a grant (Salesforce OAuth), it is asked to, before the host permission goes.
      // HubSpot and Pipedrive tokens are pasted keys with no revoke endpoint: the user deletes them in the CRM.
      let message = 'token and permission removed';
      if (target?.id === 'salesforce' && target.mode === 'api' && target.loginUrl && secret) {
        const r = await revokeSalesforceToken(env.fetch, { loginUrl: target.loginUrl, token: secret.refreshToken ?? secret.token });
        message = r.ok
          ? 'login revoked at Salesforce; token and permission removed'
          : `token and permission removed; ${redact(r.message, [secret.token, secret.refreshToken ?? ''])}: revoke it in Salesforce (Setup, Connected Apps OAuth Usage)`;
      }
      if (target) await env.removeOrigins(originsOf(target)).catch(() => {});
      await logEvents(db, [{ at: new Date(env.now()).toISOString(), target: id, leadId: '', kind: 'disconnected', message }]);
      return { ok: true };
    },
    'ui:target-options': async ({ target: id, autoSync, companies }) => {
      const db = await env.db();
      const target = await getTarget(db, id);
      if (target) await putTarget(db, { ...target, autoSync: autoSync ?? target.autoSync, companies: companies ?? target.companies });
      return { ok: true };
    },
    'ui:lookup': async ({ email, linkedin }) => {
      const key = `${email.toLowerCase()}|${linkedin}`;
      const cached = lookups.get(key);
      if (cached && env.now() - cached.at < (cached.hits.length ? LOOKUP_TTL_MS : LOOKUP_MISS_TTL_MS)) return { hits: cached.hits };
      const db = await env.db();
      const hits: Array<LookupHit & { target: TargetId }> = [];
      for (const t of await listTargets(db)) {
        const token = await getSecret(db, t.id);
        const client = token && !t.paused ? clientFor(t, token) : undefined;
        if (!client?.lookup || !(await env.hasOrigins(originsOf(t)))) continue;
        const hit = await client.lookup({ email, linkedin }).catch(() => undefined);
        if (hit) hits.push({ ...hit, target: t.id });
      }
      lookups.set(key, { at: env.now(), hits });
      return { hits };
    },
  };

  return {
    handlers,
    drainSoon,
    /** At worker start: resume sends a killed worker left in flight, then drain. */
    async start() {
      await recoverInFlight(await env.db(), env.now());
      return drainSoon();
    },
  };
}
