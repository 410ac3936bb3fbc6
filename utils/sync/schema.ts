// The zod schemas of CRM sync records: targets, secrets, outbox entries and log events.
import { z } from 'zod';

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
  autoSync: z.boolean().default(true),
  paused: z.string().max(500).default(''),
  /** Account or endpoint name shown in the UI (from Test connection). */
  account: z.string().max(300).default(''),
  /** Where API requests go; the production build only ever uses the vendor's own host. */
  baseUrl: z.string().max(2048),
  /** Webhook only: the endpoint URL. */
  url: z.string().max(2048).default(''),
  /** Prefix of a record's page in the CRM's web app; the record id is appended. */
  recordUrlBase: z.string().max(2048).default(''),
  /** HubSpot: create/associate Company records. */
  companies: z.boolean().default(true),
  /** Salesforce: the REST API (OAuth), or Web-to-Lead (org id only, for editions without API access). */
  mode: z.enum(['api', 'web-to-lead']).optional(),
  /** Salesforce: where OAuth runs (login/test.salesforce.com or the My Domain) and the Connected App's consumer key (public). */
  loginUrl: z.string().max(2048).optional(),
  clientId: z.string().max(300).optional(),
  connectedAt: z.iso.datetime(),
});
export type Target = z.infer<typeof TargetSchema>;

/** A target's secret (API token, signing secret). Kept in the extension's IndexedDB, read only by the background. */
export const SecretSchema = z.object({
  target: TargetIdSchema,
  token: z.string().min(1).max(4096),
  /** Salesforce: the OAuth refresh token (the access token is `token`). */
  refreshToken: z.string().min(1).max(4096).optional(),
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
  leadId: z.string().min(1),
  target: TargetIdSchema,
  status: EntryStatusSchema,
  attempts: z.number().int().min(0),
  /** Epoch ms when the entry may be sent; absent when nothing is to be done. */
  dueAt: z.number().optional(),
  lastError: z.string().max(2000).default(''),
  /** Stable across retries of one change (the webhook-id; HubSpot trace). */
  idempotencyKey: z.string().min(1),
  /** `updatedAt` of the lead version queued; a newer edit during a send re-queues the entry. */
  leadVersion: z.string(),
  /** The CRM's record id after the first success: later syncs update by id. */
  recordId: z.string().optional(),
  recordUrl: z.string().optional(),
  /** Primary email the record was last written with: a changed email updates by id instead of upserting. */
  syncedEmail: z.string().optional(),
  syncedAt: z.string().optional(),
  /** Hash of the last note content sent, so a note is added only when it changed. */
  noteHash: z.string().optional(),
  /** Note content hash whose send started; set before the request so a crash never sends it twice. */
  noteSending: z.string().optional(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

/** One line of the sync log shown on the options page. */
export const SyncEventSchema = z.object({
  id: z.number().int().optional(),
  at: z.iso.datetime(),
  target: TargetIdSchema,
  leadId: z.string().default(''),
  kind: z.enum(['synced', 'retrying', 'failed', 'paused', 'connected', 'disconnected', 'info']),
  message: z.string().max(2000).default(''),
});
export type SyncEvent = z.infer<typeof SyncEventSchema>;
