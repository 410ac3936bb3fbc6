import { useEffect, useState } from 'react';
import type { LeadDb } from '@/utils/leads/store';
import { sendToBackground } from '@/utils/messages';
import { allEntries } from '@/utils/sync/outbox';
import { TARGET_NAMES, type OutboxEntry } from '@/utils/sync/schema';

/**
 * Every lead's sync entries, by lead id, re-read every `pollMs` while
 * mounted (the background updates them as it drains).
 */
export function useSyncStates(db: LeadDb, pollMs = 1500): Map<string, OutboxEntry[]> {
  const [states, setStates] = useState(new Map<string, OutboxEntry[]>());
  useEffect(() => {
    let alive = true;
    const read = async () => {
      const map = new Map<string, OutboxEntry[]>();
      for (const e of await allEntries(db)) map.set(e.leadId, [...(map.get(e.leadId) ?? []), e]);
      if (alive) setStates(map);
    };
    void read();
    const timer = setInterval(() => void read(), pollMs);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [db, pollMs]);
  return states;
}

/** One-line label of an entry's state, e.g. "HubSpot: retrying at 10:42". */
export function syncLabel(e: OutboxEntry): string {
  const name = TARGET_NAMES[e.target];
  switch (e.status) {
    case 'synced':
      return `${name}: synced`;
    case 'pending':
      return `${name}: pending${e.lastError ? ` (${e.lastError})` : ''}`;
    case 'sending':
      return `${name}: sending…`;
    case 'retrying':
      return `${name}: retrying at ${new Date(e.dueAt ?? 0).toLocaleTimeString()} (${e.lastError})`;
    case 'failed':
      return `${name}: failed: ${e.lastError}`;
  }
}

/** A lead's sync state per target: link to the CRM record when synced, Retry when failed. */
export function SyncStatus(props: { leadId: string; entries: OutboxEntry[] }) {
  const { leadId, entries } = props;
  const [busy, setBusy] = useState(false);
  if (!entries.length) return null;
  const retry = async (e: OutboxEntry) => {
    setBusy(true);
    await sendToBackground('ui:sync-leads', { target: e.target, leadIds: [leadId] }).catch(() => {});
    setBusy(false);
  };
  return (
    <ul className="sync-status" aria-label="Sync status">
      {entries.map((e) => (
        <li key={e.target} className={`sync-${e.status}`} data-status={e.status}>
          {e.status === 'synced' && e.recordUrl && /^https?:/.test(e.recordUrl) ? (
            <a href={e.recordUrl} target="_blank" rel="noreferrer">
              {syncLabel(e)}
            </a>
          ) : (
            <span>{syncLabel(e)}</span>
          )}
          {(e.status === 'failed' || e.status === 'retrying') && (
            <button type="button" disabled={busy} onClick={() => void retry(e)}>
              Retry
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
