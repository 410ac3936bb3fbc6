// Options-page CRM panel: the targets, their sync counts and the newest sync log lines, re-read when sync records change.
import { useEffect, useId, useState } from 'react';
import { getLeads, type LeadDb } from '@/utils/leads/store';
import { refreshOnSyncChanges } from '@/utils/sync/changes';
import { noCounts, readSyncSummary, type SyncSummary } from '@/utils/sync/outbox';
import { CrmTarget } from './CrmTarget';
import { SyncLog } from './SyncLog';

/** Fallback re-read while visible, for changes made where no announcement reaches this page. */
const FALLBACK_REFRESH_MS = 15_000;

/** Options-page CRM panel: one section per target, counts, and the sync log (refreshed while open). */
export function CrmPanel(props: { db: LeadDb; tags: string[] }) {
  const { db, tags } = props;
  // Names of the leads the log shows only: read by id, never the whole store (50,000 leads would be read every open).
  const [names, setNames] = useState<Map<string, string>>(() => new Map());
  const [summary, setSummary] = useState<SyncSummary>({ targets: [], counts: {}, log: [] });
  const [tick, setTick] = useState(0);
  const id = useId();
  useEffect(() => {
    let alive = true;
    // Ids already looked up in this effect's life (a deleted lead is looked up once, then shown by id).
    const known = new Set<string>();
    // Counts through an index and the newest log lines only: no outbox entry is loaded, whatever its size (50,000 entries).
    const read = async () => {
      const s = await readSyncSummary(db);
      if (!alive) return;
      setSummary(s);
      const missing = [...new Set(s.log.flatMap((ev) => (ev.leadId ? [ev.leadId] : [])))].filter((leadId) => !known.has(leadId));
      if (!missing.length) return;
      const found = await getLeads(db, missing);
      missing.forEach((leadId) => known.add(leadId));
      if (alive && found.length) setNames((prev) => new Map([...prev, ...found.map((x) => [x.id, x.name || x.emails[0] || x.id] as const)]));
    };
    void read();
    // Re-read when the worker (or another page) announces a change; a hidden tab defers it until it is visible again.
    const stop = refreshOnSyncChanges(() => void read(), { fallbackMs: FALLBACK_REFRESH_MS });
    return () => {
      alive = false;
      stop();
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
        <CrmTarget
          key={t}
          id={t}
          target={summary.targets.find((x) => x.id === t)}
          counts={summary.counts[t] ?? noCounts()}
          tags={tags}
          onChanged={() => setTick((n) => n + 1)}
        />
      ))}
      <h3>Sync log</h3>
      <SyncLog events={summary.log} leadNames={names} />
    </section>
  );
}
