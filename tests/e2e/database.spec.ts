/**
 * Issues 3 and 16 in the built page from file://: every database form (SQLite, mysqldump, pg_dump COPY and
 * --inserts, SSMS scripts in UTF-8 and UTF-16, ExportSqlCe's SQL CE and SQLite scripts and the database
 * sqlite3 makes of the latter) gives the same Overview, Accounts and findings.json; a broken statement is
 * reported with its line and reason; the SQL console reads and refuses writes; a SQL Server Compact file
 * gets the copy-ready ExportSqlCe route, with the ini's database password only on Reveal.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import SevenZip from '7z-wasm';
import { expectedFindings, hasSamples, SKIP_REASON } from '../helpers/sharedSamples.ts';
import { HMAIL_SCHEMA_DDL } from '../../src/lib/database/hmailSchema.ts';
import { emptyDb } from '../unit/database/dbTestKit.ts';
import { downloadFindings, expect, openTab, shot, test, type FindingsJson } from './helpers.ts';
import {
  DB_FIXTURES,
  SAMPLE_ZIP,
  analyse,
  definition,
  findingsOf,
  referenceSqlitePath,
  sampleWithoutDatabasePath,
  valueCell,
  writeGenerated,
} from './e2eKit.ts';

interface DbForm {
  label: string;
  source: string;
  file: () => Promise<string>;
}

const fixture = (name: string) => async () => join(DB_FIXTURES, name);

/** SSMS saves scripts as UTF-16LE with a byte-order mark unless told otherwise. */
async function ssmsUtf16(): Promise<string> {
  const text = readFileSync(join(DB_FIXTURES, 'sample-ssms-script.sql'), 'utf8');
  return writeGenerated('sample-ssms-script.utf16.sql', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
}

/** What `sqlite3 hMailServer.sqlite < hMailServer-sqlite.sql` makes of ExportSqlCe's SQLite script (SQLite runs it). */
async function exportSqlCeSqlite(): Promise<string> {
  const db = await emptyDb();
  db.exec(readFileSync(join(DB_FIXTURES, 'sample-exportsqlce40-sqlite.sql'), 'utf8'));
  const bytes = db.export();
  db.close();
  return writeGenerated('exportsqlce40-sqlite3.sqlite', bytes);
}

const FORMS: DbForm[] = [
  { label: 'SQLite', source: 'sqlite', file: referenceSqlitePath },
  { label: 'MariaDB mysqldump', source: 'mysql-dump', file: fixture('sample-mariadb-dump.sql') },
  { label: 'pg_dump COPY', source: 'pgsql-dump', file: fixture('sample-pg-dump.sql') },
  { label: 'pg_dump --inserts', source: 'pgsql-dump', file: fixture('sample-pg-dump-inserts.sql') },
  { label: 'SSMS script', source: 'mssql-script', file: fixture('sample-ssms-script.sql') },
  { label: 'SSMS 2008 script', source: 'mssql-script', file: fixture('sample-ssms2008-script.sql') },
  { label: 'SSMS script, UTF-16LE', source: 'mssql-script', file: ssmsUtf16 },
  { label: 'ExportSqlCe SQL CE script (UTF-16LE)', source: 'mssql-script', file: fixture('sample-exportsqlce40.sql') },
  { label: 'ExportSqlCe SQLite script', source: 'mssql-script', file: fixture('sample-exportsqlce40-sqlite.sql') },
  { label: 'ExportSqlCe SQLite script run by sqlite3', source: 'sqlite', file: exportSqlCeSqlite },
];

/** The planted accounts of the sample database (same in every fixture). */
const ACCOUNTS = ['alice@northwind.example', 'bob@northwind.example', 'carol@northwind.example', 'dave@fabrikam.example'];

interface Views {
  server: string;
  accounts: string[];
  json: FindingsJson;
}

/** The Overview's server section (without the lines naming the source file) and the Accounts table rows. */
async function readViews(page: Page): Promise<Views> {
  const overview = await openTab(page, 'Overview');
  const serverText = await overview.locator('section[aria-labelledby="server-heading"]').innerText();
  const server = serverText.replace(/^Source\n.*\n/m, '').replace(/^File\n.*\n/m, '');
  const panel = await openTab(page, 'Accounts');
  const table = panel.getByRole('table', { name: 'Accounts' });
  await expect(table.getByRole('row')).toHaveCount(ACCOUNTS.length + 1);
  const accounts = (await table.getByRole('row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
  const { json } = await downloadFindings(page);
  return { server, accounts, json };
}

type ServerSection = { database: { source: string; path: string; schemaVersion: number | null; tables: Record<string, number> }; maxMessageId: number | null; domains: { name: string }[]; accounts: { address: string }[]; settings: Record<string, unknown> };

/** What must not depend on the database's form: findings.json without run, evidence, inventory and the source's name. */
function comparable(json: FindingsJson) {
  const server = structuredClone(json.server) as ServerSection;
  const { source: _source, path: _path, ...database } = server.database;
  return {
    server: { ...server, database },
    messages: json.messages,
    findings: findingsOf(json),
  };
}

/** The Auto-reply cell is compared on its own (see the test on NULL flags below). */
function withoutAutoReply(row: string): string {
  return row.replace(/ (yes|no|Auto-reply)$/, '');
}

test.describe('database forms (issue 3)', () => {
  test.skip(!hasSamples, SKIP_REASON);

  test('the sample zip\'s SQLite: Overview, Accounts and the server section of findings.json', async ({ page }, testInfo) => {
    const expected = expectedFindings();
    await analyse(page, SAMPLE_ZIP);
    const overview = await openTab(page, 'Overview');
    const server = overview.locator('section[aria-labelledby="server-heading"]');
    await expect(definition(server, 'Source')).toHaveText('sqlite');
    await expect(definition(server, 'File').first()).toHaveText('hMailServer/Database/hMailServer-converted.sqlite');
    await expect(definition(server, 'Schema version')).toHaveText('5601');
    const maxId = definition(server, 'Highest message ID');
    await expect(maxId.locator('strong')).toHaveText('1,045');
    await expect(maxId).toContainText('2,147,482,602 left to the signed 32-bit limit');
    await expect(valueCell(server, 'Accounts')).toHaveText('4');
    await expect(valueCell(server, 'Domains')).toHaveText('2');
    await expect(valueCell(server, 'Messages in the database')).toHaveText('43');
    await shot(page, testInfo, 'db-01-sample-overview');

    const { accounts, json } = await readViews(page);
    expect(accounts.slice(1).map((r) => r.split(' ')[0])).toEqual(ACCOUNTS);
    const section = json.server as ServerSection;
    expect(section.database.source).toBe('sqlite');
    expect(section.database.path).toBe('hMailServer/Database/hMailServer-converted.sqlite');
    expect(section.database.schemaVersion).toBe(5601);
    expect(section.database.tables.hm_messages).toBe(expected.counts.dbMessages);
    expect(section.maxMessageId).toBe(expected.maxMessageId);
    expect(section.domains.map((d) => d.name).sort()).toEqual(['fabrikam.example', 'northwind.example']);
    expect(section.accounts.map((a) => a.address)).toEqual(ACCOUNTS);
    expect(Object.keys(section.settings).length).toBeGreaterThan(0);
  });

  test('every form of the same database gives identical decoded views and findings.json', async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    const messages = await sampleWithoutDatabasePath();
    let reference: { label: string; views: Views } | null = null;
    for (const form of FORMS) {
      await test.step(form.label, async () => {
        const dbFile = await form.file();
        await analyse(page, [messages, dbFile]);
        const views = await readViews(page);
        await shot(page, testInfo, `db-02-${form.label.replace(/\W+/g, '-')}`);
        const section = views.json.server as ServerSection;
        expect(section.database.source, 'database.source').toBe(form.source);
        expect(section.maxMessageId, 'max message id (sample 1045 + extra-rows.sql 1046)').toBe(1046);
        expect(section.accounts.map((a) => a.address)).toEqual(ACCOUNTS);
        expect(views.server).toMatch(/Highest message ID\s+1,046/);
        expect(
          findingsOf(views.json).filter((f) => f.type === 'parse-error').map((f) => f.summary),
          'no statement of a real-tool dump is reported as broken',
        ).toEqual([]);
        if (!reference) {
          reference = { label: form.label, views };
          return;
        }
        expect(views.server, `Overview server section: ${form.label} vs ${reference.label}`).toBe(reference.views.server);
        expect(views.accounts.map(withoutAutoReply), `Accounts table: ${form.label} vs ${reference.label}`).toEqual(
          reference.views.accounts.map(withoutAutoReply),
        );
        expect(comparable(views.json), `findings.json: ${form.label} vs ${reference.label}`).toEqual(comparable(reference.views.json));
      });
    }
  });

  test('a flag stored as NULL (SQLite) and as 0 (NOT NULL dump column) shows the same in Accounts', async ({ page }) => {
    // extra-rows.sql leaves accountvacationmessageon NULL for alice, bob and carol in the SQLite reference;
    // mysqldump of the NOT NULL column holds 0. Both mean "off" to hMailServer (tests/fixtures/database/README.md).
    const messages = await sampleWithoutDatabasePath();
    const tables: string[][] = [];
    for (const file of [await referenceSqlitePath(), join(DB_FIXTURES, 'sample-mariadb-dump.sql')]) {
      await analyse(page, [messages, file]);
      const panel = await openTab(page, 'Accounts');
      const table = panel.getByRole('table', { name: 'Accounts' });
      await expect(table.getByRole('row')).toHaveCount(ACCOUNTS.length + 1);
      tables.push((await table.getByRole('row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim()));
    }
    expect(tables[1]).toEqual(tables[0]);
  });

  test('a dump with one broken statement loads the rest and says which statement failed and why', async ({ page }, testInfo) => {
    const lines = readFileSync(join(DB_FIXTURES, 'sample-mariadb-dump.sql'), 'utf8').split('\n');
    const start = lines.findIndex((l) => l.startsWith('INSERT INTO `hm_aliases` VALUES'));
    expect(start).toBeGreaterThan(0);
    // A missing comma between two values and an empty value: a syntax error inside one statement.
    lines[start + 1] = "(1,1,'sales@northwind.example' 'alice@northwind.example',,1);";
    const broken = writeGenerated('broken-statement-mariadb-dump.sql', lines.join('\n'));
    const statementLine = start + 1;

    await analyse(page, [await sampleWithoutDatabasePath(), broken]);
    const overview = await openTab(page, 'Overview');
    const server = overview.locator('section[aria-labelledby="server-heading"]');
    await expect(definition(server, 'Source')).toHaveText('mysql-dump');
    await expect(definition(server, 'Highest message ID').locator('strong')).toHaveText('1,046');
    await expect(valueCell(server, 'Accounts')).toHaveText('4');

    const panel = await openTab(page, 'Indicators');
    const group = panel.locator('details[data-finding-type="parse-error"]');
    await expect(group).toBeVisible();
    await group.locator('summary').click();
    const item = group.getByRole('listitem').filter({ hasText: 'broken-statement-mariadb-dump.sql' });
    await expect(item).toBeVisible();
    await expect(item, 'the line of the failed statement').toContainText(new RegExp(`line (${statementLine}|${statementLine + 1})\\b`));
    await expect(item, 'the failed statement itself').toContainText('hm_aliases');
    await shot(page, testInfo, 'db-03-broken-statement');

    const { json } = await downloadFindings(page, testInfo);
    const problems = findingsOf(json).filter((f) => f.type === 'parse-error' && f.ref.file === 'broken-statement-mariadb-dump.sql');
    expect(problems).toHaveLength(1);
    const reasons = problems[0].details.reasons as string[];
    expect(reasons).toHaveLength(1);
    expect(reasons[0], 'the reason says why, beyond the line and statement').toMatch(/line \d+: \S.{3,} — .*hm_aliases/);
    const section = json.server as ServerSection;
    expect(section.database.tables.hm_aliases ?? 0, 'the broken statement is skipped').toBe(0);
    expect(section.database.tables.hm_domains).toBe(2);
    expect(section.maxMessageId).toBe(1046);
  });

  test('SQL console: max(messageid) is 1045 for the sample; a write is refused with a visible message', async ({ page }, testInfo) => {
    await analyse(page, SAMPLE_ZIP);
    const panel = await openTab(page, 'SQL');
    const editor = panel.getByRole('textbox');
    await editor.fill('select max(messageid) from hm_messages');
    await panel.getByRole('button', { name: 'Run' }).click();
    const result = panel.getByRole('table', { name: 'Query result' });
    await expect(result.getByRole('columnheader')).toHaveText(['max(messageid)']);
    await expect(result.getByRole('cell')).toHaveText(['1045']);
    await shot(page, testInfo, 'db-04-sql-max');

    await editor.fill('delete from hm_messages');
    await panel.getByRole('button', { name: 'Run' }).click();
    const refusal = panel.locator('[data-testid="sql-error"]');
    await expect(refusal).toBeVisible();
    await expect(refusal).toContainText(/read-only|refused|not allowed|only select|write/i);
    await shot(page, testInfo, 'db-05-sql-write-refused');

    await editor.fill('select count(*) as n from hm_messages');
    await panel.getByRole('button', { name: 'Run' }).click();
    await expect(result.getByRole('cell'), 'nothing was deleted').toHaveText(['43']);

    await panel.getByRole('combobox', { name: 'Examples' }).selectOption({ label: 'Highest message ID' });
    await expect(editor).toHaveValue(/select max\(messageid\) from hm_messages/i);
  });

  test('a SQL Server Compact .sdf gets the copy-ready ExportSqlCe route, the ini\'s database password only on Reveal', async ({ page }, testInfo) => {
    // SqlCeToolbox's DetermineVersion: engine version (LE uint32) at offset 16, bytes 4–7 zero. 0x00357b9d = SQL CE 3.5 SP2.
    const sdf = Buffer.alloc(4096, 0x5a);
    sdf.writeUInt32LE(0x0c0ffee0, 0);
    sdf.writeUInt32LE(0, 4);
    sdf.writeUInt32LE(0x00357b9d, 16);
    const sdfPath = writeGenerated('hMailServer.sdf.bin', sdf);
    const ini = [
      '[Directories]',
      'DataFolder=C:\\Program Files (x86)\\hMailServer\\Data',
      'LogFolder=C:\\Program Files (x86)\\hMailServer\\Logs',
      '[Database]',
      'Type=MSSQLCE',
      'Username=',
      'PasswordEncryption=0',
      'Password=Secr3t-Sdf!',
      'Database=hMailServer',
      'Internal=1',
      '',
    ].join('\r\n');
    const iniPath = writeGenerated('hMailServer.ini', ini);

    // Named .bin on purpose: the format is recognised by its signature, not its extension.
    await analyse(page, [sdfPath, iniPath]);
    const overview = await openTab(page, 'Overview');
    const notice = overview.getByRole('listitem').filter({ hasText: 'hMailServer.sdf.bin: SQL Server Compact' });
    await expect(notice).toContainText(/SQL Server Compact/);
    await expect(notice).toContainText(/must be exported/);
    await expect(notice).toContainText('ExportSqlCE');
    await expect(notice, 'the notice lands in findings.json: no password in it').not.toContainText('Secr3t-Sdf!');

    const route = overview.locator('section').filter({ has: page.getByRole('heading', { name: /Export the SQL Server Compact database/ }) });
    const sqlCe = route.locator('pre[data-command="sqlce"]');
    const sqlite = route.locator('pre[data-command="sqlite"]');
    await expect(sqlCe).toHaveText('ExportSqlCE40.exe "Data Source=hMailServer.sdf.bin;Password=••••••••" hMailServer.sdf.sql');
    await expect(route.getByRole('button', { name: 'Copy' }).first(), 'nothing to copy before Reveal').toBeDisabled();
    expect(await page.locator('body').innerText(), 'the password is nowhere on the page before Reveal').not.toContain('Secr3t-Sdf!');
    await expect(route).toContainText('SQL Server Compact runtime');
    await expect(route).toContainText('row count of every table');
    await expect(route.locator('pre[data-command="sqlite3"]')).toHaveText('sqlite3 hMailServer.sdf.sqlite < hMailServer.sdf-sqlite.sql');

    await route.getByRole('button', { name: 'Reveal' }).click();
    await expect(sqlCe).toHaveText('ExportSqlCE40.exe "Data Source=hMailServer.sdf.bin;Password=Secr3t-Sdf!" hMailServer.sdf.sql');
    await expect(sqlite).toHaveText('ExportSqlCE40.exe "Data Source=hMailServer.sdf.bin;Password=Secr3t-Sdf!" hMailServer.sdf-sqlite.sql sqlite');
    await expect(route.getByRole('button', { name: 'Copy' }).first()).toBeEnabled();
    await route.getByRole('combobox', { name: 'SQL Server Compact version' }).selectOption('3.5');
    await expect(sqlCe).toHaveText('ExportSqlCE.exe "Data Source=hMailServer.sdf.bin;Password=Secr3t-Sdf!" hMailServer.sdf.sql');
    await shot(page, testInfo, 'db-06-sdf');
    await route.getByRole('button', { name: 'Hide' }).click();
    await expect(sqlCe).not.toContainText('Secr3t-Sdf!');

    const { json } = await downloadFindings(page);
    const row = json.inventory.find((r) => r.path === 'hMailServer.sdf.bin');
    expect(row?.status).toBe('skipped');
    expect(row?.error).toContain('ExportSqlCE');
    expect(JSON.stringify(json), 'findings.json never carries the database password').not.toContain('Secr3t-Sdf!');
    await expect(route.locator('pre[data-command="hash"]')).toHaveText('certutil -hashfile "hMailServer.sdf.bin" SHA256');
    await expect(route).toContainText(row!.sha256);
  });

  test('an hMailServer backup with forwarding rules and a fetch account gives the same findings as the same server\'s database', async ({ page }, testInfo) => {
    // The backup as BackupExecuter writes it (settings and domains, no message files): hMailServerBackup.xml in
    // UTF-16LE with a BOM, packed by 7-Zip. The database: backup-server.sql, the same server, as a SQLite file.
    const xml = readFileSync(join(DB_FIXTURES, 'hMailServerBackup.xml'), 'utf8');
    const sz = await SevenZip({ print: () => {}, printErr: () => {} });
    sz.FS.writeFile('/hMailServerBackup.xml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
    sz.FS.chdir('/');
    sz.callMain(['a', '-bd', '/HMBackup 2024-05-20 094107.7z', 'hMailServerBackup.xml']);
    const backupPath = writeGenerated('HMBackup 2024-05-20 094107.7z', sz.FS.readFile('/HMBackup 2024-05-20 094107.7z'));
    const db = await emptyDb();
    db.exec(HMAIL_SCHEMA_DDL);
    db.exec(readFileSync(join(DB_FIXTURES, 'backup-server.sql'), 'utf8'));
    const databasePath = writeGenerated('backup-server.sqlite', db.export());
    db.close();

    await analyse(page, backupPath);
    const overview = await openTab(page, 'Overview');
    const server = overview.locator('section[aria-labelledby="server-heading"]');
    await expect(definition(server, 'Source')).toHaveText('backup-xml');
    await expect(definition(server, 'Schema version')).toHaveText('5601');
    await shot(page, testInfo, 'db-07-backup');
    const fromBackup = findingsOf((await downloadFindings(page)).json);

    await analyse(page, databasePath);
    const fromDatabase = findingsOf((await downloadFindings(page)).json);
    const forwarding = fromDatabase.filter((f) => f.type === 'forwarding-configured').map((f) => f.details.kind);
    expect(forwarding, 'the database holds the forwarding rules, the fetch account and the route').toEqual(
      expect.arrayContaining(['rule-forward', 'external-account', 'account-forward', 'route']),
    );
    // The fixture repeats a message ID on purpose: the one difference is that problem, reported as such (as a
    // parse error of the XML and as damage of the backup that holds it).
    const aboutThePlantedId = (type: string) => fromBackup.filter((f) => f.type === type).map((f) => f.summary);
    expect(aboutThePlantedId('parse-error')).toEqual([expect.stringContaining('had no unique ID attribute (1002): numbered 1003')]);
    expect(aboutThePlantedId('evidence-damaged')).toEqual([expect.stringContaining('had no unique ID attribute (1002): numbered 1003')]);
    expect(fromBackup.filter((f) => f.type !== 'parse-error' && f.type !== 'evidence-damaged')).toEqual(fromDatabase);
  });
});
