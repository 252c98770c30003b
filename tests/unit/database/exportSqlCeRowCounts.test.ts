import { describe, expect, it } from 'vitest';
import { declaredRowCounts, rowCountProblems } from '../../../src/lib/database/exportSqlCeRowCounts.ts';

const HEADER = [
  '-- Script Date: 20.05.2024 09:41  - ErikEJ.SqlCeScripting version 3.5.2.95',
  '-- Database information:',
  '-- Locale Identifier: 1031',
  '',
  '-- User Table information:',
  '-- Number of tables: 3',
  '-- hm_accounts: 2 row(s)',
  '-- hm_dbversion: -1 row(s)',
  '-- hm_settings: 0 row(s)',
  '',
  'CREATE TABLE [hm_accounts] (',
].join('\r\n');

describe('ExportSqlCe row counts', () => {
  it('reads the per-table counts of the header with their lines, in any locale\'s date format', () => {
    expect(declaredRowCounts(HEADER)).toEqual([
      { table: 'hm_accounts', rows: 2, line: 7 },
      { table: 'hm_dbversion', rows: -1, line: 8 },
      { table: 'hm_settings', rows: 0, line: 9 },
    ]);
  });

  it('is not fooled by other scripts that start with comments', () => {
    expect(declaredRowCounts('-- MySQL dump 10.19\n-- hm_accounts: 2 row(s)\n')).toBeNull();
    expect(declaredRowCounts('')).toBeNull();
  });

  it('flags fewer and more rows than declared, never a table whose count the tool did not know', () => {
    const declared = declaredRowCounts(HEADER)!;
    expect(rowCountProblems(declared, new Map([['hm_accounts', 2], ['hm_dbversion', 1]]))).toEqual([]);
    expect(rowCountProblems(declared, new Map([['hm_accounts', 1], ['hm_settings', 3]])).map((p) => [p.line, p.reason.slice(0, 60)])).toEqual([
      [7, 'ExportSqlCe counted 2 rows in hm_accounts, 1 were loaded fro'],
      [9, 'ExportSqlCe counted 0 rows in hm_settings, 3 were loaded fro'],
    ]);
  });
});
