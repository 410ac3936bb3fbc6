import { lazy, Suspense, useEffect, useId, useMemo, useState } from 'react';
import type { ExportFormat } from '@/utils/export/export-leads';
import { rowLabel } from '@/utils/leads/display';
import { activeFilterCount, SYNC_STATES, workspacePredicate, type LeadSyncState, type WorkspaceFilter } from '@/utils/leads/query';
import { queryPositions } from '@/utils/leads/row-index';
import { idsWithTag, type LeadRow } from '@/utils/leads/rows';
import type { Lead } from '@/utils/leads/schema';
import { EMPTY_SELECTION, retainShown, selectAll, type Selection } from '@/utils/leads/selection';
import { deleteLeads, getLead, putLead, restoreLeads, updateLeadTags, type LeadDb } from '@/utils/leads/store';
import { applyTagChange } from '@/utils/leads/tag-change';
import { sendToBackground } from '@/utils/messages';
import { getSettings } from '@/utils/settings';
import { queueAutoSync } from '@/utils/sync/enqueue';
import type { SaveOutcome } from './LeadEditor';
import { LeadTable, type TableSort } from './LeadTable';
import type { LeadRowsState } from './useLeadRows';
import { TagSelect } from './TagSelect';
import { useSyncStates } from './useSyncStates';

// The editor and the exporters (with their CSV presets) load on first use: the table opens without parsing them.
const LeadEditor = lazy(() => import('./LeadEditor').then((m) => ({ default: m.LeadEditor })));
const exporters = () =>
  Promise.all([import('@/utils/export/csv'), import('@/utils/export/csv-presets'), import('@/utils/export/download'), import('@/utils/export/export-leads')]).then(
    ([csv, presets, download, leads]) => ({ ...csv, ...presets, ...download, ...leads }),
  );

/** Mounts with the editor (same Suspense boundary, so once its code is in): gives its first field the focus. */
function FocusEditor() {
  useEffect(() => document.querySelector<HTMLElement>('.ws-editor input, .ws-editor textarea')?.focus(), []);
  return null;
}

type Undo = { leads: Lead[]; label: string };
// Actions need rows, which come from the store: this only shows if the page is used before it opened.
const NOT_OPEN = 'The lead store is not open yet';
type Message = { ok: boolean; text: string };

const SYNC_LABELS: Record<LeadSyncState, string> = { none: 'Not synced', pending: 'Pending', synced: 'Synced', failed: 'Failed' };
const plural = (n: number, one = 'lead', many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * The lead workspace: filters, a sortable virtualized table over the
 * in-memory row index, bulk actions on the selection (tags, export, sync,
 * delete with undo) and an editor panel.
 */
export function Workspace(props: {
  /** Undefined while the store opens: the page's layout (filters, table head) is drawn at once, rows fill in. */
  db: LeadDb | undefined;
  rows: LeadRowsState;
  total: number;
  tags: string[];
  onChanged: (leads: Lead[]) => void;
  onDeleted: (ids: string[]) => void;
}) {
  const { db, rows, total, tags, onChanged, onDeleted } = props;
  const id = useId();
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [tagIds, setTagIds] = useState<ReadonlySet<string>>();
  const [filter, setFilter] = useState<WorkspaceFilter>({});
  const [sort, setSort] = useState<TableSort>({ sort: 'recent', reverse: false });
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [focus, setFocus] = useState(0);
  const [bulkTag, setBulkTag] = useState('');
  const [message, setMessage] = useState<Message>();
  const [undo, setUndo] = useState<Undo>();
  const [editing, setEditing] = useState<Lead>();

  useEffect(() => {
    if (!tag) return setTagIds(undefined);
    if (!db) return;
    let live = true;
    idsWithTag(db, tag).then(
      (ids) => live && setTagIds(ids),
      (e: Error) => setMessage({ ok: false, text: `Could not filter by tag: ${e.message}` }),
    );
    return () => {
      live = false;
    };
  }, [db, tag, rows.index]);

  // Sync states come from the outbox's index keys, re-read when the background (or a page) announces a change;
  // the first read waits for the rows, which it would otherwise hold up.
  const { crm, states: syncStates } = useSyncStates(db, rows.complete || rows.error !== undefined);

  // The states change as syncs complete: only a sync-state filter makes the list depend on them.
  const syncForFilter = filter.sync ? syncStates : undefined;
  const where = useMemo(() => workspacePredicate(filter, syncForFilter), [filter, syncForFilter]);
  const shown = useMemo(
    () => queryPositions(rows.index, { query, ids: tag ? (tagIds ?? new Set()) : undefined, sort: sort.sort, reverse: sort.reverse, where }),
    [rows.index, query, tag, tagIds, sort, where],
  );

  // Bulk actions only ever reach leads the user can see.
  useEffect(() => {
    if (!selection.ids.size) return;
    const mask = new Uint8Array(rows.index.rows.length);
    for (const p of shown) mask[p] = 1;
    setSelection((s) => retainShown(s, (leadId) => mask[rows.index.byId.get(leadId) ?? -1] === 1));
  }, [shown]);
  useEffect(() => setFocus((f) => Math.max(0, Math.min(f, shown.length - 1))), [shown.length]);

  const hasRows = shown.length > 0 || rows.complete;
  useEffect(() => {
    if (!hasRows) return;
    // Read by `npm run bench` (workspace opened → first rows in the table → every lead indexed).
    performance.mark('ps:workspace-rows-shown');
    // The editor's code, fetched once the table is up so the first Enter opens it without a wait.
    const later = setTimeout(() => void import('./LeadEditor').catch(() => {}), 1000);
    return () => clearTimeout(later);
  }, [hasRows]);
  useEffect(() => {
    if (rows.complete) performance.mark('ps:workspace-complete');
  }, [rows.complete]);

  const selected = selection.ids.size;
  const fail = (what: string) => (e: Error) => setMessage({ ok: false, text: `${what}: ${e.message}` });

  const retag = async (change: 'add' | 'remove') => {
    if (!db) throw new Error(NOT_OPEN);
    const t = bulkTag.trim();
    if (!t) return setMessage({ ok: false, text: 'Type a tag first.' });
    const written = await updateLeadTags(db, selection.ids, (tags) => applyTagChange(tags, change === 'add' ? { add: [t] } : { remove: [t] }));
    onChanged(written);
    void queueAutoSync(db, written).catch(() => {});
    setMessage({ ok: true, text: `${change === 'add' ? 'Added' : 'Removed'} “${t}” ${change === 'add' ? 'to' : 'from'} ${plural(written.length)}.` });
  };

  const remove = async (ids: string[]) => {
    if (!db) throw new Error(NOT_OPEN);
    if (!ids.length) return;
    const leads = await deleteLeads(db, ids);
    onDeleted(leads.map((l) => l.id));
    setSelection(EMPTY_SELECTION);
    setUndo({ leads, label: leads.length === 1 ? rowLabel({ name: leads[0]!.name, email: leads[0]!.emails[0] ?? '' }) : plural(leads.length) });
    setMessage(undefined);
  };

  const restore = async (u: Undo) => {
    if (!db) throw new Error(NOT_OPEN);
    // Put back exactly as they were (revisions included): not an edit.
    await restoreLeads(db, u.leads);
    onChanged(u.leads);
    setUndo(undefined);
    setSelection({ ids: new Set(u.leads.map((l) => l.id)) });
    setMessage({ ok: true, text: `Restored ${plural(u.leads.length)}.` });
  };

  const exportAs = async (format: ExportFormat) => {
    if (!db) throw new Error(NOT_OPEN);
    const [settings, { exportStoredLeads, presetColumns, PICKABLE_COLUMNS, exportFileName, downloadBlob }] = await Promise.all([getSettings(), exporters()]);
    // In the table's order, so the file reads like the screen.
    const ids: string[] = [];
    for (const p of shown) {
      const leadId = rows.index.rows[p]!.id;
      if (selection.ids.has(leadId)) ids.push(leadId);
    }
    const { blob, count } = await exportStoredLeads(db, format, {
      ids,
      csv: { columns: presetColumns(settings.csvPreset, settings.csvColumns ?? PICKABLE_COLUMNS.map((c) => c.header)), delimiter: settings.csvDelimiter },
      vcardVersion: settings.vcardVersion,
      onProgress: (done, all) => setMessage({ ok: true, text: `Exporting… ${done.toLocaleString('en')} of ${(all ?? ids.length).toLocaleString('en')}` }),
    });
    const name = exportFileName(format, 'selection');
    downloadBlob(document, name, blob);
    setMessage({ ok: true, text: `Exported ${plural(count)} to ${name}.` });
  };

  const sync = async () => {
    const { queued } = await sendToBackground('ui:sync-leads', { leadIds: [...selection.ids] });
    setMessage({ ok: true, text: `Queued ${plural(queued, 'lead')} for sync.` });
  };

  const open = async (row: LeadRow) => {
    if (!db) throw new Error(NOT_OPEN);
    const lead = await getLead(db, row.id);
    if (lead) setEditing(lead);
    else setMessage({ ok: false, text: 'That lead is no longer stored.' });
  };
  const [refocus, setRefocus] = useState(0);
  const closeEditor = () => {
    setEditing(undefined);
    setRefocus((n) => n + 1);
  };
  // The same edit rules as the popup: another window's changes to other fields are merged, the same field is refused.
  const update = async (lead: Lead, base: Lead): Promise<SaveOutcome> => {
    if (!db) throw new Error(NOT_OPEN);
    const result = await putLead(db, { ...lead, updatedAt: new Date().toISOString() }, { base });
    if (result.status === 'stale') {
      if (result.current) onChanged([result.current]);
      throw new Error(`${result.message}. Close the editor and open the lead again to see the latest version.`);
    }
    onChanged([result.lead]);
    void queueAutoSync(db, [result.lead]).catch(() => {});
    setEditing(result.lead);
    return { status: 'updated', lead: result.lead };
  };


  const setF = (patch: Partial<WorkspaceFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const filters = activeFilterCount({ ...filter, tag, query });
  // Until the count is in (it is read after the first rows), "0 of 0" would be wrong: just loading.
  const status = !rows.complete
    ? total > rows.index.rows.length
      ? `Loading… ${plural(rows.index.rows.length)} of ${total.toLocaleString('en')} read`
      : 'Loading…'
    : `${shown.length.toLocaleString('en')} of ${plural(rows.index.rows.length)}${selected ? ` · ${selected.toLocaleString('en')} selected` : ''}`;

  return (
    <div className="workspace">
      <form className="ws-filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <div className="ws-field ws-search">
          <label htmlFor={`${id}-q`}>Search</label>
          <input id={`${id}-q`} type="search" placeholder="Name, title, company or email" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <div className="ws-field">
          <TagSelect id={`${id}-tag`} tags={tags} value={tag} onChange={setTag} />
        </div>
        <div className="ws-field">
          <label htmlFor={`${id}-company`}>Company</label>
          <input id={`${id}-company`} type="text" value={filter.company ?? ''} onChange={(e) => setF({ company: e.target.value })} />
        </div>
        <div className="ws-field">
          <label htmlFor={`${id}-from`}>Captured from</label>
          <input id={`${id}-from`} type="date" value={filter.from ?? ''} onChange={(e) => setF({ from: e.target.value })} />
        </div>
        <div className="ws-field">
          <label htmlFor={`${id}-to`}>Captured to</label>
          <input id={`${id}-to`} type="date" value={filter.to ?? ''} onChange={(e) => setF({ to: e.target.value })} />
        </div>
        {crm && (
          <div className="ws-field">
            <label htmlFor={`${id}-sync`}>Sync state</label>
            <select id={`${id}-sync`} value={filter.sync ?? ''} onChange={(e) => setF({ sync: (e.target.value || undefined) as LeadSyncState | undefined })}>
              <option value="">Any</option>
              {SYNC_STATES.map((s) => (
                <option key={s} value={s}>
                  {SYNC_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="ws-checks">
          <label>
            <input type="checkbox" checked={!!filter.hasEmail} onChange={(e) => setF({ hasEmail: e.target.checked })} /> Has email
          </label>
          <label>
            <input type="checkbox" checked={!!filter.hasPhone} onChange={(e) => setF({ hasPhone: e.target.checked })} /> Has phone
          </label>
          {filters > 0 && (
            <button
              type="button"
              className="link"
              onClick={() => {
                setQuery('');
                setTag('');
                setFilter({});
              }}
            >
              Clear {plural(filters, 'filter')}
            </button>
          )}
        </div>
      </form>

      <div className="ws-bar">
        <p role="status" className="summary" data-complete={rows.complete}>
          {status}
        </p>
        {/* Once every lead is in: "all matching" means all, and the label does not grow (and move) as pages arrive. */}
        {rows.complete && shown.length > 0 && selected < shown.length && (
          <button type="button" onClick={() => setSelection(selectAll({ count: shown.length, idAt: (p) => rows.index.rows[shown[p]!]!.id }))}>
            Select all {shown.length.toLocaleString('en')} matching
          </button>
        )}
        {selected > 0 && (
          <button type="button" className="link" onClick={() => setSelection(EMPTY_SELECTION)}>
            Clear selection
          </button>
        )}
      </div>

      {selected > 0 && (
        <div className="ws-bulk" role="toolbar" aria-label={`Actions on ${plural(selected, 'selected lead', 'selected leads')}`}>
          <label htmlFor={`${id}-bulk-tag`}>Tag to add or remove</label>
          <input id={`${id}-bulk-tag`} list={`${id}-tags`} value={bulkTag} onChange={(e) => setBulkTag(e.target.value)} size={14} />
          <datalist id={`${id}-tags`}>
            {tags.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
          <button type="button" onClick={() => void retag('add').catch(fail('Could not add the tag'))}>
            Add tag
          </button>
          <button type="button" onClick={() => void retag('remove').catch(fail('Could not remove the tag'))}>
            Remove tag
          </button>
          <span className="ws-sep" aria-hidden="true" />
          <button type="button" onClick={() => void exportAs('csv').catch(fail('Export failed'))}>
            Export CSV
          </button>
          <button type="button" onClick={() => void exportAs('vcf').catch(fail('Export failed'))}>
            Export vCard
          </button>
          <button type="button" onClick={() => void exportAs('json').catch(fail('Export failed'))}>
            Export JSON
          </button>
          {crm && (
            <button type="button" onClick={() => void sync().catch(fail('Could not queue the sync'))}>
              Sync to CRM
            </button>
          )}
          <span className="ws-sep" aria-hidden="true" />
          <button type="button" className="danger" onClick={() => void remove([...selection.ids]).catch(fail('Could not delete'))}>
            Delete
          </button>
        </div>
      )}

      {(message || rows.error) && (
        <p role={message?.ok ? 'status' : 'alert'} className={message?.ok ? 'ok' : 'error'}>
          {message?.text ?? rows.error}
        </p>
      )}
      {undo && (
        <div className="toast" role="status">
          Deleted {undo.label}
          <button type="button" className="link" onClick={() => void restore(undo).catch(fail('Could not restore'))}>
            Undo
          </button>
        </div>
      )}

      <div className="ws-main">
        <LeadTable
          index={rows.index}
          shown={shown}
          sort={sort}
          onSort={setSort}
          selection={selection}
          onSelection={setSelection}
          focus={focus}
          onFocus={setFocus}
          syncStates={syncStates}
          onOpen={(r) => void open(r).catch(fail('Could not open the lead'))}
          onDelete={(ids) => void remove(ids).catch(fail('Could not delete'))}
          refocus={refocus}
        />
        {editing && (
          <aside className="ws-editor" aria-label={`Edit ${rowLabel({ name: editing.name, email: editing.emails[0] ?? '' })}`} onKeyDown={(e) => e.key === 'Escape' && closeEditor()}>
            <button type="button" className="link" onClick={closeEditor}>
              Close
            </button>
            <Suspense fallback={<p>Opening…</p>}>
              <LeadEditor key={editing.id} lead={editing} knownTags={tags} alreadySaved onSave={update} />
              <FocusEditor key={`focus-${editing.id}`} />
            </Suspense>
          </aside>
        )}
      </div>
    </div>
  );
}
