import { useEffect, useState } from 'react';
import { CrmPanel } from '@/components/CrmPanel';
import { ExportPanel } from '@/components/ExportPanel';
import { ImportPanel } from '@/components/ImportPanel';
import { SettingsPanel } from '@/components/SettingsPanel';
import { StorageErrorNotice } from '@/components/StorageErrorNotice';
import { connectLeadDb, listTags, type LeadDb } from '@/utils/leads/store';

export function App() {
  const [db, setDb] = useState<LeadDb | Error>();
  const [tags, setTags] = useState<string[]>([]);
  const [total, setTotal] = useState(0);
  // The panels show once the count and tags are in: a count arriving in a drawn sentence would move the text after it.
  const [counted, setCounted] = useState(false);
  const refresh = async (d: LeadDb) => {
    const [count, t] = await Promise.all([d.count('leads'), listTags(d)]);
    setTotal(count);
    setTags(t);
    setCounted(true);
  };
  useEffect(() => {
    // Reconnects when another window upgrades or deletes the database; errors say what to do.
    return connectLeadDb((d) => {
      setDb(d);
      if (!(d instanceof Error)) void refresh(d).catch((e: Error) => setDb(e));
    });
  }, []);
  return (
    <main className="app options">
      <h1>Prospect Scout</h1>
      <p>
        <button type="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/workspace.html') })}>
          Open lead workspace
        </button>
      </p>
      <p className="muted">Your leads are stored only in this browser. Nothing is sent anywhere unless you export it or connect a CRM.</p>
      {db instanceof Error && <StorageErrorNotice error={db} />}
      {db && !(db instanceof Error) && counted && (
        <>
          <ExportPanel db={db} tags={tags} total={total} />
          <ImportPanel db={db} onImported={() => void refresh(db)} />
          <CrmPanel db={db} tags={tags} />
        </>
      )}
      {/* After the panels above it are in, so they do not push it down as they appear. */}
      {(db instanceof Error || counted) && <SettingsPanel />}
    </main>
  );
}
