/**
 * A zone's offset from UTC at one instant, from the runtime's tz data (Intl: Node 20 and Chromium ship full
 * ICU). One formatter per zone is kept: building a DateTimeFormat costs far more than formatting with it.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * Minutes east of UTC that `zone` was at `utcMs`, whole minutes (pre-1900 local mean times have seconds:
 * they are truncated, which no hMailServer time reaches).
 * @throws RangeError when `zone` is not a zone the runtime knows.
 */
export function zoneOffsetAt(zone: string, utcMs: number): number {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(zone).formatToParts(new Date(utcMs))) parts[p.type] = p.value;
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - Number(parts.year) : Number(parts.year);
  const wall = new Date(0);
  wall.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  wall.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
  const instant = Math.floor(utcMs / 1000) * 1000;
  return Math.trunc((wall.getTime() - instant) / 60_000);
}
