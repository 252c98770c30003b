// Every CSV download of the UI goes through saveCsv / toCsv / queryCsv and so through the guarded writer:
// evidence text such as a subject `=HYPERLINK(...)` must reach the spreadsheet as text, never as a formula.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from 'sql.js';
import { LOG_SESSION_COLUMNS } from '../../src/ui/components/logSessionColumns.ts';
import { MESSAGE_COLUMNS } from '../../src/ui/components/messageColumns.ts';
import { pagedTable } from '../../src/ui/components/pagedTable.ts';
import { saveCsv, saveCsvOfAll } from '../../src/ui/components/saveCsv.ts';
import type { Column } from '../../src/ui/components/tableColumn.ts';
import { queryCsv, toCsv } from '../../src/ui/csv.ts';
import type { FindingRow } from '../../src/ui/queries/indicatorsQueries.ts';
import { errorReport } from '../../src/ui/reportError.svelte.ts';
import { saveFile } from '../../src/ui/saveFile.ts';
import { FINDING_COLUMNS } from '../../src/ui/state/findingsCsv.ts';
import { LogSessions } from '../../src/ui/state/logSessions.svelte.ts';
import { MessageTable } from '../../src/ui/state/messageTable.svelte.ts';
import { emptyCaseDb, sqlClient } from './sqlClient.ts';

vi.mock('../../src/ui/saveFile.ts', () => ({ saveFile: vi.fn() }));

const FORMULA = '=HYPERLINK("http://x","click")';
const GUARDED = `"'=HYPERLINK(""http://x"",""click"")"`;

function saved(): string {
  const calls = vi.mocked(saveFile).mock.calls;
  expect(calls.at(-1)?.[2]).toBe('text/csv');
  return String(calls.at(-1)?.[1]);
}

describe('CSV exports neutralise formulas', () => {
  let db: Database;

  beforeAll(async () => {
    db = await emptyCaseDb();
    db.run(
      `INSERT INTO case_messages (id, path, account, folder, location, flags, date_utc, from_addr, to_addrs, subject, size, attachment_count, indicators)
       VALUES (1, 'm1.eml', 'ann@corp.example', 'INBOX', 'mailbox', 0, '2024-01-01T10:00:00.000Z', '@evil.example', '-1@b.example', ?, 10, 0, '')`,
      [FORMULA],
    );
    db.run("INSERT INTO case_log_sessions (key, file, protocol, ip, start_local, auth_user, auth_result, line_count) VALUES ('s1', 'a.log', 'SMTPD', '192.0.2.1', '2024-01-01 10:00:00.000', ?, 'failed', 1)", [FORMULA]);
  });

  it('messages: every row read from the case database, saved as CSV', async () => {
    const table = new MessageTable(sqlClient(db));
    await table.open(1);
    await saveCsvOfAll('messages.csv', MESSAGE_COLUMNS, () => table.allRows(), 'failed');
    const [, row] = saved().split('\r\n');
    expect(row).toContain(`,'@evil.example,'-1@b.example,${GUARDED},`);
    expect(vi.mocked(saveFile).mock.calls.at(-1)?.[0]).toBe('messages.csv');
  });

  it('log sessions: the AUTH user name as the client sent it', async () => {
    const logs = new LogSessions(sqlClient(db));
    await logs.open(1);
    await saveCsvOfAll('log-sessions.csv', LOG_SESSION_COLUMNS, () => logs.allRows(), 'failed');
    expect(saved().split('\r\n')[1]).toContain(`,${GUARDED},failed,`);
  });

  it('in-memory tables (accounts, inventory, findings) and the SQL console', () => {
    const columns: Column<{ path: string; size: number }>[] = [
      { key: 'path', label: 'Path', value: (r) => r.path },
      { key: 'size', label: 'Size', value: (r) => r.size },
    ];
    saveCsv('inventory.csv', columns, [{ path: FORMULA, size: -1 }]);
    expect(saved()).toBe(`Path,Size\r\n${GUARDED},-1\r\n`);
    const finding: FindingRow = { id: 1, type: 'weak-password', severity: 'high', category: 'c', summary: FORMULA, ref: { account: '+a@b' }, details: {}, note: '' };
    expect(toCsv(FINDING_COLUMNS, [finding]).split('\r\n')[1]).toBe(`1,high,c,weak-password,${GUARDED},,'+a@b,,,,,`);
    expect(queryCsv(['subject'], [[FORMULA], [3]])).toBe(`subject\r\n${GUARDED}\r\n3\r\n`);
  });

  it('a failed read is reported, not thrown, and saves nothing', async () => {
    vi.mocked(saveFile).mockClear();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await saveCsvOfAll('x.csv', [], () => Promise.reject(new Error('gone')), 'Could not export');
    expect(saveFile).not.toHaveBeenCalled();
    expect(errorReport.message).toBe('Could not export: gone');
  });
});

describe('pagedTable', () => {
  it('reads rows by index and opens only a loaded row', () => {
    const rows = ['a', 'b'];
    const table = pagedTable((i) => rows[i], [{ key: 'v', label: 'V', value: (r: string) => r.toUpperCase() }]);
    expect([table.row(1), table.columns[0].value(0), table.columns[0].value(7)]).toEqual(['b', 'A', null]);
    const open = vi.fn();
    table.openRow(1, open);
    table.openRow(5, open);
    expect(open.mock.calls).toEqual([['b']]);
  });
});
