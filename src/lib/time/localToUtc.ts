/**
 * Server-local times (hmailserver.md §6 item 7: logs, database times, last logons) to UTC with the case's
 * ServerZone: the only way any module turns such a time into an instant. Placeholders ("never", zero dates)
 * and impossible dates give null, like unreadable text: they are not instants.
 */
import { localTimeConverter, type LocalTimeConverter, type LocalTimeUtc } from './localTimeConverter.ts';
import { placeholderTime } from './placeholderTime.ts';
import type { ServerZone } from '../model/serverZone.ts';

// One converter per zone object: its quarter-hour memo then serves a whole run.
const converters = new WeakMap<ServerZone, LocalTimeConverter>();

export function serverTimeUtc(local: string | null, zone: ServerZone): LocalTimeUtc | null {
  if (!local || placeholderTime(local)) return null;
  let convert = converters.get(zone);
  if (!convert) {
    convert = localTimeConverter(zone);
    converters.set(zone, convert);
  }
  return convert(local);
}

/** @returns "YYYY-MM-DDTHH:MM:SS.mmmZ", or null when `local` is not a real local time. */
export function localToUtc(local: string | null, zone: ServerZone): string | null {
  const r = serverTimeUtc(local, zone);
  return r ? new Date(r.utcMs).toISOString() : null;
}

/** The same as epoch ms, for comparing and bucketing. */
export function localTimeToUtcMs(local: string | null, zone: ServerZone): number | null {
  return serverTimeUtc(local, zone)?.utcMs ?? null;
}
