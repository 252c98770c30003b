import { describe, expect, it } from 'vitest';
import { messageDetail } from '../../../src/lib/mail/messageDetail.ts';
import { parseChecked } from './fastParseOracle.ts';
import { MAX_HEADER_BYTES_KEPT } from '../../../src/lib/mail/splitHeaders.ts';
import { mail, NO_HASHES } from './fixtures.ts';

const parse = (bytes: Uint8Array) => parseChecked(bytes, 'Data/{00000000-0000-0000-0000-000000000001}.eml', NO_HASHES, { dns: null });

const MULTIPART = `From: a@x.example
To: b@y.example
Subject: Report
Date: Fri, 10 May 2024 11:00:00 +0200
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="XYZ"

--XYZ
Content-Type: text/plain; charset=utf-8

Quarterly numbers attached.
--XYZ
Content-Type: application/octet-stream; name="data.bin"
Content-Disposition: attachment; filename="data.bin"
Content-Transfer-Encoding: base64

TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
--XYZ--
`;

describe('parseMessage edge cases: parsed as far as possible, never thrown', () => {
  it('empty file', async () => {
    const m = await parse(new Uint8Array(0));
    expect(m.parseError).toBe('empty file');
    expect(m.size).toBe(0);
    expect(m.guid).toBe('{00000000-0000-0000-0000-000000000001}');
  });

  it('truncated inside the header block', async () => {
    const full = mail(MULTIPART);
    const m = await parse(full.subarray(0, 60));
    expect(m.parseError).toBeNull();
    expect(m.from?.address).toBe('a@x.example');
    expect(m.defects.join('\n')).toMatch(/no blank line ends the header block/);
  });

  it('truncated inside an attachment: text kept, missing closing boundary reported', async () => {
    const full = mail(MULTIPART);
    const cut = full.subarray(0, full.length - 40);
    const m = await parse(cut);
    expect(m.parseError).toBeNull();
    expect(m.subject).toBe('Report');
    expect(m.text).toMatch(/Quarterly numbers attached\./);
    expect(m.defects.join('\n')).toMatch(/closing boundary "--XYZ--" missing/);
    expect(m.attachments.map((a) => a.filename)).toEqual(['data.bin']);
    expect(m.attachments[0].detectedType).toBe('pe-executable');
  });

  it('NUL bytes in headers and body', async () => {
    const m = await parse(mail('From: a@x.example\nSubject: nul', [0], 'here\n\nbody', [0, 0], 'text\n'));
    expect(m.parseError).toBeNull();
    expect(m.defects).toContain('3 NUL byte(s) in the message');
    expect(m.subject).not.toContain('\u0000');
    expect(m.text).not.toContain('\u0000');
    expect(m.text).toMatch(/body.*text/);
  });

  it('boundary parameter missing', async () => {
    const m = await parse(mail('From: a@x.example\nContent-Type: multipart/mixed\n\n--foo\nContent-Type: text/plain\n\nhello\n--foo--\n'));
    expect(m.parseError).toBeNull();
    expect(m.defects.join('\n')).toMatch(/multipart\/mixed without a boundary parameter/);
  });

  it('boundary that never appears', async () => {
    const m = await parse(mail('From: a@x.example\nContent-Type: multipart/alternative; boundary="nothere"\n\n--other\nContent-Type: text/plain\n\nhello\n--other--\n'));
    expect(m.parseError).toBeNull();
    expect(m.defects.join('\n')).toMatch(/boundary "nothere" never appears/);
  });

  it('a 5 MB header block', async () => {
    const filler = Array.from({ length: 60_000 }, (_, i) => `X-Filler-${i}: ${'v'.repeat(80)}\n`).join('');
    const bytes = mail('From: a@x.example\nSubject: huge\n', filler, 'Content-Type: text/plain\n\nthe body survives\n');
    expect(bytes.length).toBeGreaterThan(5 * 1024 * 1024);
    const started = Date.now();
    const m = await parse(bytes);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(m.parseError).toBeNull();
    expect(m.from?.address).toBe('a@x.example');
    expect(m.subject).toBe('huge');
    expect(m.text).toMatch(/the body survives/);
    expect(m.headers.length).toBeLessThan(60_000);
    const kept = m.headers.reduce((n, h) => n + h.name.length + h.value.length + 4, 0);
    expect(kept).toBeLessThanOrEqual(MAX_HEADER_BYTES_KEPT + 1024);
    expect(m.defects.join('\n')).toMatch(/header block is \d+ bytes: \d+ field\(s\) beyond the first/);
    const detail = await messageDetail(bytes, 'x.eml');
    expect(detail.text).toMatch(/the body survives/);
  });

  it('one header field of 5 MB', async () => {
    const m = await parse(mail('From: a@x.example\nX-Huge: ', 'A'.repeat(5 * 1024 * 1024), '\nSubject: after\n\nok\n'));
    expect(m.parseError).toBeNull();
    expect(m.subject).toBe('after');
    expect(m.text.trim()).toBe('ok');
    expect(m.headers.find((h) => h.name === 'X-Huge')?.value.length).toBeLessThanOrEqual(64 * 1024);
    expect(m.defects.join('\n')).toMatch(/1 header field\(s\) longer than 65536 bytes/);
  });

  it('binary garbage', async () => {
    let seed = 42;
    const garbage = Uint8Array.from({ length: 64 * 1024 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 0xff;
    });
    const m = await parse(garbage);
    expect(m.parseError).toMatch(/no header fields found/);
    expect(m.text).toBe('');
    const detail = await messageDetail(garbage, 'g.eml');
    expect(detail.mimeTree.length).toBeGreaterThanOrEqual(1);
  });

  it('a header line that is not a header field', async () => {
    const m = await parse(mail('From: a@x.example\nthis is not a header\nSubject: s\n\nbody\n'));
    expect(m.subject).toBe('s');
    expect(m.defects.join('\n')).toMatch(/1 line\(s\) in the header block are not header fields/);
  });

  it('bad base64 and an unknown transfer encoding are reported', async () => {
    const m = await parse(
      mail('From: a@x.example\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n%%% not base64 %%%\n--b\nContent-Type: text/plain\nContent-Transfer-Encoding: x-uuencode\n\nabc\n--b--\n'),
    );
    expect(m.defects.join('\n')).toMatch(/part 1: base64 body contains characters outside the base64 alphabet/);
    expect(m.defects.join('\n')).toMatch(/part 2: unknown Content-Transfer-Encoding "x-uuencode"/);
  });

  it('deep nesting is bounded', async () => {
    const depth = 60;
    let body = 'Content-Type: text/plain\n\ncore\n';
    for (let i = depth; i > 0; i--) body = `Content-Type: multipart/mixed; boundary=b${i}\n\n--b${i}\n${body}--b${i}--\n`;
    const m = await parse(mail('From: a@x.example\n', body));
    expect(m.parseError).toBeNull();
    expect(m.defects.join('\n')).toMatch(/nesting deeper than 40/);
  });

  it('an unparseable Date is a defect and the date stays null', async () => {
    const m = await parse(mail('From: a@x.example\nDate: sometime last week\n\nx\n'));
    expect(m.date).toBeNull();
    expect(m.defects).toContain('Date header "sometime last week" could not be parsed');
  });
});
