/** Reading and writing a server zone: the offsets and zone names an examiner types and reads. */
import type { ServerZone } from '../model/serverZone.ts';

/** Real offsets span UTC−12:00 … UTC+14:00; anything beyond is a typing error. */
const MAX_OFFSET_MINUTES = 14 * 60;

/** "+02:00", "−05:30" (ASCII hyphen when `ascii`, for machine-read text). */
export function formatOffset(minutes: number, ascii = false): string {
  const sign = minutes < 0 ? (ascii ? '-' : '−') : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function fixedZone(minutes: number, basis: string): ServerZone {
  return { id: `UTC${formatOffset(minutes, true)}`, fixedOffsetMinutes: minutes, basis };
}

/** Minutes east of UTC from "+02:00", "-0530", "+2", "UTC+01:00", "UTC", "Z"; null when it is not an offset. */
function parseOffset(text: string): number | null {
  const m = /^\s*(?:UTC|GMT)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?\s*$/i.exec(text);
  if (!m) return /^\s*(?:UTC|GMT|Z)\s*$/i.test(text) ? 0 : null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (Number(m[3] ?? 0) >= 60 || minutes > MAX_OFFSET_MINUTES) return null;
  return m[1] === '+' ? minutes : -minutes;
}

/**
 * An IANA zone name as the runtime lists it ("america/new_york" → "America/New_York"), or as typed when the
 * runtime knows it only as an alias (Node 20's ICU lists Asia/Calcutta, not Asia/Kolkata); null when unknown.
 */
function canonicalZoneName(text: string): string | null {
  const name = text.trim();
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return null;
  const listed = Intl.supportedValuesOf('timeZone').find((z) => z.toLowerCase() === name.toLowerCase());
  if (listed) return listed;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name;
  } catch {
    return null;
  }
}

/** An examiner's entry: an IANA zone name or a fixed offset; null when it is neither. */
export function parseServerZone(text: string, basis: string): ServerZone | null {
  const offset = parseOffset(text);
  if (offset !== null) return fixedZone(offset, basis);
  const name = canonicalZoneName(text);
  return name ? { id: name, fixedOffsetMinutes: null, basis } : null;
}
