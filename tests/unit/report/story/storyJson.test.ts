/**
 * findings.json's `story` section tells the same chains as the Overview's "What happened here" (caseStory
 * over the case database), with finding links turned into positions in the document's findings array.
 */
import { describe, expect, it } from 'vitest';
import type { StoryChain } from '../../../../src/lib/report/story/storyChain.ts';
import { storyJson } from '../../../../src/lib/report/story/storyJson.ts';
import { DEMO_ZIP_NAME, demoEvidenceBytes } from '../../../helpers/demoEvidence.ts';
import { fileInput, nodeTriage } from '../../../helpers/nodeTriage.ts';
import { hasSamples, sampleBytes, SKIP_REASON } from '../../../helpers/sharedSamples.ts';

/** A whole pipeline run; generous for a loaded 2-core machine. */
const RUN_TIMEOUT_MS = 120_000;

const chain = (findingIds: number[]): StoryChain => ({
  kind: 'compromised-account',
  id: 'compromised-account:a@example.com',
  title: 'An account taken over',
  severity: 'high',
  steps: [
    {
      text: 'It happened.',
      time: null,
      confidence: 'confirmed',
      evidence: [...findingIds.map((id) => ({ kind: 'finding' as const, findingId: id, type: 't' })), { kind: 'ip' as const, ip: '192.0.2.1' }],
    },
  ],
});

describe('storyJson', () => {
  it('points each finding link at the finding written at that place, other links unchanged', () => {
    // Run order a, b, c (ids 1, 2, 3) written as c, a, b.
    const [out] = storyJson([chain([1, 3])], [2, 0, 1]);
    expect(out.steps[0].evidence).toEqual([
      { kind: 'finding', type: 't', finding: 1 },
      { kind: 'finding', type: 't', finding: 0 },
      { kind: 'ip', ip: '192.0.2.1' },
    ]);
  });

  it('refuses a link to a finding the run does not have rather than writing a dangling index', () => {
    expect(() => storyJson([chain([4])], [0, 1, 2])).toThrow(/finding 4/);
  });
});

async function sameStoryAsTheOverview(name: string, bytes: Uint8Array) {
  const { outcome, caseDb } = await nodeTriage([fileInput(name, bytes)]);
  const doc = JSON.parse(outcome.findingsJson);
  const overview = await caseDb.story();
  const written = doc.story as ReturnType<typeof storyJson>;
  expect(written.length).toBeGreaterThan(0);
  expect(written.map((c) => c.id)).toEqual(overview.map((c) => c.id));
  overview.forEach((c, ci) => {
    c.steps.forEach((s, si) => {
      const w = written[ci].steps[si];
      expect({ ...w, evidence: [] }).toEqual({ ...s, evidence: [] });
      s.evidence.forEach((link, li) => {
        const out = w.evidence[li];
        if (link.kind !== 'finding') return expect(out).toEqual(link);
        if (out.kind !== 'finding') throw new Error(`link ${li} of ${c.id} step ${si} is not a finding link`);
        const named = outcome.findings[link.findingId - 1];
        expect(doc.findings[out.finding]).toMatchObject({ type: named.type, summary: named.summary, ref: named.ref });
      });
    });
  });
  const links = written.flatMap((c) => c.steps.flatMap((s) => s.evidence));
  expect(links.some((l) => l.kind === 'finding')).toBe(true);
}

describe('findings.json story', () => {
  it('the demo evidence: the same chains and steps as the case database tells, finding links resolving to findings of their type', { timeout: RUN_TIMEOUT_MS }, async () => {
    await sameStoryAsTheOverview(DEMO_ZIP_NAME, demoEvidenceBytes());
  });

  it.skipIf(!hasSamples)(`the shared sample (${hasSamples ? 'present' : SKIP_REASON})`, { timeout: RUN_TIMEOUT_MS }, async () => {
    await sameStoryAsTheOverview('sample-case.zip', sampleBytes('sample-case.zip'));
  });
});
