import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, getLead, listLeads, listTags, openLeadDb } from '@/utils/leads/store';
import { allEntries, enqueueLeads } from '@/utils/sync/outbox';
import { makeLead } from './helpers';

describe('DB migration v1 → current (CRM sync stores)', () => {
  it('keeps every v1 lead and index, and adds the sync stores', async () => {
    const name = 'migrate-v1';
    const leads = [
      makeLead({ name: 'Ada Lovelace', emails: ['ada@x.example'], tags: ['conf'], note: 'met <b>her</b>' }),
      makeLead({ name: 'Grace Hopper', profiles: { linkedin: 'https://www.linkedin.com/in/grace' }, tags: ['navy', 'conf'] }),
      makeLead({ name: 'Zoë 山田', phones: ['+442079460958'] }),
    ];
    // A database exactly as version 1 wrote it (the leads store with its derived keys and indexes).
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        const s = db.createObjectStore('leads', { keyPath: 'id' });
        s.createIndex('by-email', 'emailKeys', { multiEntry: true });
        s.createIndex('by-profile', 'profileKeys', { multiEntry: true });
        s.createIndex('by-tag', 'tags', { multiEntry: true });
        s.createIndex('by-updated', 'updatedAt');
      },
    });
    for (const l of leads) await v1.put('leads', { ...l, emailKeys: l.emails.map((e) => e.toLowerCase()), profileKeys: l.profiles.linkedin ? ['linkedin.com/in/grace'] : [] });
    v1.close();

    const db = await openLeadDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);
    expect((await listLeads(db)).map((l) => l.id).sort()).toEqual(leads.map((l) => l.id).sort());
    expect(await getLead(db, leads[0]!.id)).toEqual(leads[0]);
    expect(await listTags(db)).toEqual(['conf', 'navy']);
    expect([...db.objectStoreNames].sort()).toEqual(['leads', 'syncLog', 'syncOutbox', 'syncSecrets', 'syncTargets']);
    expect([...db.transaction('syncOutbox').store.indexNames].sort()).toEqual(['by-due', 'by-lead']);
    await enqueueLeads(db, leads, ['hubspot']);
    expect(await allEntries(db)).toHaveLength(3);
    db.close();
  });

  it('a fresh database is created at the current version with every store', async () => {
    const db = await openLeadDb('migrate-fresh');
    expect([...db.objectStoreNames].sort()).toEqual(['leads', 'syncLog', 'syncOutbox', 'syncSecrets', 'syncTargets']);
    db.close();
  });
});
