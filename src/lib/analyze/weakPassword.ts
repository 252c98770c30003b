/**
 * `weak-password`: an account whose stored password matched the common-password list or a variant of its
 * own name (caseData.weakPasswords). The password itself never goes into a finding.
 */
import type { WeakPassword } from '../model/caseData.ts';
import type { Finding } from '../model/finding.ts';
import type { Analyzer } from './analyzer.ts';
import { compareStrings } from '../model/compareStrings.ts';

const HOW: Record<WeakPassword['matchedBy'], string> = {
  'common-list': 'is on the list of common passwords',
  'name-variant': 'is a variant of the account name',
};

export const weakPassword: Analyzer = {
  id: 'weakPassword',
  findingTypes: ['weak-password'],
  needs: ['database'],
  run(caseData) {
    const accounts = new Map((caseData.database?.accounts ?? []).map((a) => [a.address.toLowerCase(), a]));
    return [...caseData.weakPasswords]
      .sort((a, b) => compareStrings(a.account, b.account))
      .map((w): Finding => {
        const account = accounts.get(w.account.toLowerCase());
        return {
          type: 'weak-password',
          severity: 'high',
          ref: { account: w.account },
          summary: `The password of ${w.account} (stored as ${w.scheme}) ${HOW[w.matchedBy]}: anyone can log on as this account.`,
          details: { scheme: w.scheme, matchedBy: w.matchedBy, active: account?.active ?? null, lastLogon: account?.lastLogon ?? null },
        };
      });
  },
};
