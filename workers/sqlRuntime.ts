/** sql.js for the single-file build: the WASM is inlined as a data: URL at build time and handed over as bytes. */
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import wasmDataUrl from 'sql.js/dist/sql-wasm.wasm?inline';

let runtime: Promise<SqlJsStatic> | null = null;

function dataUrlBytes(url: string): Uint8Array {
  const binary = atob(url.slice(url.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function sqlRuntime(): Promise<SqlJsStatic> {
  runtime ??= initSqlJs({ wasmBinary: dataUrlBytes(wasmDataUrl).buffer as ArrayBuffer });
  return runtime;
}
