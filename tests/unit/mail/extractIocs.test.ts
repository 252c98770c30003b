import { describe, expect, it } from 'vitest';
import { emailsInText, extractIocs, MAX_IOCS_PER_MESSAGE } from '../../../src/lib/mail/extractIocs.ts';
import { emailsViaRegex } from './emailRegexOracle.ts';
import { parseChecked } from './fastParseOracle.ts';
import { mail, NO_HASHES } from './fixtures.ts';
import { mulberry32, varietyMessage } from './mimeVariety.ts';

const MESSAGE = `Return-Path: bounce@mailer.bad.example
Received: from helo.bad.example (ptr.bad.example [203.0.113.66])
\tby mail.northwind.example with ESMTP
\t; Fri, 10 May 2024 11:00:00 +0200
Received: from localhost (localhost [127.0.0.1]) by helo.bad.example; Fri, 10 May 2024 10:59:00 +0200
From: "Support" <support@bad.example>
Reply-To: collect@drop.example
To: alice@northwind.example
Subject: Verify
Content-Type: multipart/mixed; boundary=b

--b
Content-Type: text/plain

Please log in at https://login.bad.example/verify?u=alice. Or hxxps://evil[.]example/x[.]php
Contact admin[@]drop[.]example or see 198.51.100.23 (not 1.2.3.4.5 or 999.1.1.1).
Mirror: http://[2001:db8::1]/a and ftp://files.bad.example:2121/pub/
--b
Content-Type: application/octet-stream; name=a.bin
Content-Transfer-Encoding: base64

AAEC
--b--
`;

describe('extractIocs', () => {
  it('collects sender-side addresses, hops, body indicators (refanged) and attachment hashes', async () => {
    const m = await parseChecked(mail(MESSAGE), 'x.eml', NO_HASHES, { dns: null });
    const iocs = extractIocs(m);
    const of = (kind: string) => iocs.filter((i) => i.kind === kind).map((i) => i.value);
    expect(of('email')).toEqual(['support@bad.example', 'collect@drop.example', 'bounce@mailer.bad.example', 'admin@drop.example']);
    expect(of('domain')).toEqual([
      'bad.example', 'drop.example', 'mailer.bad.example', 'helo.bad.example', 'ptr.bad.example', 'login.bad.example', 'evil.example', 'files.bad.example',
    ]);
    expect(of('ip')).toEqual(['203.0.113.66', '2001:db8::1', '198.51.100.23']);
    expect(of('url')).toEqual([
      'https://login.bad.example/verify?u=alice',
      'https://evil.example/x.php',
      'http://[2001:db8::1]/a',
      'ftp://files.bad.example:2121/pub/',
    ]);
    expect(of('attachment-sha256')).toEqual([m.attachments[0].sha256]);
    expect(of('email')).not.toContain('alice@northwind.example');
  });

  it('is bounded and de-duplicated', async () => {
    const body = Array.from({ length: 3000 }, (_, i) => `http://h${i}.example/ http://h0.example/`).join('\n');
    const m = await parseChecked(mail('From: a@x.example\n\n', body, '\n'), 'x.eml', NO_HASHES, { dns: null });
    const iocs = extractIocs(m);
    expect(iocs.length).toBe(MAX_IOCS_PER_MESSAGE);
    expect(new Set(iocs.map((i) => `${i.kind} ${i.value}`)).size).toBe(iocs.length);
  });
});

describe('emailsInText', () => {
  const viaRegex = emailsViaRegex;

  it('finds what the global regex finds on address-dense random text', () => {
    const random = mulberry32(7);
    const alphabet = 'aZ09._%+-@@@..--  \n\u00e9x'.split('');
    let found = 0;
    for (let i = 0; i < 3000; i++) {
      const length = Math.floor(random() * 200);
      let text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      if (random() < 0.2) text = `${'a'.repeat(Math.floor(random() * 140))}@x.example ${text}`;
      expect([...emailsInText(text)], JSON.stringify(text)).toEqual(viaRegex(text));
      found += viaRegex(text).length;
    }
    expect(found).toBeGreaterThan(500);
  });

  it('finds what the global regex finds in the parsed text of generated messages', async () => {
    let found = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const m = await parseChecked(varietyMessage(seed), `variety seed ${seed}`, NO_HASHES, { dns: null });
      const text = `${m.text}\nmail Ann.Lee+x@Mail.Example.com, a@b.c, -x@y.zz., ${m.text.slice(0, 40)}@example.org`;
      expect([...emailsInText(text)]).toEqual(viaRegex(text));
      found += viaRegex(text).length;
    }
    expect(found).toBeGreaterThan(300);
  });
});
