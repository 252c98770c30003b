import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { CASE_SCHEMA } from '../../src/lib/store/caseSchema.ts';
import { openLiveCase } from '../../src/lib/store/liveCaseSchema.ts';
import { SCHEMA_SQL, isMessagePath, schemaTables } from '../../src/ui/queries/sqlSchema.ts';
import type { CellValue } from '../../src/ui/components/tableColumn.ts';

describe('sql schema browser', () => {
  it('lists every case table and view with its columns in order', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.exec(CASE_SCHEMA);
    const tables = schemaTables((db.exec(SCHEMA_SQL)[0]?.values ?? []) as CellValue[][]);
    const names = tables.map((t) => t.name);
    expect(names).toContain('case_messages');
    expect(tables.find((t) => t.name === 'case_headers')?.kind).toBe('view');
    expect(tables.find((t) => t.name === 'case_tags')?.columns).toEqual([{ name: 'name', type: 'TEXT' }, { name: 'colour', type: 'TEXT' }]);
    expect(names).toEqual([...names].sort());
  });

  it('lists the case tables of a live run (attached schema) beside the evidence tables in main', async () => {
    const SQL = await initSqlJs();
    const db = openLiveCase(SQL);
    db.exec('CREATE TABLE main.hm_accounts (accountid INTEGER, accountaddress TEXT)');
    db.exec('CREATE TEMP TABLE keyword_hits (term TEXT)');
    const names = schemaTables((db.exec(SCHEMA_SQL)[0]?.values ?? []) as CellValue[][]).map((t) => t.name);
    expect(names).toContain('case_messages');
    expect(names).toContain('hm_accounts');
    expect(names).not.toContain('keyword_hits');
  });

  it('recognises message file paths only', () => {
    expect(isMessagePath('hMailServer/Data/x/{A}.eml')).toBe(true);
    expect(isMessagePath('legacy.HMA')).toBe(true);
    expect(isMessagePath('hmailserver.log')).toBe(false);
    expect(isMessagePath(42)).toBe(false);
    expect(isMessagePath('a\n.eml')).toBe(false);
  });
});
