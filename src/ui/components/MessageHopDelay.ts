/**
 * The delay between two Received hops as the Received-chain table shows it: signed (a negative delay
 * means a clock or a forged hop is wrong, and is shown as such), from seconds to days.
 */

const MINUS = '−';

/** "12 s", "−3 min", "1 h 5 min", "2 d 4 h"; "" when either hop had no readable time. */
export function formatHopDelay(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '';
  const sign = seconds < 0 ? MINUS : '';
  const s = Math.round(Math.abs(seconds));
  const [d, h, m, sec] = [Math.floor(s / 86_400), Math.floor((s % 86_400) / 3_600), Math.floor((s % 3_600) / 60), s % 60];
  const parts =
    d > 0 ? [`${d} d`, h > 0 ? `${h} h` : '']
    : h > 0 ? [`${h} h`, m > 0 ? `${m} min` : '']
    : m > 0 ? [`${m} min`, sec > 0 ? `${sec} s` : '']
    : [`${sec} s`];
  return sign + parts.filter(Boolean).join(' ');
}
