// Storage failures (quota, disk, newer DB version, closed connection) as errors that tell the user what to do.

/** What went wrong in the lead storage, for code that reacts (reconnect, show a reload button). */
export type StorageErrorKind = 'quota' | 'disk' | 'version' | 'closed' | 'blocked' | 'other';

/** Error with a message fit to show the user: what happened and what to do. */
export class LeadStoreError extends Error {
  override name = 'LeadStoreError';
  constructor(
    message: string,
    readonly kind: StorageErrorKind = 'other',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** User-facing messages, one per kind. */
export const STORAGE_MESSAGES: Record<Exclude<StorageErrorKind, 'other'>, string> = {
  quota: 'Your browser has no room left to store leads. Nothing was saved: export and delete some leads, or free disk space, then try again.',
  disk: 'The browser could not write your leads to disk (the disk may be full or failing). Nothing was saved: free some disk space, then try again.',
  version:
    'Your saved leads were stored by a newer version of Prospect Scout than this page runs. Nothing was changed: reload this page; if this message stays, update Prospect Scout (or reinstall the newer version) to open them.',
  closed: 'The connection to your saved leads was closed, probably because Prospect Scout was updated in another window. Reload this page; nothing was lost.',
  blocked: 'Another Prospect Scout window is still using the old version of your saved leads. Close the other Prospect Scout windows and tabs, then reload this one.',
};

/** The kind of a storage failure, from a DOMException's name or an idb message. */
export function storageErrorKind(e: unknown): StorageErrorKind {
  if (e instanceof LeadStoreError) return e.kind;
  const name = (e as { name?: string } | undefined)?.name ?? '';
  const message = String((e as { message?: string } | undefined)?.message ?? '');
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return 'quota';
  if (name === 'VersionError') return 'version';
  if (name === 'InvalidStateError' || /connection is clos|database is closed|closing/i.test(message)) return 'closed';
  if (name === 'UnknownError' || name === 'NotReadableError' || /disk|I\/O|IO error/i.test(message)) return 'disk';
  return 'other';
}

/**
 * Turns a storage failure into a {@link LeadStoreError} that says what to
 * do; anything else (a validation error, a bug) is passed on unchanged so
 * its own message is not hidden.
 */
export function storageError(e: unknown): Error {
  if (e instanceof LeadStoreError) return e;
  const kind = storageErrorKind(e);
  if (kind !== 'other') return new LeadStoreError(STORAGE_MESSAGES[kind], kind, { cause: e });
  return e instanceof Error ? e : new LeadStoreError(String(e));
}
