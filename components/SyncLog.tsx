import type { SyncEvent } from '@/utils/sync/schema';
import { TARGET_NAMES } from '@/utils/sync/schema';

/** The sync log: the most recent events first. */
export function SyncLog(props: { events: SyncEvent[]; leadNames: Map<string, string> }) {
  const { events, leadNames } = props;
  if (!events.length) return <p className="muted">No sync activity yet.</p>;
  return (
    <ol className="sync-log" aria-label="Sync log">
      {events.map((e) => (
        <li key={e.id ?? `${e.at}${e.leadId}${e.kind}`} data-kind={e.kind}>
          <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time> {TARGET_NAMES[e.target]} {e.kind}
          {e.leadId && ` ${leadNames.get(e.leadId) ?? e.leadId}`}
          {e.message && `: ${e.message}`}
        </li>
      ))}
    </ol>
  );
}
