/** The hm_settings an examiner needs on the Overview and in the report, with their meaning (hmailserver.md §2.6). */

export interface KeySetting {
  name: string;
  label: string;
  kind: 'flag' | 'number' | 'text' | 'logging';
}

export const KEY_SETTINGS: KeySetting[] = [
  { name: 'hostname', label: 'Host name (HELO, Received)', kind: 'text' },
  { name: 'defaultdomain', label: 'Default domain', kind: 'text' },
  { name: 'logging', label: 'Logging', kind: 'logging' },
  { name: 'enableattachmentblocking', label: 'Attachment blocking', kind: 'flag' },
  { name: 'mirroremailaddress', label: 'Mirror (copy every message to)', kind: 'text' },
  { name: 'smtprelayer', label: 'SMTP relayer (smart host)', kind: 'text' },
  { name: 'authallowplaintext', label: 'SMTP AUTH in plain text', kind: 'flag' },
  { name: 'autobanonlogonfailureenabled', label: 'Auto-ban on logon failures', kind: 'flag' },
  { name: 'maxinvalidlogonattempts', label: 'Failures before ban', kind: 'number' },
  { name: 'autobanminutes', label: 'Ban length (minutes)', kind: 'number' },
  { name: 'spammarkthreshold', label: 'Spam mark threshold', kind: 'number' },
  { name: 'spamdeletethreshold', label: 'Spam delete threshold', kind: 'number' },
  { name: 'usespf', label: 'SPF test', kind: 'flag' },
  { name: 'ascheckhostinhelo', label: 'HELO host test', kind: 'flag' },
  { name: 'usemxchecks', label: 'Sender MX test', kind: 'flag' },
  { name: 'asdkimverificationenabled', label: 'DKIM verification', kind: 'flag' },
  { name: 'spamassassinenabled', label: 'SpamAssassin', kind: 'flag' },
  { name: 'usegreylisting', label: 'Greylisting', kind: 'flag' },
  { name: 'maxmessagesize', label: 'Max message size (KB)', kind: 'number' },
  { name: 'adddeliveredtoheader', label: 'Add Delivered-To header', kind: 'flag' },
  { name: 'usescriptserver', label: 'Event scripts', kind: 'flag' },
  { name: 'messageindexing', label: 'Message indexing (hm_message_metadata)', kind: 'flag' },
  { name: 'imaphierarchydelimiter', label: 'IMAP hierarchy delimiter', kind: 'text' },
];

const LOG_BITS: [number, string][] = [
  [2, 'SMTP'],
  [4, 'POP3'],
  [8, 'TCP/IP'],
  [16, 'application'],
  [32, 'debug'],
  [64, 'IMAP'],
  [256, 'keep files open'],
];

/** The logging mask tells which log files should exist: bit 1 switches logging on at all. */
export function describeLogging(mask: number): string {
  if ((mask & 1) === 0) return `off (${mask})`;
  const on = LOG_BITS.filter(([bit]) => (mask & bit) !== 0).map(([, name]) => name);
  return `on: ${on.length ? on.join(', ') : 'nothing selected'} (${mask})`;
}

export function describeSetting(setting: KeySetting, text: string | null, integer: number | null): string {
  switch (setting.kind) {
    case 'flag':
      return integer === null ? 'not set' : integer !== 0 ? 'on' : 'off';
    case 'number':
      return integer === null ? 'not set' : String(integer);
    case 'logging':
      return integer === null ? 'not set' : describeLogging(integer);
    case 'text':
      return text ? text : '(empty)';
  }
}
