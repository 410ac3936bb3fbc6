// Browser-side seeder, bundled with esbuild and evaluated in an extension page: fills the store through its own API.
import './jitless';
import { openLeadDb, restoreLeads } from '../../utils/leads/store';
import { seedLeads } from './seed-leads';
import type { Lead } from '../../utils/leads/schema';
import { putTarget } from '../../utils/sync/outbox';
import { OutboxEntrySchema, type OutboxEntry, type Target } from '../../utils/sync/schema';

/** Writes leads 0 … count-1 through the store, in transactions of 5,000. */
async function seed(count: number): Promise<number> {
  const db = await openLeadDb();
  for (let from = 0; from < count; from += 5000) await restoreLeads(db, seedLeads(from, Math.min(5000, count - from)));
  const n = await db.count('leads');
  db.close();
  return n;
}
/** Writes the given leads (plain objects, validated by the store) exactly as they are: for e2e cases needing specific leads. */
async function put(leads: Lead[]): Promise<number> {
  const db = await openLeadDb();
  await restoreLeads(db, leads);
  const n = await db.count('leads');
  db.close();
  return n;
}
/** Stores CRM targets and outbox entries as the sync code would have left them (validated by their schemas): for e2e views of sync states. */
async function putSync(targets: Target[], entries: OutboxEntry[]): Promise<void> {
  const db = await openLeadDb();
  for (const t of targets) await putTarget(db, t);
  for (const e of entries) await db.put('syncOutbox', OutboxEntrySchema.parse(e));
  db.close();
}
/**
 * Outbox entries for seeded leads 0 … count-1 as a long-used CRM leaves them:
 * one HubSpot entry each, synced, except every 500th failed and every 1,000th
 * (offset) still pending. The target is paused so the worker sends nothing.
 */
async function seedOutbox(count: number): Promise<number> {
  const db = await openLeadDb();
  await putTarget(db, { id: 'hubspot', autoSync: false, paused: 'bench: nothing is sent', account: 'Bench', baseUrl: 'https://api.hubapi.com', url: '', recordUrlBase: '', companies: false, connectedAt: '2026-11-01T00:00:00.000Z' });
  const at = '2026-11-01T00:00:00.000Z';
  for (let from = 0; from < count; from += 5000) {
    const tx = db.transaction('syncOutbox', 'readwrite');
    for (let i = from; i < Math.min(from + 5000, count); i++) {
      const status = i % 500 === 7 ? 'failed' : i % 1000 === 3 ? 'pending' : 'synced';
      const base = { leadId: `seed-${i}`, target: 'hubspot' as const, attempts: 0, idempotencyKey: `bench-${i}`, leadVersion: at };
      void tx.store.put(
        OutboxEntrySchema.parse(status === 'synced'
          ? { ...base, status, lastError: '', recordId: `${100000 + i}`, recordUrl: `https://app.hubspot.com/contacts/1/record/0-1/${100000 + i}`, syncedEmail: `lead${i}@bench.example`, syncedAt: at }
          : status === 'failed'
            ? { ...base, status, lastError: '400: Property values were not valid' }
            : { ...base, status, dueAt: Date.parse(at), lastError: '' }),
      );
    }
    await tx.done;
  }
  const n = await db.count('syncOutbox');
  db.close();
  return n;
}
(globalThis as unknown as { __seedOutbox: typeof seedOutbox }).__seedOutbox = seedOutbox;
(globalThis as unknown as { __seedLeads: typeof seed; __putLeads: typeof put; __putSync: typeof putSync }).__seedLeads = seed;
(globalThis as unknown as { __putSync: typeof putSync }).__putSync = putSync;
(globalThis as unknown as { __putLeads: typeof put }).__putLeads = put;
