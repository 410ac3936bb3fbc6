// Saves generated text as a file download from an extension page.
/**
 * Hands a text file to the browser's download manager through a Blob URL
 * and an `<a download>` click, which needs no `downloads` permission.
 */
export function downloadText(doc: Document, fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
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
