// Retry timing: Retry-After / rate-limit reset headers, else exponential backoff with jitter.

/** Longest wait between two attempts of a transient failure. */
export const MAX_BACKOFF_MS = 60 * 60 * 1000;
const BASE_BACKOFF_MS = 5_000;

/**
 * Delay before attempt `attempts + 1` after a transient failure: doubling
 * from 5 s, capped at an hour, with "full jitter" in [delay/2, delay] so many
 * failing leads do not retry in lockstep. `random` is injectable for tests.
 */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const exp = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}

/**
 * How long a rate-limited response asks us to wait, in ms, or undefined when
 * it does not say. Reads `Retry-After` (seconds or an HTTP date), then the
 * vendors' reset headers (`x-ratelimit-reset`: seconds until reset, or an
 * epoch second when that is in the future; HubSpot's
 * `X-HubSpot-RateLimit-Interval-Milliseconds` when the remaining count is 0).
 */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const ra = headers.get('retry-after');
  if (ra) {
    const secs = Number(ra);
    if (Number.isFinite(secs) && secs >= 0) return Math.min(MAX_BACKOFF_MS, secs * 1000);
    const date = Date.parse(ra);
    if (Number.isFinite(date)) return Math.min(MAX_BACKOFF_MS, Math.max(0, date - now));
  }
  const reset = Number(headers.get('x-ratelimit-reset') ?? NaN);
  if (Number.isFinite(reset) && reset >= 0) {
    const nowS = now / 1000;
    const ms = reset > nowS ? (reset - nowS) * 1000 : reset * 1000;
    return Math.min(MAX_BACKOFF_MS, Math.round(ms));
  }
  const hsRemaining = headers.get('x-hubspot-ratelimit-remaining');
  const hsInterval = Number(headers.get('x-hubspot-ratelimit-interval-milliseconds') ?? NaN);
  if (hsRemaining === '0' && Number.isFinite(hsInterval)) return Math.min(MAX_BACKOFF_MS, hsInterval);
  return undefined;
}
