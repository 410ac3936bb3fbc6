import { useEffect, useId, useRef, useState } from 'react';
import { formToLead, leadToForm, type LeadForm } from '@/utils/leads/form';
import type { Lead } from '@/utils/leads/schema';
import { TagInput } from './TagInput';

/**
 * What saving a card led to: saved, or a question for the user (e.g. "Jane
 * Doe is saved with this email: merge / keep both") whose choices save again.
 */
export type SaveOutcome =
  | { status: 'created' | 'updated'; lead: Lead }
  | { status: 'question'; message: string; choices: Array<{ label: string; run: () => Promise<SaveOutcome> }> };

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; status: 'created' | 'updated' }
  | { kind: 'question'; outcome: Extract<SaveOutcome, { status: 'question' }> }
  | { kind: 'error'; message: string };

const FIELDS: Array<{ key: Exclude<keyof LeadForm, 'tags'>; label: string; multiline?: boolean }> = [
  { key: 'name', label: 'Name' },
  { key: 'title', label: 'Job title' },
  { key: 'company', label: 'Company' },
  { key: 'emails', label: 'Emails', multiline: true },
  { key: 'phones', label: 'Phones', multiline: true },
  { key: 'linkedin', label: 'LinkedIn' },
  { key: 'x', label: 'X' },
  { key: 'github', label: 'GitHub' },
  { key: 'website', label: 'Website' },
  { key: 'location', label: 'Location' },
  { key: 'note', label: 'Note', multiline: true },
];

/**
 * Review-and-save card for one prospect. `lead` is the draft (with any tags
 * and note of the matching saved lead); `onSave` stores it.
 */
export function LeadEditor(props: {
  lead: Lead;
  knownTags: string[];
  alreadySaved?: boolean;
  /** Stores the edited lead; `base` is the lead the form was opened with (for detecting concurrent edits). */
  onSave: (lead: Lead, base: Lead) => Promise<SaveOutcome>;
  /** Each new value (from "Save all") saves this card as its Save button would. */
  saveSignal?: number;
}) {
  const { lead, knownTags, alreadySaved, onSave, saveSignal } = props;
  const [form, setForm] = useState<LeadForm>(() => leadToForm(lead));
  // The lead the form edits: as opened, then as last saved (not a newer copy the list may pass in later).
  const [base, setBase] = useState<Lead>(lead);
  const [errors, setErrors] = useState<Partial<Record<keyof LeadForm, string>>>({});
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const id = useId();
  const signalAtMount = useRef(saveSignal);

  const settle = async (pending: Promise<SaveOutcome>) => {
    setState({ kind: 'saving' });
    try {
      const outcome = await pending;
      if (outcome.status === 'question') return setState({ kind: 'question', outcome });
      setBase(outcome.lead);
      setState({ kind: 'saved', status: outcome.status });
    } catch (e) {
      setState({ kind: 'error', message: (e as Error).message });
    }
  };
  const save = async () => {
    const result = formToLead(form, base);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    await settle(onSave(result.lead, base));
  };

  useEffect(() => {
    // Only a signal newer than this card saves: not the one it mounted with, nor an edit in between.
    if (saveSignal !== signalAtMount.current) void save();
  }, [saveSignal]);

  const heading = form.name || form.emails.split('\n')[0] || 'Unnamed prospect';
  return (
    <form
      className="card"
      aria-label={`Prospect ${heading}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>
        {heading}
        {alreadySaved && <span className="badge">saved before</span>}
      </h2>
      {FIELDS.map(({ key, label, multiline }) => {
        const fieldId = `${id}-${key}`;
        const source = provenanceLabel(base, key);
        return (
          <div className="field" key={key}>
            <label htmlFor={fieldId}>
              {label}
              {source && <span className="source" title="Where this was found"> · {source}</span>}
            </label>
            {multiline ? (
              <textarea id={fieldId} name={key} rows={key === 'note' ? 2 : Math.max(1, form[key].split('\n').length)} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
            ) : (
              <input id={fieldId} name={key} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
            )}
            {errors[key] && (
              <p className="error" role="alert">
                {label}: {errors[key]}
              </p>
            )}
          </div>
        );
      })}
      <TagInput tags={form.tags} suggestions={knownTags} onChange={(tags) => setForm({ ...form, tags })} />
      {errors.tags && (
        <p className="error" role="alert">
          Tags: {errors.tags}
        </p>
      )}
      {base.history.length > 0 && (
        <details className="history">
          <summary>Other values seen ({base.history.length})</summary>
          <ul>
            {base.history.map((h) => (
              <li key={`${h.at}-${h.field}-${h.value}`}>
                {HISTORY_LABELS[h.field]}: {h.value} ({h.change === 'replaced' ? 'replaced' : 'not applied'} {h.at.slice(0, 10)}
                {h.source ? `, from ${h.source}` : ''})
              </li>
            ))}
          </ul>
        </details>
      )}
      {state.kind === 'question' && (
        <div className="question" role="alertdialog" aria-label={state.outcome.message}>
          <p>{state.outcome.message}</p>
          {state.outcome.choices.map((c) => (
            <button type="button" key={c.label} onClick={() => void settle(c.run())}>
              {c.label}
            </button>
          ))}
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={state.kind === 'saving'}>
          {alreadySaved ? 'Update lead' : 'Save lead'}
        </button>
        <span role="status" className={state.kind === 'error' ? 'error' : 'ok'}>
          {state.kind === 'saved' && (state.status === 'created' ? 'Saved' : 'Updated existing lead')}
          {state.kind === 'error' && `Not saved: ${state.message}`}
        </span>
      </div>
    </form>
  );
}

const HISTORY_LABELS = { name: 'Name', title: 'Job title', company: 'Company' } as const;

/** Short "found in JSON-LD"-style label of where a field's value came from. */
function provenanceLabel(lead: Lead, key: keyof LeadForm): string {
  const p = lead.provenance;
  const src =
    key === 'emails' || key === 'phones'
      ? lead[key].map((v) => p[`${key}:${v}`]).find(Boolean)
      : key === 'linkedin' || key === 'x' || key === 'github'
        ? p[`profiles.${key}`]
        : p[key];
  return src && src !== 'user' ? src : '';
}
