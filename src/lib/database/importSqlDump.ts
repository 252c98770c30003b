/**
 * Streams a database dump into the case database's hm_* tables: bytes are decoded incrementally (UTF-8, or
 * UTF-16 as SSMS saves scripts by default), cut into statements and loaded one at a time, so a dump of
 * hundreds of MB never sits in memory whole. Broken or unknown statements become ImportProblems.
 */
import type { Database } from 'sql.js';
import type { ImportProblem } from '../model/hmailDatabase.ts';
import { DumpLoader, type DumpDialect } from './dumpLoader.ts';
import { declaredRowCounts, rowCountProblems } from './exportSqlCeRowCounts.ts';
import { HmailRowWriter } from './hmailRowWriter.ts';
import { MssqlScriptEnd, mssqlScript } from './mssqlScript.ts';
import { mysqlDump } from './mysqlDump.ts';
import { pgsqlDump } from './pgsqlDump.ts';
import { StatementSplitter } from './statementSplitter.ts';
import type { SqlDialect } from './sqlDialect.ts';

export type DumpFormat = 'mysql-dump' | 'pgsql-dump' | 'mssql-script';

/** The script's opening comments are kept this far: ExportSqlCe's row-count header is in them. */
const HEADER_CHARS = 64 * 1024;

export interface ImportSqlDumpOptions {
  onProgress?(bytesDone: number): void;
  signal?: AbortSignal;
}

const DIALECTS: Record<DumpFormat, { dialect: DumpDialect; sql: SqlDialect }> = {
  'mysql-dump': { dialect: mysqlDump, sql: 'mysql' },
  'pgsql-dump': { dialect: pgsqlDump, sql: 'pgsql' },
  'mssql-script': { dialect: mssqlScript, sql: 'mssql' },
};

/** The encoding from a byte-order mark, or from the zero bytes UTF-16 text without one puts at odd offsets. */
function encodingOf(head: Uint8Array): string {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head.length >= 4 && head[0] !== 0 && head[1] === 0 && head[2] !== 0 && head[3] === 0) return 'utf-16le';
  if (head.length >= 4 && head[0] === 0 && head[1] !== 0 && head[2] === 0 && head[3] !== 0) return 'utf-16be';
  return 'utf-8';
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The import was aborted', 'AbortError');
}

/**
 * @throws the signal's reason (an AbortError) when aborted; rows loaded until then stay committed.
 */
export async function importSqlDump(
  db: Database,
  stream: ReadableStream<Uint8Array>,
  format: DumpFormat,
  options: ImportSqlDumpOptions = {},
): Promise<ImportProblem[]> {
  const { dialect, sql } = DIALECTS[format];
  const problems: ImportProblem[] = [];
  const writer = new HmailRowWriter(db, problems);
  const handle = dialect.createHandler(new DumpLoader(writer, sql));
  const splitter = new StatementSplitter(dialect.syntax);
  const reader = stream.getReader();
  let decoder: TextDecoder | null = null;
  let head: Uint8Array = new Uint8Array(0);
  let bytesDone = 0;
  let headText = '';
  const scriptEnd = format === 'mssql-script' ? new MssqlScriptEnd() : null;
  let lines = 1;

  const feed = (bytes: Uint8Array, last: boolean) => {
    if (!decoder) {
      head = concat(head, bytes);
      if (head.length < 4 && !last) return;
      decoder = new TextDecoder(encodingOf(head));
      bytes = head;
    }
    const text = decoder.decode(bytes, { stream: !last });
    if (headText.length < HEADER_CHARS) headText += text.slice(0, HEADER_CHARS - headText.length);
    if (scriptEnd) {
      scriptEnd.push(text);
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    }
    for (const item of splitter.push(text)) handle(item);
    if (last) for (const item of splitter.end()) handle(item);
  };

  try {
    for (;;) {
      if (options.signal?.aborted) throw abortError(options.signal);
      const { done, value } = await reader.read();
      if (done) break;
      bytesDone += value.byteLength;
      feed(value, false);
      options.onProgress?.(bytesDone);
    }
    feed(new Uint8Array(0), true);
    const truncation = scriptEnd?.truncation();
    if (truncation) writer.problem(lines, '', truncation);
  } finally {
    writer.finish();
    reader.releaseLock();
  }
  const declared = declaredRowCounts(headText);
  if (declared) problems.push(...rowCountProblems(declared, writer.loaded));
  return problems;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
