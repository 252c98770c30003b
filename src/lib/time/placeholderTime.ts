/**
 * Times that are not events: hMailServer's "never" value 1901-01-01 (hmailserver.md §2.3: pre-3.0 create
 * times, queue "now", ETRN hold), zero dates and 1970-01-01 defaults written by tools and databases for an
 * unset column, and dates no mail server can have written. They are shown as "never" / "not set" and kept out
 * of the timeline's extent and of Timesketch, never converted to a UTC instant.
 */
import { wallClockMs } from './wallClockMs.ts';

export interface PlaceholderTime {
  /** What to show instead of the time. */
  shown: 'never' | 'not set' | 'invalid';
  /** Why it is left out, for the "times left out" note. */
  reason: string;
}

/** hMailServer (1.0, 2004) and the SMTP stamps it reads postdate this; earlier years are unset clocks. */
const FIRST_PLAUSIBLE_YEAR = 1980;

/** @returns why `local` (a naive or ISO time as read) is not a real event time, or null when it is one. */
export function placeholderTime(local: string): PlaceholderTime | null {
  const text = local.trim();
  if (text.startsWith('1901-01-01')) return { shown: 'never', reason: 'hMailServer "never" value (1901-01-01)' };
  if (/^0{4}-/.test(text) || /^\d{4}-00-/.test(text) || /^\d{4}-\d{2}-00/.test(text)) return { shown: 'not set', reason: 'zero date (not set)' };
  if (text.startsWith('1970-01-01')) return { shown: 'not set', reason: '1970-01-01 epoch default (not set)' };
  const naive = text.replace(/(?:Z|[+-]\d{2}:?\d{2})$/, '');
  // Date.parse rolls 2024-02-30 over to March: the calendar check is ours whenever the text has our shape.
  const calendar = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}/.test(naive) ? wallClockMs(naive) !== null : !Number.isNaN(Date.parse(text));
  if (!calendar) return { shown: 'invalid', reason: `not a calendar time ("${text}")` };
  const year = Number(text.slice(0, 4));
  if (Number.isFinite(year) && year < FIRST_PLAUSIBLE_YEAR) return { shown: 'not set', reason: `year ${year}: before any mail server could write it (clock not set)` };
  return null;
}
