// The workspace's filter set (company, capture dates, has email/phone, sync state) as a row predicate over the row index.
import type { EntryStatus, TargetId } from '../sync/schema';
import { fold } from './row-index';
import type { LeadRow } from './rows';

/** One lead's sync state over all targets, as the workspace shows and filters it. */
export type LeadSyncState = 'none' | 'pending' | 'synced' | 'failed';

/** Sync states the filter offers (`none`: never queued for any CRM). */
export const SYNC_STATES: readonly LeadSyncState[] = ['none', 'pending', 'synced', 'failed'];

/**
 * A lead's state and, for display, the targets it has an outbox entry for
 * (in the order of the target ids). No entry is kept: the states are built
 * from the outbox's index keys alone. Values are shared and frozen (one per
 * state and set of targets), so 50,000 leads cost 50,000 map slots, not
 * 50,000 objects.
 */
export interface LeadSync {
  readonly state: LeadSyncState;
  readonly targets: readonly TargetId[];
}

/** One outbox entry reduced to what the states need: an entry, or its index key and primary key. */
export interface SyncTriple {
  leadId: string;
  target: TargetId;
  status: EntryStatus;
}

const RANKED: readonly LeadSyncState[] = ['none', 'synced', 'pending', 'failed'];
const TARGET_BIT: Record<TargetId, number> = { hubspot: 1, pipedrive: 2, salesforce: 4, webhook: 8 };
const TARGET_ORDER = Object.keys(TARGET_BIT) as TargetId[];

/** Every possible value, by rank and target bit set: immutable, built once. */
const SHARED: ReadonlyArray<ReadonlyArray<LeadSync>> = RANKED.map((state) =>
  Array.from({ length: 16 }, (_, mask) => Object.freeze({ state, targets: Object.freeze(TARGET_ORDER.filter((t) => mask & TARGET_BIT[t])) })),
);
const RANK = new Map(RANKED.map((s, i) => [s, i]));
const maskOf = (targets: readonly TargetId[]) => targets.reduce((m, t) => m | TARGET_BIT[t], 0);

/** What one entry's status counts as: failed, synced, or pending while it still has to send (pending, sending, retrying). */
export function syncStateOf(status: EntryStatus): LeadSyncState {
  return status === 'failed' ? 'failed' : status === 'synced' ? 'synced' : 'pending';
}

/**
 * Folds one (lead, target, status) into `states`, in place: the lead's state
 * is the highest ranked of its targets' (failed > pending > synced), its
 * targets are listed in target order whatever order the triples come in, each once.
 */
export function addLeadSync(states: Map<string, LeadSync>, leadId: string, target: TargetId, status: EntryStatus): void {
  const cur = states.get(leadId);
  const rank = Math.max(RANK.get(syncStateOf(status))!, cur ? RANK.get(cur.state)! : 0);
  states.set(leadId, SHARED[rank]![(cur ? maskOf(cur.targets) : 0) | TARGET_BIT[target]]!);
}

/**
 * Each lead's overall sync state from (lead, target, status) triples, e.g.
 * outbox entries: failed if any target failed, else pending while any
 * target still has to send, else synced. Leads with no triple are absent (`none`).
 */
export function leadSyncStates(triples: Iterable<SyncTriple>): Map<string, LeadSync> {
  const out = new Map<string, LeadSync>();
  for (const t of triples) addLeadSync(out, t.leadId, t.target, t.status);
  return out;
}

const sameSync = (x: LeadSync, y: LeadSync | undefined) => x === y || (!!y && y.state === x.state && y.targets.length === x.targets.length && y.targets.every((t, i) => t === x.targets[i]));

/** Whether two states maps say the same for every lead (a re-read that changed nothing keeps the old map, so nothing re-renders or re-filters). */
export function sameSyncStates(a: ReadonlyMap<string, LeadSync>, b: ReadonlyMap<string, LeadSync>): boolean {
  if (a.size !== b.size) return false;
  for (const [leadId, x] of a) if (!sameSync(x, b.get(leadId))) return false;
  return true;
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
