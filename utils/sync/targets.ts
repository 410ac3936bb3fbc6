// Per-target facts the UI and the background share: default hosts, the permission to request, URL checks.
import { HUBSPOT_API, HUBSPOT_ORIGINS } from './hubspot';
import { PIPEDRIVE_API } from './pipedrive';
import { salesforceLoginUrl, salesforceOrigins, WEB_TO_LEAD_URL, type LoginKind } from './salesforce-auth';
import type { TargetId } from './schema';
import { webhookOrigins } from './webhook';

/** True in the e2e test build (WXT_CRM_TEST=1), which may point targets at loopback fake CRMs. */
export const CRM_TEST_BUILD = import.meta.env?.WXT_CRM_TEST === '1';

/** Connection form input. */
export interface ConnectInput {
  target: TargetId;
  url?: string;
  baseUrl?: string;
  /** Pipedrive: the company domain (acme for acme.pipedrive.com). */
  domain?: string;
  /** Salesforce: API (OAuth) or Web-to-Lead, and which login host. */
  mode?: 'api' | 'web-to-lead';
  loginKind?: LoginKind;
  myDomain?: string;
}

/** The match pattern of a URL's host, any port (as host permissions are written). */
function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

/**
 * Where a target's requests go and which host permission that needs.
 * `testBuild` lets the e2e build point a target at a loopback fake CRM; the
 * production build always uses the vendor's host. Throws a user-facing
 * error on a bad webhook URL.
 */
export function targetEndpoint(input: ConnectInput, testBuild: boolean): { baseUrl: string; url: string; origins: string[] } {
  if (input.target === 'webhook') {
    let u: URL;
    try {
      u = new URL(input.url ?? '');
    } catch {
      throw new Error('Enter the webhook URL (https://…)');
    }
    if (u.protocol !== 'https:' && !(testBuild && u.protocol === 'http:')) throw new Error('The webhook URL must start with https://');
    return { baseUrl: '', url: u.href, origins: webhookOrigins(u.href) };
  }
  const override = testBuild && input.baseUrl ? input.baseUrl.replace(/\/$/, '') : '';
  if (override) return { baseUrl: override, url: '', origins: [originPattern(override)] };
  if (input.target === 'salesforce') {
    // baseUrl is the login host for the API (the instance comes with the tokens), or Web-to-Lead's endpoint.
    if (input.mode === 'web-to-lead') return { baseUrl: WEB_TO_LEAD_URL, url: '', origins: [originPattern(WEB_TO_LEAD_URL)] };
    const login = salesforceLoginUrl(input.loginKind ?? 'production', input.myDomain);
    return { baseUrl: login, url: '', origins: salesforceOrigins(login) };
  }
  if (input.target === 'pipedrive') {
    const domain = (input.domain ?? '').trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\.pipedrive\.com.*$/, '');
    if (domain && !/^[a-z0-9][a-z0-9-]{0,62}$/.test(domain)) throw new Error('Enter the company domain as in acme.pipedrive.com (just "acme"), or leave it empty');
    const baseUrl = domain ? `https://${domain}.pipedrive.com` : PIPEDRIVE_API;
    return { baseUrl, url: '', origins: [originPattern(baseUrl)] };
  }
  return { baseUrl: HUBSPOT_API, url: '', origins: HUBSPOT_ORIGINS };
}
