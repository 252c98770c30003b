import { describe, expect, it } from 'vitest';
import { messageDetail } from '../../../src/lib/mail/messageDetail.ts';
import { sha256Hex } from '../../../src/lib/ingest/digestBytes.ts';
import { hasSamples } from '../../helpers/sharedSamples.ts';
import { attachedMessagePart, mail } from './fixtures.ts';
import { BOB, sampleMessage } from './sampleMessages.ts';

const HTML = '<html><body><img src="http://tracker.example/p.gif?id=1"><script>alert(1)</script><p>Hi</p></body></html>';

const MESSAGE = `From: a@x.example
Subject: Fwd: report
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8

Plain text first.
--alt
Content-Type: text/html; charset=utf-8

${HTML}
--alt--
--outer
${attachedMessagePart(false)}--outer--
`;

describe('messageDetail', () => {
  it('returns the HTML untouched, the text, and the raw bytes', async () => {
    const bytes = mail(MESSAGE);
    const d = await messageDetail(bytes, 'p.eml');
    expect(d.path).toBe('p.eml');
    expect(d.raw).toBe(bytes);
    expect(d.html).toContain(HTML);
    expect(d.text).toMatch(/Plain text first\./);
  });

  it('gives an HTML-only message the text of its HTML, marked as such', async () => {
    const d = await messageDetail(mail(`From: a@x.example\nSubject: html only\nContent-Type: text/html; charset=utf-8\n\n${HTML}\n`), 'h.eml');
    expect(d.html).toContain('<script>');
    expect(d.text).toBe('Hi');
    expect(d.textFromHtml).toBe(true);
  });

  it('keeps a message with a text part as it is', async () => {
    const d = await messageDetail(mail(MESSAGE), 'p.eml');
    expect(d.textFromHtml).toBe(false);
  });

  it('shows the MIME tree with the embedded message and its defects', async () => {
    const d = await messageDetail(mail(MESSAGE), 'p.eml');
    expect(d.mimeTree.map((n) => [n.depth, n.contentType, n.filename])).toEqual([
      [0, 'multipart/mixed', null],
      [1, 'multipart/alternative', null],
      [2, 'text/plain', null],
      [2, 'text/html', null],
      [1, 'message/rfc822', 'original.eml'],
      [2, 'multipart/mixed', null],
      [3, 'text/plain', null],
      [3, 'application/octet-stream', 'tool.exe'],
    ]);
    expect(d.mimeTree[5].defects).toEqual(['closing boundary "--inner--" missing: the message is truncated or damaged']);
    expect(d.mimeTree[0].defects).toEqual([]);
    expect(d.mimeTree[2].size).toBe('Plain text first.'.length);
  });

  it('hands over each attachment with its bytes and SHA-256', async () => {
    const d = await messageDetail(mail(MESSAGE), 'p.eml');
    const tool = d.attachments.find((a) => a.filename === 'tool.exe');
    expect(tool).toBeDefined();
    expect([...tool!.bytes]).toEqual([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
    expect(tool!.sha256).toBe(await sha256Hex(tool!.bytes));
  });

  it.skipIf(!hasSamples)('C7 sample: the executable attachment', async () => {
    const p = `${BOB}/C7/{C75FB7C4-CBA0-4CF4-A243-485444A62E32}.eml`;
    const d = await messageDetail(await sampleMessage(p), p);
    expect(d.html).toBeNull();
    expect(d.attachments).toHaveLength(1);
    expect(d.attachments[0]).toMatchObject({ filename: 'invoice.pdf.exe', contentType: 'application/pdf' });
    expect(d.attachments[0].bytes.length).toBe(1040);
    expect(d.mimeTree.map((n) => n.contentType)).toEqual(['multipart/mixed', 'text/plain', 'application/pdf']);
  });
});
