/** Whether the examiner's entry names a zone the analysis accepts: an IANA zone the browser knows, or an offset. */

const OFFSET = /^\s*(?:UTC|GMT)?\s*[+\-−]\s*(\d{1,2})(?::?(\d{2}))?\s*$/i;

export function isZoneText(text: string): boolean {
  const t = text.trim();
  if (/^(?:UTC|GMT|Z)$/i.test(t)) return true;
  const m = OFFSET.exec(t);
  if (m) return Number(m[2] ?? 0) < 60 && Number(m[1]) * 60 + Number(m[2] ?? 0) <= 14 * 60;
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(t)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: t });
    return true;
  } catch {
    return false;
  }
}
