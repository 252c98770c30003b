/**
 * Starts sql.js once per WASM binary. The browser build passes the inlined WASM bytes (no network);
 * Node passes nothing and sql.js reads its own sql-wasm.wasm from node_modules.
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js';

const byWasm = new WeakMap<Uint8Array, Promise<SqlJsStatic>>();
let withoutWasm: Promise<SqlJsStatic> | null = null;

export function openSqlJs(wasmBinary?: Uint8Array): Promise<SqlJsStatic> {
  if (!wasmBinary) {
    withoutWasm ??= initSqlJs();
    return withoutWasm;
  }
  let started = byWasm.get(wasmBinary);
  if (!started) {
    const copy = wasmBinary.slice().buffer;
    started = initSqlJs({ wasmBinary: copy });
    byWasm.set(wasmBinary, started);
  }
  return started;
}
