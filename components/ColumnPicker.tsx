import { useId } from 'react';

/**
 * Chooses and orders CSV columns: a checkbox per available column, and
 * Move up / Move down buttons on the chosen ones. `value` is the chosen
 * headers in file order.
 */
export function ColumnPicker(props: { available: readonly string[]; value: readonly string[]; onChange: (next: string[]) => void }) {
  const { available, value, onChange } = props;
  const id = useId();
  const chosen = value.filter((h) => available.includes(h));
  const rest = available.filter((h) => !chosen.includes(h));
  const move = (i: number, by: -1 | 1) => {
    const next = [...chosen];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    onChange(next);
  };
  return (
    <fieldset className="column-picker" aria-describedby={`${id}-hint`}>
      <legend>Columns</legend>
      <p id={`${id}-hint`} className="muted">
        {chosen.length} of {available.length} columns, in this order. Tick a column to add it at the end.
      </p>
      <div className="actions">
        <button type="button" onClick={() => onChange([...chosen, ...rest])}>
          Add all columns
        </button>
        <button type="button" onClick={() => onChange([])}>
          Remove all columns
        </button>
      </div>
      <ol aria-label="Chosen columns">
        {chosen.map((h, i) => (
          <li key={h}>
            <label>
              <input type="checkbox" checked onChange={() => onChange(chosen.filter((c) => c !== h))} /> {h}
            </label>
            <button type="button" aria-label={`Move ${h} up`} disabled={i === 0} onClick={() => move(i, -1)}>
              ↑
            </button>
            <button type="button" aria-label={`Move ${h} down`} disabled={i === chosen.length - 1} onClick={() => move(i, 1)}>
              ↓
            </button>
          </li>
        ))}
      </ol>
      {rest.length > 0 && (
        <ul aria-label="Other columns">
          {rest.map((h) => (
            <li key={h}>
              <label>
                <input type="checkbox" checked={false} onChange={() => onChange([...chosen, h])} /> {h}
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
