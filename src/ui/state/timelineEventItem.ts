/**
 * Timeline events take no tags themselves: tagging or bookmarking one tags the item it stands for, the one the
 * Timeline's tag filter finds it by (timelineQueries.ts): the message it is about, else the log session it is a
 * line of, else the account it names (as the event names it). A file's modification time stands for nothing.
 */
import type { AnnotatedItem } from '../../lib/model/annotation.ts';
import type { TimelineEventRow } from '../queries/timeline.ts';

export function timelineEventItem(event: TimelineEventRow): AnnotatedItem | null {
  if (event.refMessage) return { kind: 'message', key: event.refMessage };
  if (event.refSession) return { kind: 'log-session', key: event.refSession };
  if (event.account) return { kind: 'account', key: event.account };
  return null;
}

/** What the selection bar says about selected events that tagging passes by; null when there are none. */
export function untaggableEventsNote(untaggable: number, selected: number): string | null {
  if (untaggable === 0) return null;
  const have = untaggable === 1 ? 'has' : 'have';
  return `${untaggable.toLocaleString('en')} of ${selected.toLocaleString('en')} selected events ${have} no message, session or account to tag`;
}
