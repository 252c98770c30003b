// Issue 11: wide timeline views draw from the pre-counted day/hour/minute tables (timelineBuckets.ts), not
// from the events; narrow or filtered views still read the events. The counts must equal grouping the events.
import type { Database } from 'sql.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { CASE_SCHEMA } from '../../src/lib/store/caseSchema.ts';
import { countTimelineBuckets, ensureTimelineBuckets } from '../../src/lib/store/timelineBuckets.ts';
import { countedBeforeQuery, outsideCountsQuery } from '../../src/lib/store/queries/timelineQueries.ts';
import { EMPTY_TIMELINE_FILTER } from '../../src/ui/queries/timeline.ts';
import { TimelineModel } from '../../src/ui/state/timelineModel.svelte.ts';
import { mulberry32 } from '../unit/mail/mimeVariety.ts';
import { emptyCaseDb, sqlClient, sqlRunner } from './sqlClient.ts';

let db: Database;
const TYPES = ['logon-failed', 'message-received', 'connection'];
const START = Date.UTC(2023, 0, 1);
const SPAN = 400 * 86_400_000;

function fill(events: number, seed = 7): void {
  const rand = mulberry32(seed);
  const stmt = db.prepare('INSERT INTO case_timeline (time_utc, type, source, ip, account) VALUES (?, ?, ?, ?, ?)');
  for (let i = 0; i < events; i++) {
    // Half the events in one busy week, so buckets differ in size.
    const at = i % 2 ? START + rand() * SPAN : START + 100 * 86_400_000 + rand() * 7 * 86_400_000;
    stmt.run([new Date(Math.floor(at)).toISOString(), TYPES[i % 3], 'gen', `198.51.100.${i % 7}`, i % 5 ? 'bob@x.example' : null]);
  }
  stmt.free();
  db.run("INSERT INTO case_timeline (time_utc, time_local, type, source) VALUES (NULL, '1901-01-01 00:00:00', 'account-last-logon', 'gen')");
}

const scalar = (sql: string, params: (string | number)[] = []) => Number(db.exec(sql, params)[0].values[0][0]);

/** Every statement a model sends, for asserting which tables a frame read. */
function recordingClient(): { client: ReturnType<typeof sqlClient>; sql: string[] } {
  const sql: string[] = [];
  const run = sqlRunner(db);
  const client = sqlClient(db, { query: async (q, p) => (sql.push(q), run(q, p)) });
  return { client, sql };
}

beforeEach(async () => {
  db = await emptyCaseDb();
  fill(6000);
  countTimelineBuckets(db);
});

describe('pre-counted timeline buckets', () => {
  it('hold per day, hour and minute exactly what grouping the placed events gives', () => {
    for (const [table, prefix] of [['case_timeline_days', 10], ['case_timeline_hours', 13], ['case_timeline_minutes', 16]] as const) {
      const fromEvents = db.exec(`SELECT substr(time_utc, 1, ${prefix}) b, type, COUNT(*) FROM case_timeline WHERE time_utc IS NOT NULL GROUP BY b, type ORDER BY b, type`)[0].values;
      expect(db.exec(`SELECT bucket, type, n FROM ${table} ORDER BY bucket, type`)[0].values, table).toEqual(fromEvents);
    }
    expect(scalar('SELECT SUM(n) FROM case_timeline_days')).toBe(6000);
  });

  it('count the events before any instant as the events do, to the millisecond', () => {
    const rand = mulberry32(3);
    for (let i = 0; i < 40; i++) {
      const at = START - 86_400_000 + Math.floor(rand() * (SPAN + 2 * 86_400_000));
      const iso = new Date(at).toISOString();
      for (const type of ['', 'connection']) {
        const q = countedBeforeQuery(type, at);
        const expected = scalar(`SELECT COUNT(*) FROM case_timeline WHERE time_utc < ?${type ? ' AND type = ?' : ''}`, type ? [iso, type] : [iso]);
        expect(scalar(`SELECT ${q.sql}`, q.params as string[]), `${iso} ${type}`).toBe(expected);
      }
    }
    const view = { start: START + 50 * 86_400_000 + 12_345, end: START + 90 * 86_400_000 + 678 };
    const o = outsideCountsQuery(EMPTY_TIMELINE_FILTER, view);
    const [before, after] = db.exec(o.sql, o.params as string[])[0].values[0].map(Number);
    expect(before).toBe(scalar('SELECT COUNT(*) FROM case_timeline WHERE time_utc < ?', [new Date(view.start).toISOString()]));
    expect(after).toBe(scalar('SELECT COUNT(*) FROM case_timeline WHERE time_utc >= ?', [new Date(view.end).toISOString()]));
  });

  it('are what a wide view draws; a view of seconds and a filtered view read the events', async () => {
    const { client, sql } = recordingClient();
    const model = new TimelineModel(client);
    await model.open(1);
    await model.resetView();
    expect(['day', 'month']).toContain(model.level);
    const dayTotals = new Map(db.exec('SELECT bucket, SUM(n) FROM case_timeline_days GROUP BY bucket')[0].values.map(([b, n]) => [String(b), Number(n)]));
    const drawn = model.buckets.reduce((n, b) => n + b.total, 0);
    expect(drawn).toBe(6000);
    // A count planted in the day table alone shows on the wide view: the bars come from the table.
    db.run("INSERT INTO case_timeline_days VALUES ('2023-02-01', 'planted', 5000)");
    sql.length = 0;
    await model.setView(START, START + 200 * 86_400_000);
    expect(model.level).toBe('day');
    expect(model.buckets.find((b) => b.start === Date.UTC(2023, 1, 1))?.total).toBe((dayTotals.get('2023-02-01') ?? 0) + 5000);
    const frame = sql.filter((q) => /GROUP BY|SUM\(n\)|COUNT\(\*\)/.test(q));
    expect(frame.length).toBeGreaterThan(0);
    for (const q of frame) expect(q, 'a wide frame groups no events').not.toMatch(/COUNT\(\*\) AS n FROM case_timeline /);
    db.run("DELETE FROM case_timeline_days WHERE type = 'planted'");

    sql.length = 0;
    await model.setView(START + 100 * 86_400_000, START + 100 * 86_400_000 + 60_000);
    expect(model.level).toBe('second');
    expect(sql.some((q) => /FROM case_timeline WHERE/.test(q) && /GROUP BY bucket/.test(q))).toBe(true);

    sql.length = 0;
    await model.setFilter({ ip: '198.51.100.3' });
    await model.resetView();
    expect(model.buckets.reduce((n, b) => n + b.total, 0)).toBe(scalar("SELECT COUNT(*) FROM case_timeline WHERE ip = '198.51.100.3'"));
    expect(sql.some((q) => /FROM case_timeline WHERE/.test(q) && /ip = \?/.test(q))).toBe(true);
  });

  it('are counted when a case file written without them is opened', () => {
    for (const t of ['case_timeline_days', 'case_timeline_hours', 'case_timeline_minutes']) db.exec(`DROP TABLE ${t}`);
    // Opening a case file creates the missing tables (CASE_SCHEMA) before counting them.
    db.exec(CASE_SCHEMA);
    ensureTimelineBuckets(db);
    expect(scalar('SELECT SUM(n) FROM case_timeline_hours')).toBe(6000);
    db.run("INSERT INTO case_timeline (time_utc, type, source) VALUES ('2030-01-01T00:00:00.000Z', 'connection', 'gen')");
    ensureTimelineBuckets(db);
    expect(scalar("SELECT n FROM case_timeline_minutes WHERE bucket = '2030-01-01T00:00'")).toBe(1);
  });
});
