// Drains the outbox: bounded batches per target, progress persisted before every request.
import { getLead, type LeadDb } from '../leads/store';
import { redact } from './http';
import { dueEntries, getSecret, listTargets, logEvents, nextDueAt, putTarget, sendingEntry, settledEntry, updateEntries } from './outbox';
import type { OutboxEntry, SyncEvent, Target, TargetId } from './schema';
import type { CrmClient, LeadOutcome, SyncItem } from './types';

/** What a drain needs from its surroundings (the background passes the real ones, tests fakes). */
export interface DrainDeps {
  db: LeadDb;
  /** The client for a target, or undefined when its secret is missing. */
  clientFor(target: Target, token: string): CrmClient;
  /** Whether the target's host permission is still granted. */
  hasPermission(target: Target): Promise<boolean>;
  now(): number;
  /** Batches sent per drain call before yielding (bounds one run). */
  maxBatches?: number;
}

/** Summary of one drain run. */
export interface DrainReport {
  batches: number;
  synced: number;
  failed: number;
  retrying: number;
  /** When the next entry is due (epoch ms), if any. */
  nextDueAt?: number;
}

/**
 * Sends due entries, one batch per target at a time, until nothing is due or
 * `maxBatches` is reached. Before each batch its entries are marked
 * `sending` (attempt counted, leased), so a worker killed mid-request leaves
 * a record that the next start resumes; outcomes are written right after.
 */
export async function drain(deps: DrainDeps): Promise<DrainReport> {
  const { db } = deps;
  const report: DrainReport = { batches: 0, synced: 0, failed: 0, retrying: 0 };
  const maxBatches = deps.maxBatches ?? 50;
  let active: Target[] = [];
  while (report.batches < maxBatches) {
    active = (await listTargets(db)).filter((t) => !t.paused);
    let worked = false;
    for (const target of active) {
      if (report.batches >= maxBatches) break;
      const token = await getSecret(db, target.id);
      if (!token) {
        await pause(db, target, 'reconnect needed: the token is missing');
        continue;
      }
      if (!(await deps.hasPermission(target))) {
        await pause(db, target, 'host permission refused or removed: reconnect to grant it');
        continue;
      }
      const client = deps.clientFor(target, token);
      const due = await dueEntries(db, target.id, deps.now(), client.batchSize);
      if (!due.length) continue;
      worked = true;
      report.batches++;
      await sendBatch(deps, target, client, due, token, report);
    }
    if (!worked) break;
  }
  report.nextDueAt = await nextDueAt(db, (await listTargets(db)).filter((t) => !t.paused).map((t) => t.id));
  return report;
}

async function pause(db: LeadDb, target: Target, message: string) {
  await putTarget(db, { ...target, paused: message });
  await logEvents(db, [{ at: new Date().toISOString(), target: target.id, leadId: '', kind: 'paused', message }]);
}

async function sendBatch(deps: DrainDeps, target: Target, client: CrmClient, due: OutboxEntry[], token: string, report: DrainReport) {
  const { db } = deps;
  const key = (leadId: string): [string, TargetId] => [leadId, target.id];
  const items: SyncItem[] = [];
  const gone: string[] = [];
  for (const e of due) {
    const lead = await getLead(db, e.leadId);
    if (lead) items.push({ lead, entry: e });
    else gone.push(e.leadId);
  }
  // A deleted lead has nothing left to send.
  if (gone.length) await updateEntries(db, gone.map(key), () => undefined);
  if (!items.length) return;
  const versions = new Map(items.map((i) => [i.lead.id, i.lead.updatedAt]));
  const marked = await updateEntries(db, items.map((i) => key(i.lead.id)), (e) => ({ ...sendingEntry(e, deps.now()), leadVersion: versions.get(e.leadId)! }));
  const byId = new Map(marked.map((e) => [e.leadId, e]));
  const sending = items.filter((i) => byId.has(i.lead.id)).map((i) => ({ lead: i.lead, entry: byId.get(i.lead.id)! }));

  let outcomes: Map<string, LeadOutcome>;
  try {
    outcomes = await client.sync(sending, {
      checkpoint: async (leadId, patch) => {
        await updateEntries(db, [key(leadId)], (e) => ({ ...e, ...patch, noteSending: patch.noteSending === '' ? undefined : (patch.noteSending ?? e.noteSending) }));
      },
    });
  } catch (e) {
    const message = `unexpected error: ${(e as Error)?.message ?? e}`;
    outcomes = new Map(sending.map((i) => [i.lead.id, { kind: 'retry', message }]));
  }
  const now = deps.now();
  const events: Array<Omit<SyncEvent, 'id'>> = [];
  let pausedBy: string | undefined;
  await updateEntries(db, sending.map((i) => key(i.lead.id)), (e) => {
    const o = outcomes.get(e.leadId) ?? { kind: 'retry', message: 'no answer for this lead' };
    const safe = 'message' in o ? { ...o, message: redact(o.message, [token]) } : o;
    if (safe.kind === 'auth' || safe.kind === 'gone') pausedBy ??= safe.message;
    const next = settledEntry(e, safe, versions.get(e.leadId)!, now);
    const at = new Date(now).toISOString();
    if (safe.kind === 'ok') {
      report.synced++;
      events.push({ at, target: target.id, leadId: e.leadId, kind: 'synced', message: safe.warning ?? (safe.recordId ? `record ${safe.recordId}` : '') });
    } else if (safe.kind === 'failed') {
      report.failed++;
      events.push({ at, target: target.id, leadId: e.leadId, kind: 'failed', message: safe.message });
    } else if (safe.kind === 'retry') {
      report.retrying++;
      events.push({ at, target: target.id, leadId: e.leadId, kind: 'retrying', message: `${safe.message}; next try ${new Date(next.dueAt ?? now).toISOString()}` });
    }
    return next;
  });
  await logEvents(db, events);
  if (pausedBy) await pause(db, target, pausedBy);
}
