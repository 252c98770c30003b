/**
 * Findings listed while a run goes on are those the finished run reports: each perMessage analyzer, run on
 * one message at a time against the case as known before the message files, gives exactly the whole case's
 * findings of its types for that message; the findings a run appends as it goes are the same set; the end
 * of the run replaces them in the case database. On generated evidence without a database (the server's
 * domains come from the mailbox folders) and on the demo, which has one.
 */
import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYZER_OPTIONS } from '../../../src/lib/analyze/analyzer.ts';
import { ANALYZERS } from '../../../src/lib/analyze/index.ts';
import { extract7z } from '../../../src/lib/database/extract7z.ts';
import { findWeakPasswords } from '../../../src/lib/database/findWeakPasswords.ts';
import type { Finding } from '../../../src/lib/model/finding.ts';
import { parseForRun } from '../../../src/lib/pipeline/parseForRun.ts';
import { provisionalFindings } from '../../../src/lib/pipeline/provisionalFindings.ts';
import { readMessageJob } from '../../../src/lib/pipeline/readMessageJob.ts';
import { runTriage, type TriageInput } from '../../../src/lib/pipeline/runTriage.ts';
import { compareFindings } from '../../../src/lib/model/compareFindings.ts';
import { createCaseDbService } from '../../../src/lib/store/caseDbService.ts';
import { plantedEvidence } from '../../generate/plantedEvidence.mjs';
import { DEMO_ZIP_NAME, demoEvidenceBytes } from '../../helpers/demoEvidence.ts';
import { FIXED_NOW, fileInput } from '../../helpers/nodeTriage.ts';

const PER_MESSAGE_TYPES = new Set(ANALYZERS.filter((a) => a.perMessage).flatMap((a) => a.findingTypes));
const sorted = (findings: Finding[]) => [...findings].sort(compareFindings);

/** A run whose case database records the findings appended while it went on. */
async function run(inputs: TriageInput[]) {
  const caseDb = createCaseDbService(await initSqlJs(), 'test');
  const appended: Finding[] = [];
  let listedBeforeEnd = 0;
  const port = {
    ...caseDb,
    async appendFindings(found: Finding[]) {
      appended.push(...found);
      await caseDb.appendFindings(found);
      listedBeforeEnd = Number((await caseDb.consoleQuery('SELECT count(*) FROM case_findings')).rows[0][0]);
    },
  };
  const outcome = await runTriage(
    inputs,
    { caseDb: port, parseMessage: parseForRun, readMessageJob, findWeakPasswords, extract7z, parseConcurrency: 4 },
    { runId: 1, version: 'test', now: () => FIXED_NOW },
  );
  return { outcome, caseDb, appended, listedBeforeEnd };
}

async function expectProvisionalAsFinal(inputs: TriageInput[]) {
  const { outcome, caseDb, appended, listedBeforeEnd } = await run(inputs);
  const final = outcome.findings.filter((f) => PER_MESSAGE_TYPES.has(f.type));
  expect(final.length).toBeGreaterThan(0);
  expect(sorted(appended)).toEqual(final);
  expect(listedBeforeEnd).toBe(appended.length);
  expect((await caseDb.consoleQuery('SELECT count(*) FROM case_findings')).rows[0][0]).toBe(outcome.findings.length);

  const { messages, links: _links, ...known } = outcome.caseData;
  const paths = outcome.caseData.links.map((l) => l.path);
  const onOne = provisionalFindings({ ...known, inventory: [] }, paths, { ...DEFAULT_ANALYZER_OPTIONS, now: FIXED_NOW.toISOString() });
  for (const m of messages) expect(onOne([m])).toEqual(final.filter((f) => f.ref.message === m.path));
}

describe('provisional findings', () => {
  it('equal the finished run\'s, one message at a time and as appended, without a database', async () => {
    const { zip } = await plantedEvidence(450);
    await expectProvisionalAsFinal([fileInput('planted.zip', zip)]);
  }, 180_000);

  it('equal the finished run\'s on the demo evidence, which has a database', async () => {
    await expectProvisionalAsFinal([fileInput(DEMO_ZIP_NAME, demoEvidenceBytes())]);
  }, 180_000);
});

describe('perMessage analyzers', () => {
  // The behavioural tests above only catch a dependence the evidence exercises; these inputs are known to
  // be case-wide (the top-hop host most messages name, the server's zone, the logs, the inventory).
  const CASE_WIDE = ['serverHostNames', 'serverZone', 'localToUtc', 'caseData.logs', 'caseData.inventory', 'duplicate'];
  for (const analyzer of ANALYZERS.filter((a) => a.perMessage)) {
    it(`${analyzer.id} reads nothing case-wide`, () => {
      const source = readFileSync(new URL(`../../../src/lib/analyze/${analyzer.id}.ts`, import.meta.url), 'utf8');
      for (const input of CASE_WIDE) expect(source, input).not.toContain(input);
    });
  }
});
