// Tells the extension's pages that sync records changed, so the CRM panel re-reads on change instead of on a timer.
/** BroadcastChannel name; every page of the extension and its worker share the origin, so all of them hear it. */
export const SYNC_CHANGES_CHANNEL = 'prospect-scout-sync-changes';

/**
 * Announces that the outbox, the targets or the log changed. A channel per
 * call (opened, posted, closed) keeps no module state; the message is already
 * on its way to the listeners when the sender closes. A no-op where
 * BroadcastChannel does not exist.
 */
export function announceSyncChange(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(SYNC_CHANGES_CHANNEL);
  channel.postMessage('changed');
  channel.close();
}

/**
 * Calls `onChange` at most once per `settleMs` after sync records change
 * (a drain writes per batch and per lead: many messages, one read). Returns
 * the function that stops listening.
 */
export function watchSyncChanges(onChange: () => void, settleMs = 300): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(SYNC_CHANGES_CHANNEL);
  let timer: ReturnType<typeof setTimeout> | undefined;
  channel.onmessage = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      onChange();
    }, settleMs);
  };
  return () => {
    if (timer) clearTimeout(timer);
    channel.close();
  };
}

/**
 * Calls `read` when sync records change (notices settled over `settleMs`)
 * and every `fallbackMs` in case a notice was lost (a worker stopped between
 * its write and its notice), while the page is visible: a hidden page only
 * notes that it is stale and reads once when it is shown again. Returns the
 * function that stops all of it.
 */
export function refreshOnSyncChanges(read: () => void, opts: { fallbackMs: number; settleMs?: number }): () => void {
  let stale = false;
  const refresh = () => {
    if (document.visibilityState === 'visible') read();
    else stale = true;
  };
  const onVisible = () => {
    if (document.visibilityState !== 'visible' || !stale) return;
    stale = false;
    read();
  };
  const stopWatching = watchSyncChanges(refresh, opts.settleMs);
  const timer = setInterval(refresh, opts.fallbackMs);
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    stopWatching();
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
