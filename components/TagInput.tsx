import { useId, useState, type KeyboardEvent } from 'react';
import { mergeTags } from '@/utils/leads/merge';

/** Free-text tag editor with autocomplete from tags already in use. */
export function TagInput(props: { tags: string[]; suggestions: string[]; onChange: (tags: string[]) => void; label?: string }) {
  const { tags, suggestions, onChange, label = 'Tags' } = props;
  const [draft, setDraft] = useState('');
  const id = useId();
  const commit = (value = draft) => {
    const parts = value.split(',').map((t) => t.trim()).filter(Boolean);
    if (parts.length) onChange(mergeTags(tags, parts));
    setDraft('');
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Backspace' && !draft && tags.length) {
      onChange(tags.slice(0, -1));
    }
  };
  const available = suggestions.filter((s) => !tags.some((t) => t.toLowerCase() === s.toLowerCase()));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="tags">
        {tags.map((t) => (
          <span className="tag" key={t}>
            {t}
            <button type="button" aria-label={`Remove tag ${t}`} onClick={() => onChange(tags.filter((x) => x !== t))}>
              ×
            </button>
          </span>
        ))}
        <input
          id={id}
          name="tags"
          list={`${id}-list`}
          value={draft}
          placeholder="Add a tag, press Enter"
          onChange={(e) => {
            const v = e.target.value;
            // Picking a datalist option fills the whole value at once: take it as a tag.
            if (available.includes(v)) commit(v);
            else setDraft(v);
          }}
          onKeyDown={onKey}
          onBlur={() => commit()}
        />
        <datalist id={`${id}-list`}>
          {available.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </div>
    </div>
  );
}
