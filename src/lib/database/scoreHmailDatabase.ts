/**
 * How much a dropped database is an hMailServer database (hm_* tables holding rows, the core tables
 * first): the pipeline makes the highest-scoring one the case database, not the one read first, so a
 * corrupt file or a foreign database beside the real one costs nothing.
 */

export interface DatabaseCandidate {
  path: string;
  /** Row counts of the hm_* tables it holds (lower-case names); empty for an unreadable or foreign file. */
  hmTables: Record<string, number>;
  /** Why it could not be read at all, or null. */
  error: string | null;
}

/** Tables without which nothing an examiner needs is there; their rows weigh most. */
const CORE_TABLES = ['hm_accounts', 'hm_domains', 'hm_messages', 'hm_imapfolders'];

/** Higher is better; 0 means not an hMailServer database at all. */
export function scoreHmailDatabase(c: DatabaseCandidate): number {
  if (c.error !== null) return 0;
  const names = Object.keys(c.hmTables);
  if (names.length === 0) return 0;
  let score = names.length;
  for (const name of names) {
    const rows = c.hmTables[name] ?? 0;
    if (rows <= 0) continue;
    // Core rows count fully, others a little: a log table of millions of rows must not outweigh the accounts.
    score += CORE_TABLES.includes(name) ? 1_000 + Math.log2(1 + rows) * 100 : Math.log2(1 + rows);
  }
  return score;
}
