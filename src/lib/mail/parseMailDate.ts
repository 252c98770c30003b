/** RFC 5322 date-time (with the obsolete forms mailers still write) → ISO UTC plus the written offset. */

export interface MailDate {
  /** ISO 8601 UTC, e.g. 2024-05-08T09:00:00.000Z. */
  iso: string;
  /** Offset written in the stamp, minutes east of UTC. */
  offsetMinutes: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** RFC 5322 §4.3 obsolete zones; military letters mean "unknown" there and are refused. */
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0,
  edt: -240, est: -300, cdt: -300, cst: -360, mdt: -360, mst: -420, pdt: -420, pst: -480,
};

const DATE_TIME =
  /^(?:[a-z]{3,9}\s*,?\s*)?(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([+-]\d{4}|[+-]\d{2}:\d{2}|[a-z]{1,5})?\b/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** null when the text is not a date-time with a known zone: nothing is guessed. */
export function parseMailDate(text: string | null | undefined): MailDate | null {
  if (!text) return null;
  const m = DATE_TIME.exec(text.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim());
  if (!m) return null;
  const [, dd, mon, yy, hh, mi, ss, zone] = m;
  const month = MONTHS.indexOf(mon.slice(0, 3).toLowerCase());
  if (month < 0 || !zone) return null;
  let year = Number(yy);
  if (yy.length === 2) year += year < 50 ? 2000 : 1900;
  else if (yy.length === 3) year += 1900;
  const day = Number(dd);
  const hour = Number(hh);
  const minute = Number(mi);
  const second = ss ? Number(ss) : 0;
  if (year < 1900 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 60) return null;

  let offset: number;
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) {
    const mins = Number(numeric[2]) * 60 + Number(numeric[3]);
    if (Number(numeric[3]) > 59 || mins > 18 * 60) return null;
    offset = numeric[1] === '-' ? -mins : mins;
  } else {
    const named = ZONES[zone.toLowerCase()];
    if (named === undefined) return null;
    offset = named;
  }
  const utc = Date.UTC(year, month, day, hour, minute, Math.min(second, 59)) - offset * 60_000;
  return { iso: new Date(utc).toISOString(), offsetMinutes: offset };
}
