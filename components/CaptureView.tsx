import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { captureTab } from '@/utils/extract/capture';
import type { ExtractionResult } from '@/utils/leads/schema';
import { loadFormPhoneMetadata } from '@/utils/leads/form';
import { prefillFromSaved } from '@/utils/leads/merge';
import { emptyProspect, prospectToLead, type Lead } from '@/utils/leads/schema';
import { deleteLead, findDuplicates, restoreLeads, saveLead, type LeadDb, type SaveOptions } from '@/utils/leads/store';
import { showCaptureCount } from '@/utils/reach/badge';
import { queueAutoSync } from '@/utils/sync/enqueue';
import { CrmLookup } from './CrmLookup';
import { LeadEditor, type SaveOutcome } from './LeadEditor';
import { useEmailSuggestions } from './useEmailSuggestions';

const LOOKUP_MAX = 10;

/** A prospect to review, with the stored lead it would update (if any). */
type Draft = { lead: Lead; saved?: Lead };
/** What the last save of a card did, so Undo can put things back. */
type LastSave = { id: string; before?: Lead; mergedIds: string[] };
type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string; url?: string }
  | { kind: 'ready'; url: string; drafts: Draft[]; warnings: string[]; leads?: Lead[] };

/**
 * Reads the target tab, then shows one editable card per prospect found.
 * The page is read (and extracted) while `db` is still opening; the cards
 * appear once the identity lookups of their people are done too.
 */
export function CaptureView(props: {
  /** Undefined while the database opens. */
  db: LeadDb | undefined;
  tabId: number | Error;
  /** The capture the popup started before its UI rendered (else one is started here). */
  capture?: Promise<ExtractionResult>;
  knownTags: string[];
  onSaved: (result: { lead: Lead; status: 'created' | 'updated'; mergedIds: string[] }) => void;
  /** Leads removed from the store (an undone first save). */
  onRemoved: (ids: string[]) => void;
  /** The page's prospects (or an error) are on screen. */
  onShown?: () => void;
}) {
  const { db, tabId, capture, knownTags, onSaved, onRemoved, onShown } = props;
  const lastSaves = useRef(new Map<string, LastSave>());
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [saveAll, setSaveAll] = useState(0);
  const suggestions = useEmailSuggestions(db, state.kind === 'ready' ? state.leads : undefined);

  // Layout effects: they start at once after a render, not a frame later, so no step of a capture waits for a paint.
  const [result, setResult] = useState<ExtractionResult>();
  useLayoutEffect(() => {
    let cancelled = false;
    if (tabId instanceof Error) {
      setState({ kind: 'error', message: tabId.message });
      return;
    }
    (capture ?? captureTab(tabId)).then(
      (r) => {
        // The toolbar badge shows on that tab how many prospects this capture found (cleared when it navigates).
        if (r.ok) void showCaptureCount(tabId, r.prospects.length).catch(() => {});
        if (!cancelled) setResult(r);
      },
      (e: Error) => !cancelled && setState({ kind: 'error', message: e.message }),
    );
    return () => {
      cancelled = true;
    };
  }, [tabId, capture]);

  useLayoutEffect(() => {
    if (!result) return;
    if (!result.ok) return setState({ kind: 'error', message: result.error, url: result.url });
    if (!db) return;
    let cancelled = false;
    (async () => {
      const leads = result.prospects.map((p) => prospectToLead(p));
      const saved = await findDuplicates(db, leads);
      // A person saved before comes back with the user's own edits, tags and note.
      const drafts: Draft[] = leads.map((lead, i) => {
        const existing = saved[i];
        return { lead: existing ? prefillFromSaved(lead, existing) : lead, saved: existing };
      });
      // A saved person's phones join the card and what a save would change: the popup loads their metadata first.
      await loadFormPhoneMetadata(drafts.flatMap((d) => [...d.lead.phones, ...(d.saved?.phones ?? [])]).join('\n'));
      if (!cancelled) setState({ kind: 'ready', url: result.url, drafts, warnings: result.warnings, leads: drafts.map((d) => d.lead) });
    })().catch((e: Error) => !cancelled && setState({ kind: 'error', message: e.message }));
    return () => {
      cancelled = true;
    };
  }, [db, result]);

  useEffect(() => {
    // Read by `npm run bench` (popup open → prospects shown).
    if (state.kind === 'loading') return;
    performance.mark('ps:capture-shown');
    onShown?.();
  }, [state.kind]);

  // A card typed in by hand can be shown before the database has opened (its save says so).
  const openDb = (): LeadDb => {
    if (!db) throw new Error('the lead database is still opening: try again in a moment');
    return db;
  };
  // A saved lead sharing an email or profile under another name is never merged without asking.
  const save = async (draft: Draft, lead: Lead, onConflict: SaveOptions['onConflict'] = 'ask'): Promise<SaveOutcome> => {
    const db = openDb();
    const before = lastSaves.current.get(draft.lead.id);
    const result = await saveLead(db, lead, { onConflict });
    if (result.status === 'conflict') {
      return {
        status: 'question',
        message: `${result.conflicts.map((c) => c.message).join('; ')}: merge, or keep both?`,
        choices: [
          { label: 'Merge', run: () => save(draft, lead, 'merge') },
          { label: 'Keep both', run: () => save(draft, lead, 'keep-both') },
        ],
      };
    }
    // Undo returns to the state before the first save of this card: the stored lead it updated, or none.
    lastSaves.current.set(draft.lead.id, { id: result.lead.id, before: before ? before.before : draft.saved, mergedIds: result.mergedIds });
    onSaved(result);
    void queueAutoSync(db, [result.lead]).catch(() => {});
    return { status: result.status, lead: result.lead };
  };
  const undo = async (draft: Draft) => {
    const last = lastSaves.current.get(draft.lead.id);
    if (!last) return;
    const db = openDb();
    if (last.mergedIds.length) throw new Error('this save joined several saved leads into one, which cannot be taken apart again');
    if (last.before) {
      // Put the earlier version back as it was (a revision check would refuse it: this save moved the revision on).
      await restoreLeads(db, [last.before]);
      onSaved({ lead: last.before, status: 'updated', mergedIds: [] });
    } else {
      await deleteLead(db, last.id);
      onRemoved([last.id]);
    }
    lastSaves.current.delete(draft.lead.id);
  };
  const addBlank = (url: string) =>
    setState({ kind: 'ready', url, warnings: [], drafts: [{ lead: prospectToLead(emptyProspect(url)) }] });

  if (state.kind === 'loading') return <p role="status">Reading the page…</p>;
  if (state.kind === 'error') {
    return (
      <div>
        <p className="error" role="alert">
          {state.message}
        </p>
        <button type="button" onClick={() => addBlank(state.url ?? '')}>
          Enter a lead by hand
        </button>
      </div>
    );
  }
  return (
    <div>
      <p className="summary" role="status">
        {state.drafts.length === 0
          ? 'No prospect found on this page.'
          : `${state.drafts.length} prospect${state.drafts.length > 1 ? 's' : ''} found on this page.`}
      </p>
      {state.warnings.map((w) => (
        <p className="warning" key={w}>
          {w}
        </p>
      ))}
      {state.drafts.length === 0 && (
        <button type="button" onClick={() => addBlank(state.url)}>
          Enter a lead by hand
        </button>
      )}
      {state.drafts.length > 1 && (
        <button type="button" className="primary" onClick={() => setSaveAll((n) => n + 1)}>
          Save all {state.drafts.length}
        </button>
      )}
      {state.drafts.map((d, i) => (
        <div key={d.lead.id} className="capture-item">
          {/* CRM lookups for the first few prospects only: a team page must not use up the CRM's search rate. */}
          {i < LOOKUP_MAX && <CrmLookup email={d.lead.emails[0] ?? ''} linkedin={d.lead.profiles.linkedin} />}
          <LeadEditor
            variant="card"
            lead={d.lead}
            saved={d.saved}
            alreadySaved={!!d.saved}
            knownTags={knownTags}
            onSave={(lead) => save(d, lead)}
            onUndo={() => undo(d)}
            saveSignal={saveAll}
            focusSave={state.drafts.length === 1}
            suggestedEmail={suggestions.get(d.lead.id)}
          />
        </div>
      ))}
    </div>
  );
}
