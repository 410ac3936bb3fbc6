import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { CaptureView } from '@/components/CaptureView';
import { useLeadRows } from '@/components/useLeadRows';
import { StorageErrorNotice } from '@/components/StorageErrorNotice';
import { mergeTags } from '@/utils/leads/merge';
import { countLeads } from '@/utils/leads/rows';
import type { ExtractionResult, Lead } from '@/utils/leads/schema';
import { connectLeadDb, listTags, type LeadDb } from '@/utils/leads/store';
import { sendToBackground } from '@/utils/messages';
import { listTargets } from '@/utils/sync/outbox';

// The saved view is its own chunk: the capture card shows without waiting for its code.
const loadSavedPanel = () => import('./saved-panel');
type SavedPanel = Awaited<ReturnType<typeof loadSavedPanel>>;

const VIEWS = [
  { key: 'capture', label: 'This page' },
  { key: 'saved', label: 'Saved leads' },
] as const;
type View = (typeof VIEWS)[number]['key'];

/** The popup; `tab` (the tab to read) and `capture` (what it holds) were started before the first render. */
export function App(props: { tab: Promise<number>; capture: Promise<ExtractionResult> }) {
  const [db, setDb] = useState<LeadDb | Error>();
  const [tabId, setTabId] = useState<number | Error>();
  const [view, setView] = useState<View>('capture');
  const [savedOpened, setSavedOpened] = useState(false);
  const [total, setTotal] = useState<number>();
  const [tags, setTags] = useState<string[]>([]);
  const tabRefs = useRef<Record<View, HTMLButtonElement | null>>({ capture: null, saved: null });
  const okDb = db && !(db instanceof Error) ? db : undefined;
  const rows = useLeadRows(okDb, savedOpened);
  // Sync actions are offered only when a CRM is connected (one small read when the saved view opens).
  const [crmConnected, setCrmConnected] = useState(false);
  useEffect(() => {
    if (okDb && savedOpened) listTargets(okDb).then((t) => setCrmConnected(t.length > 0), () => {});
  }, [okDb, savedOpened]);

  // A layout effect: the database starts opening right after the first render, not a frame later.
  useLayoutEffect(() => {
    // Reconnects when another window upgrades or deletes the database; errors say what to do.
    const disconnect = connectLeadDb(setDb);
    props.tab.then(setTabId, (e: Error) => setTabId(e));
    return disconnect;
  }, [props.tab]);
  // The count and the distinct tags walk an index (linear in Chromium): they wait until the view the
  // user looks at has what it needs, so they never queue ahead of the capture's lookups or the first rows.
  const [settled, setSettled] = useState(false);
  const firstRowsIn = rows.state.index.rows.length > 0 || rows.state.complete;
  useEffect(() => {
    if (!okDb || !(settled || firstRowsIn)) return;
    // A moment later: a popup closed at once (a second click, one the browser opened and dropped) never starts
    // them, as they run on in the database after it closed and the next popup's lookups queue behind them
    // (~230 ms at 50,000 leads).
    const later = setTimeout(() => {
      countLeads(okDb).then(setTotal, () => setTotal(undefined));
      listTags(okDb).then(setTags, () => setTags([]));
    }, 250);
    return () => clearTimeout(later);
  }, [okDb, settled || firstRowsIn]);
  const [panel, setPanel] = useState<SavedPanel | Error>();
  useEffect(() => {
    // Once the capture is on screen (or the view is opened first), the saved view's code loads, so the tab opens at once.
    if (settled || savedOpened) loadSavedPanel().then(setPanel, (e: Error) => setPanel(e));
  }, [settled || savedOpened]);

  const show = (v: View) => {
    setView(v);
    if (v === 'saved' && !savedOpened) {
      performance.mark('ps:saved-open'); // read by `npm run bench`
      setSavedOpened(true);
    }
  };
  const onTabKey = (e: KeyboardEvent) => {
    const at = VIEWS.findIndex((v) => v.key === view);
    const next = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? VIEWS.length - 1 : -2;
    if (next === -2) return;
    e.preventDefault();
    const v = VIEWS[(next + VIEWS.length) % VIEWS.length]!.key;
    show(v);
    tabRefs.current[v]?.focus();
  };

  const onSaved = useCallback(
    (r: { lead: Lead; status: 'created' | 'updated'; mergedIds: string[] }) => {
      setTotal((n) => (n === undefined ? n : n + (r.status === 'created' ? 1 : 0) - r.mergedIds.length));
      setTags((t) => mergeTags(t, r.lead.tags).sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
      rows.saved(r.lead, r.mergedIds);
    },
    [rows.saved],
  );

  return (
    <main className="app popup">
      <header className="top">
        <h1>Prospect Scout</h1>
        <div role="tablist" aria-label="Views" onKeyDown={onTabKey}>
          {VIEWS.map((v) => (
            <button
              key={v.key}
              ref={(el) => {
                tabRefs.current[v.key] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${v.key}`}
              aria-controls={`panel-${v.key}`}
              aria-selected={view === v.key}
              tabIndex={view === v.key ? 0 : -1}
              onClick={() => show(v.key)}
            >
              {v.label}
              {v.key === 'saved' && total !== undefined && ` (${total})`}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label="Open lead workspace"
          title="Open lead workspace"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/workspace.html') })}
        >
          ▦
        </button>
        <button type="button" className="icon-button" aria-label="Export and settings" title="Export and settings" onClick={() => void browser.runtime.openOptionsPage()}>
          ⚙
        </button>
      </header>
      {db instanceof Error && <StorageErrorNotice error={db} />}
      {!(db instanceof Error) && tabId !== undefined && (
        <div role="tabpanel" id="panel-capture" aria-labelledby="tab-capture" hidden={view !== 'capture'}>
          {/* Extraction runs while the database opens; the cards wait for both. */}
          <CaptureView
            db={okDb}
            tabId={tabId}
            capture={props.capture}
            knownTags={tags}
            onSaved={onSaved}
            onShown={() => setSettled(true)}
            onRemoved={(ids) => {
              setTotal((n) => (n === undefined ? n : n - ids.length));
              rows.removed(ids);
            }}
          />
        </div>
      )}
      {okDb && savedOpened && (
        <div role="tabpanel" id="panel-saved" aria-labelledby="tab-saved" hidden={view !== 'saved'}>
          {panel instanceof Error && (
            <p className="error" role="alert">
              Could not load the saved leads view: {panel.message}
            </p>
          )}
          {panel === undefined && <p role="status">Loading saved leads…</p>}
          {panel && !(panel instanceof Error) && (
            <panel.SavedLeads
              db={okDb}
              rows={rows.state}
              total={total ?? 0}
              tags={tags}
              onSaved={(lead) => onSaved({ lead, status: rows.state.index.byId.has(lead.id) ? 'updated' : 'created', mergedIds: [] })}
              syncSlot={(r) => <panel.SyncStatus db={okDb} leadId={r.id} />}
              onSync={crmConnected ? async (leadIds) => (await sendToBackground('ui:sync-leads', { leadIds })).queued : undefined}
              onDeleted={(ids) => {
                setTotal((n) => (n === undefined ? n : n - ids.length));
                rows.removed(ids);
              }}
            />
          )}
        </div>
      )}
    </main>
  );
}
