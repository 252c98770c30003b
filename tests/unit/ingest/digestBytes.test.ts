import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digestBytes, md5Hex, sha256Hex } from '../../../src/lib/ingest/digestBytes.ts';
import { parseMessage } from '../../../src/lib/mail/parseMessage.ts';

const node = (algo: string, bytes: Uint8Array) => createHash(algo).update(bytes).digest('hex');

describe('digestBytes', () => {
  it('gives MD5, SHA-1 and SHA-256 as node:crypto does, also when calls interleave', async () => {
    const inputs = [new Uint8Array(0), new TextEncoder().encode('abc'), new Uint8Array(300_000).map((_, i) => i * 31)];
    const all = await Promise.all(inputs.map((b) => digestBytes(b)));
    all.forEach((d, i) => expect(d).toEqual({ md5: node('md5', inputs[i]), sha1: node('sha1', inputs[i]), sha256: node('sha256', inputs[i]) }));
    expect(await Promise.all(inputs.map((b) => md5Hex(b)))).toEqual(inputs.map((b) => node('md5', b)));
    expect(await Promise.all(inputs.map((b) => sha256Hex(b)))).toEqual(inputs.map((b) => node('sha256', b)));
  });

  it('hashes a view into a larger buffer by its own bytes only', async () => {
    const whole = new Uint8Array(1000).map((_, i) => i);
    const view = whole.subarray(100, 300);
    expect(await digestBytes(view)).toEqual({ md5: node('md5', view), sha1: node('sha1', view), sha256: node('sha256', view) });
  });

  it('hashes every attachment three ways', async () => {
    const payload = 'attached bytes';
    const eml = ['From: a@example.org', 'Subject: x', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary=b', '', '--b', 'Content-Type: text/plain', '', 'hi',
      '--b', 'Content-Type: application/octet-stream; name=a.bin', 'Content-Disposition: attachment; filename=a.bin', 'Content-Transfer-Encoding: base64', '',
      Buffer.from(payload).toString('base64'), '--b--', ''].join('\r\n');
    const m = await parseMessage(new TextEncoder().encode(eml), 'm.eml', { md5: '', sha256: '' }, null);
    const bytes = new TextEncoder().encode(payload);
    expect(m.attachments.map((a) => [a.md5, a.sha1, a.sha256])).toEqual([[node('md5', bytes), node('sha1', bytes), node('sha256', bytes)]]);
  });
});
