// Browser-side helper for e2e specs, bundled and evaluated in an extension page: saves and reads leads through the store's own API.
import '../../scripts/bench/jitless';
import { prospectToLead, ProspectSchema, type ProspectInput } from '../../utils/leads/schema';
import { listLeads, openLeadDb, saveLead } from '../../utils/leads/store';

const api = {
  /** Saves prospects as new leads (merging as a capture would); returns their ids. */
  async save(prospects: ProspectInput[]): Promise<string[]> {
    const db = await openLeadDb();
    const ids: string[] = [];
    for (const p of prospects) ids.push((await saveLead(db, prospectToLead(ProspectSchema.parse(p)))).lead.id);
    db.close();
    return ids;
  },
  /** Every saved lead (small test stores only). */
  async list() {
    const db = await openLeadDb();
    const leads = await listLeads(db);
    db.close();
    return leads;
  },
};
(globalThis as unknown as { __store: typeof api }).__store = api;
