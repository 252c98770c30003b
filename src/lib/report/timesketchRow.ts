/**
 * A timeline event as a Timesketch event. Timesketch's "Import from JSON or CSV" guide
 * (https://timesketch.org/guides/user/import-from-json-csv/, docs/guides/user/import-from-json-csv.md in
 * google/timesketch) names the mandatory fields `message`, `datetime` (ISO 8601, e.g. 2015-07-24T19:01:01+00:00)
 * and `timestamp_desc`; its examples add `timestamp` in microseconds since the epoch. Any other field is kept.
 */
import type { TimelineEvent } from '../timeline/timelineEvent.ts';

export const TIMESKETCH_FIELDS = [
  'message',
  'datetime',
  'timestamp',
  'timestamp_desc',
  'event_type',
  'source',
  'account',
  'ip',
  'message_path',
  'log_session',
  'time_local',
  'time_zone',
  'time_note',
] as const;

export type TimesketchRow = Record<(typeof TIMESKETCH_FIELDS)[number], string | number | null>;

const DESCRIPTIONS: Record<string, string> = {
  'message-db-created': 'Message Stored (database)',
  'message-received': 'Message Received (server stamp)',
  'message-date-header': 'Message Date Header',
  'account-last-logon': 'Account Last Logon',
  'file-modified': 'File Modified',
  connection: 'Connection',
  'logon-ok': 'Logon Succeeded',
  'logon-failed': 'Logon Failed',
  'logon-banned': 'Logon Banned',
  'relay-denied': 'Relay Denied',
  'message-accepted': 'Message Accepted',
  'delivery-local': 'Local Delivery',
  'delivery-remote': 'Remote Delivery',
  'delivery-failed': 'Delivery Failed',
  'ip-blocked': 'Connection Blocked',
  'credential-in-log': 'Credential Logged',
  'server-start': 'Server Start',
  error: 'Server Error',
};

/**
 * Null for an event without a UTC time: Timesketch cannot place it, and placeholders ("never") and times of
 * unknown zone (DOS zip times) have none, so they never reach it as invented instants. `datetime` is the real
 * instant in UTC; `time_zone` says which zone the source's own reading was in (time_local when there is one).
 */
export function timesketchRow(e: TimelineEvent): TimesketchRow | null {
  const ms = e.timeUtc === null ? Number.NaN : Date.parse(e.timeUtc);
  if (Number.isNaN(ms)) return null;
  return {
    message: e.description,
    datetime: new Date(ms).toISOString().replace(/Z$/, '+00:00'),
    timestamp: ms * 1000,
    timestamp_desc: DESCRIPTIONS[e.type] ?? e.type,
    event_type: e.type,
    source: e.source,
    account: e.account,
    ip: e.ip,
    message_path: e.refMessage,
    log_session: e.refSession,
    time_local: e.timeLocal,
    time_zone: e.timeZone,
    time_note: e.timeNote,
  };
}
