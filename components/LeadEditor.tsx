import { useEffect, useId, useRef, useState } from 'react';
import { formToLead, leadToForm, loadFormPhoneMetadata, type LeadForm } from '@/utils/leads/form';
import { describeChanges, formatPhone, initials, isLowConfidence, relativeTime } from '@/utils/leads/display';
import type { EmailSuggestion } from '@/utils/leads/email-pattern';
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
 * and note of the matching saved lead); `onSave` stores it. As a `card`
 * (the capture view) it shows who the person is at a glance, with the full
 * form behind "Edit details"; as a `form` (editing a saved lead) every field
 * shows at once.
 */
export function LeadEditor(props: {
  lead: Lead;
  knownTags: string[];
  alreadySaved?: boolean;
  /** Stores the edited lead; `base` is the lead the form was opened with (for detecting concurrent edits). */
  onSave: (lead: Lead, base: Lead) => Promise<SaveOutcome>;
  /** Each new value (from "Save all") saves this card as its Save button would. */
  saveSignal?: number;
  variant?: 'card' | 'form';
  /** The stored lead this draft would update: "Already saved (updated 3 days ago)" and what a save changes. */
  saved?: Lead;
  /** Undoes the last save (offered after saving, when given). */
  onUndo?: () => Promise<void>;
  /** Focus the Save button on mount, so Enter saves (a page with one prospect). */
  focusSave?: boolean;
  /** An address guessed from the company's pattern: offered, and part of the lead only once accepted. */
  suggestedEmail?: EmailSuggestion;
}) {
  const { lead, knownTags, alreadySaved, onSave, saveSignal, variant = 'form', saved, onUndo, focusSave, suggestedEmail } = props;
  const [form, setForm] = useState<LeadForm>(() => leadToForm(lead));
  // The lead the form edits: as opened, then as last saved (not a newer copy the list may pass in later).
  const [base, setBase] = useState<Lead>(lead);
  const [errors, setErrors] = useState<Partial<Record<keyof LeadForm, string>>>({});
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [expanded, setExpanded] = useState(variant === 'form');
  const [copied, setCopied] = useState('');
  const id = useId();
  const signalAtMount = useRef(saveSignal);
  const saveButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (focusSave) saveButton.current?.focus();
  }, [focusSave]);

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
  // The card formats phones and tells what a save would change from the phones whose metadata is in (the popup loads
  // it per calling code): those it opened with (loaded by whoever opened it), then each typed text once loaded.
  const [phonesLoaded, setPhonesLoaded] = useState(form.phones);
  useEffect(() => {
    if (form.phones === phonesLoaded) return;
    let live = true;
    loadFormPhoneMetadata(form.phones).then(() => live && setPhonesLoaded(form.phones), () => {});
    return () => {
      live = false;
    };
  }, [form.phones]);
  const save = async () => {
    try {
      await loadFormPhoneMetadata(form.phones);
    } catch (e) {
      setState({ kind: 'error', message: (e as Error).message });
      return;
    }
    const result = formToLead(form, base);
    if ('errors' in result) {
      setErrors(result.errors);
      // A mistake in a collapsed field must be visible to be fixed.
      setExpanded(true);
      return;
    }
    setErrors({});
    await settle(onSave(result.lead, base));
  };
  const undo = async () => {
    try {
      await onUndo?.();
      setState({ kind: 'idle' });
    } catch (e) {
      setState({ kind: 'error', message: `Undo failed: ${(e as Error).message}` });
    }
  };
  const copy = async (value: string) => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(`Copied ${value}`);
    } catch {
      setCopied('Could not copy: the browser refused');
    }
  };

  useEffect(() => {
    // Only a signal newer than this card saves: not the one it mounted with, nor an edit in between.
    if (saveSignal !== signalAtMount.current) void save();
  }, [saveSignal]);

  const emails = splitLines(form.emails);
  const heading = form.name || emails[0] || 'Unnamed prospect';
  const isSaved = state.kind === 'saved';
  const draft = saved && !isSaved ? formToLead({ ...form, phones: phonesLoaded }, base) : undefined;
  const changes = saved && draft && 'lead' in draft ? describeChanges(saved, draft.lead) : [];
  const fields = (
    <div className="details" id={`${id}-details`} hidden={!expanded}>
      {FIELDS.map(({ key, label, multiline }) => {
        const fieldId = `${id}-${key}`;
        const source = provenanceLabel(base, key);
        const guessed = fieldIsGuess(lead, key);
        return (
          <div className="field" key={key}>
            <div className="field-label">
              <label htmlFor={fieldId}>{label}</label>
              {source && (
                <span className="source" title="Where this was found on the page" aria-hidden="true">
                  {source}
                </span>
              )}
              {guessed && (
                <span className="low" id={`${fieldId}-low`}>
                  check: read from page text
                </span>
              )}
            </div>
            {multiline ? (
              <textarea id={fieldId} name={key} aria-describedby={guessed ? `${fieldId}-low` : undefined} rows={key === 'note' ? 2 : Math.max(1, form[key].split('\n').length)} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
            ) : (
              <input id={fieldId} name={key} aria-describedby={guessed ? `${fieldId}-low` : undefined} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
            )}
            {errors[key] && (
              <p className="error" role="alert">
                {label}: {errors[key]}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
  const extras = (
    <>
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
    </>
  );
  const sub = [form.title, form.company].filter(Boolean).join(' · ');
  const profiles = PROFILE_LINKS.filter((p) => /^https?:\/\//i.test(form[p.key].trim()));
  return (
    <form
      className={`card${variant === 'card' ? ' prospect' : ''}${isSaved ? ' is-saved' : ''}`}
      aria-label={`Prospect ${heading}`}
      onSubmit={(e) => {
        e.preventDefault();
        // While a save runs the button only says it is busy (aria-disabled): a disabled button would drop the focus to the page.
        if (state.kind !== 'saving') void save();
      }}
    >
      {variant === 'card' ? (
        <>
          <div className="card-head">
            <span className="avatar" aria-hidden="true">
              {initials(form.name, emails[0])}
            </span>
            <div className="card-id">
              <h2>
                {heading}
                {isSaved && <span className="badge saved-badge">Saved</span>}
              </h2>
              {sub && <p className="muted card-sub">{sub}</p>}
            </div>
            {profiles.length > 0 && (
              <div className="profile-links">
                {profiles.map((p) => (
                  <a key={p.key} href={form[p.key].trim()} target="_blank" rel="noreferrer" aria-label={`${p.label} profile`} title={`${p.label} profile`} className="profile-link">
                    {p.icon}
                  </a>
                ))}
              </div>
            )}
          </div>
          {(emails.length > 0 || splitLines(phonesLoaded).length > 0) && (
            <ul className="chips" aria-label="Contact details">
              {emails.map((e) => (
                <Chip key={`e${e}`} kind="Email" value={e} shown={e} guessed={isLowConfidence(lead, `emails:${e}`)} onCopy={copy} />
              ))}
              {splitLines(phonesLoaded).map((p) => (
                <Chip key={`p${p}`} kind="Phone" value={p} shown={formatPhone(p)} guessed={isLowConfidence(lead, `phones:${p}`)} onCopy={copy} />
              ))}
            </ul>
          )}
          {suggestedEmail && emails.length === 0 && !isSaved && (
            <p className="suggestion" aria-label="Suggested email">
              <span>
                <span className="sr-only">Suggested email: </span>
                <span className="chip-value">{suggestedEmail.email}</span>{' '}
                <span className="low">
                  guessed from {suggestedEmail.count} saved lead{suggestedEmail.count === 1 ? '' : 's'} at {suggestedEmail.domain}
                </span>
              </span>
              <button type="button" onClick={() => setForm({ ...form, emails: suggestedEmail.email })} aria-label={`Accept ${suggestedEmail.email}`}>
                Accept
              </button>
            </p>
          )}
          {copied && (
            <p className="muted copied" role="status">
              {copied}
            </p>
          )}
          {saved && !isSaved && (
            <p className="saved-note">
              Already saved (updated {relativeTime(saved.updatedAt)})
              {changes.length ? `. Saving ${changes.slice(0, 4).join('; ')}${changes.length > 4 ? ` and ${changes.length - 4} more` : ''}.` : '. Nothing new on this page.'}
            </p>
          )}
          <TagInput tags={form.tags} suggestions={knownTags} onChange={(tags) => setForm({ ...form, tags })} />
{extras}
          <div className="actions">
            <button ref={saveButton} type="submit" className="primary" aria-disabled={state.kind === 'saving'}>
              {alreadySaved ? 'Update lead' : 'Save lead'}
            </button>
            <button type="button" aria-expanded={expanded} aria-controls={`${id}-details`} onClick={() => setExpanded(!expanded)}>
              {expanded ? 'Hide details' : 'Edit details'}
            </button>
            <SaveStatus state={state} />
            {isSaved && onUndo && (
              <button type="button" className="link" onClick={() => void undo()}>
                Undo
              </button>
            )}
          </div>
          {fields}
        </>
      ) : (
        <>
          <h2>
            {heading}
            {alreadySaved && <span className="badge">saved before</span>}
          </h2>
          {fields}
          <TagInput tags={form.tags} suggestions={knownTags} onChange={(tags) => setForm({ ...form, tags })} />
{extras}
          <div className="actions">
            <button type="submit" className="primary" aria-disabled={state.kind === 'saving'}>
              {alreadySaved ? 'Update lead' : 'Save lead'}
            </button>
            <SaveStatus state={state} />
          </div>
        </>
      )}
    </form>
  );
}

const PROFILE_LINKS = [
  { key: 'linkedin', label: 'LinkedIn', icon: 'in' },
  { key: 'x', label: 'X', icon: '𝕏' },
  { key: 'github', label: 'GitHub', icon: 'gh' },
  { key: 'website', label: 'Website', icon: 'www' },
] as const;

function splitLines(s: string): string[] {
  return s.split(/\n+/).map((x) => x.trim()).filter(Boolean);
}

function SaveStatus({ state }: { state: SaveState }) {
  return (
    <span role="status" className={state.kind === 'error' ? 'error' : 'ok'}>
      {state.kind === 'saved' && (state.status === 'created' ? 'Saved' : 'Updated existing lead')}
      {state.kind === 'error' && `Not saved: ${state.message}`}
    </span>
  );
}

/** One email or phone with its copy button; a guessed value says so. */
function Chip(props: { kind: 'Email' | 'Phone'; value: string; shown: string; guessed: boolean; onCopy: (v: string) => void }) {
  const { kind, value, shown, guessed, onCopy } = props;
  return (
    <li className={`chip${guessed ? ' low-chip' : ''}`}>
      <span className="chip-kind" aria-hidden="true">
        {kind === 'Email' ? '✉' : '☎'}
      </span>
      <span className="chip-value">
        <span className="sr-only">{kind}: </span>
        {shown}
        {guessed && <span className="low"> (check: read from page text)</span>}
      </span>
      <button type="button" className="icon-button" aria-label={`Copy ${shown}`} title="Copy" onClick={() => onCopy(value)}>
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          <rect x="3.5" y="0.5" width="8" height="8" rx="1" fill="none" stroke="currentColor" />
          <rect x="0.5" y="3.5" width="8" height="8" rx="1" fill="var(--bg-raised)" stroke="currentColor" />
        </svg>
      </button>
    </li>
  );
}

/** Whether the value(s) of a form field are guesses (see {@link isLowConfidence}). */
function fieldIsGuess(lead: Lead, key: keyof LeadForm): boolean {
  if (key === 'emails' || key === 'phones') return lead[key].some((v) => isLowConfidence(lead, `${key}:${v}`));
  if (key === 'linkedin' || key === 'x' || key === 'github') return isLowConfidence(lead, `profiles.${key}`);
  return key !== 'tags' && key !== 'note' && isLowConfidence(lead, key);
}

const HISTORY_LABELS = { name: 'Name', title: 'Job title', company: 'Company' } as const;

/** Short "json-ld"-style name of where a field's value came from. */
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
