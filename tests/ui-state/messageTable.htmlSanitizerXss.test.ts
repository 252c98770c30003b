// Known XSS and exfiltration vectors (OWASP XSS filter evasion cheat sheet, DOMPurify's test corpus and its
// published mXSS bypasses) through the message view's sanitizer. Its output is judged on its own, without the
// sandbox and the CSP behind it: no script, no event handler, no URL that fetches or navigates.
import { describe, expect, it } from 'vitest';
import { sanitizeMessageHtml } from '../../src/ui/components/MessageHtmlSanitizer.ts';

/** A blocked link keeps its target as visible text in a title; that text is inert. */
const withoutBlockedTitles = (html: string) => html.replace(/title="blocked: [^"]*"/g, '');

function expectInert(html: string) {
  const out = withoutBlockedTitles(sanitizeMessageHtml(html).html);
  expect(out, 'a network or navigation URL survived').not.toMatch(/(?:https?|ftp|wss?):|\/\/[a-z0-9]/i);
  expect(out, 'a script URL survived').not.toMatch(/(?:java|vb)script\s*:/i);
  expect(out, 'a script element survived').not.toMatch(/<script/i);
  expect(out, 'an event handler survived').not.toMatch(/[\s/"']on[a-z]+\s*=/i);
  expect(out, 'a refresh survived').not.toMatch(/http-equiv\s*=\s*["']?\s*refresh/i);
  expect(out, 'srcdoc survived').not.toMatch(/srcdoc/i);
}

const vectors: [string, string][] = [
  ['script element', '<script>fetch("https://x.example/")</script>'],
  ['svg script with href', '<svg><script href="https://x.example/a.js"></script></svg>'],
  ['event handler', '<img src="data:," onerror="alert(1)">'],
  ['event handler after a slash', '<img/src="data:,"/onerror=alert(1)>'],
  ['event handler without a space before it', '<img src="data:,"onerror=alert(1)>'],
  ['body onload', '<body onload=alert(1)>'],
  ['javascript: link', '<a href="javascript:alert(1)">x</a>'],
  ['javascript: with a tab entity', '<a href="jav&#x09;ascript:alert(1)">x</a>'],
  ['javascript: with a newline entity and padding', '<a href="&#14;  jav&NewLine;ascript&colon;alert(1)">x</a>'],
  ['javascript: fully entity-encoded, no semicolons', '<a href="&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58alert(1)">x</a>'],
  ['javascript: hex entities with leading zeros', '<a href="&#x0006A;avascript:alert(1)">x</a>'],
  ['javascript: upper case', '<a href="JaVaScRiPt:alert(1)">x</a>'],
  ['vbscript:', '<a href="vbscript:msgbox(1)">x</a>'],
  ['javascript: in an svg xlink:href', '<svg><a xlink:href="javascript:alert(1)"><text y="20">x</text></a></svg>'],
  ['javascript: in a math href', '<math href="javascript:alert(1)"><mi>x</mi></math>'],
  ['javascript: in a form action and formaction', '<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">x</button></form>'],
  ['iframe javascript: src', '<iframe src="javascript:alert(1)"></iframe>'],
  ['object data: document', '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>'],
  ['embed data: svg', '<embed src="data:image/svg+xml,<svg onload=alert(1)>">'],
  ['data: document link', '<a href="data:text/html,<script>alert(1)</script>">x</a>'],
  ['data: document in an svg link', '<svg><a xlink:href="data:text/html,<script>alert(1)</script>"><text>x</text></a></svg>'],
  ['srcdoc', '<iframe srcdoc="&lt;img src=x onerror=alert(1)&gt;"></iframe>'],
  ['srcdoc upper case', '<iframe SRCDOC="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>'],
  ['meta refresh to javascript:', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['meta refresh, entity-encoded and upper case', '<meta content="0; URL=https://x.example/" http-equiv="&#82;EFRESH">'],
  ['meta refresh unquoted', '<meta http-equiv=refresh content=0;url=https://x.example/>'],
  ['base href', '<base href="https://x.example/"><a href="p">x</a>'],
  ['svg set of a link target', '<svg><a><set attributeName="href" to="javascript:alert(1)"/><text y="20">x</text></a></svg>'],
  ['svg animate of a link target', '<svg><a><animate attributeName="xlink:href" values="https://x.example/;javascript:alert(1)"/><text y="20">x</text></a></svg>'],
  ['svg animate with an entity-encoded attribute name', '<svg><a><animate attributeName="&#104;ref" from="#a" to="https://x.example/"/><text>x</text></a></svg>'],
  ['svg set of an event handler', '<svg><set attributeName="onmouseover" to="alert(1)"/></svg>'],
  ['CSS url()', '<div style="background:url(https://x.example/a.png)">x</div>'],
  ['CSS url() with entities in the style attribute', '<div style="background:url&#40;https&#58;//x.example/a.png&#41;">x</div>'],
  ['CSS url() hidden by escapes', '<style>p{background:\\000075\\72\\6c(https://x.example/a.png)}</style><p>x</p>'],
  ['CSS @import escaped', '<style>@\\69mport "https://x.example/a.css";</style>'],
  ['CSS url() with a quoted parenthesis', '<style>p{background:url("https://x.example/a).png")}</style>'],
  ['CSS url() spelt with entities inside svg style (decoded there)', '<svg><style>p{background:&#117;rl(https://x.example/a.png)}</style></svg>'],
  ['CSS -webkit-image-set', '<div style="background:-webkit-image-set(\'https://x.example/a.png\' 1x)">x</div>'],
  ['noscript mXSS', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
  ['svg style namespace confusion', '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">'],
  ['math mglyph style (DOMPurify 2.0.0 bypass)', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>'],
  ['form math mglyph (DOMPurify 2.2.2 bypass)', '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>'],
  ['svg p style title breakout', '<svg><p><style><g title="</style><img src=x onerror=alert(1)>">'],
  ['comment closed by --!>', '<!-- x --!><img src=x onerror=alert(1)>'],
  ['comment inside a title', '<title><!--</title><img src=x onerror=alert(1)>--></title>'],
  ['textarea breakout', '<textarea><img title="</textarea><img src=x onerror=alert(1)>"></textarea>'],
  ['xmp breakout', '<xmp><p title="</xmp><img src=x onerror=alert(1)>"></xmp>'],
  ['CDATA in svg', '<svg><![CDATA[><img src=x onerror=alert(1)>]]></svg>'],
  ['image element (parsed as img)', '<image src="https://x.example/p.gif">'],
  ['input type image', '<input type="image" src="https://x.example/p.gif">'],
  ['picture source srcset', '<picture><source srcset="https://x.example/a.png"><img src="data:,"></picture>'],
  ['link dns-prefetch', '<link rel="dns-prefetch" href="//x.example">'],
  ['anchor ping', '<a href="#a" ping="https://x.example/p">x</a>'],
  ['svg feImage', '<svg><filter><feImage href="https://x.example/a.png"/></filter></svg>'],
  ['svg use', '<svg><use href="https://x.example/s.svg#a"/></svg>'],
  ['NUL in an attribute value', '<a href="java\u0000script:alert(1)">x</a>'],
];

describe('sanitizeMessageHtml against known XSS and exfiltration vectors', () => {
  it.each(vectors)('%s', (_name, html) => expectInert(html));

  it('drops a script with its content and counts its source as a blocked resource', () => {
    expect(sanitizeMessageHtml('a<script src="https://x.example/a.js">document.write("<p>")</script >b')).toEqual({ html: 'ab', blocked: 1 });
    expect(sanitizeMessageHtml('<svg><script href="https://x.example/a.js"/></svg><p>after</p>')).toEqual({ html: '<svg></svg><p>after</p>', blocked: 1 });
    expect(sanitizeMessageHtml('a<script>never closed<p>b').html).toBe('a');
  });

  it('drops event handlers and keeps the element', () => {
    expect(sanitizeMessageHtml('<p onclick="x()" class="c" ONMOUSEOVER=y()>t</p>')).toEqual({ html: '<p class="c">t</p>', blocked: 0 });
  });

  it('drops the values of an SVG animation of a link target and keeps other animations', () => {
    expect(sanitizeMessageHtml('<svg><set attributeName="href" to="https://x.example/"/></svg>')).toEqual({ html: '<svg><set attributename="href" /></svg>', blocked: 1 });
    // Attribute names come out lower case; the HTML parser restores SVG's camel case (attributeName).
    const fill = '<svg><animate attributename="fill" values="red;blue" dur="1s" /></svg>';
    expect(sanitizeMessageHtml(fill)).toEqual({ html: fill, blocked: 0 });
  });

  it('treats an SVG link target like an HTML one: only fragments and mailto: stay', () => {
    expect(sanitizeMessageHtml('<svg><a xlink:href="#top"><text>x</text></a></svg>').blocked).toBe(0);
    expect(sanitizeMessageHtml('<svg><a xlink:href="data:text/html,x"><text>x</text></a></svg>').html).toContain('xlink:href="#blocked"');
  });

  it('reads a style with its character references decoded', () => {
    expect(sanitizeMessageHtml('<svg><style>p{background:&#117;rl(https://x.example/a.png)}</style></svg>')).toEqual({
      html: '<svg><style>p{background:url("data:,blocked")}</style></svg>',
      blocked: 1,
    });
  });

  it('keeps the text and inline images of a message that uses none of them', () => {
    const html = '<table><tr><td style="color:#333">Invoice &amp; terms</td></tr></table><img src="data:image/png;base64,AAAA" alt="logo">';
    expect(sanitizeMessageHtml(html)).toEqual({ html, blocked: 0 });
  });
});
