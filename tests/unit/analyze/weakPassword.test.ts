import { describe, expect, it } from 'vitest';
import { weakPassword } from '../../../src/lib/analyze/weakPassword.ts';
import { buildCase, database } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const cases: AnalyzerCase[] = [
  {
    name: 'one finding per weak account, sorted, scheme and how it matched',
    input: buildCase({
      database: database(),
      weakPasswords: [
        { account: 'bob@northwind.example', scheme: 'md5', matchedBy: 'common-list', password: 'Summer2024' },
        { account: 'alice@northwind.example', scheme: 'sha256-salted', matchedBy: 'name-variant', password: 'alice1' },
      ],
    }),
    expected: [
      { type: 'weak-password', severity: 'high', ref: { account: 'alice@northwind.example' }, details: { scheme: 'sha256-salted', matchedBy: 'name-variant', active: true } },
      { ref: { account: 'bob@northwind.example' }, details: { scheme: 'md5', matchedBy: 'common-list' } },
    ],
  },
  { name: 'no weak passwords: nothing', input: buildCase({ database: database() }), expected: [] },
];

describe('weakPassword', () => {
  it.each(cases)('$name', (c) => {
    const findings = runCase(weakPassword, c);
    const text = JSON.stringify(findings);
    expect(text).not.toContain('Summer2024');
    expect(text).not.toContain('alice1"');
  });
});
