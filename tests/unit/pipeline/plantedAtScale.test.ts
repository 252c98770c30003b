/**
 * The scale pipeline changes nothing a reference run finds: the same planted incidents amid 40 or 1,200
 * filler messages give the same findings, and the filler gives none.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/lib/model/finding.ts';
import { plantedEvidence } from '../../generate/plantedEvidence.mjs';
import { fileInput, nodeTriage } from '../../helpers/nodeTriage.ts';

async function run(filler: number) {
  const { zip, plantedPaths } = await plantedEvidence(filler);
  const { outcome } = await nodeTriage([fileInput('planted.zip', zip)]);
  return { findings: outcome.findings, plantedPaths, messages: outcome.caseData.messages.length };
}

const byMessage = (findings: Finding[], paths: string[]) =>
  findings.filter((f) => f.ref.message && paths.includes(f.ref.message)).map((f) => ({ type: f.type, ref: f.ref, summary: f.summary, details: f.details }));

describe('planted incidents at two scales', () => {
  it('gives the same findings for the planted messages and none for the filler', async () => {
    const small = await run(40);
    const large = await run(1200);
    expect(small.plantedPaths).toEqual(large.plantedPaths);
    expect(large.messages).toBe(1200 + small.plantedPaths.length);
    const smallFindings = byMessage(small.findings, small.plantedPaths);
    expect(new Set(smallFindings.map((f) => f.type))).toEqual(
      new Set(['blocked-attachment', 'from-return-path-mismatch', 'reply-to-mismatch', 'lookalike-domain', 'spam-flagged', 'double-extension', 'executable-in-archive', 'date-skew', 'received-chain-anomaly', 'duplicate-message']),
    );
    expect(byMessage(large.findings, large.plantedPaths)).toEqual(smallFindings);
    const fillerFindings = large.findings.filter((f) => f.ref.message && !large.plantedPaths.includes(f.ref.message));
    expect(fillerFindings).toEqual([]);
  }, 180_000);
});
