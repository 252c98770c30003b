/**
 * hMailServer's naive local times in one shape, "YYYY-MM-DD HH:MM:SS", whatever engine wrote them
 * (MySQL '…', pg '…', SQL Server '…T….000', ODBC {ts …}). Fractions are dropped: hMailServer writes whole
 * seconds. Anything else is null: a time is never guessed.
 */
const TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;

export function normalizeTime(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = TIME.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = m;
  if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +h > 23 || +mi > 59 || +s > 60) return null;
  return `${y}-${mo}-${d} ${h}:${mi}:${s}`;
}
