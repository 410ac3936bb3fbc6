import { useId, useState } from 'react';
import { checkBackupFileSize, parseBackup } from '@/utils/leads/backup';
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
      // The size is checked before the file is read, so a huge file never fills memory.
      const size = checkBackupFileSize(file.size);
      if (!size.ok) return setMessage({ ok: false, text: `Nothing imported: ${size.error}` });
      const parsed = parseBackup(await file.text());
      if (!parsed.ok) return setMessage({ ok: false, text: `Nothing imported: ${parsed.error}` });
      const { created, updated, unchanged, conflicts, skipped: failed } = await importLeads(db, parsed.leads);
      const skipped = parsed.skipped.length + failed.length;
      const details = [
        ...parsed.skipped.map((s) => `record ${s.index + 1} skipped: ${s.reason}`),
        ...failed.map((s) => `${parsed.leads[s.index]?.name || `lead ${s.index + 1}`} skipped: ${s.reason}`),
        ...conflicts.map((c) => `${c.name}: ${c.message}`),
        ...parsed.repaired.map((r) => `record ${r.index + 1} repaired: ${r.repairs.join('; ')}`),
      ];
      setMessage({
        ok: skipped === 0 && conflicts.length === 0,
        text:
          `Imported ${file.name}: ${created} new, ${updated} updated, ${unchanged} unchanged` +
          (skipped ? `; ${skipped} record${skipped === 1 ? '' : 's'} skipped` : '') +
          (conflicts.length ? `; ${conflicts.length} kept apart from a saved lead with another name` : '') +
          (details.length ? ':' : '.'),
        details: details.slice(0, 50),
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
