/**
 * The counts a reopened case file shows: exactly those of the original analysis. Message files are told
 * apart from the database rows listed without a file, and log lines are the lines read, not only those
 * inside sessions (both saved as case_meta 'analysis_counts' since schema 4). An older case file has no
 * saved log line count: the lines inside sessions are the best it can give, and `logLinesExact` says so.
 */
import type { AnalysisResult } from '../model/analysisResult.ts';

export interface SavedAnalysisCounts {
  messageFiles: number;
  logLines: number;
}

type Query = (sql: string) => Promise<{ rows: (string | number | null)[][] }>;

export type ReopenedCounts = AnalysisResult['counts'] & { logLinesExact: boolean };

function parseSaved(text: string | number | null | undefined): SavedAnalysisCounts | null {
  if (typeof text !== 'string') return null;
  try {
    const v = JSON.parse(text) as Partial<SavedAnalysisCounts>;
    return Number.isFinite(v.messageFiles) && Number.isFinite(v.logLines) ? { messageFiles: Number(v.messageFiles), logLines: Number(v.logLines) } : null;
  } catch {
    return null;
  }
}

export async function reopenedCounts(query: Query): Promise<ReopenedCounts> {
  const count = async (sql: string) => Number((await query(sql)).rows[0]?.[0] ?? 0);
  const hm = async (table: string) =>
    (await count(`SELECT count(*) FROM sqlite_master WHERE name = '${table}'`)) ? count(`SELECT count(*) FROM ${table}`) : 0;
  const saved = parseSaved((await query("SELECT value FROM case_meta WHERE key = 'analysis_counts'")).rows[0]?.[0]);
  return {
    evidenceFiles: await count('SELECT count(*) FROM case_evidence'),
    inventoryEntries: await count('SELECT count(*) FROM case_inventory'),
    inventoryErrors: await count("SELECT count(*) FROM case_inventory WHERE status = 'error'"),
    messages: saved?.messageFiles ?? (await count("SELECT count(*) FROM case_messages WHERE location IS NOT 'database-only'")),
    dbMessages: await hm('hm_messages'),
    accounts: await hm('hm_accounts'),
    domains: await hm('hm_domains'),
    logLines: saved?.logLines ?? (await count('SELECT coalesce(sum(line_count), 0) FROM case_log_sessions')),
    logLinesExact: saved !== null,
    logSessions: await count('SELECT count(*) FROM case_log_sessions'),
    findings: await count('SELECT count(*) FROM case_findings'),
    // Nothing is parsed when a case file is reopened.
    parsedFast: 0,
    parsedReference: 0,
  };
}
