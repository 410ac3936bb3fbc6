// The zod schemas of CRM sync records: targets, secrets, outbox entries and log events.
import { z } from '../zod-mini';

/** The CRMs and endpoints leads can be synced to. */
export const TargetIdSchema = z.enum(['hubspot', 'pipedrive', 'salesforce', 'webhook']);
export type TargetId = z.infer<typeof TargetIdSchema>;

/** Display names of the targets. */
export const TARGET_NAMES: Record<TargetId, string> = { hubspot: 'HubSpot', pipedrive: 'Pipedrive', salesforce: 'Salesforce', webhook: 'Webhook' };

/**
 * A connected target's non-secret settings. `paused` holds why syncing
 * stopped (e.g. the token was rejected): entries wait, none are dropped.
 */
export const TargetSchema = z.object({
  id: TargetIdSchema,
  autoSync: z._default(z.boolean(), true),
  paused: z._default(z.string().check(z.maxLength(500)), ''),
  /** Account or endpoint name shown in the UI (from Test connection). */
  account: z._default(z.string().check(z.maxLength(300)), ''),
  /** Where API requests go; the production build only ever uses the vendor's own host. */
  baseUrl: z.string().check(z.maxLength(2048)),
  /** Webhook only: the endpoint URL. */
  url: z._default(z.string().check(z.maxLength(2048)), ''),
  /** Prefix of a record's page in the CRM's web app; the record id is appended. */
  recordUrlBase: z._default(z.string().check(z.maxLength(2048)), ''),
  /** HubSpot: create/associate Company records. */
  companies: z._default(z.boolean(), true),
  /** Salesforce: the REST API (OAuth), or Web-to-Lead (org id only, for editions without API access). */
  mode: z.optional(z.enum(['api', 'web-to-lead'])),
  /** Salesforce: where OAuth runs (login/test.salesforce.com or the My Domain) and the Connected App's consumer key (public). */
  loginUrl: z.optional(z.string().check(z.maxLength(2048))),
  clientId: z.optional(z.string().check(z.maxLength(300))),
  connectedAt: z.iso.datetime(),
});
export type Target = z.infer<typeof TargetSchema>;

/** A target's secret (API token, signing secret). Kept in the extension's IndexedDB, read only by the background. */
export const SecretSchema = z.object({
  target: TargetIdSchema,
  token: z.string().check(z.minLength(1), z.maxLength(4096)),
  /** Salesforce: the OAuth refresh token (the access token is `token`). */
  refreshToken: z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
});
export type Secret = z.infer<typeof SecretSchema>;

/**
 * Sync state of one lead for one target. `pending`/`retrying` entries carry
 * `dueAt` (the only ones in the by-due index); `sending` marks a request in
 * flight, written before it leaves so a killed worker can resume it.
 */
export const EntryStatusSchema = z.enum(['pending', 'sending', 'retrying', 'synced', 'failed']);
export type EntryStatus = z.infer<typeof EntryStatusSchema>;

export const OutboxEntrySchema = z.object({
  leadId: z.string().check(z.minLength(1)),
  target: TargetIdSchema,
  status: EntryStatusSchema,
  attempts: z.number().check(z.int(), z.gte(0)),
  /** Epoch ms when the entry may be sent; absent when nothing is to be done. */
  dueAt: z.optional(z.number()),
  lastError: z._default(z.string().check(z.maxLength(2000)), ''),
  /** Stable across retries of one change (the webhook-id; HubSpot trace). */
  idempotencyKey: z.string().check(z.minLength(1)),
  /** `updatedAt` of the lead version queued; a newer edit during a send re-queues the entry. */
  leadVersion: z.string(),
  /** The CRM's record id after the first success: later syncs update by id. */
  recordId: z.optional(z.string()),
  recordUrl: z.optional(z.string()),
  /** Primary email the record was last written with: a changed email updates by id instead of upserting. */
  syncedEmail: z.optional(z.string()),
  syncedAt: z.optional(z.string()),
  /** Hash of the last note content sent, so a note is added only when it changed. */
  noteHash: z.optional(z.string()),
  /** Note content hash whose send started; set before the request so a crash never sends it twice. */
  noteSending: z.optional(z.string()),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

/** One line of the sync log shown on the options page. */
export const SyncEventSchema = z.object({
  id: z.optional(z.number().check(z.int())),
  at: z.iso.datetime(),
  target: TargetIdSchema,
  leadId: z._default(z.string(), ''),
  kind: z.enum(['synced', 'retrying', 'failed', 'paused', 'connected', 'disconnected', 'info']),
  message: z._default(z.string().check(z.maxLength(2000)), ''),
});
export type SyncEvent = z.infer<typeof SyncEventSchema>;
