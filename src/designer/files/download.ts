/**
 * Offers content as a file download: a Blob behind a temporary `<a download>`, clicked once. The
 * object URL is revoked on the next task, after the browser has started the download.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

/** Offers text as a file download, with its MIME type. */
export function downloadText(content: string, type: string, fileName: string): void {
  downloadBlob(new Blob([content], { type }), fileName);
}
