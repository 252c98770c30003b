import { describe, expect, it } from 'vitest';
import { spamTestDisabled } from '../../../src/lib/analyze/spamTestDisabled.ts';
import { buildCase, database, setting } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

// The sample's hm_settings: SPF, HELO and DKIM off, MX on; no PTR/greylisting/SpamAssassin rows.
const sample = {
  ...setting('usespf', 0),
  ...setting('usespfscore', 3),
  ...setting('ascheckhostinhelo', 0),
  ...setting('usemxchecks', 1),
  ...setting('usemxchecksscore', 2),
  ...setting('ASDKIMVerificationEnabled', 0),
  ...setting('spammarkthreshold', 5),
  ...setting('spamdeletethreshold', 20),
};

const cases: AnalyzerCase[] = [
  {
    name: 'one finding per test recorded as off; absent and enabled tests are not reported (the sample)',
    input: buildCase({ database: database({ settings: sample }) }),
    expected: [
      { type: 'spam-test-disabled', severity: 'low', ref: { setting: 'ASDKIMVerificationEnabled' }, details: { test: 'DKIM verification', score: null, markThreshold: 5, deleteThreshold: 20 } },
      { ref: { setting: 'ascheckhostinhelo' }, details: { test: 'HELO host check' } },
      { ref: { setting: 'usespf' }, details: { test: 'SPF check', score: 3 } },
    ],
  },
  { name: 'setting names match case-insensitively', input: buildCase({ database: database({ settings: setting('UseSPF', 0) }) }), expected: [{ ref: { setting: 'usespf' }, details: { value: 0 } }] },
  {
    name: 'DNSBL and SURBL servers listed but none active (hm_dnsbl, hm_surblservers)',
    input: buildCase({
      database: database({
        dnsbl: [{ host: 'zen.spamhaus.org', active: false, score: 3, rejectMessage: 'Rejected by Spamhaus.' }, { host: 'bl.spamcop.net', active: false, score: 3, rejectMessage: 'Rejected by SpamCop.' }],
        surbl: [{ host: 'multi.surbl.org', active: false, score: 3, rejectMessage: 'Rejected by SURBL.' }],
      }),
    }),
    expected: [
      { type: 'spam-test-disabled', severity: 'low', ref: { setting: 'hm_dnsbl' }, summary: expect.stringContaining('None of the 2 DNS blacklists in hm_dnsbl (zen.spamhaus.org, bl.spamcop.net) is active'), details: { test: 'DNS blacklists', lists: [{ host: 'zen.spamhaus.org', score: 3 }, { host: 'bl.spamcop.net', score: 3 }] } },
      { ref: { setting: 'hm_surblservers' }, summary: expect.stringContaining('The only SURBL server in hm_surblservers (multi.surbl.org) is inactive'), details: { test: 'SURBL servers' } },
    ],
  },
  {
    name: 'one active DNSBL is enough, and empty list tables are not reported',
    input: buildCase({ database: database({ dnsbl: [{ host: 'zen.spamhaus.org', active: true, score: 3, rejectMessage: '' }, { host: 'bl.spamcop.net', active: false, score: 3, rejectMessage: '' }], surbl: [] }) }),
    expected: [],
  },
  { name: 'all on: nothing', input: buildCase({ database: database({ settings: { ...setting('usespf', 1), ...setting('ascheckptr', 1) } }) }), expected: [] },
];

describe('spamTestDisabled', () => {
  it.each(cases)('$name', (c) => {
    runCase(spamTestDisabled, c);
  });
});
