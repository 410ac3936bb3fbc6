import { useId, useRef, useState } from 'react';
import { importBackupStream, type ImportProgress, type StreamImportReport } from '@/utils/leads/import-stream';
import type { LeadDb } from '@/utils/leads/store';

type Message = { ok: boolean; text: string; details?: string[] };

const MAX_DETAILS = 50;
const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** The panel's message for an import report. */
function describe(fileName: string, r: StreamImportReport): Message {
  const counts = `${r.created.toLocaleString('en')} new, ${r.updated.toLocaleString('en')} updated, ${r.unchanged.toLocaleString('en')} unchanged`;
  const wrote = r.created + r.updated + r.unchanged > 0;
  const all = [
    ...r.skipped.map((s) => `${s.name || `record ${s.index + 1}`} skipped: ${s.reason}`),
    ...r.conflicts.map((c) => `${c.name}: ${c.message}`),
    ...r.repaired.map((x) => `record ${x.index + 1} repaired: ${x.repairs.join('; ')}`),
  ];
  const details = all.length > MAX_DETAILS ? [...all.slice(0, MAX_DETAILS), `… and ${(all.length - MAX_DETAILS).toLocaleString('en')} more`] : all;
  if (r.status === 'failed' && !wrote) return { ok: false, text: `Nothing imported: ${r.error}`, details: details.length ? details : undefined };
  const extra =
    (r.skipped.length ? `; ${plural(r.skipped.length, 'record')} skipped` : '') +
    (r.conflicts.length ? `; ${r.conflicts.length.toLocaleString('en')} kept apart from a saved lead with another name` : '');
  if (r.status === 'cancelled') return { ok: false, text: `Import of ${fileName} cancelled after ${counts}${extra}; importing the file again finishes it.`, details };
  if (r.status === 'failed') return { ok: false, text: `Imported part of ${fileName} (${counts}${extra}), then stopped: ${r.error}`, details };
  return { ok: r.skipped.length === 0 && r.conflicts.length === 0, text: `Imported ${fileName}: ${counts}${extra}${details.length ? ':' : '.'}`, details };
}

/**
 * Restores a JSON backup (or the extraction CLI's output) of any size into
 * the lead store: read in chunks, validated record by record and written in
 * batches, with a progress bar and Cancel; records it cannot use are listed.
 */
export function ImportPanel(props: { db: LeadDb; onImported: () => void }) {
  const { db, onImported } = props;
  const [message, setMessage] = useState<Message>();
  const [progress, setProgress] = useState<ImportProgress & { name: string }>();
  const abort = useRef<AbortController>(undefined);
  const id = useId();

  const run = async (file: File) => {
    const ctrl = new AbortController();
    abort.current = ctrl;
    setMessage(undefined);
    setProgress({ name: file.name, bytesRead: 0, totalBytes: file.size, records: 0, written: 0 });
    try {
      const report = await importBackupStream(db, file, { signal: ctrl.signal, onProgress: (p) => setProgress({ ...p, name: file.name }) });
      setMessage(describe(file.name, report));
      if (report.created + report.updated > 0) onImported();
    } catch (e) {
      setMessage({ ok: false, text: `Nothing imported: ${(e as Error).message}` });
    } finally {
      setProgress(undefined);
      abort.current = undefined;
    }
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Import</h2>
      <p className="muted">
        Restore a JSON backup made above, whatever its size, or load the output of <code>npm run extract</code>. People
        already saved are merged, not duplicated; the more recently updated version of each field wins.
      </p>
      <div className="field">
        <label htmlFor={`${id}-file`}>JSON backup file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          disabled={!!progress}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void run(file);
          }}
        />
      </div>
      {progress && (
        <div className="progress-row">
          <progress aria-label="Import progress" max={progress.totalBytes || 1} value={progress.bytesRead} />
          <span>
            Importing {progress.name}: {plural(progress.records, 'record')} read, {progress.written.toLocaleString('en')} written (
            {Math.floor((100 * progress.bytesRead) / (progress.totalBytes || 1))}%)…
          </span>
          <button type="button" onClick={() => abort.current?.abort()}>
            Cancel import
          </button>
        </div>
      )}
      {message && (
        <div role="status" className={message.ok ? 'ok' : 'error'}>
          <p>{message.text}</p>
          {message.details && message.details.length > 0 && (
            <ul>
              {message.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
