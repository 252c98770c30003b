// CSV exports the issue asks for beyond the in-memory tables: the findings, and every row of the paged
// Messages and Logs tables under their filter, read in chunks below the client's row cap.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from 'sql.js';
import { indexColumns } from '../../src/ui/components/indexColumns.ts';
import { LOG_SESSION_COLUMNS } from '../../src/ui/components/logSessionColumns.ts';
import { MESSAGE_COLUMNS } from '../../src/ui/components/messageColumns.ts';
import { toCsv } from '../../src/ui/csv.ts';
import { FINDING_COLUMNS, findingsCsv } from '../../src/ui/state/findingsCsv.ts';
import { IndicatorsData } from '../../src/ui/state/indicatorsData.svelte.ts';
import { LogSessions } from '../../src/ui/state/logSessions.svelte.ts';
import { MessageTable } from '../../src/ui/state/messageTable.svelte.ts';
import { readAllRows } from '../../src/ui/state/readAllRows.ts';
import { SKIP_REASON, expectedFindings, hasSamples } from '../helpers/sharedSamples.ts';
import { emptyCaseDb, sampleCaseDb, sqlClient } from './sqlClient.ts';

/** RFC 4180 records of a CSV text (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  const pattern = /("(?:[^"]|"")*"|[^",\r\n]*)(,|\r\n)/g;
  let record: string[] = [];
  for (const [, field, end] of text.matchAll(pattern)) {
    record.push(field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field);
    if (end === '\r\n') {
      records.push(record);
      record = [];
    }
  }
  return records;
}

describe('readAllRows', () => {
  it('reads chunk after chunk until one comes back short', async () => {
    const all = Array.from({ length: 5 }, (_, i) => i);
    const page = vi.fn(async (offset: number, limit: number) => all.slice(offset, offset + limit));
    expect(await readAllRows(page, 2)).toEqual(all);
    expect(page.mock.calls).toEqual([[0, 2], [2, 2], [4, 2]]);
    expect(await readAllRows(async () => [], 2)).toEqual([]);
  });
});

describe.skipIf(!hasSamples)(`findings CSV on the sample case ${hasSamples ? '' : SKIP_REASON}`, () => {
  it('has one row per finding with its references and details', async () => {
    const indicators = new IndicatorsData(sqlClient(await sampleCaseDb()));
    await indicators.load();
    const rows = parseCsv(findingsCsv(indicators.rows));
    expect(rows[0]).toEqual(FINDING_COLUMNS.map((c) => c.label));
    expect(rows).toHaveLength(1 + expectedFindings().findings.length);
    for (const row of rows) expect(row).toHaveLength(FINDING_COLUMNS.length);
    const weak = rows.find((r) => r[3] === 'weak-password' && r[6].startsWith('bob'))!;
    expect(weak[1]).toBe('high');
    expect(JSON.stringify(rows)).not.toContain('Summer2024');
  });
});

describe('Messages and Logs CSV', () => {
  let db: Database;

  beforeAll(async () => {
    db = await emptyCaseDb();
    for (let i = 1; i <= 12; i++) {
      db.run(
        `INSERT INTO case_messages (id, path, account, folder, location, flags, date_utc, from_addr, to_addrs, subject, size, attachment_count, indicators)
         VALUES (?, ?, ?, 'INBOX', ?, ?, ?, 'x@y.example', 'a@b.example, c@d.example', ?, 1500, 0, ?)`,
        [i, `m${i}.eml`, i % 2 ? 'ann@corp.example' : 'ben@corp.example', i === 12 ? 'queue' : 'mailbox', i === 1 ? 9 : 32,
          `2024-01-${String(i).padStart(2, '0')}T10:00:00.000Z`, `Subject, "${i}"`, i === 3 ? 'spf-fail,double-extension' : ''],
      );
      db.run(
        "INSERT INTO case_log_sessions (key, file, protocol, ip, start_local, auth_user, auth_result, line_count) VALUES (?, 'a.log', 'SMTPD', ?, ?, ?, ?, 4)",
        [`s${i}`, i <= 4 ? '203.0.113.9' : '192.0.2.1', `2024-01-01 10:00:${String(i).padStart(2, '0')}.000`, 'bob', i % 3 ? 'failed' : 'ok'],
      );
    }
  }, 30_000);

  it('exports every message under the filter and sort, flags decoded, same columns as the table', async () => {
    const table = new MessageTable(sqlClient(db));
    await table.open(1);
    table.setFilter({ account: 'ann@corp.example' });
    table.setSort('date', 'asc');
    const rows = await table.allRows();
    expect(rows.map((r) => r.path)).toEqual(['m1.eml', 'm3.eml', 'm5.eml', 'm7.eml', 'm9.eml', 'm11.eml']);
    const csv = parseCsv(toCsv(MESSAGE_COLUMNS, rows));
    expect(csv[0]).toEqual(['★', 'Date (UTC)', 'From', 'To', 'Subject', 'Account', 'Folder', 'Flags', 'Size', 'Att.', 'Indicators']);
    expect(csv[1]).toEqual(['', '2024-01-01 10:00:00', 'x@y.example', 'a@b.example, c@d.example', 'Subject, "1"', 'ann@corp.example', 'INBOX', 'seen, answered', '1.5 KB', '0', '']);
    expect(csv[2][7]).toBe('recent');
    expect(csv[2][10]).toBe('spf-fail, double-extension');

    const all = new MessageTable(sqlClient(db));
    await all.open(1);
    const every = await all.allRows();
    expect(every).toHaveLength(12);
    const folder = MESSAGE_COLUMNS.find((c) => c.key === 'folder')!;
    expect(every.filter((r) => r.location === 'queue').map((r) => folder.value({ ...r, folder: null }))).toEqual(['(queue)']);
    expect(folder.value({ ...every[0], location: 'database-only' })).toBe('INBOX (no file)');
  });

  it('exports every log session under the filter, same columns as the table', async () => {
    const logs = new LogSessions(sqlClient(db));
    await logs.open(1);
    await logs.setFilter({ ip: '203.0.113.9', result: 'failed' });
    const rows = await logs.allRows();
    expect(rows.map((r) => r.key)).toEqual(['s1', 's2', 's4']);
    const csv = parseCsv(toCsv(LOG_SESSION_COLUMNS, rows));
    expect(csv[0]).toEqual(['Start (server time)', 'Protocol', 'Client IP', 'HELO', 'AUTH user', 'Result', 'MAIL FROM', 'RCPT TO', 'Lines', 'File']);
    expect(csv[1]).toEqual(['2024-01-01 10:00:01.000', 'SMTPD', '203.0.113.9', '', 'bob', 'failed', '', '', '4', 'a.log']);
  });

  it('table columns read the paged row by index, empty while its page is on the way', () => {
    const rows = [{ name: 'a' }, { name: 'b' }];
    const [column] = indexColumns([{ key: 'name', label: 'Name', value: (r: { name: string }) => r.name }], (i) => rows[i]);
    expect([column.value(1), column.value(5)]).toEqual(['b', null]);
    expect(column.label).toBe('Name');
  });
});
