// Saves generated text or a chunked Blob as a file download from an extension page.
/**
 * Hands a text file to the browser's download manager through a Blob URL
 * and an `<a download>` click, which needs no `downloads` permission.
 */
export function downloadText(doc: Document, fileName: string, text: string, mime: string): void {
  downloadBlob(doc, fileName, new Blob([text], { type: mime }));
}

/** Hands a Blob (e.g. a chunked export) to the download manager, like {@link downloadText}. */
export function downloadBlob(doc: Document, fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
