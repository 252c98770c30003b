/**
 * Where a live run keeps its case tables: an attached in-memory database, not sql.js's main database.
 *
 * sql.js keeps its main database in an Emscripten MEMFS file, a typed array that is reallocated at 1.125×
 * and copied whenever the file outgrows it. A case database that grows by hundreds of megabytes while
 * messages stream in leaves a trail of dead copies that the worker's garbage collector frees late: at 20,000
 * messages they outweighed the live file. An attached `:memory:` database keeps its pages in the WebAssembly
 * heap, which grows in place. The hm_* tables the importers write stay in main (they are written once,
 * before the messages); exportLiveCase puts both into one case file.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import { CASE_FILE_APPLICATION_ID } from '../ingest/classifyEntry.ts';
import { caseTablesIn, messageIndexesIn } from './caseSchema.ts';

export const LIVE_SCHEMA = 'live';
const TARGET = 'case_file';

/**
 * A new case database: the case tables in the attached in-memory schema, sorts and temp tables in memory too.
 * The message indexes come later (createMessageIndexes).
 */
export function openLiveCase(SQL: SqlJsStatic): Database {
  const db = new SQL.Database();
  db.exec(`ATTACH ':memory:' AS ${LIVE_SCHEMA}; PRAGMA temp_store = MEMORY`);
  db.exec(caseTablesIn(LIVE_SCHEMA));
  return db;
}

export function hasLiveSchema(db: Database): boolean {
  return db.exec(`SELECT 1 FROM pragma_database_list WHERE name = '${LIVE_SCHEMA}'`).length > 0;
}

/** The message indexes, in whichever schema holds the case tables; nothing when they exist already. */
export function createMessageIndexes(db: Database): void {
  db.exec(messageIndexesIn(hasLiveSchema(db) ? LIVE_SCHEMA : 'main'));
}

const CREATE = /^CREATE\s+(UNIQUE\s+)?(TABLE|INDEX)\s+(IF\s+NOT\s+EXISTS\s+)?/i;

/**
 * The case file of a live case: the in-memory schema copied by VACUUM INTO (compact, indexes and all), then
 * main's own tables (the hm_* tables) with their definitions, into one SQLite file.
 */
export function exportLiveCase(SQL: SqlJsStatic, db: Database): Uint8Array {
  // An empty database object gives a MEMFS file name VACUUM INTO may write to, and export() reads it back.
  const out = new SQL.Database() as Database & { filename: string };
  // A cancelled run's case has no message indexes yet: the file gets them like a finished one.
  createMessageIndexes(db);
  try {
    db.exec(`VACUUM ${LIVE_SCHEMA} INTO '/${out.filename}'`);
    db.exec(`ATTACH '/${out.filename}' AS ${TARGET}`);
    try {
      const own = db.exec("SELECT type, name, sql FROM main.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type = 'index', rowid");
      for (const [type, name, sql] of own[0]?.values ?? []) {
        db.exec(String(sql).replace(CREATE, (m) => `${m}${TARGET}.`));
        if (type === 'table') db.exec(`INSERT INTO ${TARGET}."${String(name).replace(/"/g, '""')}" SELECT * FROM main."${String(name).replace(/"/g, '""')}"`);
      }
      db.exec(`PRAGMA ${TARGET}.application_id = ${CASE_FILE_APPLICATION_ID}`);
    } finally {
      db.exec(`DETACH ${TARGET}`);
    }
    return out.export();
  } finally {
    out.close();
  }
}
