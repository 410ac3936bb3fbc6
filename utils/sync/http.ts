// One JSON request with a timeout, and the rules that turn an HTTP status into a sync outcome.
import { retryAfterMs } from './backoff';
import type { LeadOutcome, SyncItem } from './types';

/** An HTTP answer, body parsed as JSON when it is JSON. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** A request that never got an HTTP answer (offline, DNS, refused, timeout). */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

/**
 * Sends one request. Network failures and timeouts become {@link NetworkError}
 * with a message that never contains the request headers (the token).
 */
export async function requestJson(
  fetchFn: typeof fetch,
  url: string,
  init: { method: string; headers: Record<string, string>; body?: unknown; timeoutMs?: number },
): Promise<HttpAnswer> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), init.timeoutMs ?? 30_000);
  let res: Response;
  try {
    res = await fetchFn(url, {
      method: init.method,
      headers: { accept: 'application/json', ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
      body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
      signal: ctrl.signal,
      credentials: 'omit',
    });
  } catch (e) {
    const aborted = (e as Error)?.name === 'AbortError';
    throw new NetworkError(aborted ? `no answer from ${new URL(url).host} in time` : `cannot reach ${new URL(url).host}`);
  } finally {
    clearTimeout(timer);
  }
  const text = await res.text().catch(() => '');
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body };
}

/**
 * The sync outcome of a non-2xx answer: 429 waits for Retry-After (or the
 * reset header), 5xx and 408 retry with backoff, 401/403 pause the target,
 * any other 4xx fails with the CRM's own message.
 */
export function outcomeOfStatus(answer: HttpAnswer, message: string, now: number): LeadOutcome {
  const { status, headers } = answer;
  if (status === 429) return { kind: 'retry', message: `rate limited: ${message}`, afterMs: retryAfterMs(headers, now) };
  if (status >= 500 || status === 408) return { kind: 'retry', message: `server error ${status}: ${message}` };
  if (status === 401 || status === 403) return { kind: 'auth', message };
  return { kind: 'failed', message: `${status}: ${message}` };
}

/** Removes secrets from a text that may be stored or shown (error messages, logs). */
export function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 6) out = out.split(s).join('[secret]');
  return out;
}

/**
 * Syncs leads one request each (CRMs without a batch write), in order: a
 * network failure makes that lead retry later, and an auth failure stops the
 * batch (the target is paused; the rest stay queued untouched).
 */
export async function syncEach(items: SyncItem[], one: (item: SyncItem) => Promise<LeadOutcome>): Promise<Map<string, LeadOutcome>> {
  const out = new Map<string, LeadOutcome>();
  for (const item of items) {
    try {
      const o = await one(item);
      out.set(item.lead.id, o);
      if (o.kind === 'auth') break;
    } catch (e) {
      if (!(e instanceof NetworkError)) throw e;
      out.set(item.lead.id, { kind: 'retry', message: e.message });
    }
  }
  return out;
}
