import { useCallback, useEffect, useState } from 'react';
import { StorageErrorNotice } from '@/components/StorageErrorNotice';
import { useLeadRows } from '@/components/useLeadRows';
import { Workspace } from '@/components/Workspace';
import { countLeads } from '@/utils/leads/rows';
import type { Lead } from '@/utils/leads/schema';
import { connectLeadDb, listTags, type LeadDb } from '@/utils/leads/store';

export function App() {
  const [db, setDb] = useState<LeadDb | Error>();
  const [total, setTotal] = useState(0);
  const [tags, setTags] = useState<string[]>([]);
  const okDb = db && !(db instanceof Error) ? db : undefined;
  const rows = useLeadRows(okDb, true);
  // Reconnects when another window upgrades or deletes the database; errors say what to do.
  useEffect(() => connectLeadDb(setDb), []);
  const refresh = useCallback(() => {
    if (!okDb) return;
    countLeads(okDb).then(setTotal, () => {});
    listTags(okDb).then(setTags, () => {});
  }, [okDb]);
  // Count and tags walk an index in the database, a long task there at 50,000 leads that would hold up the
  // paged reads of the rows: read once every row is in (the status says "Loading…" until then).
  useEffect(() => {
    if (rows.state.complete) refresh();
  }, [refresh, rows.state.complete]);
  const onChanged = useCallback(
    (leads: Lead[]) => {
      rows.replaced(leads);
      refresh();
    },
    [rows.replaced, refresh],
  );
  const onDeleted = useCallback(
    (ids: string[]) => {
      rows.removed(ids);
      refresh();
    },
    [rows.removed, refresh],
  );
  return (
    <main className="app workspace-page">
      <header className="top">
        <h1>Lead workspace</h1>
        <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
          Export and settings
        </button>
      </header>
      {db instanceof Error && <StorageErrorNotice error={db} />}
      {/* Drawn before the store is open, so rows fill a laid-out table instead of the page appearing in steps. */}
      {!(db instanceof Error) && <Workspace db={okDb} rows={rows.state} total={total} tags={tags} onChanged={onChanged} onDeleted={onDeleted} />}
    </main>
  );
}
