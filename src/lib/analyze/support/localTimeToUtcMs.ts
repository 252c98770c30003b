/** hMailServer's naive local times (hmailserver.md §6 item 7) as UTC epoch ms, for comparing and bucketing. */
import { localToUtc } from '../../timeline/localToUtc.ts';
import { isoToMs } from './isoToMs.ts';

/** @param offsetMinutes minutes east of UTC the server's clock was in; null when the text is not such a time. */
export function localTimeToUtcMs(local: string | null, offsetMinutes: number): number | null {
  return local ? isoToMs(localToUtc(local, offsetMinutes)) : null;
}
