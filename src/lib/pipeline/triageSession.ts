/**
 * One page's analysis session: runs the pipeline, remembers how to re-read the evidence of the last run
 * (raw message views, downloads, log transcripts), and reopens a saved case file without re-parsing.
 */
import { isSqliteHeader } from '../ingest/isSqliteHeader.ts';
import { readStreamFully } from '../ingest/readStreamFully.ts';
import { createLineSplitter } from '../logs/lineSplitter.ts';
import { parseLogLine } from '../logs/parseLogLine.ts';
import type { AnalysisResult } from '../model/analysisResult.ts';
import type { ReopenedCounts } from '../store/reopenedCounts.ts';
import { runTriage, type TriageDeps, type TriageInput, type TriageOptions } from './runTriage.ts';

/** What reopening a case file needs of the case database (the caseDb worker provides it). */
export interface CaseFileOpener {
  openCaseFile(bytes: Uint8Array): Promise<boolean>;
  reopenedCounts(): Promise<ReopenedCounts>;
}

/** A case file above this is not opened in memory (sql.js holds the whole database). */
const MAX_CASE_FILE_BYTES = 2 * 1024 * 1024 * 1024;

async function looksLikeSqlite(file: Blob): Promise<boolean> {
  return isSqliteHeader(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
}

async function reopenedResult(db: CaseFileOpener, runId: number, started: number): Promise<AnalysisResult> {
  const { logLinesExact, ...counts } = await db.reopenedCounts();
  const problems = ['Reopened a saved case file: views show the saved case; drop the original evidence too for raw message views.'];
  if (!logLinesExact) problems.push('This case file was saved before log line counts were kept: the log line count is of the lines inside sessions only.');
  return { runId, durationMs: Date.now() - started, counts, problems };
}

export function createTriageSession() {
  let open: ((path: string) => ReadableStream<Uint8Array> | null) | null = null;

  const readEntry = async (path: string): Promise<Uint8Array> => {
    const stream = open?.(path) ?? null;
    if (!stream) throw new Error(`${path} is not in the evidence of this session (a reopened case keeps no evidence bytes).`);
    return (await readStreamFully(stream, { maxBytes: Number.MAX_SAFE_INTEGER })) ?? new Uint8Array();
  };

  return {
    async analyze(inputs: TriageInput[], deps: TriageDeps & { caseFile: CaseFileOpener }, options: TriageOptions): Promise<AnalysisResult> {
      const started = Date.now();
      const only = inputs.length === 1 ? inputs[0] : null;
      if (only && only.file.size <= MAX_CASE_FILE_BYTES && (await looksLikeSqlite(only.file))) {
        const bytes = new Uint8Array(await only.file.arrayBuffer());
        if (await deps.caseFile.openCaseFile(bytes)) {
          open = null;
          return reopenedResult(deps.caseFile, options.runId, started);
        }
      }
      const outcome = await runTriage(inputs, deps, options);
      open = outcome.open;
      return outcome.result;
    },
    readEntry,
    /**
     * The lines of one session (or every line of the range when session is null), as text only. Streamed
     * through the log parser's own line splitter, so numbering matches and a huge log is never held whole.
     */
    async logTranscript(file: string, firstLine: number, lastLine: number, session: number | null): Promise<string[]> {
      const stream = open?.(file) ?? null;
      if (!stream) throw new Error(`${file} is not in the evidence of this session (a reopened case keeps no evidence bytes).`);
      const lines: string[] = [];
      let past = false;
      const splitter = createLineSplitter((text, lineNo) => {
        past ||= lineNo > lastLine;
        if (lineNo < firstLine || past) return;
        if (session === null) return void lines.push(text);
        const parsed = parseLogLine(text, file, lineNo);
        if ('session' in parsed && parsed.session === session) lines.push(text);
      });
      const reader = stream.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        splitter.push(value);
        if (past) {
          await reader.cancel();
          return lines;
        }
      }
      splitter.end();
      return lines;
    },
  };
}
