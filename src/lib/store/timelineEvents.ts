/** The timeline as stored (with the examiner's current server offset applied), back in TimelineEvent form for exports. */
import type { Database } from 'sql.js';
import type { TimelineEvent } from '../timeline/timelineEvent.ts';

const COLUMNS = 'time_utc, time_local, type, source, description, ref_message, ref_session, account, ip';

export function timelineEvents(db: Database): TimelineEvent[] {
  const stmt = db.prepare(`SELECT ${COLUMNS} FROM case_timeline ORDER BY time_utc IS NULL, time_utc, type, source`);
  const out: TimelineEvent[] = [];
  const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  try {
    while (stmt.step()) {
      const [timeUtc, timeLocal, type, source, description, refMessage, refSession, account, ip] = stmt.get();
      out.push({
        timeUtc: str(timeUtc),
        timeLocal: str(timeLocal),
        type: String(type),
        source: String(source),
        description: String(description),
        refMessage: str(refMessage),
        refSession: str(refSession),
        account: str(account),
        ip: str(ip),
      });
    }
  } finally {
    stmt.free();
  }
  return out;
}
