/**
 * The read-only SQL console: the query text, its result, the refusal or error message, and a history of
 * what ran. Errors here are expected answers (a refused write, a typo), shown beside the query, not in the banner.
 */
import type { QueryResult } from '../../lib/model/analysisResult.ts';
import { queryCsv } from '../csv.ts';
import { MAX_MESSAGE_ID_SQL } from '../queries/sqlExamples.ts';
import { SCHEMA_SQL, schemaTables, type SchemaTable } from '../queries/sqlSchema.ts';
import type { TriageClient } from '../triageClient.ts';

/** Enough to find yesterday's query again without the list becoming a haystack. */
const HISTORY_LIMIT = 50;

export class SqlConsole {
  sql = $state(MAX_MESSAGE_ID_SQL);
  result = $state.raw<QueryResult | null>(null);
  error = $state<string | null>(null);
  running = $state(false);
  elapsedMs = $state(0);
  /** Most recent first, without duplicates. */
  history = $state.raw<string[]>([]);
  /** Tables and views of the case database with their columns, for the schema browser. */
  schema = $state.raw<SchemaTable[]>([]);

  private ticket = 0;

  constructor(
    private readonly client: TriageClient,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Reads the schema browser's list; an error leaves it empty (the console still works without it). */
  async loadSchema(): Promise<void> {
    try {
      this.schema = schemaTables((await this.client.consoleQuery(SCHEMA_SQL)).rows);
    } catch {
      this.schema = [];
    }
  }

  /** Puts a ready query for a table in the editor (the schema browser's click). */
  browse(table: string): void {
    this.sql = `SELECT * FROM "${table.replaceAll('"', '""')}" LIMIT 100`;
  }

  async run(): Promise<void> {
    const sql = this.sql.trim();
    if (!sql) return;
    const ticket = ++this.ticket;
    this.running = true;
    this.error = null;
    this.history = [sql, ...this.history.filter((h) => h !== sql)].slice(0, HISTORY_LIMIT);
    const started = this.now();
    try {
      const result = await this.client.consoleQuery(sql);
      if (ticket !== this.ticket) return;
      this.result = result;
    } catch (err) {
      if (ticket !== this.ticket) return;
      this.result = null;
      this.error = (err as { message?: string })?.message ?? String(err);
    } finally {
      if (ticket === this.ticket) {
        this.running = false;
        this.elapsedMs = this.now() - started;
      }
    }
  }

  use(sql: string): void {
    this.sql = sql;
  }

  /** The current result as CSV, or null when there is none. */
  csv(): string | null {
    return this.result ? queryCsv(this.result.columns, this.result.rows) : null;
  }

  /** A new case: the text and history stay (they are the examiner's), the result goes. */
  clearResult(): void {
    this.ticket++;
    this.result = null;
    this.error = null;
    this.running = false;
  }
}
