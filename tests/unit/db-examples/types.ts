// Shape of a frozen example database: its layout and raw records at one version.

/** One object store as it exists on disk at a version. */
export interface StoreLayout {
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  /** Index name → [keyPath, multiEntry, unique]. */
  indexes: Record<string, [string | string[], boolean, boolean]>;
}

/** A database at one version: what a user upgrading from it has on disk. Frozen once released. */
export interface DbExample {
  version: number;
  layout: Record<string, StoreLayout>;
  /**
   * Raw records per store, exactly as the migration to this version leaves
   * example N-1 (derived index fields included); for version 1, as written by it.
   */
  records: Record<string, unknown[]>;
  /**
   * Records added on top of `records` when this example is the starting point
   * of the next step: realistic data for stores a migration created empty.
   */
  extraRecords?: Record<string, unknown[]>;
}
