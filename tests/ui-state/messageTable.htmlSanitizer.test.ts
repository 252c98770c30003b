// The message view's HTML sanitizer: no URL that could reach the network survives, harmless markup does.
import { describe, expect, it } from 'vitest';
import {
  BLOCKED_HREF,
  BLOCKED_SRC,
  MESSAGE_HTML_CSP,
  messageSrcdoc,
  rewriteCss,
  sanitizeMessageHtml,
} from '../../src/ui/components/MessageHtmlSanitizer.ts';

/** Anything in the output that still names a network location. */
const REMOTE = /(?:https?|ftp|wss?):|\/\/[a-z0-9]/i;

const cases: { name: string; html: string; blocked: number }[] = [
  { name: 'tracking pixel', html: '<img src="http://t.example/p.gif" width=1 height=1>', blocked: 1 },
  { name: 'protocol-relative image', html: "<img src='//t.example/p.gif'>", blocked: 1 },
  { name: 'unquoted src after a slash', html: '<img/src=https://t.example/p.gif>', blocked: 1 },
  { name: 'entity-encoded scheme', html: '<img src="&#104;ttps&colon;//t.example/p.gif">', blocked: 1 },
  { name: 'whitespace and controls around the url', html: '<img src=" \t h\ntt\tps://t.example/p.gif ">', blocked: 1 },
  { name: 'srcset', html: '<img src="data:image/gif;base64,R0lGOD" srcset="data:x 1x, https://t.example/2x.png 2x">', blocked: 1 },
  { name: 'body background', html: '<body background="http://t.example/bg.jpg">', blocked: 1 },
  { name: 'inline style url', html: '<div style="background:url(http://t.example/a.png)">x</div>', blocked: 1 },
  { name: 'style element with import and font', html: '<style>@import "http://t.example/a.css"; @font-face{src:url(//t.example/f.woff)}</style>', blocked: 2 },
  { name: 'css escape hiding url(', html: '<style>p{background:\\75 rl(http://t.example/a.png)}</style>', blocked: 1 },
  { name: 'image-set', html: '<div style=\'background-image:image-set("https://t.example/a.png" 1x)\'>x</div>', blocked: 1 },
  { name: 'link element', html: '<link rel="stylesheet" href="https://t.example/s.css">', blocked: 1 },
  { name: 'anchor', html: '<a href="https://phish.example/login">Sign in</a>', blocked: 1 },
  { name: 'base element', html: '<base href="https://t.example/"><img src="p.gif">', blocked: 2 },
  { name: 'meta refresh', html: '<meta http-equiv="refresh" content="0;url=https://t.example/">', blocked: 1 },
  { name: 'iframe with data document', html: '<iframe src="data:text/html,<img src=https://t.example/p>"></iframe>', blocked: 1 },
  { name: 'svg presentation attribute', html: '<svg><rect fill="url(https://t.example/s.svg#g)"/></svg>', blocked: 1 },
  { name: 'svg image href', html: '<svg><image xlink:href="https://t.example/i.png"/></svg>', blocked: 1 },
  { name: 'comment closed by <!-->', html: '<!--><img src="https://t.example/p.gif">-->', blocked: 1 },
  { name: 'markup inside svg style', html: '<svg><style><img src="https://t.example/p.gif"></style></svg>', blocked: 1 },
  { name: 'video poster', html: '<video poster="https://t.example/p.jpg"></video>', blocked: 1 },
  { name: 'relative url (would read the local disk)', html: '<img src="images/p.gif">', blocked: 1 },
];

describe('sanitizeMessageHtml', () => {
  for (const c of cases) {
    it(`blocks ${c.name}`, () => {
      const out = sanitizeMessageHtml(c.html);
      expect(out.blocked).toBe(c.blocked);
      expect(out.html.replace(/title="blocked: [^"]*"/g, '')).not.toMatch(REMOTE);
    });
  }

  it('keeps inline images, cid: parts, fragments, mailto and text', () => {
    const html = '<p class="x">Hello &amp; welcome</p><img src="data:image/png;base64,AAAA"><img src="cid:logo@x"><a href="#top">top</a><a href="mailto:a@b.example">mail</a>';
    const out = sanitizeMessageHtml(html);
    expect(out.blocked).toBe(0);
    expect(out.html).toBe(html);
  });

  it('keeps the blocked link target visible as a title, escaped', () => {
    const out = sanitizeMessageHtml('<a href="https://x.example/?a=1&amp;b=&quot;2">go</a>');
    expect(out.html).toBe(`<a href="${BLOCKED_HREF}" title="blocked: https://x.example/?a=1&amp;b=&quot;2">go</a>`);
  });

  it('replaces resource URLs with the data: marker', () => {
    expect(sanitizeMessageHtml('<img src="http://t.example/p.gif">').html).toBe(`<img src="${BLOCKED_SRC}">`);
  });

  it('drops a tag that never closes, as the browser does', () => {
    expect(sanitizeMessageHtml('ok<img src="http://t.example/p.gif').html).toBe('ok');
  });

  it('leaves a lone < and a doctype as they are', () => {
    expect(sanitizeMessageHtml('<!DOCTYPE html>1 < 2').html).toBe('<!DOCTYPE html>1 < 2');
  });
});

describe('rewriteCss', () => {
  it('keeps data: urls and counts the rest', () => {
    const r = rewriteCss('a{background:url("data:image/png;base64,AA")} b{background:url(x.png)}');
    expect(r.blocked).toBe(1);
    expect(r.css).toContain('url("data:image/png;base64,AA")');
  });
});

describe('messageSrcdoc', () => {
  it('puts the CSP meta first', () => {
    const doc = messageSrcdoc('<html><head><title>t</title></head><body><img src="https://t.example/p"></body></html>');
    expect(doc.html.startsWith(`<meta http-equiv="Content-Security-Policy" content="${MESSAGE_HTML_CSP}">`)).toBe(true);
    expect(doc.blocked).toBe(1);
  });
});
