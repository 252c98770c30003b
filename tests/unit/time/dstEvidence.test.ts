/**
 * Generated evidence across both daylight-saving changes of a year (tests/generate/dstEvidence.mjs), run
 * through the whole pipeline: the zone is guessed from the server's own stamps, and every log time converted
 * with it agrees to the second with the Received stamp of the same SMTP transaction. A server whose clock
 * (logs) runs in another zone than its stamps disagrees until the examiner sets the clock's zone.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../src/lib/timeline/buildTimeline.ts';
import type { TimelineEvent } from '../../../src/lib/timeline/timelineEvent.ts';
import { zoneOffsetAt } from '../../../src/lib/time/zoneOffsetAt.ts';
import type { TriageOutcome } from '../../../src/lib/pipeline/runTriage.ts';
import { fileInput, nodeTriage } from '../../helpers/nodeTriage.ts';
// @ts-expect-error: a plain .mjs generator without type declarations
import { dstEvidence, wallClock } from '../../generate/dstEvidence.mjs';

interface Evidence {
  files: Record<string, string>;
  messages: { path: string; utcMs: number }[];
  changes: number[];
}

const HOOK_TIMEOUT = 60_000;

async function analyse(e: Evidence, serverZone?: string): Promise<TriageOutcome> {
  const inputs = Object.entries(e.files).map(([path, text]) => ({ ...fileInput(path, new TextEncoder().encode(text)), path }));
  return (await nodeTriage(inputs, { serverZone })).outcome;
}

/** Each accepted-message log event beside the server's Received stamp of the same transaction (same client IP). */
function pairs(outcome: TriageOutcome): { log: TimelineEvent; stampUtc: string }[] {
  const timeline = buildTimeline(outcome.caseData);
  const stamps = new Map(timeline.filter((t) => t.type === 'message-received').map((t) => [t.ip, t.timeUtc as string]));
  return timeline.filter((t) => t.type === 'message-accepted').map((log) => ({ log, stampUtc: stamps.get(log.ip)! }));
}

const ambiguous = (e: TimelineEvent) => /^ambiguous/.test(e.timeNote ?? '');

for (const { zone, year, offsets } of [
  { zone: 'America/New_York', year: 2023, offsets: /^−05:00 in \d+ from 2023-03-0\d to 2023-03-12, then −04:00 .* then −05:00 in \d+ from 2023-11-05/ },
  { zone: 'Europe/Berlin', year: 2024, offsets: /^\+01:00 in \d+ from 2024-03-2\d to 2024-03-31, then \+02:00 .* then \+01:00 in \d+ from 2024-10-27/ },
]) {
  describe(`a server in ${zone} across both changes of ${year}`, () => {
    let evidence: Evidence;
    let outcome: TriageOutcome;

    beforeAll(async () => {
      evidence = dstEvidence({ stampZone: zone, year });
      outcome = await analyse(evidence);
    }, HOOK_TIMEOUT);

    it('guesses a zone that reproduces every stamp offset, and says from what', () => {
      const chosen = outcome.caseData.serverZone;
      expect(chosen.fixedOffsetMinutes).toBeNull();
      for (const m of evidence.messages) expect(zoneOffsetAt(chosen.id, m.utcMs)).toBe(wallClock(m.utcMs, zone).offset);
      expect(chosen.basis).toMatch(offsets);
      expect(chosen.basis).toMatch(new RegExp(`fits all: .*${zone.replace('/', '\\/')}`));
      expect(chosen.candidates?.[0]).toEqual({ id: chosen.id, fits: evidence.messages.length });
      expect(chosen.basis).toMatch(/log check: (\d+) of \1 accepted messages in the SMTP log agree with their Received stamps to the second$/);
      expect(JSON.parse(outcome.findingsJson).run.timezone).toBe(chosen.id);
    });

    it('puts every log time on the same second as its Received stamp; the repeated hour is decided by the log\'s order and marked', () => {
      const all = pairs(outcome);
      expect(all).toHaveLength(evidence.messages.length);
      // The log is written in time order, so its clock going back decides each repeated-hour line (logTime.ts).
      const decided = all.filter((p) => /^repeated hour: (first|second) occurrence .* used, written (before|after) the log's clock went back/.test(p.log.timeNote ?? ''));
      expect(decided.length).toBeGreaterThanOrEqual(4);
      expect(decided.some((p) => /second occurrence/.test(p.log.timeNote!))).toBe(true);
      expect(decided.some((p) => /first occurrence/.test(p.log.timeNote!))).toBe(true);
      expect(all.some((p) => ambiguous(p.log))).toBe(false);
      for (const { log, stampUtc } of all) expect(log.timeUtc, log.timeLocal ?? '').toBe(stampUtc);
      expect(all.some((p) => /nonexistent/.test(p.log.timeNote ?? ''))).toBe(false);
    });
  });
}

describe('a server whose clock (logs) runs in UTC while its Received stamps say Europe/Berlin', () => {
  let evidence: Evidence;
  let guessed: TriageOutcome;
  let corrected: TriageOutcome;

  beforeAll(async () => {
    evidence = dstEvidence({ stampZone: 'Europe/Berlin', clockZone: 'UTC', year: 2024 });
    guessed = await analyse(evidence);
    corrected = await analyse(evidence, 'UTC');
  }, HOOK_TIMEOUT);

  it('with the zone of the stamps, log times are off by the zone offset (one or two hours), and the basis says so', () => {
    expect(guessed.caseData.serverZone.basis).toMatch(/log check: the SMTP log's times differ from the Received stamps of the same \d+ messages by a median of −[12] h 00 min .*set its zone$/);
    const diffs = new Set(pairs(guessed).map((p) => (Date.parse(p.stampUtc) - Date.parse(p.log.timeUtc!)) / 3_600_000));
    expect([...diffs].every((h) => h === 1 || h === 2)).toBe(true);
  });

  it('with the clock zone set by the examiner, every log time agrees with its stamp to the second', () => {
    expect(corrected.caseData.serverZone).toMatchObject({ id: 'UTC+00:00' });
    expect(corrected.caseData.serverZone.basis).toMatch(/^set by the examiner; it explains 0 of 58 offsets in the server's stamps \(the guess was Europe\/Paris\); log check: 58 of 58 accepted messages .* agree/);
    for (const { log, stampUtc } of pairs(corrected)) {
      expect(log.timeNote).toBeNull();
      expect(log.timeUtc).toBe(stampUtc);
    }
    expect(JSON.parse(corrected.findingsJson).server.timeZone.id).toBe('UTC+00:00');
  });
});
