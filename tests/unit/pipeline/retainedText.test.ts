/** Long bodies: the case database keeps every character, the triage worker only the beginning plus a digest. */
import { describe, expect, it } from 'vitest';
import { RETAINED_TEXT_CHARS } from '../../../src/lib/pipeline/runTriage.ts';
import { fileInput, nodeTriage } from '../../helpers/nodeTriage.ts';

function message(id: string, body: string): Uint8Array {
  const head = `From: a@example.org\r\nTo: b@example.net\r\nSubject: long\r\nDate: Tue, 7 May 2024 10:00:00 +0000\r\nMessage-ID: <${id}@example.org>\r\n\r\n`;
  return new TextEncoder().encode(head + body);
}

describe('retained body text', () => {
  it('keeps the whole body in the case database and only its beginning in the parsed message', async () => {
    const body = 'x'.repeat(RETAINED_TEXT_CHARS * 3) + 'TAIL-MARKER';
    const { outcome, caseDb } = await nodeTriage([fileInput('long.eml', message('one', body))]);
    const parsed = outcome.caseData.messages[0];
    expect(parsed.text).toHaveLength(RETAINED_TEXT_CHARS);
    expect(parsed.textDigest).toMatch(/^[0-9a-f]{64}$/);
    const stored = await caseDb.query("SELECT length(body_text), body_text LIKE '%TAIL-MARKER%' FROM case_messages");
    expect(stored.rows[0][0]).toBeGreaterThanOrEqual(RETAINED_TEXT_CHARS * 3);
    expect(stored.rows[0][1]).toBe(1);
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
