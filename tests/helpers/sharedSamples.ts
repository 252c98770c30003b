/** Reads ../shared/samples at test time; tests that need it skip with a message when it is absent. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SHARED_DIR = resolve(process.env.HMAIL_SHARED_DIR ?? join(here, '..', '..', '..', 'shared'));
export const SAMPLES_DIR = join(SHARED_DIR, 'samples');
export const hasSamples = existsSync(join(SAMPLES_DIR, 'sample-case.zip'));
export const SKIP_REASON = `shared samples not found at ${SAMPLES_DIR} (set HMAIL_SHARED_DIR)`;

if (!hasSamples) console.warn(`[skip] ${SKIP_REASON}`);

export function sampleBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(SAMPLES_DIR, name)));
}

export interface ExpectedFindings {
  counts: Record<string, number>;
  maxMessageId: number;
  sha256: Record<string, string>;
  findings: { type: string; ref: Record<string, string>; needs?: string; details?: Record<string, unknown> }[];
  cleanMessages: string[];
}

export function expectedFindings(): ExpectedFindings {
  return JSON.parse(readFileSync(join(SAMPLES_DIR, 'expected-findings.json'), 'utf8')) as ExpectedFindings;
}
