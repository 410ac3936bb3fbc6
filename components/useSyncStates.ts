// The workspace's per-lead CRM sync states: read from the outbox's index keys, again whenever sync records change.
import { useEffect, useState } from 'react';
import { sameSyncStates, type LeadSync } from '@/utils/leads/query';
import type { LeadDb } from '@/utils/leads/store';
import { refreshOnSyncChanges } from '@/utils/sync/changes';
import { listTargets, readLeadSyncStates } from '@/utils/sync/outbox';

/**
 * Fallback re-read while visible. Every outbox and target write announces
 * itself (utils/sync/changes.ts); a notice is lost only if a worker dies
 * between its commit and its announcement, so this can be slow.
 */
const FALLBACK_REFRESH_MS = 60_000;
/** Notices within this time make one read: a drain of 50,000 leads writes per batch, the table needs no more than a state a second. */
const SETTLE_MS = 1000;

/** Sync states of the leads, and whether any CRM is connected (the Sync filter and action show only then). */
export interface SyncStates {
  crm: boolean;
  states: ReadonlyMap<string, LeadSync>;
}

const NONE: SyncStates = { crm: false, states: new Map() };

/**
 * Reads the targets once the store is open and the states once `ready`
 * (the workspace passes "all rows loaded": the browser runs one database's
 * requests in turn, so an outbox read at open delays the first rows; with
 * 50,000 entries the table came up 760 ms after opening instead of 180 ms).
 * Then both again on each sync change notice (not on a timer: 100,000 entries re-read every few
 * seconds was the cost this replaces). A hidden tab defers the re-read until
 * it is visible again. Reads never overlap: a notice during a read asks for
 * one more read after it. A re-read that changed nothing keeps the same map.
 */
export function useSyncStates(db: LeadDb | undefined, ready = true): SyncStates {
  const [value, setValue] = useState<SyncStates>(NONE);
  useEffect(() => {
    if (!db) return;
    let alive = true;
    let reading = false;
    let again = false;
    const read = async () => {
      if (reading) return void (again = true);
      reading = true;
      try {
        do {
          again = false;
          performance.mark('ps:workspace-sync-read');
          const crm = (await listTargets(db)).length > 0;
          if (!ready) {
            if (alive) setValue((prev) => (prev.crm === crm ? prev : { crm, states: NONE.states }));
            continue;
          }
          const states = crm ? await readLeadSyncStates(db) : NONE.states;
          if (!alive) return;
          setValue((prev) => (prev.crm === crm && sameSyncStates(prev.states, states) ? prev : { crm, states }));
          // Read by `npm run bench` (the read's duration, and the longest task within it).
          performance.measure('ps:workspace-sync-states', 'ps:workspace-sync-read');
        } while (again && alive);
      } catch {
        // A failed read keeps the states shown; the next notice reads again.
      } finally {
        reading = false;
      }
    };
    void read();
    const stop = refreshOnSyncChanges(() => void read(), { fallbackMs: FALLBACK_REFRESH_MS, settleMs: SETTLE_MS });
    return () => {
      alive = false;
      stop();
    };
  }, [db, ready]);
  return value;
}
