/**
 * `autoban-disabled`: AutoBanOnLogonFailureEnabled is 0, so password guessing is never blocked by an
 * auto-ban IP range (hmailserver.md §2.6, §4.4) and hm_logon_failures keeps no record of it.
 */
import type { Analyzer } from './analyzer.ts';
import { settingValue } from './support/settingValue.ts';

const SETTING = 'AutoBanOnLogonFailureEnabled';

export const autobanDisabled: Analyzer = {
  id: 'autobanDisabled',
  findingTypes: ['autoban-disabled'],
  needs: ['database'],
  run(caseData) {
    const db = caseData.database;
    const setting = settingValue(db, SETTING);
    if (!setting || setting.integer !== 0) return [];
    return [
      {
        type: 'autoban-disabled',
        severity: 'medium',
        ref: { setting: SETTING },
        summary: `Auto-ban on logon failure is disabled (${SETTING} = 0): an attacker can guess passwords without ever being blocked, and hm_logon_failures records none of it.`,
        details: {
          setting: SETTING,
          value: setting.integer,
          maxInvalidLogonAttempts: settingValue(db, 'MaxInvalidLogonAttempts')?.integer ?? null,
          logonAttemptsWithinMinutes: settingValue(db, 'LogonAttemptsWithinMinutes')?.integer ?? null,
          autoBanMinutes: settingValue(db, 'AutoBanMinutes')?.integer ?? null,
        },
      },
    ];
  },
};
