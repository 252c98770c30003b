/** sql.js for Node tests, started once: it reads its own sql-wasm.wasm from node_modules. */
import initSqlJs, { type SqlJsStatic } from 'sql.js';

let started: Promise<SqlJsStatic> | null = null;

export function openSqlJs(): Promise<SqlJsStatic> {
  started ??= initSqlJs();
  return started;
}
