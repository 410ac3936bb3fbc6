// Salesforce OAuth 2 (web-server flow with PKCE, public client): login hosts, authorize URL, code and refresh exchanges, revoke.
import { z } from 'zod';
import { requestJson } from './http';

/** Where users of each kind of org log in. */
export const SALESFORCE_LOGIN = { production: 'https://login.salesforce.com', sandbox: 'https://test.salesforce.com' } as const;
/** Every instance is a My Domain host (enforced since Winter '23), sandboxes included (`x--dev.sandbox.my.salesforce.com`). */
export const MY_DOMAIN_ORIGINS = 'https://*.my.salesforce.com/*';
/** Salesforce's Web-to-Lead endpoint (no API access needed). */
export const WEB_TO_LEAD_URL = 'https://webto.salesforce.com';

export type LoginKind = 'production' | 'sandbox' | 'mydomain';

/**
 * The login URL for the chosen kind of org. A My Domain may be typed as
 * `acme`, `acme.my.salesforce.com` or a full URL. Throws a user-facing
 * error for anything else.
 */
export function salesforceLoginUrl(kind: LoginKind, myDomain = ''): string {
  if (kind !== 'mydomain') return SALESFORCE_LOGIN[kind];
  let host = myDomain.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  if (/^[a-z0-9][a-z0-9-]*(--[a-z0-9]+)?$/.test(host)) host = `${host}.my.salesforce.com`;
  if (!/^[a-z0-9][a-z0-9-]*(--[a-z0-9]+(\.sandbox)?)?\.my\.salesforce\.com$/.test(host)) throw new Error('Enter your My Domain as in acme.my.salesforce.com (just "acme" is fine)');
  return `https://${host}`;
}

/** The host permissions a connection needs: the login host, and the instance (its My Domain; any My Domain when not known yet). */
export function salesforceOrigins(loginUrl: string, instanceUrl = ''): string[] {
  const pattern = (u: string) => `${new URL(u).protocol}//${new URL(u).hostname}/*`;
  const login = pattern(loginUrl);
  const mine = new URL(loginUrl).hostname.endsWith('.my.salesforce.com');
  const instance = instanceUrl ? pattern(instanceUrl) : mine ? login : MY_DOMAIN_ORIGINS;
  return [...new Set([login, instance])];
}

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A PKCE pair (RFC 7636, S256) and a random `state`. */
export async function createPkce(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): Promise<{ verifier: string; challenge: string; state: string }> {
  const verifier = b64url(random(48));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return { verifier, challenge: b64url(digest), state: b64url(random(16)) };
}

/** The authorize URL opened by `identity.launchWebAuthFlow`. */
export function authorizeUrl(p: { loginUrl: string; clientId: string; redirectUri: string; challenge: string; state: string }): string {
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: p.clientId,
    redirect_uri: p.redirectUri,
    code_challenge: p.challenge,
    code_challenge_method: 'S256',
    scope: 'api refresh_token',
    state: p.state,
    prompt: 'login consent',
  });
  return `${p.loginUrl.replace(/\/$/, '')}/services/oauth2/authorize?${q}`;
}

/** The authorization code from the redirect URL; throws Salesforce's error or a state mismatch. */
export function codeFromRedirect(redirect: string, state: string): string {
  const u = new URL(redirect);
  const q = new URLSearchParams([...u.searchParams, ...new URLSearchParams(u.hash.slice(1))]);
  if (q.get('error')) throw new Error(`Salesforce refused the login: ${q.get('error_description') || q.get('error')}`);
  if (q.get('state') !== state) throw new Error('Salesforce login answer did not match this request (state); try again');
  const code = q.get('code');
  if (!code) throw new Error('Salesforce login returned no authorization code');
  return code;
}

const TokenAnswer = z.looseObject({ access_token: z.string().min(1), refresh_token: z.string().min(1).optional(), instance_url: z.url().optional() });
const OAuthError = z.looseObject({ error: z.string(), error_description: z.string().optional() });

/** Tokens from the token endpoint. */
export interface SalesforceTokens {
  accessToken: string;
  refreshToken?: string;
  instanceUrl?: string;
}

async function tokenRequest(fetchFn: typeof fetch, loginUrl: string, form: Record<string, string>): Promise<SalesforceTokens> {
  const a = await requestJson(fetchFn, `${loginUrl.replace(/\/$/, '')}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  const ok = a.status === 200 ? TokenAnswer.safeParse(a.body) : undefined;
  if (ok?.success) return { accessToken: ok.data.access_token, refreshToken: ok.data.refresh_token, instanceUrl: ok.data.instance_url };
  const err = OAuthError.safeParse(a.body);
  // Salesforce's own words (invalid_grant: expired access/refresh token), never the tokens sent.
  throw new Error(err.success ? `Salesforce: ${err.data.error}${err.data.error_description ? ` (${err.data.error_description})` : ''}` : `Salesforce token endpoint answered HTTP ${a.status}`);
}

/** Exchanges the authorization code (with the PKCE verifier; no client secret). */
export function exchangeCode(fetchFn: typeof fetch, p: { loginUrl: string; clientId: string; redirectUri: string; code: string; verifier: string }): Promise<SalesforceTokens> {
  return tokenRequest(fetchFn, p.loginUrl, { grant_type: 'authorization_code', code: p.code, client_id: p.clientId, redirect_uri: p.redirectUri, code_verifier: p.verifier });
}

/** A new access token from the refresh token. */
export function refreshAccessToken(fetchFn: typeof fetch, p: { loginUrl: string; clientId: string; refreshToken: string }): Promise<SalesforceTokens> {
  return tokenRequest(fetchFn, p.loginUrl, { grant_type: 'refresh_token', client_id: p.clientId, refresh_token: p.refreshToken });
}

/** A disconnect does not wait longer than this for Salesforce to confirm the revoke. */
export const REVOKE_TIMEOUT_MS = 5000;

/**
 * Revokes a token at Salesforce (`POST /services/oauth2/revoke`, form
 * `token=`). Revoking the refresh token ends the whole grant, its access
 * tokens included. Best effort: resolves with what happened, never throws,
 * and its message never holds the token.
 */
export async function revokeSalesforceToken(fetchFn: typeof fetch, p: { loginUrl: string; token: string }): Promise<{ ok: boolean; message: string }> {
  try {
    const a = await requestJson(fetchFn, `${p.loginUrl.replace(/\/$/, '')}/services/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: p.token }).toString(),
      timeoutMs: REVOKE_TIMEOUT_MS,
    });
    if (a.status === 200) return { ok: true, message: 'revoked at Salesforce' };
    const err = OAuthError.safeParse(a.body);
    return { ok: false, message: `Salesforce did not revoke it (${err.success ? err.data.error_description || err.data.error : `HTTP ${a.status}`})` };
  } catch (e) {
    return { ok: false, message: `Salesforce could not be reached to revoke it (${(e as Error).message})` };
  }
}
