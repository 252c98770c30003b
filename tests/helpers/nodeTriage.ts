/** Runs the whole pipeline in Node with the same service objects the workers expose, called directly. */
import initSqlJs from 'sql.js';
import { extract7z } from '../../src/lib/database/extract7z.ts';
import { findWeakPasswords } from '../../src/lib/database/findWeakPasswords.ts';
import { parseForRun } from '../../src/lib/pipeline/parseForRun.ts';
import { readMessageJob } from '../../src/lib/pipeline/readMessageJob.ts';
import { runTriage, type TriageInput, type TriageOptions, type TriageOutcome } from '../../src/lib/pipeline/runTriage.ts';
import { createCaseDbService, type CaseDbService } from '../../src/lib/store/caseDbService.ts';

/** After every evidence date used in tests, so "in the future" checks only fire on planted anomalies. */
export const FIXED_NOW = new Date('2025-01-01T00:00:00Z');

export async function nodeTriage(
  inputs: TriageInput[],
  options: { signal?: AbortSignal; serverZone?: string; onProgress?: TriageOptions['onProgress']; referenceParser?: boolean } = {},
): Promise<{ outcome: TriageOutcome; caseDb: CaseDbService }> {
  const caseDb = createCaseDbService(await initSqlJs(), 'test');
  const outcome = await runTriage(
    inputs,
    { caseDb, parseMessage: parseForRun, readMessageJob, findWeakPasswords, extract7z, parseConcurrency: 4 },
    { runId: 1, version: 'test', now: () => FIXED_NOW, ...options },
  );
  return { outcome, caseDb };
}

export function fileInput(name: string, bytes: Uint8Array): TriageInput {
  return { file: new File([bytes as Uint8Array<ArrayBuffer>], name), path: name };
}
