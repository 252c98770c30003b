/**
 * The Logs tab: log sessions under a filter (paged from case_log_sessions), one session's transcript
 * re-read from its log file, the IPs with most failed logons, and the lines that did not parse.
 */
import { EMPTY_LOG_FILTER, toLogSessionRow, type LogSessionFilter, type LogSessionRow } from '../queries/logs.ts';
import { queryRows, type QueryRecord } from '../queries/queryRows.ts';
import type { TriageClient } from '../triageClient.ts';
import { PagedRows } from './pagedRows.svelte.ts';
import { readAllRows } from './readAllRows.ts';
import { queryScalar } from '../queries/queryRows.ts';

/** Transcript lines rendered at most: a session interleaved through a huge log must not freeze the page. */
export const TRANSCRIPT_MAX_LINES = 20_000;

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class LogSessions {
  runId = $state<number | null>(null);
  filter = $state.raw<LogSessionFilter>(EMPTY_LOG_FILTER);
  protocols = $state.raw<string[]>([]);
  topIps = $state.raw<QueryRecord[]>([]);
  unparsedCount = $state(0);
  unparsedSamples = $state.raw<QueryRecord[]>([]);
  error = $state<string | null>(null);
  selected = $state.raw<LogSessionRow | null>(null);
  transcript = $state.raw<string[] | null>(null);
  /** Lines of the transcript beyond TRANSCRIPT_MAX_LINES, not shown. */
  transcriptCut = $state(0);
  transcriptError = $state<string | null>(null);
  readonly rows = new PagedRows<LogSessionRow>();
  readonly #client: TriageClient;
  #selectToken = 0;

  constructor(client: TriageClient) {
    this.#client = client;
  }

  /** Loads the case of this run; resolves when the summaries and first sessions are in. */
  async open(runId: number): Promise<void> {
    if (runId === this.runId) return;
    this.runId = runId;
    this.close();
    this.error = null;
    const reload = this.#reload();
    try {
      const [protocols, top, count, samples] = await Promise.all([
        this.#client.ask('logProtocols'),
        this.#client.ask('logTopFailureIps'),
        this.#client.ask('logUnparsedCount'),
        this.#client.ask('logUnparsedSamples'),
      ]);
      if (runId !== this.runId) return;
      this.protocols = protocols.rows.map((r) => String(r[0]));
      this.topIps = queryRows(top);
      this.unparsedCount = Number(queryScalar(count) ?? 0);
      this.unparsedSamples = queryRows(samples);
    } catch (err) {
      if (runId === this.runId) this.error = message(err);
    }
    await reload;
  }

  setFilter(patch: Partial<LogSessionFilter>): Promise<void> {
    this.filter = { ...this.filter, ...patch };
    return this.#reload();
  }

  replaceFilter(filter: LogSessionFilter): Promise<void> {
    this.filter = filter;
    return this.#reload();
  }

  /** Shows one session (by case_log_sessions.key) and its transcript. */
  async select(key: string): Promise<void> {
    const token = ++this.#selectToken;
    this.transcript = null;
    this.transcriptCut = 0;
    this.transcriptError = null;
    try {
      const found = await this.#client.ask('logSession', key);
      if (token !== this.#selectToken) return;
      const row = found.rows[0];
      this.selected = row ? toLogSessionRow(row) : null;
      if (!this.selected) {
        this.transcriptError = `No log session ${key} in this case.`;
        return;
      }
      const s = this.selected;
      const lines = await this.#client.logTranscript(s.file, s.firstLine, s.lastLine, s.session);
      if (token !== this.#selectToken) return;
      this.transcript = lines.length > TRANSCRIPT_MAX_LINES ? lines.slice(0, TRANSCRIPT_MAX_LINES) : lines;
      this.transcriptCut = Math.max(0, lines.length - TRANSCRIPT_MAX_LINES);
    } catch (err) {
      if (token === this.#selectToken) this.transcriptError = message(err);
    }
  }

  /** Every session under the current filter, in table order, for the CSV export. */
  allRows(): Promise<LogSessionRow[]> {
    const client = this.#client;
    const filter = this.filter;
    return readAllRows(async (offset, limit) => {
      return (await client.ask('logSessionPage', filter, offset, limit)).rows.map(toLogSessionRow);
    });
  }

  close(): void {
    this.#selectToken++;
    this.selected = null;
    this.transcript = null;
    this.transcriptCut = 0;
    this.transcriptError = null;
  }

  #reload(): Promise<void> {
    if (this.runId === null) return Promise.resolve();
    const client = this.#client;
    const filter = this.filter;
    return this.rows.reset({
      async count() {
        return Number(queryScalar(await client.ask('logSessionCount', filter)) ?? 0);
      },
      async page(offset, limit) {
        return (await client.ask('logSessionPage', filter, offset, limit)).rows.map(toLogSessionRow);
      },
    });
  }
}
