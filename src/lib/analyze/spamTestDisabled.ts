/**
 * `spam-test-disabled`: one finding per built-in scored spam test that hm_settings records as off (SPF,
 * HELO host, sender MX, DKIM verification, PTR), and one for DNSBL or SURBL servers when the table lists
 * some but none is active. Tests whose row is absent, and empty list tables, are not guessed at.
 */
import type { Finding } from '../model/finding.ts';
import type { DbSpamList, HmailDatabase } from '../model/hmailDatabase.ts';
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

interface ListTest { table: string; test: string; what: string; consequence: string; lists: (db: HmailDatabase) => DbSpamList[] }

const LIST_TESTS: readonly ListTest[] = [
  { table: 'hm_dnsbl', test: 'DNS blacklists', what: 'DNS blacklist', consequence: 'mail from hosts on spam blacklists is not scored', lists: (db) => db.dnsbl },
  { table: 'hm_surblservers', test: 'SURBL servers', what: 'SURBL server', consequence: 'links to known spam sites in message bodies are not scored', lists: (db) => db.surbl },
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
    for (const t of LIST_TESTS) {
      const lists = db ? t.lists(db) : [];
      if (lists.length === 0 || lists.some((l) => l.active)) continue;
      const hosts = lists.map((l) => l.host);
      findings.push({
        type: 'spam-test-disabled',
        severity: 'low',
        ref: { setting: t.table },
        summary: `${lists.length === 1 ? `The only ${t.what} in ${t.table} (${hosts[0]}) is inactive` : `None of the ${lists.length} ${t.what}s in ${t.table} (${hosts.join(', ')}) is active`}: ${t.consequence}.`,
        details: { test: t.test, setting: t.table, lists: lists.map((l) => ({ host: l.host, score: l.score })), markThreshold: mark, deleteThreshold: reject },
      });
    }
    return findings;
  },
};
