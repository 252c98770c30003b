/**
 * The evidence a bench run measures: a generated data-folder zip of N messages
 * (tests/generate/largeEvidence.mjs, which caches it per N in tests/.generated/) or any zip given by path,
 * described from its central directory.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readZipDirectory } from './zipDirectory.mjs';

const GENERATOR = join(dirname(fileURLToPath(import.meta.url)), '..', 'generate', 'largeEvidence.mjs');

/** @returns {string} the zip's path; the generator reports its own progress on stderr */
export function generatedEvidence(count) {
  const out = execFileSync(process.execPath, [GENERATOR, '--count', String(count)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return out.trim().split('\n').at(-1);
}

/**
 * @returns {{ path: string, name: string, zipBytes: number, entries: number, messages: number, uncompressedBytes: number }}
 *   messages: the .eml entries, which is what N counts
 */
export function describeZip(path) {
  const full = resolve(path);
  if (!existsSync(full)) throw new Error(`${full}: no such file`);
  const entries = readZipDirectory(full);
  return {
    path: full,
    name: basename(full),
    zipBytes: statSync(full).size,
    entries: entries.length,
    messages: entries.filter((e) => e.name.toLowerCase().endsWith('.eml')).length,
    uncompressedBytes: entries.reduce((sum, e) => sum + e.uncompressed, 0),
  };
}
