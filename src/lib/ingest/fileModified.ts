/** A dropped file's modification time, when the browser gives one (a File, not a bare Blob). */
export function fileModified(file: Blob): string | null {
  if (typeof File === 'undefined' || !(file instanceof File) || !Number.isFinite(file.lastModified)) return null;
  return new Date(file.lastModified).toISOString();
}
