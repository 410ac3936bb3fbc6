// Opens the lead database early and without an upgrade, so the browser has it loaded when the real connection asks.

/** Name of the IndexedDB database (in the extension's origin, never a page's); here so the popup's entry can name it without loading the store. */
export const DB_NAME = 'prospect-scout';

/**
 * Starts opening the existing database `name` at its current version (no
 * version given: never an upgrade) while the code that uses it is still
 * loading; the browser then has the database's files open, and the real
 * connection opened moments later is answered sooner. The warm connection:
 * never creates a database (a first open's upgrade is aborted, so the real
 * open still sees version 0 and builds every store); closes itself when
 * another connection needs an upgrade, so it never blocks one; and is
 * closed by the returned function or after `keepMs`. Errors are ignored:
 * the real open reports them.
 */
export function warmOpen(factory: IDBFactory, name: string, keepMs = 5000): () => void {
  let db: IDBDatabase | undefined;
  let done = false;
  const close = () => {
    done = true;
    db?.close();
    db = undefined;
  };
  try {
    const request = factory.open(name);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      db = request.result;
      db.onversionchange = close;
      if (done) close();
    };
    request.onerror = (e) => e.preventDefault();
    request.onblocked = close;
  } catch {
    done = true;
  }
  const timer = setTimeout(close, keepMs);
  return () => {
    clearTimeout(timer);
    close();
  };
}
