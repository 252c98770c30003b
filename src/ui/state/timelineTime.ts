/**
 * Times as the Timeline, Logs and message views show them: UTC, and the same instant on the server's clock
 * in its zone (an IANA name, with daylight saving, or "UTC±HH:MM"). Unparseable times show as given, never guessed.
 */

/** "2024-03-01 12:34:56" (UTC) from an ISO time; '' for null; the input itself when it does not parse. */
export function formatUtc(iso: string | null): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

const FIXED = /^UTC([+-])(\d{2}):(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '−' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The instant on the server's clock with the offset in force then: "2023-11-05 01:30:00 −04:00". */
export function formatServerTime(iso: string | null, zone: string): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const fixed = FIXED.exec(zone);
  if (fixed || zone === 'UTC') {
    const minutes = fixed ? (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3])) : 0;
    return `${new Date(ms + minutes * 60_000).toISOString().slice(0, 19).replace('T', ' ')} ${offsetText(minutes)}`;
  }
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'longOffset',
      });
    } catch {
      return formatUtc(iso);
    }
    formatters.set(zone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(ms))) p[part.type] = part.value;
  const offset = p.timeZoneName === 'GMT' ? '+00:00' : (p.timeZoneName ?? '').replace('GMT', '').replace('-', '−');
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} ${offset}`;
}
