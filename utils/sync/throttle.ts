// Client-side request throttle per CRM: at most N requests in any sliding window.

/** Clock and sleep, injectable so tests run on fake timers. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The real clock. */
export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/** A throttle: `await take()` before each request. */
export interface Throttle {
  take(): Promise<void>;
  /** Stops all requests until `ms` from now (a 429 told us to wait). */
  pauseFor(ms: number): void;
}

/**
 * Sliding-window limiter: at most `max` calls start within any `windowMs`.
 * Callers queue in order. Keep `max` below the CRM's documented burst so a
 * shared account still has headroom.
 */
export function createThrottle(max: number, windowMs: number, clock: Clock = realClock): Throttle {
  const starts: number[] = [];
  let blockedUntil = 0;
  let queue: Promise<void> = Promise.resolve();
  const wait = async () => {
    for (;;) {
      const now = clock.now();
      while (starts.length && starts[0]! <= now - windowMs) starts.shift();
      const until = Math.max(blockedUntil, starts.length >= max ? starts[0]! + windowMs : 0);
      if (until <= now) break;
      await clock.sleep(until - now);
    }
    starts.push(clock.now());
  };
  return {
    take() {
      const next = queue.then(wait);
      queue = next.catch(() => {});
      return next;
    },
    pauseFor(ms) {
      blockedUntil = Math.max(blockedUntil, clock.now() + ms);
    },
  };
}
