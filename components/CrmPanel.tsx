import { useEffect, useId, useState } from 'react';
import { getLeads, type LeadDb } from '@/utils/leads/store';
import { allEntries, countByStatus, listLog, listTargets } from '@/utils/sync/outbox';
import type { OutboxEntry, SyncEvent, Target } from '@/utils/sync/schema';
import { CrmTarget } from './CrmTarget';
import { SyncLog } from './SyncLog';

/** Options-page CRM panel: one section per target, counts, and the sync log (refreshed while open). */
export function CrmPanel(props: { db: LeadDb; tags: string[] }) {
  const { db, tags } = props;
  // Names of the leads the log shows only: read by id, never the whole store (50,000 leads would be read every open).
  const [names, setNames] = useState<Map<string, string>>(() => new Map());
  const [targets, setTargets] = useState<Target[]>([]);
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [log, setLog] = useState<SyncEvent[]>([]);
  const [tick, setTick] = useState(0);
  const id = useId();
  useEffect(() => {
    let alive = true;
    // Ids already looked up in this effect's life (a deleted lead is looked up once, then shown by id).
    const known = new Set<string>();
    const read = async () => {
      const [t, e, l] = await Promise.all([listTargets(db), allEntries(db), listLog(db)]);
      if (!alive) return;
      setTargets(t);
      setEntries(e);
      setLog(l);
      const missing = [...new Set(l.flatMap((ev) => (ev.leadId ? [ev.leadId] : [])))].filter((leadId) => !known.has(leadId));
      if (!missing.length) return;
      const found = await getLeads(db, missing);
      missing.forEach((leadId) => known.add(leadId));
      if (alive && found.length) setNames((prev) => new Map([...prev, ...found.map((x) => [x.id, x.name || x.emails[0] || x.id] as const)]));
    };
    void read();
    const timer = setInterval(() => void read(), 1500);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [db, tick]);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>CRM</h2>
      <p className="muted">
        Send saved leads to your CRM. Each CRM asks for access to its own host only when you connect it; the token stays in this browser's extension storage
        and is never exported.
      </p>
      {(['hubspot', 'pipedrive', 'salesforce', 'webhook'] as const).map((t) => (
        <CrmTarget key={t} id={t} target={targets.find((x) => x.id === t)} counts={countByStatus(entries, t)} tags={tags} onChanged={() => setTick((n) => n + 1)} />
      ))}
      <h3>Sync log</h3>
      <SyncLog events={log} leadNames={names} />
    </section>
  );
}
