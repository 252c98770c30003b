/**
 * Long bodies: a run keeps no whole body anywhere. The case database holds a preview, the search index
 * every word, and the run's summary only a digest (plus the beginning where server-stub-message reads it).
 */
import { describe, expect, it } from 'vitest';
import { RETAINED_TEXT_CHARS } from '../../../src/lib/pipeline/messageLimits.ts';
import { BODY_PREVIEW_CHARS } from '../../../src/lib/store/bodyPreviewChars.ts';
import { fileInput, nodeTriage } from '../../helpers/nodeTriage.ts';

function message(id: string, body: string, subject = 'long', from = 'a@example.org'): Uint8Array {
  const head = `From: ${from}\r\nTo: b@example.net\r\nSubject: ${subject}\r\nDate: Tue, 7 May 2024 10:00:00 +0000\r\nMessage-ID: <${id}@example.org>\r\n\r\n`;
  return new TextEncoder().encode(head + body);
}

describe('body retention', () => {
  it('stores a preview, indexes every word and keeps only a digest in the summary', async () => {
    const body = 'x'.repeat(RETAINED_TEXT_CHARS * 3) + ' TAILMARKER';
    const { outcome, caseDb } = await nodeTriage([fileInput('long.eml', message('one', body))]);
    const summary = outcome.caseData.messages[0];
    expect(summary.text).toBe('');
    expect(summary.textDigest).toMatch(/^[0-9a-f]{64}$/);
    const stored = await caseDb.consoleQuery('SELECT length(body_preview) FROM case_messages');
    expect(stored.rows[0][0]).toBe(BODY_PREVIEW_CHARS);
    expect(await caseDb.searchMessages('tailmarker')).toBe(1);
    expect(await caseDb.searchMessages('absentword')).toBe(0);
  });

  it('keeps the beginning of a possible server stub for server-stub-message', async () => {
    const { outcome } = await nodeTriage([
      fileInput('stub.eml', message('stub', 'x'.repeat(RETAINED_TEXT_CHARS * 2), 'Message undeliverable', 'postmaster@example.org')),
    ]);
    expect(outcome.caseData.messages[0].text).toHaveLength(RETAINED_TEXT_CHARS);
  });

  it('still tells copies that differ only after the retained beginning apart', async () => {
    const start = 'y'.repeat(RETAINED_TEXT_CHARS * 2);
    const { outcome } = await nodeTriage([
      fileInput('a.eml', message('same', `${start}first ending`)),
      fileInput('b.eml', message('same', `${start}second ending`)),
    ]);
    const duplicate = outcome.findings.find((f) => f.type === 'duplicate-message');
    expect(duplicate).toBeDefined();
    expect(duplicate!.severity).toBe('medium');
  });
});
