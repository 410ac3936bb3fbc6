import { useEffect, useState } from 'react';
import type { LeadDb } from '@/utils/leads/store';
import { sendToBackground } from '@/utils/messages';
import { watchSyncChanges } from '@/utils/sync/changes';
import { entriesForLead } from '@/utils/sync/outbox';
import { TARGET_NAMES, type OutboxEntry } from '@/utils/sync/schema';

/**
 * One lead's sync entries (one per target), re-read when the sync records
 * change (the background announces each write as it drains) and every
 * `fallbackMs` in case a notice was lost. Reads by the by-lead index only,
 * so a virtualized list costs one small lookup per visible row per change.
 */
export function useLeadSyncState(db: LeadDb, leadId: string, fallbackMs = 30_000): OutboxEntry[] {
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  useEffect(() => {
    let alive = true;
    const read = () =>
      entriesForLead(db, leadId).then(
        (e) => alive && setEntries(e),
        () => {},
      );
    void read();
    // A popup is never hidden (it closes instead), so no visibility handling here (it would cost popup bytes).
    const stop = watchSyncChanges(() => void read());
    const timer = setInterval(read, fallbackMs);
    return () => {
      alive = false;
      stop();
      clearInterval(timer);
    };
  }, [db, leadId, fallbackMs]);
  return entries;
}

/** Short label of an entry's state, e.g. "HubSpot: retrying at 10:42". */
export function syncLabel(e: OutboxEntry): string {
  const name = TARGET_NAMES[e.target];
  switch (e.status) {
    case 'synced':
      return `${name}: synced`;
    case 'pending':
      return `${name}: ${e.lastError ? 'waiting' : 'pending'}`;
    case 'sending':
      return `${name}: sending…`;
    case 'retrying':
      return `${name}: retrying at ${new Date(e.dueAt ?? 0).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`;
    case 'failed':
      return `${name}: failed`;
  }
}

/**
 * A lead's sync state per target, compact enough for a list row: a link to
 * the CRM record when synced, the CRM's message (as tooltip and for screen
 * readers) and a Retry button when it failed or is waiting to retry.
 */
export function SyncStatus(props: { db: LeadDb; leadId: string }) {
  const { db, leadId } = props;
  const entries = useLeadSyncState(db, leadId);
  const [busy, setBusy] = useState(false);
  if (!entries.length) return null;
  const retry = async (e: OutboxEntry) => {
    setBusy(true);
    await sendToBackground('ui:sync-leads', { target: e.target, leadIds: [leadId] }).catch(() => {});
    setBusy(false);
  };
  return (
    <span className="sync-status" role="group" aria-label="Sync status">
      {entries.map((e) => (
        <span key={e.target} className={`sync-${e.status}`} data-status={e.status} title={e.lastError || undefined}>
          {e.status === 'synced' && e.recordUrl && /^https?:/.test(e.recordUrl) ? (
            <a href={e.recordUrl} target="_blank" rel="noreferrer">
              {syncLabel(e)}
            </a>
          ) : (
            <span>{syncLabel(e)}</span>
          )}
          {e.lastError && e.status !== 'synced' && <span className="visually-hidden">: {e.lastError}</span>}
          {(e.status === 'failed' || e.status === 'retrying') && (
            <button type="button" disabled={busy} onClick={() => void retry(e)} aria-label={`Retry ${TARGET_NAMES[e.target]}`}>
              Retry
            </button>
          )}
        </span>
      ))}
    </span>
  );
}
