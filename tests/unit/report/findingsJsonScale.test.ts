/** Output does not depend on the stack: 200,000 database messages without files, and as many findings. */
import { describe, expect, it } from 'vitest';
import { runAnalyzers } from '../../../src/lib/analyze/index.ts';
import { buildFindingsJson } from '../../../src/lib/report/findingsJson.ts';
import { OPTIONS, buildCase, database, dbMessage, guid, mailboxPath, message } from '../analyze/caseBuilder.ts';

describe('findings.json at scale', () => {
  it('writes maxMessageId and 200,000 missing-file findings without overflowing the stack', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => dbMessage(i + 1, { uid: i + 1 }));
    const caseData = buildCase({ database: database({ messages: rows }), messages: [message(mailboxPath('alice@northwind.example', guid(0x99999999)))] });
    const findings = runAnalyzers(caseData, OPTIONS);
    expect(findings.filter((f) => f.type === 'missing-file')).toHaveLength(200_000);
    const doc = JSON.parse(buildFindingsJson(caseData, findings, { generator: 'test', version: '0', startedAt: '', finishedAt: '', timezone: 'UTC' }));
    expect(doc.server.maxMessageId).toBe(200_000);
  }, 120_000);
});
