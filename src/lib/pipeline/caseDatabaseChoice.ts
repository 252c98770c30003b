/**
 * One database per case: a second one would mix two servers' rows in the same tables. The case database
 * is the most hMailServer-like of those dropped (scoreHmailDatabase), not the first one read: a corrupt
 * or foreign file read first gives way to the real one, and says why it was not used. A SQLite file is
 * weighed before it is loaded; a dump or backup, which can only be weighed by loading it, replaces only
 * a database that holds no hMailServer data.
 */
import { scoreHmailDatabase } from '../database/scoreHmailDatabase.ts';
import type { EntryStatus } from '../model/inventoryEntry.ts';
import type { CaseDbPort } from '../store/caseDbPort.ts';

type Fail = (path: string, kind: string, reason: string, status?: EntryStatus) => void;

export class CaseDatabaseChoice {
  /** The evidence path of the database loaded so far; null before the first. */
  path: string | null = null;
  private score = 0;
  private hasRows = false;

  constructor(
    private readonly caseDb: CaseDbPort,
    private readonly fail: Fail,
  ) {}

  /**
   * Whether the database at `path` becomes the case database, dropping the one loaded before it if so.
   * `candidateScore` is null for a source that can only be weighed once loaded.
   */
  async claim(path: string, candidateScore: number | null): Promise<boolean> {
    if (this.path !== null && (candidateScore === null ? this.hasRows : candidateScore <= this.score)) {
      const why = candidateScore === 0 ? 'it holds no hMailServer (hm_*) table' : `${this.path} holds more of hMailServer's data`;
      this.fail(path, 'database', `not used as the case database: ${why}`, 'skipped');
      return false;
    }
    if (this.path !== null) {
      this.fail(this.path, 'database', `not used as the case database: ${this.hasRows ? `${path} holds more of hMailServer's data` : `it holds no hMailServer data; ${path} is used`}`, 'skipped');
      await this.caseDb.dropHmailTables();
    }
    this.path = path;
    return true;
  }

  /** Weighs what was just loaded from `path`, for the next claim. */
  async weighLoaded(path: string): Promise<void> {
    const hmTables = await this.caseDb.hmailTableCounts();
    this.score = scoreHmailDatabase({ path, hmTables, error: null });
    this.hasRows = Object.values(hmTables).some((n) => n > 0);
  }
}
