/**
 * Saves text as a file through the browser's download (a Blob and an `<a download>`): the audit
 * CSV until the shell offers a native save dialog. A UTF-8 byte-order mark goes first so that
 * Excel reads names with accents correctly.
 */
export function downloadText(filename: string, text: string, type = 'text/csv'): void {
  const blob = new Blob(['\uFEFF', text], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
