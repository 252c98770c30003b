/** The story read from a real case database: the generated demo evidence (tests/generate/demoEvidence.mjs) end to end. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { StoryChain } from '../../../src/lib/report/story/storyChain.ts';
import { DEMO_ZIP_NAME, demoEvidenceBytes } from '../../helpers/demoEvidence.ts';
import { fileInput, nodeTriage } from '../../helpers/nodeTriage.ts';

describe('case story of the demo evidence', () => {
  let chains: StoryChain[];
  beforeAll(async () => {
    const { caseDb } = await nodeTriage([fileInput(DEMO_ZIP_NAME, demoEvidenceBytes())]);
    chains = await caseDb.story();
  }, 60_000);

  it('opens on the brute force, the logon and the queued relay, linked to log sessions and the message', () => {
    const first = chains[0];
    expect(first.kind).toBe('compromised-account');
    expect(first.steps.map((s) => s.confidence)).toEqual(['confirmed', 'confirmed', 'likely', 'confirmed']);
    expect(first.steps[2].time).toEqual({ utc: '2024-06-03T08:21:01.352Z', server: '2024-06-03 10:21:01.352', zone: 'UTC+02:00' });
    expect(first.steps[2].evidence.some((e) => e.kind === 'session')).toBe(true);
    expect(first.steps[3].evidence.some((e) => e.kind === 'message')).toBe(true);
  });

  it('links every finding id to a finding of the case', () => {
    for (const c of chains) for (const s of c.steps) for (const e of s.evidence) if (e.kind === 'finding') expect(e.findingId).toBeGreaterThan(0);
  });
});
