/**
 * `date-skew`: the Date header is further than the threshold from when the server received the message —
 * its own Received stamp (carries an explicit offset), else messagecreatetime in server local time
 * converted with the case's server zone. A backdated or postdated Date is a classic sign of a forged message.
 */
import type { Finding } from '../model/finding.ts';
import type { Analyzer } from './analyzer.ts';
import { isoToMs } from './support/isoToMs.ts';
import { localTimeToUtcMs } from '../time/localToUtc.ts';
import { serverHostNames } from './support/serverHostNames.ts';
import { serverReceivedHop } from './support/serverReceivedHop.ts';

const HOUR_MS = 3_600_000;
/** Rows migrated from before 3.0 carry this placeholder instead of a create time (hmailserver.md §2.3). */
const NO_CREATE_TIME = /^1901-01-01/;

function hours(ms: number): number {
  return Math.round((ms / HOUR_MS) * 10) / 10;
}

export const dateSkew: Analyzer = {
  id: 'dateSkew',
  findingTypes: ['date-skew'],
  needs: ['messages'],
  run(caseData, options) {
    const hostNames = serverHostNames(caseData);
    const links = new Map(caseData.links.map((l) => [l.path, l]));
    const findings: Finding[] = [];
    for (const m of caseData.messages) {
      const dateMs = isoToMs(m.date);
      if (dateMs === null) continue;
      const hop = serverReceivedHop(m, hostNames);
      const hopMs = isoToMs(hop?.time);
      const createTime = links.get(m.path)?.createTime ?? null;
      const createMs = createTime && !NO_CREATE_TIME.test(createTime) ? localTimeToUtcMs(createTime, caseData.serverZone) : null;
      const receivedMs = hopMs ?? createMs;
      if (receivedMs === null) continue;
      const skewMs = dateMs - receivedMs;
      if (Math.abs(skewMs) <= options.dateSkewHours * HOUR_MS) continue;
      const basis = hopMs !== null ? "the server's own Received stamp" : 'messagecreatetime';
      const direction = skewMs < 0 ? 'before' : 'after';
      findings.push({
        type: 'date-skew',
        severity: 'medium',
        ref: { message: m.path },
        summary: `The Date header (${m.date}) is ${hours(Math.abs(skewMs))} hours ${direction} the time the server received the message (${new Date(receivedMs).toISOString()}, from ${basis}): the Date was set by the sender and does not match delivery.`,
        details: {
          dateHeader: m.date,
          serverReceived: hop?.time ?? null,
          createTimeLocal: createTime,
          createTimeUtc: createMs === null ? null : new Date(createMs).toISOString(),
          serverZone: caseData.serverZone.id,
          basis: hopMs !== null ? 'received-stamp' : 'messagecreatetime',
          skewHours: hours(skewMs),
          thresholdHours: options.dateSkewHours,
        },
      });
    }
    return findings;
  },
};
