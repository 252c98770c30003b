import { describe, it } from 'vitest';
import { openRelayRange } from '../../../src/lib/analyze/openRelayRange.ts';
import { buildCase, database, range } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const cases: AnalyzerCase[] = [
  {
    name: 'Internet range with options 1995: relay remote→remote, no AUTH (the sample)',
    input: buildCase({ database: database({ securityRanges: [range({ options: 1995 }), range({ id: 2, name: 'My computer', lowerIp: '127.0.0.1', upperIp: '127.0.0.1', priority: 15, options: 71627 })] }) }),
    expected: [{ type: 'open-relay-range', severity: 'high', ref: { setting: 'Internet' }, details: { options: 1995, reach: 'internet', localSenderToExternalWithoutAuth: true } }],
  },
  { name: 'a LAN range that relays without AUTH: medium', input: buildCase({ database: database({ securityRanges: [range({ name: 'Office LAN', lowerIp: '192.168.1.0', upperIp: '192.168.1.255', options: 1 | 512 })] }) }), expected: [{ severity: 'medium', ref: { setting: 'Office LAN' }, details: { reach: 'private' } }] },
  { name: 'loopback only: low', input: buildCase({ database: database({ securityRanges: [range({ name: 'Webmail', lowerIp: '127.0.0.1', upperIp: '127.0.0.1', options: 1 | 512 })] }) }), expected: [{ severity: 'low', details: { reach: 'loopback' } }] },
  { name: 'the defaults (96203, 71627) require AUTH: nothing', input: buildCase({ database: database({ securityRanges: [range(), range({ id: 2, name: 'My computer', lowerIp: '127.0.0.1', upperIp: '127.0.0.1', options: 71627 })] }) }), expected: [] },
  { name: 'an auto-ban range (options 0): nothing', input: buildCase({ database: database({ securityRanges: [range({ name: 'Auto-ban: bob', lowerIp: '203.0.113.9', upperIp: '203.0.113.9', options: 0, expires: true })] }) }), expected: [] },
  { name: 'relay bit set but SMTP not allowed: nothing', input: buildCase({ database: database({ securityRanges: [range({ options: 512 | 2 })] }) }), expected: [] },
];

describe('openRelayRange', () => {
  it.each(cases)('$name', (c) => {
    runCase(openRelayRange, c);
  });
});
