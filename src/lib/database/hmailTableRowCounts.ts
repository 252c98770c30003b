/**
 * Row counts of the hm_* tables of a SQLite database, by lower-case name: what a database offers as the
 * case database (scoreHmailDatabase). Views are left out (they run a query of their own); a table that
 * cannot be counted (a damaged page) counts 0.
 */
import type { Database } from 'sql.js';

export function hmailTableNames(db: Database): string[] {
  const r = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND lower(name) LIKE 'hm\\_%' ESCAPE '\\' ORDER BY name");
  return (r[0]?.values ?? []).map((v) => String(v[0]));
}

export function hmailTableRowCounts(db: Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of hmailTableNames(db)) {
    try {
      counts[name.toLowerCase()] = Number(db.exec(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`)[0]?.values[0]?.[0] ?? 0);
    } catch {
      counts[name.toLowerCase()] = 0;
    }
  }
  return counts;
}
