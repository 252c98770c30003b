/** The timeline as stored, back in TimelineEvent form for exports. */
import type { Database, SqlValue } from 'sql.js';
import type { TimelineEvent } from '../timeline/timelineEvent.ts';
import { selectRows } from './selectRows.ts';

const COLUMNS = 'time_utc, time_local, type, source, description, ref_message, ref_session, account, ip, time_zone, time_note';

const str = (v: SqlValue): string | null => (v === null || v === undefined ? null : String(v));

export function timelineEvents(db: Database): TimelineEvent[] {
  return selectRows(db, `SELECT ${COLUMNS} FROM case_timeline ORDER BY time_utc IS NULL, time_utc, type, source`).map((r) => ({
    timeUtc: str(r.time_utc),
    timeLocal: str(r.time_local),
    type: String(r.type),
    source: String(r.source),
    description: String(r.description),
    refMessage: str(r.ref_message),
    refSession: str(r.ref_session),
    account: str(r.account),
    ip: str(r.ip),
    timeZone: str(r.time_zone) ?? 'unknown',
    timeNote: str(r.time_note),
  }));
}
