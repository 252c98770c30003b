/**
 * Times as the Timeline, Logs and message views show them: UTC, and the server's zone given as minutes
 * east of UTC (case_meta server_utc_offset_minutes). Unparseable times show as given, never guessed.
 */

/** Real zones span UTC−12:00 … UTC+14:00; anything beyond is a typing error. */
export const MAX_OFFSET_MINUTES = 14 * 60;

/** "2024-03-01 12:34:56" (UTC) from an ISO time; '' for null; the input itself when it does not parse. */
export function formatUtc(iso: string | null): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** The same instant on the server's clock. */
export function formatServerTime(iso: string | null, offsetMinutes: number): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** "UTC+02:00", "UTC−05:30" (with a real minus sign). */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${sign}${hh}:${mm}`;
}

/** Minutes east of UTC from "+02:00", "-0530", "+2", "UTC+01:00"; null when it is not an offset. */
export function parseUtcOffset(text: string): number | null {
  const m = /^\s*(?:UTC|GMT)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?\s*$/i.exec(text);
  if (!m) return /^\s*(?:UTC|GMT|Z)?\s*$/i.test(text) && text.trim() !== '' ? 0 : null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (Number(m[3] ?? 0) >= 60 || minutes > MAX_OFFSET_MINUTES) return null;
  return m[1] === '+' ? minutes : -minutes;
}
