// The identity keys (ids, personal email keys, profile keys) a lead store holds, kept in memory during a large import so records that match nothing skip their lookups.
import { identityKeys } from './merge';
import type { Lead } from './schema';

/** Every key of one index (or the store's primary keys), read with a key cursor: no record is read. */
function keysOf(source: IDBObjectStore | IDBIndex, into: Set<string>): Promise<void> {
  return new Promise((resolve, reject) => {
    // Plain callbacks rather than a promise per step: a cursor over 50,000 entries stays cheap.
    const request = source.openKeyCursor();
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve();
      into.add(String(cursor.key));
      cursor.continue();
    };
    request.onerror = () => reject(request.error);
  });
}

/**
 * What an import knows is in the store: each id, personal email key and
 * profile key. A record whose keys are all absent cannot match a saved lead
 * (matching goes through exactly these keys), so its lookups are skipped; a
 * record with a key present is looked up as usual. Sure only while nobody
 * else writes: {@link sync} compares the store's count with the one expected
 * after the import's own writes and reads the keys again when another
 * window created or deleted leads meanwhile. (An edit elsewhere that adds an
 * email to a lead during the import goes unseen: at worst a record matching
 * only that new email is saved as a new lead instead of merged.)
 */
export class StoredKeys {
  private ids = new Set<string>();
  private emails = new Set<string>();
  private profiles = new Set<string>();
  /** The store's count after the last sync or write batch; -1 before the first read. */
  private count = -1;
  /** Times the keys were read from the store (0 for an empty store). */
  loads = 0;

  /**
   * Brings the keys up to date inside `store`'s transaction (the `leads`
   * store with its `by-email` and `by-profile` indexes): nothing to do when
   * the count is the one noted last, nothing to read when the store is empty.
   */
  async sync(store: IDBObjectStore): Promise<void> {
    const count = await new Promise<number>((resolve, reject) => {
      const r = store.count();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    if (count === this.count) return;
    this.ids = new Set();
    this.emails = new Set();
    this.profiles = new Set();
    if (count > 0) {
      this.loads++;
      await Promise.all([keysOf(store, this.ids), keysOf(store.index('by-email'), this.emails), keysOf(store.index('by-profile'), this.profiles)]);
    }
    this.count = count;
  }

  /**
   * Notes what this import's own writes did to the store's count (created
   * minus deleted), so the next {@link sync} expects it without a second
   * count: counting walks the whole store.
   */
  noteWrites(created: number, deleted: number): void {
    this.count += created - deleted;
  }

  /** Whether `lead` shares its id, a personal email or a profile URL with a stored lead (as far as known). */
  mayMatch(lead: Pick<Lead, 'id' | 'emails' | 'profiles'>): boolean {
    if (this.ids.has(lead.id)) return true;
    const keys = identityKeys(lead);
    return keys.emails.some((k) => this.emails.has(k)) || keys.profiles.some((k) => this.profiles.has(k));
  }

  /** Records a lead just written. */
  add(lead: Pick<Lead, 'id' | 'emails' | 'profiles'>): void {
    this.ids.add(lead.id);
    const keys = identityKeys(lead);
    for (const k of keys.emails) this.emails.add(k);
    for (const k of keys.profiles) this.profiles.add(k);
  }
}
