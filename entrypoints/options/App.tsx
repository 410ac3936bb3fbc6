import { useEffect, useState } from 'react';
import { CrmPanel } from '@/components/CrmPanel';
import { ExportPanel } from '@/components/ExportPanel';
import { ImportPanel } from '@/components/ImportPanel';
import { SettingsPanel } from '@/components/SettingsPanel';
import type { Lead } from '@/utils/leads/schema';
import { listLeads, listTags, openLeadDb, type LeadDb } from '@/utils/leads/store';

export function App() {
  const [db, setDb] = useState<LeadDb | Error>();
  const [tags, setTags] = useState<string[]>([]);
  const [total, setTotal] = useState(0);
  const [leads, setLeads] = useState<Lead[]>([]);
  const refresh = async (d: LeadDb) => {
    const [leads, t] = await Promise.all([listLeads(d), listTags(d)]);
    setTotal(leads.length);
    setLeads(leads);
    setTags(t);
  };
  useEffect(() => {
    openLeadDb().then(
      async (d) => {
        setDb(d);
        await refresh(d);
      },
      (e: Error) => setDb(new Error(`Cannot open lead storage: ${e.message}`)),
    );
  }, []);
  return (
    <main className="app options">
      <h1>Prospect Scout</h1>
      <p className="muted">Your leads are stored only in this browser. Nothing is sent anywhere unless you export it or connect a CRM.</p>
      {db instanceof Error && (
        <p className="error" role="alert">
          {db.message}
        </p>
      )}
      {db && !(db instanceof Error) && (
        <>
          <ExportPanel db={db} tags={tags} total={total} />
          <ImportPanel db={db} onImported={() => void refresh(db)} />
          <CrmPanel db={db} tags={tags} leads={leads} />
        </>
      )}
      <SettingsPanel />
    </main>
  );
}
