// The workspace's filter set (company, capture dates, has email/phone, sync state) as a row predicate over the row index.
import type { OutboxEntry } from '../sync/schema';
import { fold } from './row-index';
import type { LeadRow } from './rows';

/** One lead's sync state over all targets, as the workspace shows and filters it. */
export type LeadSyncState = 'none' | 'pending' | 'synced' | 'failed';

/** Sync states the filter offers (`none`: never queued for any CRM). */
export const SYNC_STATES: readonly LeadSyncState[] = ['none', 'pending', 'synced', 'failed'];

/** A lead's state and, for display, the per-target entries it came from. */
export interface LeadSync {
  state: LeadSyncState;
  entries: OutboxEntry[];
}

/**
 * Each lead's overall sync state from the outbox entries: failed if any
 * target failed, else pending while any target still has to send (pending,
 * sending, retrying), else synced. Leads with no entry are absent (`none`).
 */
export function leadSyncStates(entries: readonly OutboxEntry[]): Map<string, LeadSync> {
  const out = new Map<string, LeadSync>();
  const rank: Record<LeadSyncState, number> = { none: 0, synced: 1, pending: 2, failed: 3 };
  for (const e of entries) {
    const state: LeadSyncState = e.status === 'failed' ? 'failed' : e.status === 'synced' ? 'synced' : 'pending';
    const cur = out.get(e.leadId);
    if (!cur) out.set(e.leadId, { state, entries: [e] });
    else {
      cur.entries.push(e);
      if (rank[state] > rank[cur.state]) cur.state = state;
    }
  }
  return out;
}

/** The workspace's filters besides free text and tag (the tag goes through the multiEntry index). */
export interface WorkspaceFilter {
  /** Company contains this text (case and accents ignored). */
  company?: string;
  /** Captured on or after this day (`YYYY-MM-DD`, UTC). */
  from?: string;
  /** Captured on or before this day (`YYYY-MM-DD`, UTC), the whole day included. */
  to?: string;
  hasEmail?: boolean;
  hasPhone?: boolean;
  /** Only leads in this sync state; `syncStates` supplies the states. */
  sync?: LeadSyncState;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A predicate for {@link queryPositions}' `where`, or undefined when no filter
 * is set (so the unfiltered list stays the memoised order, no copy). Bad
 * dates are ignored rather than hiding everything.
 */
export function workspacePredicate(f: WorkspaceFilter, syncStates?: ReadonlyMap<string, LeadSync>): ((r: LeadRow) => boolean) | undefined {
  const company = fold((f.company ?? '').trim());
  // ISO timestamps compare as strings: a day's start, and the start of the day after `to`.
  const from = f.from && DAY.test(f.from) ? `${f.from}T00:00:00.000Z` : '';
  const to = f.to && DAY.test(f.to) ? `${f.to}T23:59:59.999Z` : '';
  const { hasEmail, hasPhone, sync } = f;
  if (!company && !from && !to && !hasEmail && !hasPhone && !sync) return undefined;
  return (r) => {
    if (hasEmail && !r.email) return false;
    if (hasPhone && !r.phone) return false;
    if (from && r.capturedAt < from) return false;
    if (to && r.capturedAt > to) return false;
    if (company && !fold(r.company).includes(company)) return false;
    if (sync && (syncStates?.get(r.id)?.state ?? 'none') !== sync) return false;
    return true;
  };
}

/** How many filters are set, for a "3 filters" summary and a Clear button. */
export function activeFilterCount(f: WorkspaceFilter & { tag?: string; query?: string }): number {
  return [f.query?.trim(), f.tag, f.company?.trim(), f.from, f.to, f.hasEmail, f.hasPhone, f.sync].filter(Boolean).length;
}
