import { useEffect, useState } from 'react';
import { captureTab } from '@/utils/extract/capture';
import { prefillFromSaved } from '@/utils/leads/merge';
import { emptyProspect, prospectToLead, type Lead } from '@/utils/leads/schema';
import { findDuplicate, saveLead, type LeadDb, type SaveOptions } from '@/utils/leads/store';
import { queueAutoSync } from '@/utils/sync/enqueue';
import { CrmLookup } from './CrmLookup';
import { LeadEditor, type SaveOutcome } from './LeadEditor';

const LOOKUP_MAX = 10;

type Draft = { lead: Lead; alreadySaved: boolean };
type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; url: string; drafts: Draft[]; warnings: string[] };

/** Reads the target tab, then shows one editable card per prospect found. */
export function CaptureView(props: { db: LeadDb; tabId: number | Error; knownTags: string[]; onSaved: (result: { lead: Lead; status: 'created' | 'updated'; mergedIds: string[] }) => void }) {
  const { db, tabId, knownTags, onSaved } = props;
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [saveAll, setSaveAll] = useState(0);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      if (tabId instanceof Error) return setState({ kind: 'error', message: tabId.message });
      const result = await captureTab(tabId);
      if (!result.ok) return !cancelled && setState({ kind: 'error', message: result.error });
      const drafts: Draft[] = [];
      for (const p of result.prospects) {
        const lead = prospectToLead(p);
        // A person saved before comes back with the user's own edits, tags and note.
        const existing = await findDuplicate(db, lead);
        drafts.push({ lead: existing ? prefillFromSaved(lead, existing) : lead, alreadySaved: !!existing });
      }
      if (!cancelled) setState({ kind: 'ready', url: result.url, drafts, warnings: result.warnings });
    })().catch((e: Error) => !cancelled && setState({ kind: 'error', message: e.message }));
    return () => {
      cancelled = true;
    };
  }, [db, tabId]);

  useEffect(() => {
    // Read by `npm run bench` (popup open → prospects shown).
    if (state.kind !== 'loading') performance.mark('ps:capture-shown');
  }, [state.kind]);

  // A saved lead sharing an email or profile under another name is never merged without asking.
  const save = async (lead: Lead, onConflict: SaveOptions['onConflict'] = 'ask'): Promise<SaveOutcome> => {
    const result = await saveLead(db, lead, { onConflict });
    if (result.status === 'conflict') {
      return {
        status: 'question',
        message: `${result.conflicts.map((c) => c.message).join('; ')}: merge, or keep both?`,
        choices: [
          { label: 'Merge', run: () => save(lead, 'merge') },
          { label: 'Keep both', run: () => save(lead, 'keep-both') },
        ],
      };
    }
    onSaved(result);
    void queueAutoSync(db, [result.lead]).catch(() => {});
    return { status: result.status, lead: result.lead };
  };
  const addBlank = (url: string) =>
    setState({ kind: 'ready', url, warnings: [], drafts: [{ lead: prospectToLead(emptyProspect(url)), alreadySaved: false }] });

  if (state.kind === 'loading') return <p role="status">Reading the page…</p>;
  if (state.kind === 'error') {
    return (
      <div>
        <p className="error" role="alert">
          {state.message}
        </p>
        <button type="button" onClick={() => addBlank('')}>
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
        <div key={d.lead.id}>
          {/* CRM lookups for the first few prospects only: a team page must not use up the CRM's search rate. */}
          {i < LOOKUP_MAX && <CrmLookup email={d.lead.emails[0] ?? ''} linkedin={d.lead.profiles.linkedin} />}
          <LeadEditor lead={d.lead} alreadySaved={d.alreadySaved} knownTags={knownTags} onSave={(lead) => save(lead)} saveSignal={saveAll} />
        </div>
      ))}
    </div>
  );
}
