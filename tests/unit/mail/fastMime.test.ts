import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { fastMime, MAX_FAST_DEPTH } from '../../../src/lib/mail/fastMime.ts';
import { FastPathDeclined } from '../../../src/lib/mail/fastPathDeclined.ts';
import { parseMessage, parseMessageReference } from '../../../src/lib/mail/parseMessage.ts';
import { MAX_HEADER_BYTES_KEPT } from '../../../src/lib/mail/splitHeaders.ts';
import { compareWithOracle } from './fastParseOracle.ts';
import { attachedMessagePart, mail, NO_HASHES } from './fixtures.ts';
import { mulberry32 } from './mimeVariety.ts';

const BUDGET = 8 * 1024 * 1024;

const ALTERNATIVE = `From: a@x.example
Subject: s
Content-Type: multipart/mixed; boundary="m"

--m
Content-Type: multipart/alternative; boundary="a"

--a
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: quoted-printable

Caf=E9 soft=
 break
--a
Content-Type: text/html; charset=utf-8

<p>Café</p>
--a--
--m
Content-Type: application/pdf; name="=?UTF-8?Q?r=C3=A9sum=C3=A9.pdf?="
Content-Disposition: attachment
Content-Transfer-Encoding: base64

JVBERi0xLjQK
--m--
`;

function declined(bytes: Uint8Array): string {
  try {
    fastMime(bytes, BUDGET);
    return 'accepted';
  } catch (err) {
    expect(err).toBeInstanceOf(FastPathDeclined);
    return (err as Error).message;
  }
}

describe('fastMime', () => {
  it('reads text, HTML presence and attachments from the bytes as postal-mime does', async () => {
    const content = fastMime(mail(ALTERNATIVE), BUDGET);
    expect(content.text).toBe('Café soft break\n');
    expect(content.hasHtml).toBe(true);
    expect(content.attachments.map((a) => [a.filename, a.mimeType, a.disposition, new TextDecoder().decode(a.content as Uint8Array)])).toEqual([
      ['résumé.pdf', 'application/pdf', 'attachment', '%PDF-1.4\n'],
    ]);
    expect(await compareWithOracle(mail(ALTERNATIVE), 'x.eml')).toMatchObject({ path: 'fast', mismatch: false });
  });

  it('declines what postal-mime reads differently from a plain pass', () => {
    const head = 'From: a@x.example\nContent-Type: multipart/mixed; boundary="m"\n\n--m\n';
    const inline = attachedMessagePart(true).replace('Content-Disposition: attachment; filename="original.eml"\n', '');
    expect(declined(mail(head, inline, '--m--\n'))).toBe('inline message/rfc822 part');
    expect(declined(mail(head, 'Content-Type: text/plain\n\nplain\n--m\nContent-Type: text/html\n\n<b>html</b>\n--m--\n'))).toBe('text body derived from HTML');
    expect(declined(mail('From: a@x.example\nContent-Type: text/plain; charset=x-klingon\n\nq\n'))).toBe('charset "x-klingon"');
    const deep = Array.from({ length: MAX_FAST_DEPTH + 1 }, (_, i) => `Content-Type: multipart/mixed; boundary="d${i}"\n\n--d${i}\n`).join('');
    expect(declined(mail('From: a@x.example\n', deep, '\nx\n'))).toBe(`nesting deeper than ${MAX_FAST_DEPTH}`);
  });

  it('lists attached messages, and inline ones in a delivery report, as attachments as postal-mime does', async () => {
    const head = 'From: a@x.example\nContent-Type: multipart/report; report-type=delivery-status; boundary="m"\n\n--m\n';
    const inline = attachedMessagePart(true).replace('Content-Disposition: attachment; filename="original.eml"\n', '');
    const report = mail(head, 'Content-Type: message/delivery-status\n\nStatus: 5.1.1\n--m\n', inline, '--m--\n');
    expect(fastMime(report, BUDGET).attachments.map((a) => a.mimeType)).toEqual(['message/delivery-status', 'message/rfc822']);
    expect(await compareWithOracle(report, 'x.eml')).toMatchObject({ path: 'fast', mismatch: false });
    const forwarded = mail('From: a@x.example\nContent-Type: multipart/mixed; boundary="m"\n\n--m\n', attachedMessagePart(true), '--m--\n');
    expect(await compareWithOracle(forwarded, 'x.eml')).toMatchObject({ path: 'fast', mismatch: false });
  });

  it('accepts an HTML-only message: postal-mime leaves its text empty', async () => {
    const bytes = mail('From: a@x.example\nContent-Type: text/html\n\n<p>only html</p>\n');
    expect(fastMime(bytes, BUDGET)).toEqual({ text: '', hasHtml: true, html: '<p>only html</p>\n', attachments: [] });
    expect(await compareWithOracle(bytes, 'x.eml')).toMatchObject({ path: 'fast', mismatch: false });
  });
});

describe('fast transfer decoding', () => {
  it('decodes base64, quoted-printable and 8bit bodies byte for byte as postal-mime: junk, padding, soft breaks, stray CRs', async () => {
    const random = mulberry32(11);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/==== \t\r\r\r\n\n\n!é=0A=3d=\n';
    for (let i = 0; i < 600; i++) {
      const body = Array.from({ length: Math.floor(random() * 300) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const encoding = ['base64', 'quoted-printable', '8bit'][i % 3];
      const bytes = mail(`From: a@x.example\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: ${encoding}\n\n`, body);
      const reference = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
      const fast = fastMime(bytes, BUDGET);
      expect(fast.attachments.map((a) => [...(a.content as Uint8Array)]), JSON.stringify(body)).toEqual(reference.attachments.map((a) => [...new Uint8Array(a.content as ArrayBuffer)]));
    }
  });
});

describe('parseMessage and parseMessageReference', () => {
  it('say which decoder read the body', async () => {
    expect((await parseMessage(mail(ALTERNATIVE), 'x.eml', NO_HASHES, null)).parsedBy).toBe('fast');
    expect((await parseMessageReference(mail(ALTERNATIVE), 'x.eml', NO_HASHES, null)).parsedBy).toBe('postal-mime');
    const forwarded = mail('From: a@x.example\nContent-Type: multipart/mixed; boundary="m"\n\n--m\n', attachedMessagePart(true), '--m--\n');
    const m = await parseMessage(forwarded, 'x.eml', NO_HASHES, null);
    expect(m.parsedBy).toBe('fast');
    expect(m.attachments.map((a) => [a.filename, a.container])).toEqual([['original.eml', undefined], ['tool.exe', 'original.eml']]);
    const inline = mail('From: a@x.example\nContent-Type: multipart/mixed; boundary="m"\n\n--m\n', attachedMessagePart(true).replace(/Content-Disposition: .*\n/, ''), '--m--\n');
    expect((await parseMessage(inline, 'x.eml', NO_HASHES, null)).parsedBy).toBe('postal-mime');
  });

  it('leaves a header block postal-mime is given cut down to postal-mime', async () => {
    const huge = `X-Pad: ${'a'.repeat(1000)}\n`.repeat(Math.ceil(MAX_HEADER_BYTES_KEPT / 1000) + 10);
    const m = await parseMessage(mail('From: a@x.example\n', huge, 'Subject: s\n\nbody\n'), 'x.eml', NO_HASHES, null);
    expect(m.parsedBy).toBe('postal-mime');
    expect(m.text).toBe('body\n');
  });
});
