import { useEffect, useId, useState } from 'react';
import { exportFileName, toCsv } from '@/utils/export/csv';
import { getSettings, saveSettings, type Settings } from '@/utils/settings';
import { toBackupJson } from '@/utils/leads/backup';
import { downloadText } from '@/utils/export/download';
import type { Lead } from '@/utils/leads/schema';
import { listLeads, listLeadsByTag, type LeadDb } from '@/utils/leads/store';
import { toVCards } from '@/utils/export/vcard';

/** Exports all leads, or those with one tag, as CSV, vCards or a JSON backup. */
export function ExportPanel(props: { db: LeadDb; tags: string[]; total: number }) {
  const { db, tags, total } = props;
  const [tag, setTag] = useState('');
  const [delimiter, setDelimiter] = useState<Settings['csvDelimiter']>(',');
  useEffect(() => void getSettings().then((s) => setDelimiter(s.csvDelimiter)), []);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const id = useId();

  const run = async (format: 'csv' | 'vcf' | 'json') => {
    try {
      const leads: Lead[] = tag ? await listLeadsByTag(db, tag) : await listLeads(db);
      if (!leads.length) return setMessage({ ok: false, text: 'There are no leads to export.' });
      const name = exportFileName(format, tag);
      if (format === 'csv') downloadText(document, name, toCsv(leads, { delimiter }), 'text/csv;charset=utf-8');
      else if (format === 'vcf') downloadText(document, name, toVCards(leads), 'text/vcard;charset=utf-8');
      else downloadText(document, name, toBackupJson(leads), 'application/json');
      setMessage({ ok: true, text: `Exported ${leads.length} lead${leads.length === 1 ? '' : 's'} to ${name}` });
    } catch (e) {
      setMessage({ ok: false, text: `Export failed: ${(e as Error).message}` });
    }
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Export</h2>
      <p className="muted">
        {total} saved lead{total === 1 ? '' : 's'}. CSV opens in Excel and imports into HubSpot, Pipedrive and Salesforce
        (UTF-8 with BOM, CRLF, formula-looking cells made inert with a leading apostrophe). vCard (.vcf) adds them to
        Outlook, Google or Apple Contacts.
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
        <label htmlFor={`${id}-sep`}>CSV separator</label>
        <select
          id={`${id}-sep`}
          value={delimiter}
          onChange={(e) => {
            const next = e.target.value as Settings['csvDelimiter'];
            setDelimiter(next);
            saveSettings({ csvDelimiter: next }).catch((err: Error) => setMessage({ ok: false, text: `Separator not saved: ${err.message}` }));
          }}
        >
          <option value=",">Comma (,): English Excel, CRM importers</option>
          <option value=";">Semicolon (;): Excel in German, French and most European locales</option>
        </select>
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void run('csv')}>
          Export CSV
        </button>
        <button type="button" onClick={() => void run('vcf')}>
          Export vCard
        </button>
        <button type="button" onClick={() => void run('json')}>
          Export JSON backup
        </button>
      </div>
      {message && (
        <p role="status" className={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
