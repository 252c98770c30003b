/**
 * Chooses the case database among several dropped candidates: the one that is most an hMailServer
 * database (hm_* tables holding rows, the core tables first), not the one read first. A corrupt file or
 * a foreign database beside the real one then costs nothing; every other candidate gets its reason.
 */

export interface DatabaseCandidate {
  path: string;
  /** Row counts of the hm_* tables it holds (lower-case names); empty for an unreadable or foreign file. */
  hmTables: Record<string, number>;
  /** Why it could not be read at all, or null. */
  error: string | null;
}

export interface DatabaseChoice {
  /** The chosen candidate's path, or null when none holds an hMailServer table. */
  chosen: string | null;
  /** Every other candidate with why it was not used, in input order. */
  others: { path: string; reason: string }[];
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

export function rankHmailDatabases(candidates: DatabaseCandidate[]): DatabaseChoice {
  let best: DatabaseCandidate | null = null;
  let bestScore = 0;
  for (const c of candidates) {
    const score = scoreHmailDatabase(c);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  const others = candidates
    .filter((c) => c !== best)
    .map((c) => ({
      path: c.path,
      reason:
        c.error !== null
          ? `not used as the case database: ${c.error}`
          : Object.keys(c.hmTables).length === 0
            ? 'not used as the case database: it holds no hMailServer (hm_*) table'
            : `not used as the case database: ${best!.path} holds more of hMailServer's data`,
    }));
  return { chosen: best?.path ?? null, others };
}
