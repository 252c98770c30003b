import { describe, expect, it } from 'vitest';
import { MAX_HTML_TEXT_INPUT, htmlToText } from '../../../src/lib/mail/htmlToText.ts';

describe('htmlToText', () => {
  const cases: { name: string; input: string; expected: string }[] = [
    { name: 'paragraphs become lines', input: '<p>Hello</p><p>World</p>', expected: 'Hello\n\nWorld' },
    { name: 'br is a line break', input: 'one<br>two<BR/>three', expected: 'one\ntwo\nthree' },
    { name: 'inline tags vanish without joining cells', input: '<b>Pay</b> <i>now</i><table><tr><td>a</td><td>b</td></tr></table>', expected: 'Pay now\n\na b' },
    { name: 'scripts, styles and the head are not text', input: '<head><title>T</title><style>p{}</style></head><script>alert(1)</script>Body', expected: 'Body' },
    { name: 'an unclosed script hides the rest', input: 'Seen<script>var x = "<p>hidden"', expected: 'Seen' },
    { name: 'comments are dropped', input: 'a<!-- secret -->b', expected: 'ab' },
    { name: 'entities are decoded once', input: 'Tom &amp; Jerry &lt;b&gt; &#39;q&#x27; &amp;lt;', expected: "Tom & Jerry <b> 'q' &lt;" },
    { name: 'whitespace collapses, blank lines at most one', input: '<div>  a \n\n\n\n  b  </div>', expected: 'a\n\nb' },
    { name: 'an unknown entity stays as written', input: 'a &bogus; b', expected: 'a &bogus; b' },
  ];
  for (const c of cases) it(c.name, () => expect(htmlToText(c.input)).toBe(c.expected));

  it('reads at most MAX_HTML_TEXT_INPUT characters of a huge body', () => {
    const huge = `<p>${'x'.repeat(MAX_HTML_TEXT_INPUT + 10)}</p><p>tail</p>`;
    const text = htmlToText(huge);
    expect(text).not.toContain('tail');
    expect(text.length).toBeLessThanOrEqual(MAX_HTML_TEXT_INPUT);
  });
});
