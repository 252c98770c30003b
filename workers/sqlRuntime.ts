/** sql.js for the single-file build: the WASM is inlined as a data: URL at build time and handed over as bytes. */
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import wasmDataUrl from 'sql.js/dist/sql-wasm.wasm?inline';
import { dataUrlBytes } from '../src/lib/model/dataUrlBytes.ts';

let runtime: Promise<SqlJsStatic> | null = null;

export function sqlRuntime(): Promise<SqlJsStatic> {
  runtime ??= initSqlJs({ wasmBinary: dataUrlBytes(wasmDataUrl).buffer as ArrayBuffer });
  return runtime;
}
