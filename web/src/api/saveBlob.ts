/** Saves a Blob as a file the browser downloads (an object URL on a temporary `<a download>`). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the download has started from the click; keep the URL a moment for browsers that read it asynchronously
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
