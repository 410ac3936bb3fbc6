import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { rowLabel } from '@/utils/leads/display';
import { loadFormPhoneMetadata } from '@/utils/leads/form';
import { queryPositions, type RowSort } from '@/utils/leads/row-index';
import { idsWithTag, type LeadRow } from '@/utils/leads/rows';
import type { Lead } from '@/utils/leads/schema';
import { deleteLead, getLead, putLead, restoreLeads, type LeadDb } from '@/utils/leads/store';
import { queueAutoSync } from '@/utils/sync/enqueue';
import { LeadEditor, type SaveOutcome } from './LeadEditor';
import type { LeadRowsState } from './useLeadRows';
import { TagSelect } from './TagSelect';
import { useFixedRows } from './useFixedRows';

const ROW_HEIGHT = 58;

type Menu = { row: LeadRow; top: number; right: number; button: HTMLElement };
type Undo = { lead: Lead; label: string };

/**
 * The saved-leads list: virtualized compact rows over the in-memory index,
 * search, tag filter (tag index), sort; per-row menu (edit, open page,
 * delete with undo).
 */
export function SavedLeads(props: {
  db: LeadDb;
  rows: LeadRowsState;
  total: number;
  tags: string[];
  onSaved: (lead: Lead) => void;
  onDeleted: (ids: string[]) => void;
  /** Fills each row's sync-state slot (CRM sync); empty when absent. */
  syncSlot?: (row: LeadRow) => ReactNode;
  /** Queues leads for every connected CRM (absent when none is connected); resolves with the number of entries queued. */
  onSync?: (ids: string[]) => Promise<number>;
}) {
  const { db, rows, total, tags, onSaved, onDeleted, syncSlot, onSync } = props;
  const [synced, setSynced] = useState('');
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [tagIds, setTagIds] = useState<ReadonlySet<string>>();
  const [sort, setSort] = useState<RowSort>('recent');
  const [error, setError] = useState('');
  const [editing, setEditing] = useState<Lead>();
  const [menu, setMenu] = useState<Menu>();
  const [undo, setUndo] = useState<Undo>();
  const id = useId();

  useEffect(() => {
    if (!tag) return setTagIds(undefined);
    let live = true;
    idsWithTag(db, tag).then(
      (ids) => live && setTagIds(ids),
      (e: Error) => setError(`Could not filter by tag: ${e.message}`),
    );
    return () => {
      live = false;
    };
    // The index changes when a lead is saved or deleted, which may change who has the tag.
  }, [db, tag, rows.index]);

  const shown = useMemo(() => queryPositions(rows.index, { query, ids: tag ? (tagIds ?? new Set()) : undefined, sort }), [rows.index, query, tag, tagIds, sort]);
  const windowed = useFixedRows({ count: shown.length, rowHeight: ROW_HEIGHT, overscan: 6 });

  const hasRows = shown.length > 0 || rows.complete;
  useEffect(() => {
    // Read by `npm run bench` (saved view opened → first rows on screen → every lead indexed).
    if (hasRows) performance.mark('ps:saved-rows-shown');
  }, [hasRows]);
  useEffect(() => {
    if (rows.complete) performance.mark('ps:saved-complete');
  }, [rows.complete]);

  const edit = async (row: LeadRow) => {
    const lead = await getLead(db, row.id);
    if (!lead) return setError('That lead is no longer stored.');
    try {
      // The editor formats the lead's phones: the popup loads their metadata first.
      await loadFormPhoneMetadata(lead.phones.join('\n'));
    } catch (e) {
      return setError(`Could not open the lead: ${(e as Error).message}`);
    }
    setEditing(lead);
  };
  const remove = async (row: LeadRow) => {
    try {
      const lead = await getLead(db, row.id);
      await deleteLead(db, row.id);
      onDeleted([row.id]);
      if (lead) setUndo({ lead, label: rowLabel(row) });
    } catch (e) {
      setError(`Could not delete: ${(e as Error).message}`);
    }
  };
  const sync = async (ids: string[], what: string) => {
    if (!onSync) return;
    try {
      const queued = await onSync(ids);
      setSynced(`${what} queued for sync (${queued} ${queued === 1 ? 'entry' : 'entries'}).`);
    } catch (e) {
      setError(`Could not queue the sync: ${(e as Error).message}`);
    }
  };
  const restore = async (u: Undo) => {
    try {
      // Put back exactly as it was (its revision included): not an edit, so no revision check.
      await restoreLeads(db, [u.lead]);
      onSaved(u.lead);
      setUndo(undefined);
    } catch (e) {
      setError(`Could not restore: ${(e as Error).message}`);
    }
  };
  // An edit replaces the lead as the user left it, unless another window changed it since it was opened:
  // then changes to other fields are merged, and the same field edited in both places is refused.
  const update = async (lead: Lead, base: Lead): Promise<SaveOutcome> => {
    const result = await putLead(db, { ...lead, updatedAt: new Date().toISOString() }, { base });
    if (result.status === 'stale') {
      if (result.current) onSaved(result.current);
      throw new Error(`${result.message}. Go back to the list and edit it again to see the latest version.`);
    }
    onSaved(result.lead);
    void queueAutoSync(db, [result.lead]).catch(() => {});
    setEditing(result.lead);
    return { status: 'updated', lead: result.lead };
  };

  if (editing) {
    return (
      <div className="saved-edit">
        <button type="button" className="link" onClick={() => setEditing(undefined)}>
          ← Back to saved leads
        </button>
        <LeadEditor key={editing.id} lead={editing} knownTags={tags} alreadySaved onSave={update} />
      </div>
    );
  }

  const status = !rows.complete && total > rows.index.rows.length
    ? `Loading… ${shown.length} of ${total} leads shown`
    : total === 0 && rows.index.rows.length === 0
      ? 'No saved leads yet.'
      : `${shown.length} of ${rows.index.rows.length} leads`;

  return (
    <div className="saved">
      <div className="filters">
        <div className="filter-search">
          <label htmlFor={`${id}-q`}>Search</label>
          <input id={`${id}-q`} type="search" placeholder="Name, title, company or email" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <div>
          <TagSelect id={`${id}-tag`} tags={tags} value={tag} onChange={setTag} />
        </div>
        <div>
          <label htmlFor={`${id}-sort`}>Sort</label>
          <select id={`${id}-sort`} value={sort} onChange={(e) => setSort(e.target.value as RowSort)}>
            <option value="recent">Recent</option>
            <option value="name">Name</option>
            <option value="company">Company</option>
          </select>
        </div>
      </div>
      {onSync && shown.length > 0 && (
        <div className="row">
          <button
            type="button"
            onClick={() => void sync(Array.from(shown, (p) => rows.index.rows[p]!.id), shown.length === 1 ? '1 lead' : `${shown.length} leads`)}
          >
            Sync {shown.length === rows.index.rows.length ? 'all' : `${shown.length} shown`}
          </button>
          {synced && (
            <span role="status" className="muted">
              {synced}
            </span>
          )}
        </div>
      )}
      {(error || rows.error) && (
        <p className="error" role="alert">
          {error || rows.error}
        </p>
      )}
      <p role="status" className="summary" data-complete={rows.complete}>
        {status}
      </p>
      {undo && (
        <div className="toast" role="status">
          Deleted {undo.label}
          <button type="button" className="link" onClick={() => void restore(undo)}>
            Undo
          </button>
        </div>
      )}
      <div ref={windowed.ref} className="lead-scroll" onScroll={() => menu && setMenu(undefined)}>
        <div role="list" aria-label="Saved leads" style={{ height: windowed.totalSize, position: 'relative' }}>
          {windowed.rows.map((v) => {
            const r = rows.index.rows[shown[v.index]!]!;
            const label = rowLabel(r);
            const sub = [r.title, r.company].filter(Boolean).join(' · ');
            return (
              <div
                key={r.id}
                role="listitem"
                aria-label={label}
                aria-setsize={shown.length}
                aria-posinset={v.index + 1}
                className="lead-row"
                style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
              >
                <div className="lead-row-main">
                  <div className="lead-row-line">
                    <strong className="lead-name">{label}</strong>
                    {sub && <span className="muted lead-sub">{sub}</span>}
                  </div>
                  <div className="lead-row-line">
                    {r.email && r.email !== label && <span className="muted lead-email">{r.email}</span>}
                    {r.tags.slice(0, 3).map((t) => (
                      <span className="tag" key={t}>
                        {t}
                      </span>
                    ))}
                    {r.tags.length > 3 && <span className="muted">+{r.tags.length - 3}</span>}
                  </div>
                </div>
                <span className="sync-slot">{syncSlot?.(r)}</span>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Actions for ${label}`}
                  aria-haspopup="menu"
                  aria-expanded={menu?.row.id === r.id}
                  onClick={(e) => {
                    const box = e.currentTarget.getBoundingClientRect();
                    setMenu(menu?.row.id === r.id ? undefined : { row: r, top: box.bottom, right: window.innerWidth - box.right, button: e.currentTarget });
                  }}
                >
                  ⋯
                </button>
              </div>
            );
          })}
        </div>
      </div>
      {menu && (
        <RowMenu
          menu={menu}
          onClose={() => {
            menu.button.focus();
            setMenu(undefined);
          }}
          items={[
            { label: 'Edit', run: () => void edit(menu.row) },
            ...(onSync ? [{ label: 'Sync to CRM', run: () => void sync([menu.row.id], rowLabel(menu.row)) }] : []),
            ...(menu.row.sourceUrl && /^https?:/i.test(menu.row.sourceUrl)
              ? [{ label: 'Open source page', run: () => void browser.tabs.create({ url: menu.row.sourceUrl }) }]
              : []),
            { label: 'Delete', danger: true, run: () => void remove(menu.row) },
          ]}
        />
      )}
    </div>
  );
}

type MenuItem = { label: string; run: () => void; danger?: boolean };

/** A row's action menu: arrow keys move, Escape closes, focus returns to the row's button. */
function RowMenu(props: { menu: Menu; items: MenuItem[]; onClose: () => void }) {
  const { menu, items, onClose } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
    const outside = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node) && e.target !== menu.button) onClose();
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [menu]);
  const onKey = (e: KeyboardEvent) => {
    const all = [...(ref.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
    const at = all.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      all[(at + (e.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length]?.focus();
    }
  };
  // Near the bottom of the popup the menu opens upwards.
  const up = menu.top > window.innerHeight - 120;
  return (
    <div
      ref={ref}
      role="menu"
      aria-label={`Actions for ${rowLabel(menu.row)}`}
      className="row-menu"
      style={up ? { bottom: window.innerHeight - menu.top + 30, right: menu.right } : { top: menu.top, right: menu.right }}
      onKeyDown={onKey}
    >
      {items.map((it) => (
        <button
          key={it.label}
          type="button"
          role="menuitem"
          className={it.danger ? 'danger' : undefined}
          onClick={() => {
            onClose();
            it.run();
          }}
        >
          {it.label}
        </button>
      ))}
    </div>
  );
}
