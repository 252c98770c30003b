// The Logs tab's SQL against a real case database (sql.js + CASE_SCHEMA): session filters, top IPs by
// failed logons (with successes from the same IP), and unparsed lines.
import type { Database } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { LogSessions } from '../../src/ui/state/logSessions.svelte.ts';
import type { TriageClient } from '../../src/ui/triageClient.ts';
import { emptyCaseDb, sqlClient } from './sqlClient.ts';

let db: Database;

const client = (): TriageClient => sqlClient(db);

beforeAll(async () => {
  db = await emptyCaseDb();
  const s = (key: string, protocol: string, ip: string, user: string | null, result: string | null, start: string) =>
    db.run('INSERT INTO case_log_sessions (key, file, protocol, session, ip, start_local, auth_user, auth_result, first_line, last_line) VALUES (?, ?, ?, 1, ?, ?, ?, ?, 1, 2)', [key, 'a.log', protocol, ip, start, user, result]);
  s('k1', 'SMTPD', '203.0.113.9', 'bob@x.example', 'failed', '2024-03-01 10:00:00');
  s('k2', 'SMTPD', '203.0.113.9', 'bob@x.example', 'ok', '2024-03-01 10:05:00');
  s('k3', 'IMAPD', '10.0.0.5', 'alice@x.example', 'ok', '2024-03-01 09:00:00');
  s('k4', 'SMTPD', '100.0.0.1', null, null, '2024-03-01 11:00:00');
  s('k5', 'POP3D', '10.0.0.50', null, null, '2024-03-01 12:00:00');
  const e = (kind: string, ip: string, account: string) =>
    db.run("INSERT INTO case_log_events (kind, time_utc, ip, account) VALUES (?, '2024-03-01T09:00:00.000Z', ?, ?)", [kind, ip, account]);
  for (let i = 0; i < 5; i++) e('logon-failed', '203.0.113.9', i % 2 ? 'bob@x.example' : 'carol@x.example');
  e('logon-ok', '203.0.113.9', 'bob@x.example');
  e('logon-failed', '198.51.100.1', 'alice@x.example');
  db.run("INSERT INTO case_log_unparsed VALUES ('a.log', 7, '\"garbage', 'no tab-separated fields')");
}, 30_000);

const keys = (logs: LogSessions) => Array.from({ length: logs.rows.total ?? 0 }, (_, i) => logs.rows.rowAt(i)?.key);

describe('Logs SQL on a real case database', () => {
  it('lists sessions in time order and filters them', async () => {
    const logs = new LogSessions(client());
    await logs.open(1);
    expect(keys(logs)).toEqual(['k3', 'k1', 'k2', 'k4', 'k5']);
    await logs.setFilter({ ip: '10.' });
    expect(keys(logs)).toEqual(['k3', 'k5']);
    await logs.setFilter({ ip: '10.0.0.5' });
    expect(keys(logs)).toEqual(['k3']);
    await logs.setFilter({ ip: '', account: 'BOB', result: 'failed' });
    expect(keys(logs)).toEqual(['k1']);
    await logs.setFilter({ account: '', result: 'none' });
    expect(keys(logs)).toEqual(['k4', 'k5']);
    await logs.setFilter({ result: '', protocol: 'IMAPD' });
    expect(keys(logs)).toEqual(['k3']);
    expect(logs.protocols).toEqual(['IMAPD', 'POP3D', 'SMTPD']);
  });

  it('filters by a tag on the session, a whole tag only, wildcards literal', async () => {
    const tag = (key: string, tags: string) =>
      db.run("INSERT OR REPLACE INTO case_annotations (kind, key, tags, note, created_utc) VALUES ('log-session', ?, ?, '', '2024-03-02T00:00:00Z')", [key, tags]);
    tag('k2', 'attack, c2');
    tag('k4', 'attacker');
    tag('k5', '100%_sure');
    const logs = new LogSessions(client());
    await logs.open(1);
    await logs.setFilter({ tag: 'attack' });
    expect(keys(logs)).toEqual(['k2']);
    await logs.setFilter({ tag: '%' });
    expect(keys(logs)).toEqual([]);
    await logs.setFilter({ tag: '100%_sure', protocol: 'POP3D' });
    expect(keys(logs)).toEqual(['k5']);
  });

  it('ranks IPs by failed logons with the accounts tried and later successes', async () => {
    const logs = new LogSessions(client());
    await logs.open(1);
    expect(logs.topIps.map((r) => [r.ip, r.failures, r.accounts, r.successes])).toEqual([
      ['203.0.113.9', 5, 2, 1],
      ['198.51.100.1', 1, 1, 0],
    ]);
    expect(logs.unparsedCount).toBe(1);
    expect(logs.unparsedSamples[0].text).toBe('"garbage');
  });
});
