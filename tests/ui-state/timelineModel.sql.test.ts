// The Timeline tab's SQL against a real case database (sql.js + CASE_SCHEMA): bucket counts per level,
// filters (indicator through messages, IPs and accounts), and the event list of a selection.
import type { Database } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { countTimelineBuckets } from '../../src/lib/store/timelineBuckets.ts';
import { TimelineModel } from '../../src/ui/state/timelineModel.svelte.ts';
import type { TriageClient } from '../../src/ui/triageClient.ts';
import { emptyCaseDb, sqlClient } from './sqlClient.ts';

let db: Database;

const client = (): TriageClient => sqlClient(db);

beforeAll(async () => {
  db = await emptyCaseDb();
  db.run("INSERT INTO case_meta VALUES ('server_zone', ?)", [JSON.stringify({ id: 'Europe/Berlin', basis: 'guessed', candidates: [], evidencePairs: 0 })]);
  const ev = (t: string | null, type: string, over: { msg?: string; ip?: string; account?: string; session?: string; local?: string; note?: string } = {}) =>
    db.run('INSERT INTO case_timeline VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      t, over.local ?? null, type, 'test', `${type} at ${t}`, over.msg ?? null, over.session ?? null, over.account ?? null, over.ip ?? null, 'Europe/Berlin', over.note ?? null,
    ]);
  ev(null, 'account-last-logon', { local: '1901-01-01 00:00:00', account: 'carol@x.example', note: 'left out: never: hMailServer "never" value (1901-01-01)' });
  for (let m = 0; m < 30; m++) ev(`2024-03-01T10:${String(m).padStart(2, '0')}:00.000Z`, 'logon-failed', { ip: '203.0.113.9', account: 'bob@x.example', session: `s${m}` });
  ev('2024-03-01T10:31:00.000Z', 'logon-ok', { ip: '203.0.113.9', account: 'Bob@x.example' });
  ev('2024-03-02T08:00:00.000Z', 'message-received', { msg: 'Data/x.example/bob/1.eml', account: 'bob@x.example' });
  ev('2024-06-01T08:00:00.000Z', 'message-received', { msg: 'Data/x.example/alice/2.eml', account: 'alice@x.example' });
  db.run("INSERT INTO case_messages (id, path, indicators) VALUES (1, 'Data/x.example/bob/1.eml', 'relay-external-to-external'), (2, 'Data/x.example/alice/2.eml', '')");
  db.run("INSERT INTO case_findings (id, type, severity, ref_ip) VALUES (1, 'brute-force-source', 'high', '203.0.113.9')");
  db.run("INSERT INTO case_findings (id, type, severity, ref_account) VALUES (2, 'auth-after-failures', 'high', 'BOB@x.example')");
  countTimelineBuckets(db);
}, 30_000);

describe('Timeline SQL on a real case database', () => {
  it('opens on the dense part: the lone June event is an outlier, marked as one event later', async () => {
    const model = new TimelineModel(client());
    await model.open(1);
    expect(model.zone.id).toBe('Europe/Berlin');
    expect(model.dense).toEqual({ start: Date.UTC(2024, 2, 1, 10), end: Date.UTC(2024, 2, 2, 8) + 1 });
    expect(model.view!.start).toBeLessThanOrEqual(Date.UTC(2024, 2, 1, 10));
    expect(model.view!.end).toBeLessThan(Date.UTC(2024, 2, 3));
    expect(model.outside).toEqual({ before: 0, after: 1 });
    expect(model.leftOut.total).toBe(1);
    expect(model.leftOut.rows[0]).toMatchObject({ timeLocal: '1901-01-01 00:00:00', type: 'account-last-logon' });
  });

  it('fits the events of the findings', async () => {
    const model = new TimelineModel(client());
    await model.open(1);
    await model.setHighlight('relay-external-to-external');
    await model.fitFindings();
    expect(model.view!.start).toBeLessThanOrEqual(Date.UTC(2024, 2, 2, 8));
    expect(model.view!.end).toBeGreaterThan(Date.UTC(2024, 2, 2, 8));
    expect(model.view!.end - model.view!.start).toBeLessThan(60_000);
    await model.setHighlight('');
    await model.fitFindings();
    expect(model.view!.start).toBeLessThanOrEqual(Date.UTC(2024, 2, 1, 10));
    expect(model.view!.end).toBeGreaterThan(Date.UTC(2024, 2, 2, 8));
  });

  it('counts per day over the whole span and per minute when zoomed in', async () => {
    const model = new TimelineModel(client());
    await model.open(1);
    await model.resetView();
    expect(model.outside).toEqual({ before: 0, after: 0 });
    expect(model.level).toBe('day');
    expect(model.buckets.map((b) => [new Date(b.start).toISOString().slice(0, 10), b.total])).toEqual([
      ['2024-03-01', 31], ['2024-03-02', 1], ['2024-06-01', 1],
    ]);
    const types = model.types.map((t) => t.type);
    expect(model.buckets[0].counts[types.indexOf('logon-failed')]).toBe(30);
    await model.setView(Date.UTC(2024, 2, 1, 10), Date.UTC(2024, 2, 1, 11));
    expect(model.level).toBe('minute');
    expect(model.buckets).toHaveLength(31);
    expect(model.buckets[0].end - model.buckets[0].start).toBe(60_000);
  });

  it('filters by indicator through the message, the IP and the account it names', async () => {
    const model = new TimelineModel(client());
    await model.open(1);
    await model.setFilter({ indicator: 'relay-external-to-external' });
    expect(model.events.total).toBe(1);
    await model.setFilter({ indicator: 'brute-force-source' });
    expect(model.events.total).toBe(31);
    await model.setFilter({ indicator: 'auth-after-failures' });
    expect(model.events.total).toBe(32);
  });

  it('lists the events of a brushed range in time order', async () => {
    const model = new TimelineModel(client());
    await model.open(1);
    await model.setFilter({ ip: '203.0.113.9' });
    await model.brush({ start: Date.UTC(2024, 2, 1, 10, 29), end: Date.UTC(2024, 2, 1, 11) });
    expect(model.events.total).toBe(2);
    expect([model.events.rowAt(0)?.type, model.events.rowAt(1)?.type]).toEqual(['logon-failed', 'logon-ok']);
    expect(model.events.rowAt(0)?.refSession).toBe('s29');
  });
});
