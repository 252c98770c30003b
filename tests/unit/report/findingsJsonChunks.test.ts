/** findings.json written element by element is exactly what JSON.stringify(doc, null, 2) writes. */
import { describe, expect, it } from 'vitest';
import { runAnalyzers } from '../../../src/lib/analyze/index.ts';
import { buildFindingsJson, findingsJsonChunks } from '../../../src/lib/report/findingsJson.ts';
import { gunzipText, gzipChunks } from '../../../src/lib/store/gzipText.ts';
import { OPTIONS, attachment, buildCase, guid, mailboxPath, message } from '../analyze/caseBuilder.ts';

const RUN = { generator: 'test', version: '0', startedAt: 'a', finishedAt: 'b', timezone: 'UTC' };

describe('findings.json chunks', () => {
  it('are byte for byte the pretty-printed document, with empty arrays', () => {
    const caseData = buildCase({});
    const text = buildFindingsJson(caseData, [], RUN);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(JSON.parse(text).messages).toEqual([]);
  });

  it('are byte for byte the pretty-printed document, with messages, attachments and findings', async () => {
    const caseData = buildCase({
      messages: [
        message(mailboxPath('alice@northwind.example', guid(1)), { subject: 'a "quoted"\nline', attachments: [attachment({ filename: 'x.pdf.exe' })] }),
        message(mailboxPath('bob@northwind.example', guid(2)), { subject: 'ünïcode' }),
      ],
    });
    const findings = runAnalyzers(caseData, OPTIONS);
    expect(findings.length).toBeGreaterThan(0);
    const text = buildFindingsJson(caseData, findings, RUN);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(JSON.parse(text).messages).toHaveLength(2);
    expect(await gunzipText(await gzipChunks(findingsJsonChunks(caseData, findings, RUN)))).toBe(text);
  });
});
