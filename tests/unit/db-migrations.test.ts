// Migration harness: every past DB version, with realistic data, upgraded step by step and at once; nothing lost.
import { openDB, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, findDuplicate, getLead, listLeads, MIGRATIONS, openLeadDb, runMigrations, type LeadDb } from '@/utils/leads/store';
import { identityKeys } from '@/utils/leads/merge';
import { LeadSchema } from '@/utils/leads/schema';
import type { DbExample, StoreLayout } from './db-examples/types';

const modules = import.meta.glob<{ default: DbExample }>('./db-examples/v*.ts', { eager: true });
const examples = new Map<number, DbExample>();
for (const [path, mod] of Object.entries(modules)) {
  const n = Number(/v(\d+)\.ts$/.exec(path)![1]);
  examples.set(n, mod.default);
}
const example = (v: number): DbExample => {
  const e = examples.get(v);
  if (!e) throw new Error(`no frozen example for DB version ${v}: add tests/unit/db-examples/v${String(v).padStart(3, '0')}.ts`);
  return e;
};
const pastVersions = Array.from({ length: DB_VERSION }, (_, i) => i + 1);

let n = 0;
const freshName = () => `migration-db-${++n}`;

/** Creates a database at `version` with the real migration steps, filled with the example's records. */
async function createAt(name: string, ex: DbExample): Promise<void> {
  const db = await openDB(name, ex.version, {
    upgrade(d, old, _new, tx) {
      runMigrations(d as unknown as LeadDb, tx as never, old, ex.version);
    },
  });
  const all = { ...ex.records };
  for (const [store, extra] of Object.entries(ex.extraRecords ?? {})) all[store] = [...(all[store] ?? []), ...extra];
  const stores = Object.keys(all).filter((s) => all[s]!.length);
  if (stores.length) {
    const tx = db.transaction(stores, 'readwrite');
    for (const s of stores) for (const r of all[s]!) await tx.objectStore(s).put(r as never);
    await tx.done;
  }
  db.close();
}

/** Opens an existing database at `version` (running the steps in between). */
function upgradeTo(name: string, version: number) {
  return openDB(name, version, {
    upgrade(d, old, _new, tx) {
      runMigrations(d as unknown as LeadDb, tx as never, old, version);
    },
  });
}

/** Everything on disk: layout and raw records of every store. */
async function dump(db: IDBPDatabase<unknown>): Promise<Pick<DbExample, 'layout' | 'records'>> {
  const layout: Record<string, StoreLayout> = {};
  const records: Record<string, unknown[]> = {};
  for (const name of [...db.objectStoreNames]) {
    const tx = db.transaction(name);
    const store = tx.objectStore(name);
    const indexes: StoreLayout['indexes'] = {};
    for (const i of [...store.indexNames]) {
      const idx = store.index(i);
      indexes[i] = [idx.keyPath as string | string[], idx.multiEntry, idx.unique];
    }
    layout[name] = { keyPath: store.keyPath as string | string[] | null, autoIncrement: store.autoIncrement, indexes };
    records[name] = await store.getAll();
    await tx.done;
  }
  return { layout, records };
}

describe('DB migration harness', () => {
  it('has one migration step and one frozen example for every version', () => {
    expect(MIGRATIONS).toHaveLength(DB_VERSION);
    for (const v of pastVersions) expect(example(v).version).toBe(v);
    // An example for a version that does not exist yet means a step is missing.
    expect(Math.max(...examples.keys())).toBe(DB_VERSION);
  });

  it('creates version 1 from nothing with the layout of its example', async () => {
    const name = freshName();
    const db = await upgradeTo(name, 1);
    expect((await dump(db)).layout).toEqual(example(1).layout);
    db.close();
  });

  it.each(pastVersions.filter((v) => v < DB_VERSION))('upgrades version %i by one step to exactly the next example', async (v) => {
    const name = freshName();
    await createAt(name, example(v));
    const db = await upgradeTo(name, v + 1);
    const next = example(v + 1);
    expect(await dump(db)).toEqual({ layout: next.layout, records: next.records });
    db.close();
  });

  it.each(pastVersions)('upgrades version %i to the current version losing no lead', async (v) => {
    const ex = example(v);
    // Upgrading straight to the current version must equal going one version at a time.
    const stepwise = freshName();
    await createAt(stepwise, ex);
    for (let to = v + 1; to <= DB_VERSION; to++) (await upgradeTo(stepwise, to)).close();
    const expected = await dump(await upgradeTo(stepwise, DB_VERSION));

    const name = freshName();
    await createAt(name, ex);
    const db = await openLeadDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await dump(db as never)).toEqual(expected);
    expect((await dump(db as never)).layout).toEqual(example(DB_VERSION).layout);

    const raw = [...(ex.records.leads ?? []), ...(ex.extraRecords?.leads ?? [])] as Array<{ id: string }>;
    const leads = await listLeads(db);
    expect(leads.map((l) => l.id).sort()).toEqual(raw.map((r) => r.id).sort());
    for (const lead of leads) {
      expect(LeadSchema.safeParse(lead).success).toBe(true);
      expect(await getLead(db, lead.id)).toEqual(lead);
      const keys = identityKeys(lead);
      // Every lead is still found through its identity indexes.
      if (keys.emails.length || keys.profiles.length) {
        expect((await findDuplicate(db, { ...lead, id: 'someone-else' }))?.id).toBe(lead.id);
      }
    }
    db.close();
  });
});
