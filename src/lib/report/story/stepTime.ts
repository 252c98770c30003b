/**
 * A step's time in UTC and in the server's clock, from whichever of the two a finding recorded. The zone
 * model (src/lib/time) decides daylight saving; nothing here guesses an offset.
 */
import { localToUtc } from '../../time/localToUtc.ts';
import type { ServerZone } from '../../model/serverZone.ts';
import { zoneOffsetAt } from '../../time/zoneOffsetAt.ts';
import type { StepTime } from './storyChain.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "YYYY-MM-DD HH:MM:SS" (".mmm" when the instant has milliseconds) on the server's wall clock. */
function utcToServerLocal(utcMs: number, zone: ServerZone): string {
  const offset = zone.fixedOffsetMinutes ?? zoneOffsetAt(zone.id, utcMs);
  const d = new Date(utcMs + offset * 60_000);
  const ms = d.getUTCMilliseconds();
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${ms ? `.${pad(ms, 3)}` : ''}`;
}

/** From a UTC ISO instant; null when there is none or it does not parse. */
export function stepTimeFromUtc(utc: unknown, zone: ServerZone): StepTime | null {
  if (typeof utc !== 'string') return null;
  const ms = Date.parse(utc);
  if (Number.isNaN(ms)) return null;
  return { utc: new Date(ms).toISOString(), server: utcToServerLocal(ms, zone), zone: zone.id };
}

/** From a server-local time as hMailServer writes it; null for placeholders and unreadable text. */
export function stepTimeFromServer(local: unknown, zone: ServerZone): StepTime | null {
  if (typeof local !== 'string') return null;
  const utc = localToUtc(local, zone);
  return utc ? { utc, server: local, zone: zone.id } : null;
}
