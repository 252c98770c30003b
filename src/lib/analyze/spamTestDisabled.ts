/**
 * `spam-test-disabled`: one finding per built-in scored spam test that hm_settings records as off (SPF,
 * HELO host, sender MX, DKIM verification, PTR). Tests whose row is absent are not guessed at, and
 * DNSBL/SURBL servers live in their own tables (not read here).
 */
import type { Finding } from '../model/finding.ts';
import type { Analyzer } from './analyzer.ts';
import { settingValue } from './support/settingValue.ts';

interface SpamTest { setting: string; scoreSetting: string; test: string; consequence: string }

/** hmailserver.md §2.6: the built-in tests and the setting holding each one's score. */
const SPAM_TESTS: readonly SpamTest[] = [
  { setting: 'usespf', scoreSetting: 'usespfscore', test: 'SPF check', consequence: 'mail from hosts a domain does not authorise is not scored' },
  { setting: 'ascheckhostinhelo', scoreSetting: 'ascheckhostinheloscore', test: 'HELO host check', consequence: 'a HELO name that does not match the connecting address is not scored' },
  { setting: 'usemxchecks', scoreSetting: 'usemxchecksscore', test: 'sender domain MX check', consequence: 'senders whose domain cannot receive mail are not scored' },
  { setting: 'ASDKIMVerificationEnabled', scoreSetting: 'ASDKIMVerificationFailureScore', test: 'DKIM verification', consequence: 'messages with broken or forged DKIM signatures are not scored' },
  { setting: 'ascheckptr', scoreSetting: 'ascheckptrscore', test: 'PTR (reverse DNS) check', consequence: 'hosts without reverse DNS are not scored' },
];

export const spamTestDisabled: Analyzer = {
  id: 'spamTestDisabled',
  findingTypes: ['spam-test-disabled'],
  needs: ['database'],
  run(caseData) {
    const db = caseData.database;
    const mark = settingValue(db, 'spammarkthreshold')?.integer ?? null;
    const reject = settingValue(db, 'spamdeletethreshold')?.integer ?? null;
    const findings: Finding[] = [];
    for (const t of SPAM_TESTS) {
      const setting = settingValue(db, t.setting);
      if (!setting || setting.integer !== 0) continue;
      findings.push({
        type: 'spam-test-disabled',
        severity: 'low',
        ref: { setting: t.setting },
        summary: `hMailServer's ${t.test} is disabled (${t.setting} = 0): ${t.consequence}.`,
        details: { test: t.test, setting: t.setting, value: setting.integer, score: settingValue(db, t.scoreSetting)?.integer ?? null, markThreshold: mark, deleteThreshold: reject },
      });
    }
    return findings;
  },
};
