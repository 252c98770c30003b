/**
 * The hm_settings values that matter to an examiner, decoded for findings.json `server.settings`
 * (../shared/reference/hmailserver.md §2.6). A setting absent from the database is null: the server's
 * default applied, but which default depends on the version, so it is not guessed. Passwords never appear.
 */
import type { DbSetting, HmailDatabase } from '../model/hmailDatabase.ts';

const SIGNED_32_MAX = 2 ** 31 - 1;
const UNSIGNED_32_MAX = 2 ** 32 - 1;

/** hMailServer's log mask (C/Application/Logger.h). */
const LOG_BITS: [number, string][] = [
  [1, 'enabled'],
  [2, 'smtp'],
  [4, 'pop3'],
  [8, 'tcpip'],
  [16, 'application'],
  [32, 'debug'],
  [64, 'imap'],
  [256, 'keepFilesOpen'],
];

/** Each anti-spam test: the setting that turns it on and the one holding its score. */
const SPAM_TESTS: [string, string, string | null][] = [
  ['spf', 'usespf', 'usespfscore'],
  ['heloHost', 'ascheckhostinhelo', 'ascheckhostinheloscore'],
  ['mxRecords', 'usemxchecks', 'usemxchecksscore'],
  ['dkimVerification', 'ASDKIMVerificationEnabled', 'ASDKIMVerificationFailureScore'],
  ['dmarc', 'ASDMARCEnabled', 'ASDMARCFailureScore'],
  ['ptr', 'ascheckptr', 'ascheckptrscore'],
  ['spamAssassin', 'spamassassinenabled', 'spamassassinscore'],
  ['greylisting', 'usegreylisting', null],
];

export function examinerSettings(db: HmailDatabase): Record<string, unknown> {
  const byName = new Map<string, DbSetting>(Object.values(db.settings).map((s) => [s.name.toLowerCase(), s]));
  const get = (name: string) => byName.get(name.toLowerCase());
  const int = (name: string): number | null => get(name)?.integer ?? null;
  const on = (name: string): boolean | null => (get(name) ? get(name)!.integer !== 0 : null);
  const text = (name: string): string | null => get(name)?.string ?? null;

  const spamTests: Record<string, unknown> = {};
  for (const [key, enabled, score] of SPAM_TESTS) {
    spamTests[key] = { setting: enabled, enabled: on(enabled), score: score ? int(score) : null };
  }

  const mask = int('logging');
  const logging: Record<string, unknown> = { setting: 'logging', mask };
  for (const [bit, name] of LOG_BITS) logging[name] = mask === null ? null : (mask & bit) !== 0;
  logging.awstats = on('awstatsenabled');

  const maxId = db.messages.reduce((max, m) => Math.max(max, m.id), 0);
  const hasMessages = db.messages.length > 0;

  return {
    hostname: text('hostname'),
    defaultDomain: text('defaultdomain'),
    mirrorAddress: text('mirroremailaddress'),
    maxMessageSizeKb: int('maxmessagesize'),
    spamTests,
    spamThresholds: { mark: int('spammarkthreshold'), delete: int('spamdeletethreshold') },
    spamMaxSizeKb: int('antispammaxsize'),
    attachmentBlocking: {
      setting: 'enableattachmentblocking',
      enabled: on('enableattachmentblocking'),
      blockedWildcards: db.blockedAttachments.map((b) => b.wildcard),
    },
    autoBan: {
      setting: 'AutoBanOnLogonFailureEnabled',
      enabled: on('AutoBanOnLogonFailureEnabled'),
      maxInvalidLogonAttempts: int('MaxInvalidLogonAttempts'),
      withinMinutes: int('LogonAttemptsWithinMinutes'),
      banMinutes: int('AutoBanMinutes'),
    },
    logging,
    relay: {
      smartHost: text('smtprelayer'),
      port: int('smtprelayerport'),
      useAuthentication: on('usesmtprelayerauthentication'),
      userName: text('smtprelayerusername'),
      connectionSecurity: int('smtprelayerconnectionsecurity'),
    },
    deliveredToHeader: on('adddeliveredtoheader'),
    scripting: { enabled: on('usescriptserver'), language: text('scriptlanguage') },
    messageIds: {
      max: hasMessages ? maxId : null,
      headroomToSigned32: hasMessages ? SIGNED_32_MAX - maxId : null,
      headroomToUnsigned32: hasMessages ? UNSIGNED_32_MAX - maxId : null,
    },
  };
}
