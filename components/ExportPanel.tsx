import { useEffect, useId, useRef, useState } from 'react';
import { ColumnPicker } from './ColumnPicker';
import { exportFileName } from '@/utils/export/csv';
import { CSV_PRESETS, PICKABLE_COLUMNS, presetColumns } from '@/utils/export/csv-presets';
import { downloadBlob } from '@/utils/export/download';
import { exportStoredLeads, type ExportFormat } from '@/utils/export/export-leads';
import type { CsvPresetId, VCardVersion } from '@/utils/export/preset-ids';
import type { LeadDb } from '@/utils/leads/store';
import { getSettings, saveSettings, type Settings } from '@/utils/settings';

const ALL_HEADERS = PICKABLE_COLUMNS.map((c) => c.header);
const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/**
 * Exports all leads, or those with one tag, as CSV (all fields, a CRM or
 * address-book preset, or picked columns), vCards (3.0 or 4.0) or a JSON
 * backup. Reads the store page by page and builds the file in slices, with
 * a progress bar and Cancel, so 50,000 leads never freeze the page.
 */
export function ExportPanel(props: { db: LeadDb; tags: string[]; total: number }) {
  const { db, tags, total } = props;
  const [tag, setTag] = useState('');
  const [settings, setSettings] = useState<Pick<Settings, 'csvDelimiter' | 'csvPreset' | 'csvColumns' | 'vcardVersion'>>({
    csvDelimiter: ',',
    csvPreset: 'default',
    csvColumns: null,
    vcardVersion: '3.0',
  });
  useEffect(() => void getSettings().then(setSettings), []);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [progress, setProgress] = useState<{ format: ExportFormat; done: number; total?: number }>();
  const abort = useRef<AbortController>(undefined);
  const id = useId();

  const remember = (patch: Partial<Settings>) => {
    setSettings((s) => ({ ...s, ...patch }));
    saveSettings(patch).catch((err: Error) => setMessage({ ok: false, text: `Setting not saved: ${err.message}` }));
  };
  const customHeaders = settings.csvColumns ?? ALL_HEADERS;

  const run = async (format: ExportFormat) => {
    if (format === 'csv' && settings.csvPreset === 'custom' && !customHeaders.length) {
      return setMessage({ ok: false, text: 'Choose at least one column for the CSV.' });
    }
    const ctrl = new AbortController();
    abort.current = ctrl;
    setMessage(undefined);
    setProgress({ format, done: 0 });
    try {
      const { blob, count } = await exportStoredLeads(db, format, {
        tag,
        csv: { columns: presetColumns(settings.csvPreset, customHeaders), delimiter: settings.csvDelimiter },
        vcardVersion: settings.vcardVersion,
        signal: ctrl.signal,
        onProgress: (done, all) => setProgress({ format, done, total: all }),
      });
      if (!count) return setMessage({ ok: false, text: 'There are no leads to export.' });
      const name = exportFileName(format, tag);
      downloadBlob(document, name, blob);
      setMessage({ ok: true, text: `Exported ${plural(count, 'lead')} to ${name}` });
    } catch (e) {
      const cancelled = (e as Error).name === 'AbortError';
      setMessage({ ok: false, text: cancelled ? 'Export cancelled; no file was written.' : `Export failed: ${(e as Error).message}` });
    } finally {
      setProgress(undefined);
      abort.current = undefined;
    }
  };

  const preset = CSV_PRESETS.find((p) => p.id === settings.csvPreset);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Export</h2>
      <p className="muted">
        {plural(total, 'saved lead')}. CSV opens in Excel and imports into CRMs (UTF-8 with BOM, CRLF, formula-looking
        cells made inert with a leading apostrophe); pick your CRM's preset and its importer maps every column by
        itself. vCard (.vcf) adds them to Outlook, Google or Apple Contacts.
      </p>
      <div className="field">
        <label htmlFor={`${id}-tag`}>Which leads</label>
        <select id={`${id}-tag`} value={tag} onChange={(e) => setTag(e.target.value)}>
          <option value="">All leads</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              Tagged “{t}”
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-preset`}>CSV columns for</label>
        <select id={`${id}-preset`} value={settings.csvPreset} aria-describedby={`${id}-preset-hint`} onChange={(e) => remember({ csvPreset: e.target.value as CsvPresetId })}>
          {CSV_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
          <option value="custom">Custom columns…</option>
        </select>
        <p id={`${id}-preset-hint`} className="muted">
          {preset ? `For ${preset.importer}.` : 'Choose the columns and their order below; the choice is remembered.'}
        </p>
      </div>
      {settings.csvPreset === 'custom' && <ColumnPicker available={ALL_HEADERS} value={customHeaders} onChange={(next) => remember({ csvColumns: next })} />}
      <div className="field">
        <label htmlFor={`${id}-sep`}>CSV separator</label>
        <select id={`${id}-sep`} value={settings.csvDelimiter} onChange={(e) => remember({ csvDelimiter: e.target.value as Settings['csvDelimiter'] })}>
          <option value=",">Comma (,): English Excel, CRM importers</option>
          <option value=";">Semicolon (;): Excel in German, French and most European locales</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-vcard`}>vCard version</label>
        <select id={`${id}-vcard`} value={settings.vcardVersion} onChange={(e) => remember({ vcardVersion: e.target.value as VCardVersion })}>
          <option value="3.0">3.0: Outlook, Google Contacts, Apple Contacts</option>
          <option value="4.0">4.0 (RFC 6350): Apple Contacts, Thunderbird, CardDAV servers</option>
        </select>
      </div>
      <div className="actions">
        <button type="button" className="primary" disabled={!!progress} onClick={() => void run('csv')}>
          Export CSV
        </button>
        <button type="button" disabled={!!progress} onClick={() => void run('vcf')}>
          Export vCard
        </button>
        <button type="button" disabled={!!progress} onClick={() => void run('json')}>
          Export JSON backup
        </button>
      </div>
      {progress && (
        <div className="progress-row">
          <progress id={`${id}-progress`} aria-label="Export progress" max={progress.total || 1} value={progress.done} />
          <span>
            Exporting {progress.done.toLocaleString('en')}
            {progress.total ? ` of ${progress.total.toLocaleString('en')}` : ''}…
          </span>
          <button type="button" onClick={() => abort.current?.abort()}>
            Cancel export
          </button>
        </div>
      )}
      {message && (
        <p role="status" className={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
