/**
 * The shared sample end to end: the brute-force IP, the compromised account and the logged credential are found,
 * the server's offset is guessed from its own Received stamps, and the timeline shows the attack window.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { authAfterFailures } from '../../../src/lib/analyze/authAfterFailures.ts';
import { bruteForceSource } from '../../../src/lib/analyze/bruteForceSource.ts';
import { credentialExposedInLog } from '../../../src/lib/analyze/credentialExposedInLog.ts';
import type { CaseData } from '../../../src/lib/model/caseData.ts';
import { timesketchJsonl } from '../../../src/lib/report/timesketchJsonl.ts';
import { buildTimeline } from '../../../src/lib/timeline/buildTimeline.ts';
import { guessServerZone } from '../../../src/lib/analyze/zone/guessServerZone.ts';
import { fixedZone } from '../../../src/lib/time/serverZone.ts';
import { fileInput, nodeTriage } from '../../helpers/nodeTriage.ts';
import { expectedFindings, hasSamples, sampleBytes, SKIP_REASON } from '../../helpers/sharedSamples.ts';
import { OPTIONS } from '../analyze/caseBuilder.ts';

const LOG_TYPES = ['brute-force-source', 'auth-after-failures', 'credential-exposed-in-log'];

describe.skipIf(!hasSamples)(`logs and timeline of the shared sample ${hasSamples ? '' : SKIP_REASON}`, () => {
  let caseData: CaseData;

  beforeAll(async () => {
    caseData = (await nodeTriage([fileInput('sample-case.zip', sampleBytes('sample-case.zip'))])).outcome.caseData;
  }, 120_000);

  it('parses every line of the sample log', () => {
    expect(caseData.logs.files).toEqual([
      { path: 'hMailServer/Logs/hmailserver_2024-05-12.log', lines: 120, unparsed: 0, first: '2024-05-12 08:00:00.000', last: '2024-05-12 13:14:00.000' },
    ]);
    expect(caseData.logs.sessions).toHaveLength(16);
  });

  it('finds exactly the expected log findings', () => {
    const expected = expectedFindings().findings.filter((f) => LOG_TYPES.includes(f.type)).map((f) => ({ type: f.type, ref: f.ref }));
    const found = [bruteForceSource, authAfterFailures, credentialExposedInLog].flatMap((a) => a.run(caseData, OPTIONS));
    expect(found.map((f) => ({ type: f.type, ref: f.ref })).sort((a, b) => a.type.localeCompare(b.type))).toEqual(expected.sort((a, b) => a.type.localeCompare(b.type)));
    const auth = found.find((f) => f.type === 'auth-after-failures')!;
    expect(auth.details).toMatchObject({ failuresBefore: 11, successLocal: '2024-05-12 10:15:48.000', activityAfter: { smtpSessions: 3, recipients: 3, externalRecipients: 3 } });
    expect(found.find((f) => f.type === 'credential-exposed-in-log')!.details).toMatchObject({ lineNo: 119, maskedSecret: 'S3*******' });
  });

  it('guesses UTC+02:00 from the server\'s own Received stamps (one offset: no zone can be told apart)', () => {
    const guess = guessServerZone(caseData)!;
    expect(guess.zone).toMatchObject({ id: 'UTC+02:00', fixedOffsetMinutes: 120 });
    expect(guess.zone.basis).toMatch(/^\+02:00 in \d+ from 2024-05-\d\d to 2024-05-\d\d .*no daylight-saving change seen.*Europe\/Berlin/);
  });

  it('puts the attack window on the timeline in UTC: 11 failed logons 08:14:09–08:15:39Z, then the success at 08:15:48Z', () => {
    const timeline = buildTimeline({ ...caseData, serverZone: fixedZone(120, 'test') });
    const failed = timeline.filter((e) => e.type === 'logon-failed');
    expect(failed.map((e) => e.timeUtc)).toHaveLength(11);
    expect([failed[0].timeUtc, failed[10].timeUtc]).toEqual(['2024-05-12T08:14:09.000Z', '2024-05-12T08:15:39.000Z']);
    expect(failed.every((e) => e.ip === '203.0.113.9' && e.account === 'bob@northwind.example' && e.refSession?.includes('#SMTPD#'))).toBe(true);
    const ok = timeline.filter((e) => e.type === 'logon-ok');
    expect(ok.map((e) => [e.timeUtc, e.account])).toEqual([['2024-05-12T08:15:48.000Z', 'bob@northwind.example'], ['2024-05-12T11:14:00.000Z', 'dave@fabrikam.example']]);
    expect(new Set(timeline.map((e) => e.type))).toEqual(
      new Set(['message-db-created', 'message-received', 'message-date-header', 'account-last-logon', 'server-start', 'connection', 'logon-failed', 'logon-ok', 'credential-in-log', 'file-modified']),
    );
    expect(timesketchJsonl(timeline)).not.toContain('S3cure');
  });
});
