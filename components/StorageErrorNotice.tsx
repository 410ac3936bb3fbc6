// The notice an extension page shows when its lead database cannot be used: what went wrong, and a Reload button.

/** Shows a storage error's message (which says what to do) with a Reload button. */
export function StorageErrorNotice(props: { error: Error }) {
  return (
    <div className="error" role="alert">
      <p>{props.error.message}</p>
      <button type="button" onClick={() => location.reload()}>
        Reload
      </button>
    </div>
  );
}
