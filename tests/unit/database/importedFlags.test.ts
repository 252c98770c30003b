/**
 * Integer columns of hm_* leave the import normal, whatever the source spelt them ('1', 't', 'true' in text
 * dumps): the views read a flag as 1 or 0/NULL (isOn) and re-normalise nothing.
 */
import { describe, expect, it } from 'vitest';
import { HMAIL_TABLE_BY_NAME } from '../../../src/lib/database/hmailSchema.ts';
import { importSqlDump, type DumpFormat } from '../../../src/lib/database/importSqlDump.ts';
import { chunkedStream, emptyDb, fixtureBytes } from './dbTestKit.ts';

const DUMPS: [file: string, format: DumpFormat][] = [
  ['sample-mariadb-dump.sql', 'mysql-dump'],
  ['sample-pg-dump.sql', 'pgsql-dump'],
  ['sample-pg-dump-inserts.sql', 'pgsql-dump'],
  ['sample-ssms-script.sql', 'mssql-script'],
  ['sample-exportsqlce40.sql', 'mssql-script'],
];

async function imported(bytes: Uint8Array, format: DumpFormat) {
  const db = await emptyDb();
  await importSqlDump(db, chunkedStream(bytes, 64 * 1024), format);
  return db;
}

describe('hm_* integer columns after the import', () => {
  it.each(DUMPS)('%s: integers or NULL (a 64-bit value beyond JavaScript\'s safe range keeps its digits)', async (file, format) => {
    const db = await imported(fixtureBytes(file), format);
    const odd: string[] = [];
    for (const table of HMAIL_TABLE_BY_NAME.values()) {
      for (const column of table.columns.filter((c) => c.type === 'i')) {
        const rows = db.exec(`SELECT DISTINCT "${column.name}" FROM "${table.name}" WHERE typeof("${column.name}") NOT IN ('integer', 'null')`)[0]?.values ?? [];
        for (const [value] of rows) if (!/^-?\d{16,}$/.test(String(value))) odd.push(`${table.name}.${column.name} = ${String(value)}`);
      }
    }
    expect(odd).toEqual([]);
    const flags = db.exec('SELECT DISTINCT accountactive, accountforwardenabled, accountvacationmessageon FROM hm_accounts')[0].values.flat();
    expect(new Set(flags.filter((v) => v !== null))).toEqual(new Set(flags.includes(0) ? [0, 1] : [1]));
  });

  it("turns a text dump's '1', 't' and 'true' into 1 and 'f', 'false', '0' into 0", async () => {
    const dump = `INSERT INTO hm_accounts (accountid, accountaddress, accountactive, accountisad, accountforwardenabled, accountvacationmessageon) VALUES
      (1, 'a@x.example', '1', 't', 'true', NULL), (2, 'b@x.example', '0', 'f', 'false', 1);`;
    const db = await imported(new TextEncoder().encode(dump), 'mysql-dump');
    expect(db.exec('SELECT accountactive, accountisad, accountforwardenabled, accountvacationmessageon FROM hm_accounts ORDER BY accountid')[0].values).toEqual([
      [1, 1, 1, null],
      [0, 0, 0, 1],
    ]);
  });
});
