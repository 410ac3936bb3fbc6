import { useCallback, useEffect, useState } from 'react';
import { CaptureView } from '@/components/CaptureView';
import { SavedLeads } from '@/components/SavedLeads';
import { resolveTargetTabId } from '@/utils/extract/capture';
import type { Lead } from '@/utils/leads/schema';
import { listLeads, listTags, openLeadDb, type LeadDb } from '@/utils/leads/store';

type View = 'capture' | 'saved';

export function App() {
  const [db, setDb] = useState<LeadDb | Error>();
  const [tabId, setTabId] = useState<number | Error>();
  const [view, setView] = useState<View>('capture');
  const [leads, setLeads] = useState<Lead[]>([]);
  const [tags, setTags] = useState<string[]>([]);

  useEffect(() => {
    openLeadDb().then(setDb, (e: Error) => setDb(new Error(`Cannot open lead storage: ${e.message}`)));
    resolveTargetTabId(location.search).then(setTabId, (e: Error) => setTabId(e));
  }, []);
  const refresh = useCallback(async () => {
    if (!db || db instanceof Error) return;
    const [l, t] = await Promise.all([listLeads(db), listTags(db)]);
    setLeads(l);
    setTags(t);
  }, [db]);
  useEffect(() => void refresh(), [refresh]);

  return (
    <div className="app popup">
      <header className="top">
        <h1>Prospect Scout</h1>
        <nav role="tablist">
          <button type="button" role="tab" aria-selected={view === 'capture'} onClick={() => setView('capture')}>
            This page
          </button>
          <button type="button" role="tab" aria-selected={view === 'saved'} onClick={() => setView('saved')}>
            Saved leads ({leads.length})
          </button>
        </nav>
        <button type="button" title="Export and settings" onClick={() => void browser.runtime.openOptionsPage()}>
          ⚙
        </button>
      </header>
      {db instanceof Error && (
        <p className="error" role="alert">
          {db.message}
        </p>
      )}
      {db && !(db instanceof Error) && tabId !== undefined && (
        <>
          <div hidden={view !== 'capture'}>
            <CaptureView db={db} tabId={tabId} knownTags={tags} onSaved={() => void refresh()} />
          </div>
          {view === 'saved' && <SavedLeads db={db} leads={leads} tags={tags} onChanged={() => void refresh()} />}
        </>
      )}
    </div>
  );
}
