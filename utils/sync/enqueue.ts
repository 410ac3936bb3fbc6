// Called after a save or edit (by extension pages, and by the background's "Save selection"): queue the lead for every auto-sync target, then wake the drain.
import type { Lead } from '../leads/schema';
import type { LeadDb } from '../leads/store';
import { sendToBackground } from '../messages';
import { enqueueLeads, listTargets } from './outbox';

/**
 * Queues saved leads for the targets with auto-sync on (paused ones too:
 * they wait, nothing is dropped), then wakes the drain when anything was
 * queued. The queue is written here, durably, so a popup closed right after
 * Save loses nothing: the background's alarm drains it anyway. `wake` is a
 * message to the background from a page; the background itself (which
 * cannot message itself) passes its own drain.
 */
export async function queueAutoSync(
  db: LeadDb,
  leads: Array<Pick<Lead, 'id' | 'updatedAt'>>,
  wake: () => Promise<unknown> = () => sendToBackground('ui:sync-now', {}),
): Promise<void> {
  const targets = (await listTargets(db)).filter((t) => t.autoSync).map((t) => t.id);
  if (!(await enqueueLeads(db, leads, targets))) return;
  await wake().catch(() => {});
}
