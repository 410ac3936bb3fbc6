// The one interface every CRM client implements, and what it reports per lead.
import type { Lead } from '../leads/schema';
import type { OutboxEntry, Target, TargetId } from './schema';

/**
 * What became of one lead in one sync call.
 * - `ok`: the CRM holds it as `recordId`.
 * - `retry`: a transient failure (429, 5xx, network); `afterMs` when the CRM said how long to wait.
 * - `auth`: token rejected or scope missing: the target pauses, nothing is dropped.
 * - `failed`: the CRM refused this lead (its own message); not retried until the lead changes.
 * - `gone`: the endpoint is gone for good (webhook 410): the target is disabled.
 */
export type LeadOutcome =
  | { kind: 'ok'; recordId: string; recordUrl?: string; noteHash?: string; syncedEmail?: string; warning?: string }
  | { kind: 'retry'; message: string; afterMs?: number }
  | { kind: 'auth'; message: string }
  | { kind: 'failed'; message: string }
  | { kind: 'gone'; message: string };

/** One lead to sync with its outbox entry (record id, note state, idempotency key). */
export interface SyncItem {
  lead: Lead;
  entry: OutboxEntry;
}

/** Lets a client persist progress (a new record id, a note about to be sent) before its next request. */
export interface SyncContext {
  checkpoint(leadId: string, patch: Partial<Pick<OutboxEntry, 'recordId' | 'recordUrl' | 'noteSending' | 'noteHash'>>): Promise<void>;
}

/** Result of Test connection: the account name, or a clear error. */
export type ConnectionCheck = { ok: true; account: string; details?: Partial<Target> } | { ok: false; message: string };

/** A "this person is already in the CRM" hit. */
export interface LookupHit {
  recordId: string;
  recordUrl?: string;
  name: string;
}

/** One CRM (or the webhook) behind one interface; the drain only knows this. */
export interface CrmClient {
  readonly id: TargetId;
  /** Most leads one `sync` call takes. */
  readonly batchSize: number;
  /** Syncs the leads; resolves with one outcome per lead id (a missing id counts as retry). */
  sync(items: SyncItem[], ctx: SyncContext): Promise<Map<string, LeadOutcome>>;
  testConnection(): Promise<ConnectionCheck>;
  /** Finds a person by email or LinkedIn URL without writing anything. */
  lookup?(query: { email: string; linkedin: string }): Promise<LookupHit | undefined>;
}

/** Injected dependencies of a client: the fetch to use and how to read the secret. */
export interface ClientDeps {
  fetch: typeof fetch;
  getToken: () => Promise<string>;
  target: Target;
  now?: () => number;
}
