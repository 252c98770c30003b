import { describe, it } from 'vitest';
import { autobanDisabled } from '../../../src/lib/analyze/autobanDisabled.ts';
import { buildCase, database, setting } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const cases: AnalyzerCase[] = [
  {
    name: 'AutoBanOnLogonFailureEnabled = 0 (the sample)',
    input: buildCase({ database: database({ settings: { ...setting('AutoBanOnLogonFailureEnabled', 0), ...setting('MaxInvalidLogonAttempts', 3) } }) }),
    expected: [{ type: 'autoban-disabled', severity: 'medium', ref: { setting: 'AutoBanOnLogonFailureEnabled' }, details: { value: 0, maxInvalidLogonAttempts: 3, autoBanMinutes: null } }],
  },
  { name: 'enabled: nothing', input: buildCase({ database: database({ settings: setting('AutoBanOnLogonFailureEnabled', 1) }) }), expected: [] },
  { name: 'row absent: nothing', input: buildCase({ database: database() }), expected: [] },
];

describe('autobanDisabled', () => {
  it.each(cases)('$name', (c) => {
    runCase(autobanDisabled, c);
  });
});
