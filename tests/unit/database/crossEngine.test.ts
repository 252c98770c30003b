import { describe, expect, it } from 'vitest';
import { importSqlDump, type DumpFormat } from '../../../src/lib/database/importSqlDump.ts';
import { readHmailDatabase } from '../../../src/lib/database/readHmailDatabase.ts';
import type { HmailDatabase } from '../../../src/lib/model/hmailDatabase.ts';
import { hasSamples } from '../../helpers/sharedSamples.ts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyHmailTables } from '../../../src/lib/database/copyHmailTables.ts';
import { chunkedStream, emptyDb, FIXTURES as FIXTURE_DIR, fixtureBytes, fixtureText, referenceCaseDb, sampleSqliteBytes } from './dbTestKit.ts';

const FIXTURES: [string, DumpFormat][] = [
  ['sample-mariadb-dump.sql', 'mysql-dump'],
  ['sample-pg-dump.sql', 'pgsql-dump'],
  ['sample-pg-dump-inserts.sql', 'pgsql-dump'],
  ['sample-pg-dump-column-inserts.sql', 'pgsql-dump'],
  ['sample-ssms-script.sql', 'mssql-script'],
  ['sample-ssms2008-script.sql', 'mssql-script'],
  ['sample-exportsqlce40.sql', 'mssql-script'],
  ['sample-exportsqlce40-sqlite.sql', 'mssql-script'],
];

function withoutOrigin(db: HmailDatabase): Omit<HmailDatabase, 'source' | 'path'> {
  const { source: _source, path: _path, ...rest } = db;
  return rest;
}

async function fromDump(bytes: Uint8Array, format: DumpFormat, chunk: number): Promise<HmailDatabase> {
  const db = await emptyDb();
  const problems = await importSqlDump(db, chunkedStream(bytes, chunk), format);
  return readHmailDatabase(db, format, 'dump.sql', problems);
}

describe.skipIf(!hasSamples)('the same hMailServer data from every engine decodes the same', () => {
  it('reference (sample SQLite + extra rows) decodes what was planted', async () => {
    const ref = readHmailDatabase(await referenceCaseDb(), 'sqlite', 'x.sqlite', []);
    expect(ref.schemaVersion).toBe(5601);
    expect(ref.accounts.map((a) => [a.address, a.passwordScheme])).toEqual([
      ['alice@northwind.example', 'sha256-salted'],
      ['bob@northwind.example', 'md5'],
      ['carol@northwind.example', 'sha256-salted'],
      ['dave@fabrikam.example', 'plain'],
    ]);
    expect(ref.securityRanges.map((r) => [r.name, r.lowerIp, r.upperIp, r.expiresTime])).toEqual([
      ['Link-local', 'fe80::', 'febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff', null],
      ['Auto-ban: bob@northwind.example', '2001:db8::1', '2001:db8::1', '2024-05-12 09:30:00'],
      ['My computer', '127.0.0.1', '127.0.0.1', null],
      ['Internet', '0.0.0.0', '255.255.255.255', null],
    ]);
    expect(ref.logonFailures).toEqual([
      { ip: '192.168.100.21', time: '2024-05-12 08:59:01' },
      { ip: '2001:db8::1', time: '2024-05-12 08:59:30' },
    ]);
    expect(ref.folders.find((f) => f.id === 14)?.fullPath).toBe('INBOX.Projects.2024');
    expect(ref.messages).toHaveLength(44);
    expect(Math.max(...ref.messages.map((m) => m.id))).toBe(1046);
    expect(ref.tables.hm_messages).toBe(44);
    expect(ref.tables.hm_aliases).toBe(1);
    expect(ref.domainAliases).toEqual([{ domainId: 1, alias: 'northwind-traders.example' }]);
    expect([ref.dnsbl, ref.surbl, ref.incomingRelays, ref.whitelist, ref.serverMessages]).toEqual([[], [], [], [], {}]);
  });

  for (const [name, format] of FIXTURES) {
    for (const chunk of [64 * 1024, 7]) {
      it(`${name} (${format}, ${chunk}-byte chunks) equals the SQLite reference`, async () => {
        const ref = withoutOrigin(readHmailDatabase(await referenceCaseDb(), 'sqlite', 'x.sqlite', []));
        const got = await fromDump(fixtureBytes(name), format, chunk);
        expect(got.problems).toEqual([]);
        expect(withoutOrigin(got)).toEqual(ref);
      });
    }
  }

  it('an SSMS script saved as UTF-16LE with a byte-order mark (SSMS default "Unicode") decodes the same', async () => {
    const ref = withoutOrigin(readHmailDatabase(await referenceCaseDb(), 'sqlite', 'x.sqlite', []));
    const text = new TextDecoder().decode(fixtureBytes('sample-ssms-script.sql'));
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + 2 * i] = text.charCodeAt(i) & 255;
      utf16[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const got = await fromDump(utf16, 'mssql-script', 4099);
    expect(got.problems).toEqual([]);
    expect(withoutOrigin(got)).toEqual(ref);
  });

  it('the SQLite variant of ExportSqlCe, run by SQLite itself (the sqlite3 route), decodes the same', async () => {
    const ref = withoutOrigin(readHmailDatabase(await referenceCaseDb(), 'sqlite', 'x.sqlite', []));
    const made = await emptyDb();
    made.exec(fixtureText('sample-exportsqlce40-sqlite.sql'));
    const db = await emptyDb();
    expect(copyHmailTables(made, db)).toEqual([]);
    expect(withoutOrigin(readHmailDatabase(db, 'sqlite', 'hMailServer.sqlite', []))).toEqual(ref);
  });

  it('an ExportSqlCe script cut short reports every table whose rows fall short of the count in its header', async () => {
    const text = new TextDecoder('utf-16le').decode(fixtureBytes('sample-exportsqlce40.sql'));
    const firstMessage = text.indexOf('INSERT INTO [hm_messages]');
    const cut = text.slice(text.indexOf('-- Script Date'), text.indexOf('\r\nGO', firstMessage));
    const got = await fromDump(new TextEncoder().encode(cut), 'mssql-script', 4096);
    const shortfalls = got.problems.filter((p) => p.reason.startsWith('ExportSqlCe counted'));
    expect(shortfalls.map((p) => [p.line, p.statement])).toEqual([
      [35, '-- hm_messages: 44 row(s)'],
      [37, '-- hm_routes: 1 row(s)'],
      [38, '-- hm_rule_actions: 1 row(s)'],
      [39, '-- hm_rule_criterias: 1 row(s)'],
      [40, '-- hm_rules: 1 row(s)'],
      [41, '-- hm_securityranges: 4 row(s)'],
      [43, '-- hm_settings: 17 row(s)'],
    ]);
    expect(shortfalls[0].reason).toBe(
      'ExportSqlCe counted 44 rows in hm_messages, 1 were loaded from this script: the export is incomplete (a script ExportSqlCe split into name_0000.sql, name_0001.sql… needs every part)',
    );
  });

  it.each([
    ['sample-exportsqlce40.sql', 'sqlce'],
    ['sample-exportsqlce40-sqlite.sql', 'sqlite'],
  ])('%s is exactly what tests/generate/dbDumps/exportSqlCe.py writes (never edited by hand)', async (name, dialect) => {
    const work = mkdtempSync(join(tmpdir(), 'hmail-exportsqlce-'));
    try {
      const sample = join(work, 'sample.sqlite');
      writeFileSync(sample, await sampleSqliteBytes());
      const generated = execFileSync('python3', ['exportSqlCe.py', sample, join(FIXTURE_DIR, 'extra-rows.sql'), dialect], {
        cwd: join(FIXTURE_DIR, '..', '..', 'generate', 'dbDumps'),
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(Buffer.compare(generated, Buffer.from(fixtureBytes(name))), name).toBe(0);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
