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
(globalThis as unknown as { __seedLeads: typeof seed; __putLeads: typeof put; __putSync: typeof putSync }).__seedLeads = seed;
(globalThis as unknown as { __putSync: typeof putSync }).__putSync = putSync;
(globalThis as unknown as { __putLeads: typeof put }).__putLeads = put;
