// Called by extension pages after a save or edit: queue the lead for every auto-sync target, then wake the background.
import type { Lead } from '../leads/schema';
import type { LeadDb } from '../leads/store';
import { sendToBackground } from '../messages';
import { enqueueLeads, listTargets } from './outbox';

/**
 * Queues saved leads for the targets with auto-sync on (paused ones too:
 * they wait, nothing is dropped), then asks the background to drain. The
 * queue is written here, durably, so a popup closed right after Save loses
 * nothing: the background's alarm drains it anyway.
 */
export async function queueAutoSync(db: LeadDb, leads: Array<Pick<Lead, 'id' | 'updatedAt'>>): Promise<void> {
  const targets = (await listTargets(db)).filter((t) => t.autoSync).map((t) => t.id);
  if (!(await enqueueLeads(db, leads, targets))) return;
  await sendToBackground('ui:sync-now', {}).catch(() => {});
}
