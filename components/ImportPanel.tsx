import { useId, useState } from 'react';
import { parseBackup } from '@/utils/leads/backup';
import { importLeads, type LeadDb } from '@/utils/leads/store';

type Message = { ok: boolean; text: string; details?: string[] };

/** Restores a JSON backup (or the extraction CLI's output) into the lead store. */
export function ImportPanel(props: { db: LeadDb; onImported: () => void }) {
  const { db, onImported } = props;
  const [message, setMessage] = useState<Message>();
  const [busy, setBusy] = useState(false);
  const id = useId();

  const run = async (file: File) => {
    setBusy(true);
    try {
      const parsed = parseBackup(await file.text());
      if (!parsed.ok) return setMessage({ ok: false, text: `Nothing imported: ${parsed.error}` });
      const { created, updated, unchanged } = await importLeads(db, parsed.leads);
      const skipped = parsed.skipped.length;
      setMessage({
        ok: skipped === 0,
        text:
          `Imported ${file.name}: ${created} new, ${updated} updated, ${unchanged} unchanged` +
          (skipped ? `; ${skipped} record${skipped === 1 ? '' : 's'} skipped as invalid:` : '.'),
        details: parsed.skipped.slice(0, 20).map((s) => `record ${s.index + 1}: ${s.reason}`),
      });
      onImported();
    } catch (e) {
      setMessage({ ok: false, text: `Nothing imported: ${(e as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Import</h2>
      <p className="muted">
        Restore a JSON backup made above, or load the output of <code>npm run extract</code>. People already saved are
        merged, not duplicated; the more recently updated version of each field wins.
      </p>
      <div className="field">
        <label htmlFor={`${id}-file`}>JSON backup file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void run(file);
          }}
        />
      </div>
      {message && (
        <div role="status" className={message.ok ? 'ok' : 'error'}>
          <p>{message.text}</p>
          {message.details && message.details.length > 0 && (
            <ul>
              {message.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
