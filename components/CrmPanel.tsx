import { useEffect, useId, useState } from 'react';
import type { Lead } from '@/utils/leads/schema';
import type { LeadDb } from '@/utils/leads/store';
import { allEntries, countByStatus, listLog, listTargets } from '@/utils/sync/outbox';
import type { OutboxEntry, SyncEvent, Target } from '@/utils/sync/schema';
import { CrmTarget } from './CrmTarget';
import { SyncLog } from './SyncLog';

/** Options-page CRM panel: one section per target, counts, and the sync log (refreshed while open). */
export function CrmPanel(props: { db: LeadDb; tags: string[]; leads: Lead[] }) {
  const { db, tags, leads } = props;
  const [targets, setTargets] = useState<Target[]>([]);
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [log, setLog] = useState<SyncEvent[]>([]);
  const [tick, setTick] = useState(0);
  const id = useId();
  useEffect(() => {
    let alive = true;
    const read = async () => {
      const [t, e, l] = await Promise.all([listTargets(db), allEntries(db), listLog(db)]);
      if (alive) {
        setTargets(t);
        setEntries(e);
        setLog(l);
      }
    };
    void read();
    const timer = setInterval(() => void read(), 1500);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [db, tick]);
  const names = new Map(leads.map((l) => [l.id, l.name || l.emails[0] || l.id]));
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
