/** hMailServer's naive local times (hmailserver.md §6 item 7) to ISO UTC, given the server's offset east of UTC. */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3})\d*)?$/;

/** @returns "YYYY-MM-DDTHH:MM:SS.mmmZ", or null when `local` is not a real local time. */
export function localToUtc(local: string, offsetMinutes: number): string | null {
  const m = LOCAL.exec(local.trim());
  if (!m || !Number.isFinite(offsetMinutes)) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years below 100 as 19xx.
  const wall = new Date(0);
  wall.setUTCFullYear(y, mo - 1, d);
  wall.setUTCHours(h, mi, s, ms);
  if (wall.getUTCMonth() !== mo - 1 || wall.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return new Date(wall.getTime() - offsetMinutes * 60_000).toISOString();
}
