// "Save selection as a lead" in the background: store the parsed person, queue it for auto-sync, start the sync at once.
import { prospectToLead, type Prospect } from '../leads/schema';
import { saveLead, type LeadDb } from '../leads/store';
import { queueAutoSync } from '../sync/enqueue';

/** What the menu reports about a saved selection. */
export interface SelectionSaved {
  leadId: string;
  status: 'created' | 'updated';
  name: string;
}

/**
 * Saves the person read from a selection. An address a differently named
 * saved person has is never merged without asking, so the selection is kept
 * as its own lead then. When a CRM with auto-sync is connected the lead is
 * queued and `syncNow` (the background's drain) starts right away, instead
 * of waiting up to 30 s for the sync alarm; it is not awaited, so the badge
 * says "saved" without waiting for the CRM.
 */
export async function saveSelection(db: LeadDb, prospect: Prospect, syncNow: () => void): Promise<SelectionSaved> {
  const result = await saveLead(db, prospectToLead(prospect), { onConflict: 'keep-both' });
  await queueAutoSync(db, [result.lead], async () => syncNow()).catch(() => {});
  return { leadId: result.lead.id, status: result.status === 'created' ? 'created' : 'updated', name: result.lead.name };
}
