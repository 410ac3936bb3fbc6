// Webhook target: one signed POST per lead (Standard Webhooks), same webhook-id on retries, 410 disables.
import { browser } from 'wxt/browser';
import type { Lead } from '../leads/schema';
import { outcomeOfStatus, NetworkError, requestJson, type HttpAnswer } from './http';
import { primaryEmail } from './map-common';
import type { ClientDeps, ConnectionCheck, CrmClient, LeadOutcome } from './types';

/** Host permission a webhook URL needs: its own origin only. */
export function webhookOrigins(url: string): string[] {
  const u = new URL(url);
  return [`${u.protocol}//${u.hostname}/*`];
}

/** The event body for a lead, fields in the contract's order (lead-event v1). */
export function webhookEvent(lead: Lead, type: 'lead.upserted' | 'webhook.test', version: string) {
  return {
    type,
    timestamp: lead.updatedAt,
    schemaVersion: 1 as const,
    source: { app: 'prospect-scout' as const, version },
    data: {
      lead: {
        id: lead.id,
        name: lead.name,
        firstName: lead.firstName,
        lastName: lead.lastName,
        title: lead.title,
        company: lead.company,
        emails: lead.emails,
        phones: lead.phones,
        profiles: lead.profiles,
        website: lead.website,
        location: lead.location,
        tags: lead.tags,
        note: lead.note,
        sourceUrl: lead.sourceUrl,
        capturedAt: lead.capturedAt,
        updatedAt: lead.updatedAt,
        primaryEmail: primaryEmail(lead),
        primaryPhone: lead.phones[0] ?? '',
      },
    },
  };
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** A new signing secret: 32 random bytes, `whsec_` + base64. */
export function newWebhookSecret(): string {
  return `whsec_${base64(crypto.getRandomValues(new Uint8Array(32)))}`;
}

/**
 * The Standard Webhooks signature header: `v1,` + base64 HMAC-SHA256 over
 * `id.timestamp.body`, keyed with the base64-decoded secret after `whsec_`.
 */
export async function signWebhook(secret: string, id: string, timestamp: string, body: string): Promise<string> {
  const raw = Uint8Array.from(atob(secret.replace(/^whsec_/, '')), (c) => c.charCodeAt(0));
  const key = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const sig = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${id}.${timestamp}.${body}`));
  return `v1,${base64(new Uint8Array(sig))}`;
}

function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '0.0.0';
  }
}

/** Creates the webhook client; the token is the signing secret. */
export function createWebhookClient(deps: ClientDeps & { version?: string }): CrmClient {
  const now = deps.now ?? Date.now;
  const version = deps.version ?? extensionVersion();
  const message = (a: HttpAnswer) => (typeof a.body === 'string' && a.body ? a.body.slice(0, 300) : (a.body as { message?: string })?.message ?? `HTTP ${a.status}`);

  async function post(id: string, body: string): Promise<HttpAnswer> {
    const secret = await deps.getToken();
    const ts = String(Math.floor(now() / 1000));
    return requestJson(deps.fetch, deps.target.url, {
      method: 'POST',
      headers: { 'webhook-id': id, 'webhook-timestamp': ts, 'webhook-signature': await signWebhook(secret, id, ts, body) },
      body,
      timeoutMs: 15_000,
    });
  }
  const outcome = (a: HttpAnswer): LeadOutcome | undefined => {
    if (a.status >= 200 && a.status < 300) return undefined;
    if (a.status === 410) return { kind: 'gone', message: 'the webhook endpoint answered 410 Gone: target disabled' };
    const o = outcomeOfStatus(a, message(a), now());
    return o.kind === 'auth' ? { ...o, message: `endpoint refused the request (${a.status}): ${o.message}` } : o;
  };

  return {
    id: 'webhook',
    batchSize: 20,
    async sync(items) {
      const out = new Map<string, LeadOutcome>();
      for (const { lead, entry } of items) {
        try {
          // The id is the entry's idempotency key: a retry of the same change is recognisable downstream.
          const a = await post(`msg_${entry.idempotencyKey.replace(/-/g, '')}`, JSON.stringify(webhookEvent(lead, 'lead.upserted', version)));
          const o = outcome(a);
          out.set(lead.id, o ?? { kind: 'ok', recordId: lead.id });
          if (o && (o.kind === 'gone' || o.kind === 'auth')) break;
        } catch (e) {
          if (!(e instanceof NetworkError)) throw e;
          out.set(lead.id, { kind: 'retry', message: e.message });
        }
      }
      return out;
    },
    async testConnection(): Promise<ConnectionCheck> {
      const sample: Lead = {
        id: 'webhook-test',
        name: 'Test Prospect',
        firstName: 'Test',
        lastName: 'Prospect',
        title: '',
        company: '',
        emails: ['test@example.com'],
        phones: [],
        profiles: { linkedin: '', x: '', github: '', other: [] },
        website: '',
        location: '',
        sourceUrl: '',
        provenance: {},
        tags: [],
        note: '',
        capturedAt: new Date(now()).toISOString(),
        updatedAt: new Date(now()).toISOString(),
        rev: 0,
        history: [],
      };
      try {
        const a = await post(`msg_test${now()}`, JSON.stringify(webhookEvent(sample, 'webhook.test', version)));
        const o = outcome(a);
        return o ? { ok: false, message: 'message' in o ? o.message : `HTTP ${a.status}` } : { ok: true, account: `${new URL(deps.target.url).host} answered ${a.status}` };
      } catch (e) {
        return { ok: false, message: (e as Error).message };
      }
    },
  };
}
