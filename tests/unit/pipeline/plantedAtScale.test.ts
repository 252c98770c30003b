/**
 * The scale pipeline changes nothing a reference run finds: the same planted incidents amid 40 filler
 * messages, parsed by postal-mime alone (the slow reference run), and amid 1,200, parsed by the fast path
 * where it can, give the same findings; the filler gives none.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/lib/model/finding.ts';
import { plantedEvidence } from '../../generate/plantedEvidence.mjs';
import { fileInput, nodeTriage } from '../../helpers/nodeTriage.ts';

async function run(filler: number, referenceParser: boolean) {
  const { zip, plantedPaths } = await plantedEvidence(filler);
  const { outcome } = await nodeTriage([fileInput('planted.zip', zip)], { referenceParser });
  return { findings: outcome.findings, plantedPaths, messages: outcome.caseData.messages, result: outcome.result };
}

const byMessage = (findings: Finding[], paths: string[]) =>
  findings.filter((f) => f.ref.message && paths.includes(f.ref.message)).map((f) => ({ type: f.type, ref: f.ref, summary: f.summary, details: f.details }));

describe('planted incidents at two scales', () => {
  it('gives the same findings for the planted messages and none for the filler', async () => {
    const small = await run(40, true);
    const large = await run(1200, false);
    expect(small.plantedPaths).toEqual(large.plantedPaths);
    expect(large.messages).toHaveLength(1200 + small.plantedPaths.length);
    expect(small.result.counts.parsedFast).toBe(0);
    expect(large.result.counts.parsedFast).toBeGreaterThan(1200);
    const smallFindings = byMessage(small.findings, small.plantedPaths);
    expect(new Set(smallFindings.map((f) => f.type))).toEqual(
      new Set(['blocked-attachment', 'from-return-path-mismatch', 'reply-to-mismatch', 'lookalike-domain', 'spam-flagged', 'double-extension', 'executable-in-archive', 'date-skew', 'received-chain-anomaly', 'duplicate-message']),
    );
    expect(byMessage(large.findings, large.plantedPaths)).toEqual(smallFindings);
    const fillerFindings = large.findings.filter((f) => f.ref.message && !large.plantedPaths.includes(f.ref.message));
    expect(fillerFindings).toEqual([]);
  }, 180_000);
});
