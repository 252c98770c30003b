// The Overview, Indicators, Accounts, Inventory, SQL and case-panel state classes, run against the sample
// case's real hMailServer tables in sql.js, so every view query is proven against the real schema.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { lastLogonShown } from '../../src/ui/queries/accountsQueries.ts';
import type { Database } from 'sql.js';
import type { HmTables } from '../../src/lib/model/hmTables.ts';
import { loadHmColumns } from '../../src/ui/queries/hmColumns.ts';
import { errorReport } from '../../src/ui/reportError.svelte.ts';
import { AccountsData } from '../../src/ui/state/accountsData.svelte.ts';
import { EMPTY_MESSAGE_FILTER } from '../../src/ui/queries/messages.ts';
import { CasePanel, MAX_ZIP_MESSAGES, MESSAGES_ZIP } from '../../src/ui/state/casePanel.svelte.ts';
import { IndicatorsData } from '../../src/ui/state/indicatorsData.svelte.ts';
import { InventoryData } from '../../src/ui/state/inventoryData.svelte.ts';
import { OverviewData } from '../../src/ui/state/overviewData.svelte.ts';
import { SqlConsole } from '../../src/ui/state/sqlConsole.svelte.ts';
import type { TriageClient } from '../../src/ui/triageClient.ts';
import { SKIP_REASON, expectedFindings, hasSamples } from '../helpers/sharedSamples.ts';
import { emptyCaseDb, sampleCaseDb, sqlClient } from './sqlClient.ts';

beforeEach(() => {
  errorReport.message = null;
  // reportError logs for the developer console; keep the test output readable.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe.skipIf(!hasSamples)(`view queries on the sample case ${hasSamples ? '' : SKIP_REASON}`, () => {
  let db: Database;
  let client: TriageClient;
  let hm: HmTables;

  beforeAll(async () => {
    db = await sampleCaseDb();
    client = sqlClient(db);
    hm = await loadHmColumns(client);
  }, 30_000);

  it('knows which hMailServer tables and columns exist', () => {
    expect(hm.has('hm_accounts', 'accountaddress')).toBe(true);
    expect(hm.has('hm_routes')).toBe(false);
    expect(hm.has('hm_accounts', 'nosuchcolumn')).toBe(false);
  });

  it('Overview: database, counts, max message ID, domains, settings, findings, evidence', async () => {
    const overview = new OverviewData();
    await overview.load(client);
    const m = overview.model!;
    const expected = expectedFindings();
    expect(m.maxMessageId).toBe(expected.maxMessageId);
    expect(m.dbCounts).toEqual({ messages: expected.counts.dbMessages, queue: expected.counts.queued, accounts: 4, domains: 2 });
    expect(m.database).toMatchObject({ source: 'sqlite', schemaVersion: '5601' });
    expect(m.database.tables.find((t) => t.name === 'hm_messages')?.rows).toBe(expected.counts.dbMessages);
    expect(m.domains.map((d) => [d.name, d.active, d.accounts])).toEqual([
      ['fabrikam.example', true, 1],
      ['northwind.example', true, 3],
    ]);
    const setting = (label: string) => m.settings.find((s) => s.label === label)?.value;
    expect(setting('Attachment blocking')).toBe('off');
    expect(setting('Logging')).toBe('on: SMTP, application (19)');
    expect(setting('Host name (HELO, Received)')).toBe('mail.northwind.example');
    expect(setting('Sender MX test')).toBe('on');
    expect(m.findingTypes.reduce((n, t) => n + t.count, 0)).toBe(expected.findings.length);
    expect(m.findingTypes[0].severity).toBe('high');
    expect(m.findingTypes.find((t) => t.type === 'relay-external-to-external')?.count).toBe(3);
    expect(m.counts).toMatchObject({ messages: 3, inventory: 3, inventory_errors: 1, findings: expected.findings.length });
    expect(m.evidence).toEqual([{ name: 'sample-case.zip', size: 1000, md5: 'aa', sha256: 'bb' }]);
  });

  it('Accounts: scheme, weak flag, forwarding, size and files per account', async () => {
    const accounts = new AccountsData(client);
    await accounts.load(hm);
    const byAddress = new Map(accounts.rows.map((r) => [r.address, r]));
    expect([...byAddress.keys()]).toEqual(['alice@northwind.example', 'bob@northwind.example', 'carol@northwind.example', 'dave@fabrikam.example']);
    expect(byAddress.get('alice@northwind.example')).toMatchObject({ scheme: 'sha256-salted', weak: false, active: true, isAd: false, files: 2, lastLogon: '2024-05-12 09:00:00' });
    expect(byAddress.get('bob@northwind.example')).toMatchObject({ scheme: 'md5', weak: true, files: 1 });
    expect(byAddress.get('carol@northwind.example')?.forwarding).toBe('carol.private@freemail.example (no copy kept)');
    expect(byAddress.get('alice@northwind.example')?.sizeBytes).toBeGreaterThan(0);
    expect(byAddress.get('alice@northwind.example')?.lastLogonUtc, 'no timeline event in this fixture: no UTC').toBeNull();
    accounts.onlyFlagged = true;
    expect(accounts.filtered.map((r) => r.address)).toEqual(['bob@northwind.example', 'carol@northwind.example']);
    accounts.onlyFlagged = false;
    accounts.search = 'FABRIKAM';
    expect(accounts.filtered.map((r) => r.address)).toEqual(['dave@fabrikam.example']);
  });

  it('Accounts: an account opens its folders with full paths from the parent chain', async () => {
    const accounts = new AccountsData(client);
    await accounts.load(hm);
    await accounts.openFolders('ALICE@northwind.example');
    expect(accounts.foldersOf).toBe('alice@northwind.example');
    expect(accounts.folders.map((f) => [f.path, f.files])).toEqual([
      ['INBOX', 1],
      ['INBOX.Invoices', 1],
      ['INBOX.Projects', 0],
      ['Sent', 0],
      ['Trash', 0],
    ]);
    const inbox = accounts.folders[0];
    expect(inbox.dbMessages).toBe(db.exec('select count(*) from hm_messages where messagefolderid = 1')[0].values[0][0]);
    expect(inbox.currentUid).toBe(17);
  });

  it('Indicators: grouped by category, filtered by severity, secrets revealed on request, notes saved', async () => {
    const indicators = new IndicatorsData(client);
    await indicators.load();
    const categories = indicators.groups.map((g) => g.category);
    expect(categories).toEqual(['Integrity', 'Authenticity', 'Spam', 'Abuse', 'Attachments', 'Configuration & accounts']);
    const config = indicators.groups[5];
    expect(config.types.map((t) => t.type)).toContain('weak-password');
    expect(config.severity).toBe('high');
    const relay = indicators.groups.find((g) => g.category === 'Abuse')!.types.find((t) => t.type === 'relay-external-to-external')!;
    expect(relay.findings).toHaveLength(3);
    expect(relay.hasMessages).toBe(true);

    const bob = indicators.rows.find((r) => r.type === 'weak-password' && r.ref.account === 'bob@northwind.example')!;
    expect(JSON.stringify(bob)).not.toContain('Summer2024');
    await indicators.reveal(bob.id);
    expect(indicators.revealed[bob.id]).toBe('Summer2024');
    indicators.hide(bob.id);
    expect(bob.id in indicators.revealed).toBe(false);
    const carol = indicators.rows.find((r) => r.type === 'weak-password' && r.ref.account === 'carol@northwind.example')!;
    await indicators.reveal(carol.id);
    expect(indicators.revealed[carol.id]).toBeNull();

    await indicators.saveNote(bob.id, 'confirmed with the user');
    expect(client.setFindingNote).toHaveBeenCalledWith(bob.id, 'confirmed with the user');
    expect(indicators.rows.find((r) => r.id === bob.id)?.note).toBe('confirmed with the user');

    indicators.minSeverity = 'high';
    expect(indicators.filtered.every((r) => r.severity === 'high')).toBe(true);
    expect(indicators.groups.find((g) => g.category === 'Spam')?.count).toBe(0);
    indicators.minSeverity = 'info';
    indicators.search = '203.0.113.9';
    expect(new Set(indicators.filtered.map((r) => r.type))).toEqual(new Set(['auth-after-failures', 'brute-force-source']));
  });

  it('Inventory: every entry, filtered by status, kind and path', async () => {
    const inventory = new InventoryData(client);
    await inventory.load();
    expect(inventory.rows).toHaveLength(3);
    expect(inventory.statuses).toEqual(['error', 'ok']);
    inventory.status = 'error';
    expect(inventory.filtered.map((r) => [r.path, r.error])).toEqual([['sample-case.zip/broken.zip', 'central directory not found']]);
    inventory.status = '';
    inventory.kind = 'log';
    expect(inventory.filtered).toHaveLength(1);
  });

  it('SQL console: the max-messageid example, a refused write, history without duplicates, CSV', async () => {
    const sql = new SqlConsole(client);
    await sql.run();
    expect(sql.result?.rows).toEqual([[expectedFindings().maxMessageId]]);
    expect(sql.csv()).toBe(`max(messageid)\r\n${expectedFindings().maxMessageId}\r\n`);
    sql.use('delete from hm_messages');
    await sql.run();
    expect(sql.result).toBeNull();
    expect(sql.error).toMatch(/readonly|read-only/i);
    expect(db.exec('select count(*) from hm_messages')[0].values[0][0]).toBe(expectedFindings().counts.dbMessages);
    sql.use('select max(messageid) from hm_messages');
    await sql.run();
    expect(sql.history).toEqual(['select max(messageid) from hm_messages', 'delete from hm_messages']);
    expect(errorReport.message).toBeNull();
  });
});

describe('view queries without a hMailServer database', () => {
  it('accounts come from the message files, folders from their folder names', async () => {
    const db = await emptyCaseDb();
    db.run(`INSERT INTO case_messages (id, path, account, folder, size) VALUES
      (1, 'a/1.eml', 'x@y.example', 'INBOX', 10), (2, 'a/2.eml', 'x@y.example', 'Sent', 20), (3, 'q/3.eml', NULL, NULL, 5)`);
    const client = sqlClient(db);
    const hm = await loadHmColumns(client);
    const accounts = new AccountsData(client);
    await accounts.load(hm);
    expect(accounts.rows).toMatchObject([{ address: 'x@y.example', files: 2, sizeBytes: 30, scheme: 'unknown', id: null }]);
    await accounts.openFolders('x@y.example');
    expect(accounts.folders.map((f) => [f.path, f.files])).toEqual([
      ['INBOX', 1],
      ['Sent', 1],
    ]);
    const overview = new OverviewData();
    await overview.load(client);
    expect(overview.model).toMatchObject({ maxMessageId: null, domains: [], settings: [], database: { source: 'none', tables: [] } });
  });

  it('an empty hm_accounts (a database without accounts) falls back to the message files too', async () => {
    const db = await emptyCaseDb();
    db.run('CREATE TABLE hm_accounts (accountid INTEGER, accountaddress TEXT)');
    db.run("INSERT INTO case_messages (id, path, account, size) VALUES (1, 'a/1.eml', 'x@y.example', 10)");
    const client = sqlClient(db);
    const accounts = new AccountsData(client);
    await accounts.load(await loadHmColumns(client));
    expect(accounts.rows.map((r) => [r.address, r.files, r.id])).toEqual([['x@y.example', 1, null]]);
  });

  it('a column missing from an older schema reads as unknown instead of failing', async () => {
    const db = await emptyCaseDb();
    db.run('CREATE TABLE hm_accounts (accountid INTEGER, accountaddress TEXT, accountpassword TEXT, accountactive INTEGER)');
    db.run("INSERT INTO hm_accounts VALUES (1, 'old@legacy.example', 'x', 1)");
    const client = sqlClient(db);
    const accounts = new AccountsData(client);
    await accounts.load(await loadHmColumns(client));
    expect(accounts.rows).toMatchObject([{ address: 'old@legacy.example', active: true, isAd: null, scheme: 'unknown', quotaMb: null, dbMessages: null }]);
  });

  it('a flag stored as NULL reads as off, the same as 0, as hMailServer reads it', async () => {
    const db = await emptyCaseDb();
    db.run('CREATE TABLE hm_accounts (accountid INTEGER, accountaddress TEXT, accountactive INTEGER, accountvacationmessageon INTEGER)');
    db.run("INSERT INTO hm_accounts VALUES (1, 'null@x.example', NULL, NULL), (2, 'zero@x.example', 0, 0), (3, 'one@x.example', 1, 1)");
    const client = sqlClient(db);
    const accounts = new AccountsData(client);
    await accounts.load(await loadHmColumns(client));
    expect(accounts.rows.map((r) => [r.address, r.active, r.autoReply, r.isAd])).toEqual([
      ['null@x.example', false, false, null],
      ['one@x.example', true, true, null],
      ['zero@x.example', false, false, null],
    ]);
  });
});

describe('CasePanel', () => {
  it('loads and saves case details, and exports through the save callback', async () => {
    const db = await emptyCaseDb();
    db.run(`INSERT INTO case_meta VALUES ('case_details', '{"examiner":"R. Doe","caseNumber":"2024-17","notes":""}')`);
    const client = sqlClient(db);
    const save = vi.fn();
    const panel = new CasePanel(client, save);
    await panel.load();
    expect(panel.details).toEqual({ examiner: 'R. Doe', caseNumber: '2024-17', notes: '' });
    expect(panel.dirty).toBe(false);
    panel.details.notes = 'seized 2024-06-01';
    expect(panel.dirty).toBe(true);
    await panel.export('report');
    expect(client.setCaseDetails).toHaveBeenCalledWith({ examiner: 'R. Doe', caseNumber: '2024-17', notes: 'seized 2024-06-01' });
    expect(save).toHaveBeenCalledWith('report.html', '<html></html>', 'text/html');
    await panel.export('findings');
    expect(save).toHaveBeenLastCalledWith('findings.json', '{}', 'application/json');
    await panel.export('caseDb');
    expect(save).toHaveBeenLastCalledWith('hmail-triage-case.sqlite', new Uint8Array([1, 2, 3]), 'application/vnd.sqlite3');
    expect(panel.busy).toBeNull();
  });

  it('a failed export is reported, not thrown', async () => {
    const client = sqlClient(await emptyCaseDb());
    (client.htmlReport as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new Error('report template missing'));
    const panel = new CasePanel(client, vi.fn());
    await panel.export('report');
    expect(errorReport.message).toBe('Could not export report.html: report template missing');
  });

  it('zips the bookmarked messages, or the listed ones when none is bookmarked, and says which', async () => {
    const db = await emptyCaseDb();
    db.run(`INSERT INTO case_messages (id, path, account, folder, date_utc) VALUES
      (1, 'a/1.eml', 'alice@x.example', 'INBOX', '2024-01-01'), (2, 'a/2.eml', 'alice@x.example', 'Sent', '2024-01-02'),
      (3, 'b/3.eml', 'bob@x.example', 'INBOX', '2024-01-03')`);
    const client = sqlClient(db);
    const save = vi.fn();
    let listed = { ...EMPTY_MESSAGE_FILTER, account: 'alice@x.example' };
    const panel = new CasePanel(client, save, () => listed);
    await panel.exportMessagesZip();
    expect(client.exportMessagesZip).toHaveBeenLastCalledWith(['a/1.eml', 'a/2.eml']);
    expect(save).toHaveBeenLastCalledWith(MESSAGES_ZIP, new Uint8Array(), 'application/zip');
    expect(panel.messagesZipNote).toBe(`${MESSAGES_ZIP}: 2 messages listed in the Messages tab (none bookmarked).`);

    db.run("INSERT INTO case_bookmarks VALUES ('b/3.eml', 'x', '', '2024-01-04')");
    await panel.exportMessagesZip();
    expect(client.exportMessagesZip).toHaveBeenLastCalledWith(['b/3.eml']);
    expect(panel.messagesZipNote).toBe(`${MESSAGES_ZIP}: 1 bookmarked message.`);

    db.run('DELETE FROM case_bookmarks');
    listed = { ...EMPTY_MESSAGE_FILTER, account: 'nobody@x.example' };
    await panel.exportMessagesZip();
    expect(client.exportMessagesZip).toHaveBeenCalledTimes(2);
    expect(panel.messagesZipNote).toMatch(/^No messages to export/);
    expect(panel.busy).toBeNull();
  });

  it(`refuses a messages zip of more than ${MAX_ZIP_MESSAGES} messages without reading any`, async () => {
    const db = await emptyCaseDb();
    db.run(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i <= ${MAX_ZIP_MESSAGES})
      INSERT INTO case_messages (id, path) SELECT i, 'm/' || i || '.eml' FROM n`);
    const client = sqlClient(db);
    const panel = new CasePanel(client, vi.fn(), () => EMPTY_MESSAGE_FILTER);
    await panel.exportMessagesZip();
    expect(client.exportMessagesZip).not.toHaveBeenCalled();
    expect(panel.messagesZipNote).toMatch(/^Not exported: 2,001 messages listed/);
  });
});

describe('lastLogonShown', () => {
  it('reads placeholders as the timeline left them out, and keeps a real server time', () => {
    expect(lastLogonShown('1901-01-01 00:00:00', 'left out: never: hMailServer "never" value (1901-01-01)')).toBe('never');
    expect(lastLogonShown('0000-00-00 00:00:00', 'left out: not set: zero date (not set)')).toBe('not set');
    expect(lastLogonShown('2024-05-12 09:00:00', null)).toBe('2024-05-12 09:00:00');
    expect(lastLogonShown(null, null)).toBeNull();
  });
});
