import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProspectSchema } from '@/utils/leads/schema';
import { listLeads, openLeadDb, type LeadDb } from '@/utils/leads/store';
import { saveSelection } from '@/utils/reach/save-selection';
import { allEntries, putTarget } from '@/utils/sync/outbox';
import type { Target } from '@/utils/sync/schema';

const hubspot: Target = { id: 'hubspot', autoSync: true, paused: '', account: '', baseUrl: 'https://api.hubapi.com', url: '', recordUrlBase: '', companies: false, connectedAt: '2026-11-27T10:00:00.000Z' };
const prospect = ProspectSchema.parse({ name: 'José Núñez', emails: ['jose@acme-widgets.example'], sourceUrl: 'https://acme-widgets.example/team' });

describe('"Save selection as a lead" in the background', () => {
  let db: LeadDb;
  let n = 0;
  beforeEach(async () => {
    db = await openLeadDb(`reach-save-${++n}`);
  });
  afterEach(() => db.close());

  /** A syncNow that records, at each call, what the outbox held then. */
  const recorder = () => {
    const seen: Array<Promise<Array<{ leadId: string; target: string; status: string }>>> = [];
    return { syncNow: () => void seen.push(allEntries(db)), seen };
  };

  it('starts the sync right after the save when a CRM with auto-sync is connected, the lead already queued', async () => {
    await putTarget(db, hubspot);
    const { syncNow, seen } = recorder();
    const saved = await saveSelection(db, prospect, syncNow);
    expect(saved).toMatchObject({ status: 'created', name: 'José Núñez' });
    expect(seen).toHaveLength(1);
    expect(await seen[0]).toEqual([expect.objectContaining({ leadId: saved.leadId, target: 'hubspot', status: 'pending' })]);
  });

  it('saves without waking the sync when no CRM is connected, or auto-sync is off', async () => {
    const { syncNow, seen } = recorder();
    await saveSelection(db, prospect, syncNow);
    expect(seen).toHaveLength(0);
    await putTarget(db, { ...hubspot, autoSync: false });
    await saveSelection(db, ProspectSchema.parse({ name: 'Ada Byron', emails: ['ada@acme-widgets.example'] }), syncNow);
    expect(seen).toHaveLength(0);
    expect(await allEntries(db)).toEqual([]);
    expect((await listLeads(db)).map((l) => l.name).sort()).toEqual(['Ada Byron', 'José Núñez']);
  });

  it('keeps the save when the sync cannot start', async () => {
    await putTarget(db, hubspot);
    const saved = await saveSelection(db, prospect, () => {
      throw new Error('worker busy');
    });
    expect(saved.status).toBe('created');
    expect(await allEntries(db)).toHaveLength(1);
  });
});
