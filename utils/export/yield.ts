// Yielding to the event loop between chunks of long work, so no task blocks the page for long.

/**
 * Resolves in a new task: input, rendering and IndexedDB events get their
 * turn. Uses `scheduler.yield()` where the browser has it, else a
 * MessageChannel message (not `setTimeout`, which is clamped to 4 ms when nested).
 */
export function nextTask(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * A time budget for one task: `due()` says when `sliceMs` have passed since
 * the last `pause()`, which yields and starts a new slice. Checked every few
 * records, it keeps each task near `sliceMs` whatever the records cost.
 */
export function timeSlicer(sliceMs = 40, now: () => number = () => performance.now()) {
  let start = now();
  return {
    due: () => now() - start >= sliceMs,
    async pause(): Promise<void> {
      await nextTask();
      start = now();
    },
  };
}
