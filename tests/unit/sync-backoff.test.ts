import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, MAX_BACKOFF_MS, retryAfterMs } from '@/utils/sync/backoff';
import { createThrottle, realClock } from '@/utils/sync/throttle';
import { outcomeOfStatus } from '@/utils/sync/http';

describe('backoff', () => {
  it('doubles from 5 s with jitter in [d/2, d], capped at an hour', () => {
    expect(backoffDelay(1, () => 0)).toBe(2_500);
    expect(backoffDelay(1, () => 1)).toBe(5_000);
    expect(backoffDelay(3, () => 1)).toBe(20_000);
    expect(backoffDelay(30, () => 1)).toBe(MAX_BACKOFF_MS);
    expect(backoffDelay(30, () => 0)).toBe(MAX_BACKOFF_MS / 2);
    const samples = new Set(Array.from({ length: 20 }, () => backoffDelay(4)));
    expect(samples.size).toBeGreaterThan(1);
  });

  it('reads Retry-After (seconds or date) and reset headers', () => {
    const now = Date.parse('2026-11-27T10:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': '7' }), now)).toBe(7_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Fri, 27 Nov 2026 10:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterMs(new Headers({ 'x-ratelimit-reset': '2' }), now)).toBe(2_000);
    expect(retryAfterMs(new Headers({ 'x-ratelimit-reset': String(now / 1000 + 5) }), now)).toBe(5_000);
    expect(retryAfterMs(new Headers({ 'x-hubspot-ratelimit-remaining': '0', 'x-hubspot-ratelimit-interval-milliseconds': '10000' }), now)).toBe(10_000);
    expect(retryAfterMs(new Headers({ 'retry-after': '999999' }), now)).toBe(MAX_BACKOFF_MS);
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
  });

  it('classifies statuses: 429 waits, 5xx retries, 401/403 pause, other 4xx fail', () => {
    const a = (status: number, h: Record<string, string> = {}) => ({ status, headers: new Headers(h), body: undefined });
    expect(outcomeOfStatus(a(429, { 'retry-after': '3' }), 'slow down', 0)).toEqual({ kind: 'retry', message: 'rate limited: slow down', afterMs: 3000 });
    expect(outcomeOfStatus(a(503), 'x', 0).kind).toBe('retry');
    expect(outcomeOfStatus(a(401), 'token rejected', 0)).toEqual({ kind: 'auth', message: 'token rejected' });
    expect(outcomeOfStatus(a(403), 'missing scope', 0).kind).toBe('auth');
    expect(outcomeOfStatus(a(400), 'Property "x" does not exist', 0)).toEqual({ kind: 'failed', message: '400: Property "x" does not exist' });
  });
});

describe('throttle (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  it('lets at most N requests start in any window', async () => {
    const t = createThrottle(3, 1000, realClock);
    const starts: number[] = [];
    const all = Promise.all(Array.from({ length: 7 }, () => t.take().then(() => starts.push(Date.now()))));
    await vi.advanceTimersByTimeAsync(5000);
    await all;
    expect(starts).toEqual([0, 0, 0, 1000, 1000, 1000, 2000]);
  });

  it('pauses everyone after a 429 for the time asked', async () => {
    const t = createThrottle(10, 1000, realClock);
    await t.take();
    t.pauseFor(4000);
    let at = -1;
    void t.take().then(() => (at = Date.now()));
    await vi.advanceTimersByTimeAsync(3999);
    expect(at).toBe(-1);
    await vi.advanceTimersByTimeAsync(1);
    expect(at).toBe(4000);
  });
});
