/**
 * The risk a key hMailServer setting's value carries (hmailserver.md §2.6), so colours follow risk and not
 * on/off: "SMTP AUTH in plain text: off" is safe, "Auto-ban on logon failures: off" is not. The Overview and
 * the report both read it (the UI may import src/lib/report/format*).
 */

/** `safe`: the secure value; `neutral`: neither; `unknown`: not set in the database. */
export type SettingRisk = 'high' | 'medium' | 'low' | 'neutral' | 'safe' | 'unknown';

export interface RatedSetting {
  risk: SettingRisk;
  /** Why, in words an examiner can quote; empty for neutral values. */
  why: string;
}

/** A flag whose risky value is on (`riskyWhen: 1`) or off (`0`). */
interface FlagRule {
  riskyWhen: 0 | 1;
  risk: SettingRisk;
  why: string;
  safeWhy: string;
}

const FLAGS: Record<string, FlagRule> = {
  authallowplaintext: { riskyWhen: 1, risk: 'medium', why: 'passwords may cross the network unencrypted', safeWhy: 'passwords are not accepted in plain text' },
  autobanonlogonfailureenabled: { riskyWhen: 0, risk: 'medium', why: 'password guessing is never blocked', safeWhy: 'repeated logon failures ban the address' },
  enableattachmentblocking: { riskyWhen: 0, risk: 'medium', why: 'executables and scripts reach mailboxes', safeWhy: 'dangerous attachment types are removed' },
  usespf: { riskyWhen: 0, risk: 'low', why: 'forged senders are not scored', safeWhy: 'senders are checked against SPF' },
  ascheckhostinhelo: { riskyWhen: 0, risk: 'low', why: 'bogus HELO names are not scored', safeWhy: 'HELO names are checked' },
  usemxchecks: { riskyWhen: 0, risk: 'low', why: 'senders without mail servers are not scored', safeWhy: 'sender domains are checked for MX records' },
  asdkimverificationenabled: { riskyWhen: 0, risk: 'low', why: 'altered or forged signed mail is not scored', safeWhy: 'DKIM signatures are verified' },
  spamassassinenabled: { riskyWhen: 0, risk: 'low', why: 'no content spam filter', safeWhy: 'SpamAssassin scores content' },
  usegreylisting: { riskyWhen: 0, risk: 'neutral', why: '', safeWhy: 'first-time senders are delayed' },
  usescriptserver: { riskyWhen: 1, risk: 'low', why: 'event scripts can change, copy or forward mail: read EventHandlers.vbs', safeWhy: '' },
};

/** A logon-failure allowance above this gives a guesser many tries per ban window. */
const MANY_LOGON_ATTEMPTS = 10;

export function formatSettingRisk(name: string, integer: number | null, text: string | null): RatedSetting {
  const key = name.toLowerCase();
  const flag = FLAGS[key];
  if (flag) {
    if (integer === null) return { risk: 'unknown', why: 'not set in the database' };
    const risky = (integer !== 0 ? 1 : 0) === flag.riskyWhen;
    return risky ? { risk: flag.risk, why: flag.why } : { risk: flag.safeWhy ? 'safe' : 'neutral', why: flag.safeWhy };
  }
  switch (key) {
    case 'logging':
      if (integer === null) return { risk: 'unknown', why: 'not set in the database' };
      return (integer & 1) === 0 ? { risk: 'medium', why: 'no logs are written: logons and sessions leave no trace' } : { risk: 'safe', why: 'the server writes logs' };
    case 'mirroremailaddress':
      return text ? { risk: 'medium', why: 'a copy of every message goes to this address' } : { risk: 'safe', why: 'no mirror copy' };
    case 'maxinvalidlogonattempts':
      return integer !== null && integer > MANY_LOGON_ATTEMPTS ? { risk: 'low', why: `more than ${MANY_LOGON_ATTEMPTS} guesses before a ban` } : { risk: 'neutral', why: '' };
    default:
      return { risk: 'neutral', why: '' };
  }
}
