/**
 * Downloads bytes or text as a file from memory (Blob + object URL + <a download>): no network, so it
 * works from file:// under the page's CSP.
 */

/** Long enough for the browser to start the download before the URL is released. */
const REVOKE_AFTER_MS = 60_000;

export function saveFile(name: string, data: string | Uint8Array | Blob, type: string): void {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
