/** Shared by the database tests: sql.js, the sample's SQLite bytes, fixture streams cut into chunks. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import type { Database } from 'sql.js';
import { copyHmailTables } from '../../../src/lib/database/copyHmailTables.ts';
import { HMAIL_SCHEMA_DDL } from '../../../src/lib/database/hmailSchema.ts';
import { loadSqliteDatabase } from '../../../src/lib/database/loadSqliteDatabase.ts';
import { openSqlJs } from '../../helpers/openSqlJs.ts';
import { sampleBytes } from '../../helpers/sharedSamples.ts';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'database');

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** A stream that hands the bytes over in chunks of `size` (small sizes cut tokens and UTF-8 apart). */
export function chunkedStream(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

export async function emptyDb(): Promise<Database> {
  const SQL = await openSqlJs();
  return new SQL.Database();
}

export async function sampleSqliteBytes(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(sampleBytes('sample-case.zip'));
  const file = zip.file('hMailServer/Database/hMailServer-converted.sqlite');
  if (!file) throw new Error('sample-case.zip has no hMailServer-converted.sqlite');
  return file.async('uint8array');
}

/** The sample database plus tests/fixtures/database/extra-rows.sql: what every engine fixture holds. */
export async function referenceCaseDb(): Promise<Database> {
  const SQL = await openSqlJs();
  const evidence = loadSqliteDatabase(SQL, await sampleSqliteBytes());
  evidence.exec(HMAIL_SCHEMA_DDL);
  evidence.exec(fixtureText('extra-rows.sql'));
  const db = new SQL.Database();
  const problems = copyHmailTables(evidence, db);
  evidence.close();
  if (problems.length > 0) throw new Error(`reference copy reported problems: ${JSON.stringify(problems)}`);
  return db;
}
