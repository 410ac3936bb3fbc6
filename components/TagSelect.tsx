// The "Tag" filter of lead lists: every saved tag, or all of them.

/** A labelled select of tags with an "All tags" choice (value ''); used by the popup's saved view and the workspace. */
export function TagSelect(props: { id: string; tags: string[]; value: string; onChange: (tag: string) => void }) {
  const { id, tags, value, onChange } = props;
  return (
    <>
      <label htmlFor={id}>Tag</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All tags</option>
        {tags.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
    </>
  );
}
