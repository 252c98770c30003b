/**
 * ExportSqlCe writes the row count of every table at the top of its script (Generator.GenerateDatabaseInfo:
 * "-- User Table information:", then "-- hm_accounts: 4 row(s)" from DBRepository.GetRowCount, -1 for a
 * table without a primary key). Comparing them with the rows actually loaded tells whether the export that
 * reached the examiner is complete: a truncated copy, a failed run or a missing part of a split export.
 */
import type { ImportProblem } from '../model/hmailDatabase.ts';

export interface DeclaredRowCount {
  table: string;
  rows: number;
  /** Line of the header comment in the script. */
  line: number;
}

const SIGNATURE = /^-- Script Date: .* - ErikEJ\.SqlCeScripting version /;
const TABLE_LINE = /^-- (\S+): (-?\d+) row\(s\)\s*$/;

/** The declared counts from the beginning of a script; null when it is not ExportSqlCe's. */
export function declaredRowCounts(text: string): DeclaredRowCount[] | null {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const start = lines.findIndex((l) => l.trim() !== '');
  if (start < 0 || !SIGNATURE.test(lines[start])) return null;
  const tablesAt = lines.indexOf('-- User Table information:');
  if (tablesAt < 0) return [];
  const out: DeclaredRowCount[] = [];
  for (let i = tablesAt + 1; i < lines.length && lines[i].startsWith('--'); i++) {
    const m = TABLE_LINE.exec(lines[i]);
    if (m) out.push({ table: m[1], rows: Number(m[2]), line: i + 1 });
  }
  return out;
}

/** One problem per table whose loaded rows differ from the declared count; -1 (unknown) is not checked. */
export function rowCountProblems(declared: DeclaredRowCount[], loaded: ReadonlyMap<string, number>): ImportProblem[] {
  return declared
    .filter((d) => d.rows >= 0 && (loaded.get(d.table) ?? 0) !== d.rows)
    .map((d) => ({
      line: d.line,
      statement: `-- ${d.table}: ${d.rows} row(s)`,
      reason:
        `ExportSqlCe counted ${d.rows} rows in ${d.table}, ${loaded.get(d.table) ?? 0} were loaded from this script: the export is incomplete ` +
        '(a script ExportSqlCe split into name_0000.sql, name_0001.sql… needs every part)',
    }));
}
