import { describe, expect, it } from 'vitest';
import { guidFromPath } from '../../../src/lib/mail/guidFromPath.ts';
import { parseAuthResults } from '../../../src/lib/mail/parseAuthResults.ts';
import { parseChecked } from './fastParseOracle.ts';
import { parseSpamVerdict } from '../../../src/lib/mail/parseSpamVerdict.ts';
import { hasSamples } from '../../helpers/sharedSamples.ts';
import { attachedMessagePart, mail, NO_HASHES } from './fixtures.ts';
import { ALICE, BOB, CAROL, sampleMessage, sampleMessagePaths } from './sampleMessages.ts';

const parse = (bytes: Uint8Array, path = 'Data/x.example/u/AB/{AB0CF48E-6847-4D27-A0CA-D702FFEC5B94}.eml') =>
  parseChecked(bytes, path, { md5: 'm', sha256: 's' }, { dns: null });

describe('guidFromPath (file paths and hm_messages.messagefilename)', () => {
  it.each([
    ['hMailServer/Data/northwind.example/alice/7A/{7A0CF48E-6847-4D27-A0CA-D702FFEC5B94}.eml', '{7A0CF48E-6847-4D27-A0CA-D702FFEC5B94}'],
    ['C:\\Data\\{7a0cf48e-6847-4d27-a0ca-d702ffec5b94}.EML', '{7A0CF48E-6847-4D27-A0CA-D702FFEC5B94}'],
    ['archive/Inbound/Sent-{7A0CF48E-6847-4D27-A0CA-D702FFEC5B94}.eml', '{7A0CF48E-6847-4D27-A0CA-D702FFEC5B94}'],
    ['old/{7A0CF48E-6847-4D27-A0CA-D702FFEC5B94}.hma', '{7A0CF48E-6847-4D27-A0CA-D702FFEC5B94}'],
    ['C:\\Program Files\\hMailServer\\Data\\x.example\\u\\7A\\{7A0CF48E-6847-4D27-A0CA-D702FFEC5B94}.eml', '{7A0CF48E-6847-4D27-A0CA-D702FFEC5B94}'],
    ['Data/message.eml', null],
    ['Data/{7A0CF48E-6847-4D27-A0CA}.eml', null],
    ['Data/7A0CF48E-6847-4D27-A0CA-D702FFEC5B94.eml', null],
    ['Data/{7A0CF48E-6847-4D27-A0CA-D702FFEC5B94}.eml.tmp', null],
    ['Data/{7A0CF48E-6847-4D27-A0CA-D702FFEC5B94}', null],
    ['Data/{7A0CF48E-6847-4D27-A0CA-D702FFEC5B94}/x.eml', null],
  ])('%s', (path, guid) => expect(guidFromPath(path)).toBe(guid));
});

describe('parseSpamVerdict', () => {
  it('keeps reasons in file order with gaps, and the total', () => {
    const v = parseSpamVerdict([
      { name: 'X-hMailServer-Spam', value: 'YES' },
      { name: 'X-hMailServer-Reason-3', value: 'Sender domain does not have any MX records. - (Score: 2)' },
      { name: 'X-hMailServer-Reason-1', value: 'Blocked by SPF. (Please see http://www.openspf.org/Why?s=mfrom) - (Score: 3)' },
      { name: 'X-hMailServer-Reason-7', value: 'Rejected by Spamhaus.' },
      { name: 'X-hMailServer-Reason-Score', value: '5' },
    ]);
    expect(v).toEqual({
      flagged: true,
      score: 5,
      reasons: [
        { text: 'Sender domain does not have any MX records.', score: 2 },
        { text: 'Blocked by SPF. (Please see http://www.openspf.org/Why?s=mfrom)', score: 3 },
        { text: 'Rejected by Spamhaus.', score: null },
      ],
    });
  });

  it('is not flagged without hMailServer spam headers', () => {
    expect(parseSpamVerdict([{ name: 'X-Spam-Status', value: 'Yes, score=9' }])).toEqual({ flagged: false, score: null, reasons: [] });
  });

  it('counts reason headers as flagged even when the YES header was switched off', () => {
    expect(parseSpamVerdict([{ name: 'X-hMailServer-Reason-Score', value: '7' }])).toMatchObject({ flagged: true, score: 7 });
  });
});

describe('parseAuthResults', () => {
  it('reads Authentication-Results and Received-SPF', () => {
    const r = parseAuthResults([
      { name: 'Authentication-Results', value: 'mx.example.net; spf=fail (sender IP is 192.0.2.1) smtp.mailfrom=a@x.example; dkim=pass (1024-bit key) header.d=x.example; dmarc=fail (p=REJECT) header.from=x.example' },
      { name: 'Received-SPF', value: 'SoftFail (mx.example.net: domain of transitioning a@x.example) client-ip=192.0.2.1;' },
      { name: 'Authentication-Results', value: 'mx.example.net; none' },
    ]);
    expect(r.map(({ method, result }) => [method, result])).toEqual([
      ['spf', 'fail'], ['dkim', 'pass'], ['dmarc', 'fail'], ['spf', 'softfail'],
    ]);
    expect(r[0].raw).toMatch(/^Authentication-Results: mx\.example\.net; spf=fail/);
  });
});

describe('parseMessage', () => {
  const HMAIL = `Return-Path: sender@out.example
Delivered-To: bob@northwind.example
Received: from out.example (mail.out.example [198.51.100.7])
\tby mail.northwind.example with ESMTPS
\t(version=TLSv1.2 cipher=ECDHE-RSA-AES256-GCM-SHA384 bits=256)
\t; Fri, 10 May 2024 11:00:00 +0200
Received: from client (client.out.example [10.0.0.5]) by mail.out.example with ESMTPA; Fri, 10 May 2024 10:59:58 +0200
Message-ID: <C3A1E2F0-0D0F-4A1B-9E3C-1F2E3D4C5B6A@mail.northwind.example>
From: "Sender, Name" <sender@out.example>
Sender: relay@out.example
Reply-To: other@elsewhere.example, second@elsewhere.example
To: Bob <bob@northwind.example>, team: carol@northwind.example, dave@northwind.example;
Cc: =?UTF-8?Q?J=C3=BCrgen?= <j@northwind.example>
Subject: =?UTF-8?B?UmU6IEluZm8=?=
 continued
In-Reply-To: <parent@out.example>
References: <root@out.example>
 <parent@out.example>
Date: Fri, 10 May 2024 10:59:00 +0200
MIME-Version: 1.0
Authentication-Results: mail.northwind.example; spf=pass smtp.mailfrom=out.example
X-hMailServer-Spam: YES
X-hMailServer-Reason-2: The host name specified in HELO does not match IP address. - (Score: 2)
X-hMailServer-Reason-Score: 2
Content-Type: multipart/mixed; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8

Hello Bob, see http://x.example/a
--b1
Content-Type: text/plain; name="invoice.exe.txt"
Content-Disposition: attachment; filename="invoice.exe.txt"

The attachment invoice.exe was blocked for delivery by the e-mail server.
--b1
Content-Type: application/octet-stream; name="=?UTF-8?Q?r=C3=A9sum=C3=A9.pdf?="
Content-Disposition: attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf
Content-Transfer-Encoding: base64

JVBERi0xLjQK
--b1--
`;

  it('fills every field of a typical hMailServer mailbox file', async () => {
    const m = await parse(mail(HMAIL), 'hMailServer/Data/northwind.example/bob/7A/{7A0CF48E-6847-4D27-A0CA-D702FFEC5B94}.eml');
    expect(m.guid).toBe('{7A0CF48E-6847-4D27-A0CA-D702FFEC5B94}');
    expect(m.md5).toBe('m');
    expect(m.size).toBe(mail(HMAIL).length);
    expect(m.headers.slice(0, 3).map((h) => h.name)).toEqual(['Return-Path', 'Delivered-To', 'Received']);
    expect(m.headers[2].value).toBe(
      'from out.example (mail.out.example [198.51.100.7])\tby mail.northwind.example with ESMTPS\t(version=TLSv1.2 cipher=ECDHE-RSA-AES256-GCM-SHA384 bits=256)\t; Fri, 10 May 2024 11:00:00 +0200',
    );
    expect(m.headers.find((h) => h.name === 'Subject')?.value).toBe('=?UTF-8?B?UmU6IEluZm8=?= continued');
    expect(m.subject).toBe('Re: Info continued');
    expect(m.messageId).toBe('<C3A1E2F0-0D0F-4A1B-9E3C-1F2E3D4C5B6A@mail.northwind.example>');
    expect(m.inReplyTo).toBe('<parent@out.example>');
    expect(m.references).toEqual(['<root@out.example>', '<parent@out.example>']);
    expect(m.from).toEqual({ name: 'Sender, Name', address: 'sender@out.example' });
    expect(m.sender).toEqual({ name: '', address: 'relay@out.example' });
    expect(m.replyTo.map((a) => a.address)).toEqual(['other@elsewhere.example', 'second@elsewhere.example']);
    expect(m.to.map((a) => a.address)).toEqual(['bob@northwind.example', 'carol@northwind.example', 'dave@northwind.example']);
    expect(m.cc).toEqual([{ name: 'Jürgen', address: 'j@northwind.example' }]);
    expect(m.bcc).toEqual([]);
    expect(m.returnPath).toBe('sender@out.example');
    expect(m.deliveredTo).toBe('bob@northwind.example');
    expect(m.date).toBe('2024-05-10T08:59:00.000Z');
    expect(m.received.map((h) => [h.ip, h.with, h.time])).toEqual([
      ['198.51.100.7', 'ESMTPS', '2024-05-10T09:00:00.000Z'],
      ['10.0.0.5', 'ESMTPA', '2024-05-10T08:59:58.000Z'],
    ]);
    expect(m.authResults.map((a) => [a.method, a.result])).toEqual([['spf', 'pass']]);
    expect(m.spam).toEqual({ flagged: true, score: 2, reasons: [{ text: 'The host name specified in HELO does not match IP address.', score: 2 }] });
    expect(m.text).toMatch(/^Hello Bob, see http:\/\/x\.example\/a/);
    expect(m.hasHtml).toBe(false);
    expect(m.dkim).toEqual([]);
    expect(m.defects).toEqual([]);
    expect(m.parseError).toBeNull();

    expect(m.attachments).toHaveLength(2);
    const [notice, pdf] = m.attachments;
    expect(notice).toMatchObject({ filename: 'invoice.exe.txt', contentType: 'text/plain', disposition: 'attachment', detectedType: 'text' });
    expect(notice.textPreview).toMatch(/was blocked for delivery by the e-mail server/);
    expect(pdf).toMatchObject({ filename: 'résumé.pdf', contentType: 'application/octet-stream', size: 9, detectedType: 'pdf' });
    expect(pdf.sha256).toBe('e5c62df5dab5c87b6a015ef3d43597074d1eec433b15f51aec63b8582d0e4ab4');
  });

  it('reads the lower-case dkim-signature field hMailServer writes', async () => {
    const m = await parse(mail('dkim-signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=x.example; s=s1; h=from; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=AAAA\nFrom: a@x.example\n\n'));
    expect(m.dkim).toHaveLength(1);
    expect(m.dkim[0]).toMatchObject({ domain: 'x.example', selector: 's1', bodyHashOk: true, signatureOk: null });
  });

  it('keeps the null sender of a bounce as an empty Return-Path', async () => {
    const m = await parse(mail('Return-Path: <>\nFrom: mailer-daemon@northwind.example\nSubject: Message undeliverable: Hi\n\nbody\n'));
    expect(m.returnPath).toBe('');
    expect(m.from?.address).toBe('mailer-daemon@northwind.example');
  });

  it('bounds the text kept for search', async () => {
    const m = await parse(mail('Subject: big\n\n', 'a'.repeat(400 * 1024), '\n'));
    expect(m.text.length).toBe(256 * 1024);
  });

  it('lists the entries of a zip attachment', async () => {
    const zip =
      'UEsDBBQAAAAAAAAAoVg1KXYZKQAAACkAAAAMAAAAc2Nhbl8wMDMxLmpzdmFyIHM9bmV3IEFjdGl2ZVhPYmplY3QoIldTY3JpcHQuU2hlbGwiKTtQSwECFAMUAAAAAAAAAKFYNSl2GSkAAAApAAAADAAAAAAAAAAAAAAAgAEAAAAAc2Nhbl8wMDMxLmpzUEsFBgAAAAABAAEAOgAAAFMAAAAAAA==';
    const m = await parse(mail(`Content-Type: multipart/mixed; boundary=z\n\n--z\nContent-Type: application/zip; name=a.zip\nContent-Transfer-Encoding: base64\n\n${zip}\n--z--\n`));
    expect(m.attachments[0]).toMatchObject({ filename: 'a.zip', detectedType: 'zip', archiveEntries: ['scan_0031.js'] });
  });
});

describe('attached messages', () => {
  it('lists the attachments inside a message/rfc822 attachment after it', async () => {
    const m = await parse(
      mail(`From: a@x.example
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: text/plain

see the forwarded mail
--outer
${attachedMessagePart(true)}--outer--
`),
    );
    expect(m.attachments.map((a) => [a.filename, a.contentType, a.detectedType, a.container])).toEqual([
      ['original.eml', 'message/rfc822', 'text', undefined],
      ['tool.exe', 'application/octet-stream', 'pe-executable', 'original.eml'],
    ]);
    expect('container' in m.attachments[0]).toBe(false);
    expect(m.defects).toEqual([]);
  });

  it('names an unnamed attached message by its subject, and a nested one by its own name', async () => {
    const m = await parse(
      mail(`From: a@x.example
Content-Type: multipart/mixed; boundary="l0"

--l0
Content-Type: message/rfc822
Content-Disposition: attachment

From: b@y.example
Subject: Fwd: the files
Content-Type: multipart/mixed; boundary="l1"

--l1
Content-Type: text/plain; name="readme.txt"
Content-Disposition: attachment; filename="readme.txt"

read me
--l1
Content-Type: message/rfc822; name="deeper.eml"
Content-Disposition: attachment; filename="deeper.eml"

From: c@z.example
Subject: deeper
Content-Type: multipart/mixed; boundary="l2"

--l2
Content-Type: application/octet-stream; name="run.scr"
Content-Disposition: attachment; filename="run.scr"
Content-Transfer-Encoding: base64

TVqQAAMAAAA=
--l2--
--l1--
--l0--
`),
    );
    expect(m.attachments.map((a) => [a.filename, a.container ?? null])).toEqual([
      ['', null],
      ['readme.txt', 'Fwd: the files'],
      ['deeper.eml', 'Fwd: the files'],
      ['run.scr', 'deeper.eml'],
    ]);
  });
});

describe.skipIf(!hasSamples)('parseMessage on the sample case', () => {
  it('parses every sample message without errors or defects', async () => {
    const paths = await sampleMessagePaths();
    expect(paths.length).toBe(43);
    for (const p of paths) {
      const m = await parseChecked(await sampleMessage(p), p, NO_HASHES, { dns: null });
      expect(m.parseError, p).toBeNull();
      expect(m.defects, p).toEqual([]);
      expect(m.guid, p).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
      expect(m.from, p).not.toBeNull();
    }
  });

  it('5E: hMailServer spam headers with a gap in the numbering', async () => {
    const p = `${BOB}/5E/{5E4992DB-CE19-497A-9C7C-F177051CA8D0}.eml`;
    const m = await parseChecked(await sampleMessage(p), p, NO_HASHES, { dns: null });
    expect(m.spam).toEqual({
      flagged: true,
      score: 5,
      reasons: [
        { text: 'Blocked by SPF.', score: 3 },
        { text: 'Sender domain does not have any MX records.', score: 2 },
      ],
    });
    expect(m.received[0]).toMatchObject({ from: '[203.0.113.50]', ip: '203.0.113.50', fromPtr: null, by: 'mail.northwind.example' });
    expect(m.authResults).toEqual([]);
  });

  it('C7: a PE executable declared as PDF', async () => {
    const p = `${BOB}/C7/{C75FB7C4-CBA0-4CF4-A243-485444A62E32}.eml`;
    const m = await parseChecked(await sampleMessage(p), p, NO_HASHES, { dns: null });
    expect(m.attachments).toHaveLength(1);
    expect(m.attachments[0]).toMatchObject({ filename: 'invoice.pdf.exe', contentType: 'application/pdf', disposition: 'attachment', detectedType: 'pe-executable', size: 1040 });
    expect(m.text.trim()).toBe('See attached.');
  });

  it('00: a zip holding a script', async () => {
    const p = `${CAROL}/00/{00ABC2F9-A563-4BCA-B56E-45AC1F438615}.eml`;
    const m = await parseChecked(await sampleMessage(p), p, NO_HASHES, { dns: null });
    expect(m.attachments[0]).toMatchObject({ filename: 'scan_0031.zip', detectedType: 'zip', archiveEntries: ['scan_0031.js'] });
  });

  it('decodes the GB2312, UTF-8 and ISO-8859-1 subjects', async () => {
    const subjects: Record<string, string> = {
      [`${ALICE}/3A/{3A4FCA50-76F4-4492-B302-DF5B25F46B98}.eml`]: '会议通知',
      [`${ALICE}/B4/{B46DF7CB-5BD4-4C69-BF04-37DFE08206CF}.eml`]: 'Überweisung für Müller ✓',
      [`${ALICE}/A8/{A88E33DF-3CF0-46FD-94D8-FFBE6D490ABD}.eml`]: 'Café crème brûlée',
    };
    for (const [p, subject] of Object.entries(subjects)) {
      expect((await parseChecked(await sampleMessage(p), p, NO_HASHES, { dns: null })).subject).toBe(subject);
    }
  });

  it('C8: two Received hops, newest first', async () => {
    const p = `${ALICE}/C8/{C843C992-FBB9-42EA-A10E-807AF25B1B73}.eml`;
    const m = await parseChecked(await sampleMessage(p), p, NO_HASHES, { dns: null });
    expect(m.received.map((h) => [h.from, h.ip, h.by, h.time])).toEqual([
      ['relay2.contoso.example', '192.0.2.31', 'mail.northwind.example', '2024-05-09T08:00:00.000Z'],
      ['relay1.contoso.example', '192.0.2.30', 'relay2.contoso.example', '2024-05-09T17:00:00.000Z'],
    ]);
  });
});
