import { describe, expect, it } from 'vitest';
import { extractIocs } from '../../../src/lib/mail/extractIocs.ts';
import { MAX_HTML_URLS, htmlUrls } from '../../../src/lib/mail/htmlUrls.ts';
import { parseMessage } from '../../../src/lib/mail/parseMessage.ts';

const cases: { name: string; html: string; expected: string[] }[] = [
  { name: 'links, images and form actions', html: '<a href="https://evil.example/login">x</a><img src=\'http://cdn.example/p.gif\'><form action=https://steal.example/post>',
    expected: ['https://evil.example/login', 'http://cdn.example/p.gif', 'https://steal.example/post'] },
  { name: 'entities decoded as a browser reads an attribute', html: '<a href="https&#58;//evil.example/a?x=1&amp;y=2&copy=3">', expected: ['https://evil.example/a?x=1&y=2&copy=3'] },
  { name: 'tabs and newlines inside a URL dropped', html: '<a href="ht\ntps://evil.example/\tpath">', expected: ['https://evil.example/path'] },
  { name: 'CSS url() in style attributes and style blocks', html: '<div style="background:url(&quot;https://t.example/bg.png&quot;)"></div><style>.a{background:url(https://t.example/s.png)}</style>',
    expected: ['https://t.example/bg.png', 'https://t.example/s.png'] },
  { name: 'srcset candidates and a meta refresh', html: '<img srcset="https://a.example/1x.png 1x, https://a.example/2x.png 2x"><meta http-equiv="refresh" content="0; url=https://go.example/">',
    expected: ['https://a.example/1x.png', 'https://a.example/2x.png', 'https://go.example/'] },
  { name: 'cid:, data:, mailto: and relative links are not indicators', html: '<img src="cid:logo"><img src="data:image/png;base64,AA"><a href="mailto:a@b.example"><a href="/local">',
    expected: [] },
  { name: 'attribute-like text outside a tag start is still read only after a separator', html: 'xhref="https://no.example"', expected: [] },
];

describe('htmlUrls', () => {
  for (const c of cases) it(c.name, () => expect(htmlUrls(c.html)).toEqual(c.expected));

  it('keeps at most MAX_HTML_URLS', () => {
    expect(htmlUrls('<a href="https://x.example/">'.repeat(MAX_HTML_URLS + 5))).toHaveLength(MAX_HTML_URLS);
  });
});

describe('URL indicators of an HTML body', () => {
  it('reads them through quoted-printable and entities, once each, with their hosts', async () => {
    const eml = [
      'From: a@example.org', 'To: b@example.net', 'Subject: pay', 'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '',
      '<p>Pay <a href=3D"https://phish.example/pay?id=3D7&amp;u=3Db">here</a> or <a href=3D"https://phish.example/p=',
      'ay?id=3D7&amp;u=3Db">here</a></p><form action=3D"https://collect.example/x"></form>', '',
    ].join('\r\n');
    const message = await parseMessage(new TextEncoder().encode(eml), 'm.eml', { md5: '', sha256: '' }, null);
    const iocs = extractIocs(message).filter((i) => i.kind === 'url' || i.value.endsWith('.example') && i.kind === 'domain');
    expect(iocs).toEqual([
      { kind: 'url', value: 'https://phish.example/pay?id=7&u=b' },
      { kind: 'domain', value: 'phish.example' },
      { kind: 'url', value: 'https://collect.example/x' },
      { kind: 'domain', value: 'collect.example' },
    ]);
  });
});
