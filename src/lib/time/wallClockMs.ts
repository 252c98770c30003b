/**
 * A naive local time as hMailServer writes it (hmailserver.md §6 item 7: "YYYY-MM-DD HH:MM:SS[.mmm]", also with
 * a "T") read as if it were UTC: the wall-clock reading in ms, before any zone is applied.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3})\d*)?$/;

/** @returns the wall-clock reading as epoch ms "in UTC", or null when `local` is not a real calendar time. */
export function wallClockMs(local: string): number | null {
  const m = LOCAL.exec(local.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years below 100 as 19xx.
  const wall = new Date(0);
  wall.setUTCFullYear(y, mo - 1, d);
  wall.setUTCHours(h, mi, s, ms);
  if (wall.getUTCMonth() !== mo - 1 || wall.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return wall.getTime();
}
