import { describe, it } from 'vitest';
import { spamFlagged } from '../../../src/lib/analyze/spamFlagged.ts';
import { buildCase, database, guid, mailboxPath, message, setting } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const path = mailboxPath('bob@northwind.example', guid(0x5e000001));
const verdict = {
  flagged: true,
  score: 5,
  reasons: [
    { text: 'Blocked by SPF.', score: 3 },
    { text: 'Sender domain does not have any MX records.', score: 2 },
  ],
};

const cases: AnalyzerCase[] = [
  {
    name: "hMailServer's spam headers (the sample): score, reasons, threshold",
    input: buildCase({ database: database({ settings: setting('spammarkthreshold', 5) }), messages: [message(path, { spam: verdict })] }),
    expected: [{ type: 'spam-flagged', severity: 'low', ref: { message: path }, details: { score: 5, markThreshold: 5, reasons: verdict.reasons } }],
  },
  {
    name: 'reason headers without X-hMailServer-Spam still mean flagged',
    input: buildCase({ messages: [message(path, { spam: { flagged: false, score: null, reasons: [{ text: 'Rejected by Spamhaus.', score: 3 }] } })] }),
    expected: [{ type: 'spam-flagged', details: { score: null, markThreshold: null } }],
  },
  { name: 'no spam headers: nothing', input: buildCase({ messages: [message(path)] }), expected: [] },
];

describe('spamFlagged', () => {
  it.each(cases)('$name', (c) => {
    runCase(spamFlagged, c);
  });
});
