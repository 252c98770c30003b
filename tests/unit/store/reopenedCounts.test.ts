import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { CASE_SCHEMA } from '../../../src/lib/store/caseSchema.ts';
import { reopenedCounts } from '../../../src/lib/store/reopenedCounts.ts';

async function caseDb(meta: string | null) {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.exec(CASE_SCHEMA);
  db.exec(`INSERT INTO case_messages (path, location) VALUES ('a.eml', 'mailbox'), ('b.eml', 'mailbox'), ('gone.eml', 'database-only');
    INSERT INTO case_log_sessions (key, line_count) VALUES ('s1', 4), ('s2', 6);`);
  if (meta !== null) db.run("INSERT INTO case_meta VALUES ('analysis_counts', ?)", [meta]);
  return async (sql: string) => ({ rows: (db.exec(sql)[0]?.values ?? []) as (string | number | null)[][] });
}

describe('reopenedCounts', () => {
  it('gives back the counts the analysis saved', async () => {
    const c = await reopenedCounts(await caseDb(JSON.stringify({ messageFiles: 2, logLines: 25 })));
    expect(c).toMatchObject({ messages: 2, logLines: 25, logLinesExact: true, logSessions: 2 });
  });

  it('without saved counts: message files without the database-only rows, log lines inside sessions (not exact)', async () => {
    for (const meta of [null, 'not json', '{"messageFiles":"x"}']) {
      const c = await reopenedCounts(await caseDb(meta));
      expect(c, String(meta)).toMatchObject({ messages: 2, logLines: 10, logLinesExact: false });
    }
  });
});
