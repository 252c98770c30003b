/**
 * Makes a message's HTML safe to render in an empty-sandbox iframe: every URL that would make the browser
 * fetch something (tracking pixels, stylesheets, fonts, frames, links) is rewritten to a blocked marker
 * before rendering, so nothing is even attempted; the CSP meta put first is the second wall. Scripts and
 * event handlers are removed too, though the sandbox and the CSP each stop them: the output is safe on its
 * own, should either wall be loosened.
 * DOM-free (a scanner that follows the HTML tokenizer's rules for tags and attributes), so it can move
 * to src/lib/mail. Why not DOMPurify: README, "The message view's HTML".
 */

/** What a blocked resource URL becomes: a data: URL never reaches the network or the disk. */
export const BLOCKED_SRC = 'data:,blocked';
/** What a blocked link becomes: a same-document fragment, so a click goes nowhere. */
export const BLOCKED_HREF = '#blocked';
export const MESSAGE_HTML_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";
/** Raw-text elements nested deeper than this are dropped instead of re-scanned (bounds the recursion). */
const MAX_DEPTH = 8;

export interface SanitizedHtml {
  html: string;
  /** How many URLs were rewritten. */
  blocked: number;
}

/** Attributes whose value the browser may fetch or navigate to (HTML, SVG, legacy). */
const URL_ATTRS = new Set([
  'src', 'href', 'xlink:href', 'srcset', 'imagesrcset', 'background', 'poster', 'data', 'action', 'formaction',
  'ping', 'lowsrc', 'dynsrc', 'longdesc', 'cite', 'code', 'codebase', 'archive', 'manifest', 'icon', 'profile', 'usemap',
]);
const LINK_ELEMENTS = new Set(['a', 'area']);
const LINK_ATTRS = new Set(['href', 'xlink:href']);
/** SVG animations set another attribute of their parent to these values (`<set attributeName="href" to="…">`). */
const ANIMATIONS = new Set(['set', 'animate']);
const ANIMATION_VALUES = new Set(['to', 'from', 'by', 'values']);
/** Elements that would load a whole document or stylesheet: none of their URLs may stay. */
const EMBED_ELEMENTS = new Set(['iframe', 'frame', 'object', 'embed', 'applet', 'portal', 'link', 'script']);
/** Noscript is raw text where scripting is on: read as such, its markup is scanned in either reading. */
const RAW_TEXT = new Set(['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'textarea', 'title']);
/** Elements removed with their attributes: they change where every other URL points or navigate by themselves. */
const DROPPED = new Set(['base']);
/** Elements removed with their content. */
const DROPPED_WITH_CONTENT = new Set(['script']);
const HTML_SPACE = /[\t\n\f\r ]/;
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', sol: '/', bsol: '\\', period: '.', tab: '\t',
  newline: '\n', excl: '!', num: '#', quest: '?', equals: '=', lpar: '(', rpar: ')', commat: '@', nbsp: '\u00a0',
};

function decodeEntities(text: string): string {
  return text.replace(/&(?:#[xX]([0-9a-fA-F]{1,6});?|#(\d{1,7});?|([a-zA-Z]{2,8});)/g, (m, hex, dec, name) => {
    if (hex || dec) {
      const code = parseInt(hex ?? dec, hex ? 16 : 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED[String(name).toLowerCase()] ?? m;
  });
}

type UrlUse = 'link' | 'resource' | 'embed';

/**
 * Whether a URL may stay: links only to a fragment or mailto:, resources only from data: or cid: (a
 * part of the message), embedded documents (frames, objects, stylesheets) and srcsets only when empty.
 */
function isInert(value: string, use: UrlUse): boolean {
  // The URL parser drops tabs and newlines anywhere and C0 controls and spaces at either end.
  const url = value.replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '').toLowerCase();
  // An empty link would load the page itself into the frame; an empty resource loads nothing.
  if (use === 'link') return url.startsWith('#') || url.startsWith('mailto:');
  if (url === '') return true;
  return use === 'resource' && (url.startsWith('data:') || url.startsWith('cid:'));
}

/** Decodes CSS escapes that spell letters, digits and URL punctuation, so `\75 rl(` is seen as `url(`. */
function unescapeCss(css: string): string {
  return css.replace(/\\([0-9a-fA-F]{1,6})[\t\n\f\r ]?|\\([a-zA-Z0-9:/.\-@(])/g, (m, hex, ch) => {
    if (ch) return ch;
    const c = String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff) || 0xfffd);
    return /[a-zA-Z0-9:/.\-@(]/.test(c) ? c : m;
  });
}

/** Blocks url(…) other than data:, every @import, and remote strings inside image-set(). */
export function rewriteCss(css: string): { css: string; blocked: number } {
  let blocked = 0;
  const out = unescapeCss(css)
    .replace(/@import\b[^;]*;?/gi, () => (blocked++, '/* @import blocked */'))
    .replace(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\s*\)/gi, (m, dq, sq, bare) =>
      isInert(dq ?? sq ?? bare ?? '', 'resource') ? m : (blocked++, `url("${BLOCKED_SRC}")`),
    )
    .replace(/image-set\(([^)]*)\)/gi, (_, inner: string) =>
      `image-set(${inner.replace(/"([^"]*)"|'([^']*)'/g, (s, dq, sq) => (isInert(dq ?? sq, 'resource') ? s : (blocked++, `"${BLOCKED_SRC}"`)))})`,
    );
  return { css: out, blocked };
}

interface Attr {
  name: string;
  /** As written between (and without) its quotes; null for a bare attribute. */
  raw: string | null;
  quote: string;
}

/** Reads attributes from `start` to the tag's '>' as the HTML tokenizer does; null when the tag never closes. */
function readAttrs(html: string, start: number): { attrs: Attr[]; end: number; selfClosing: boolean } | null {
  const attrs: Attr[] = [];
  let i = start;
  for (;;) {
    while (i < html.length && (HTML_SPACE.test(html[i]) || html[i] === '/')) i++;
    if (i >= html.length) return null;
    if (html[i] === '>') return { attrs, end: i + 1, selfClosing: html[i - 1] === '/' };
    let j = i + 1;
    while (j < html.length && !HTML_SPACE.test(html[j]) && !'/>='.includes(html[j])) j++;
    const name = html.slice(i, j).toLowerCase();
    while (j < html.length && HTML_SPACE.test(html[j])) j++;
    if (html[j] !== '=') {
      attrs.push({ name, raw: null, quote: '' });
      i = j;
      continue;
    }
    j++;
    while (j < html.length && HTML_SPACE.test(html[j])) j++;
    const quote = html[j] === '"' || html[j] === "'" ? html[j] : '';
    if (quote) {
      const close = html.indexOf(quote, j + 1);
      if (close < 0) return null;
      attrs.push({ name, raw: html.slice(j + 1, close), quote });
      i = close + 1;
    } else {
      let k = j;
      while (k < html.length && !HTML_SPACE.test(html[k]) && html[k] !== '>') k++;
      attrs.push({ name, raw: html.slice(j, k), quote: '' });
      i = k;
    }
  }
}

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Whether an SVG animation sets a URL or an event handler of its parent, whose values are then URLs or script. */
function animatesUrlOrHandler(tag: string, attrs: Attr[]): boolean {
  if (!ANIMATIONS.has(tag)) return false;
  const target = decodeEntities(attrs.find((a) => a.name === 'attributename')?.raw ?? '').trim().toLowerCase();
  return URL_ATTRS.has(target) || target.startsWith('on');
}

function rewriteAttrs(tag: string, attrs: Attr[], count: (n: number) => void): string {
  const animatesUrl = animatesUrlOrHandler(tag, attrs);
  let out = '';
  for (const a of attrs) {
    if (/["'<]/.test(a.name) || a.name === 'srcdoc' || a.name.startsWith('on')) continue;
    const value = a.raw === null ? null : decodeEntities(a.raw);
    if (animatesUrl && ANIMATION_VALUES.has(a.name)) {
      count(1);
      continue;
    }
    const link = LINK_ELEMENTS.has(tag) && LINK_ATTRS.has(a.name);
    // A srcset's candidates are comma-separated and data: URLs hold commas, so it is never trusted.
    const use: UrlUse = link ? 'link' : EMBED_ELEMENTS.has(tag) || a.name.endsWith('srcset') ? 'embed' : 'resource';
    if (value !== null && URL_ATTRS.has(a.name) && !isInert(value, use)) {
      count(1);
      out += ` ${a.name}="${link ? BLOCKED_HREF : BLOCKED_SRC}"${link ? ` title="${escapeAttr(`blocked: ${value}`)}"` : ''}`;
      continue;
    }
    if (value !== null && /url\(|image-set|@import/i.test(value)) {
      const css = rewriteCss(value);
      if (css.blocked > 0) {
        count(css.blocked);
        out += ` ${a.name}="${escapeAttr(css.css)}"`;
        continue;
      }
    }
    out += a.raw === null ? ` ${a.name}` : ` ${a.name}=${a.quote}${a.raw}${a.quote}`;
  }
  return out;
}

function isRefresh(tag: string, attrs: Attr[]): boolean {
  return tag === 'meta' && attrs.some((a) => a.name === 'http-equiv' && decodeEntities(a.raw ?? '').trim().toLowerCase() === 'refresh');
}

/** Where a comment that starts at `lt` ends, following the tokenizer's comment states (`<!-->` is a whole comment). */
function commentEnd(html: string, lt: number): number {
  if (html.startsWith('<!-->', lt)) return lt + 5;
  if (html.startsWith('<!--->', lt)) return lt + 6;
  const ends = [html.indexOf('-->', lt + 4), html.indexOf('--!>', lt + 4)].filter((e) => e >= 0);
  if (ends.length === 0) return html.length;
  const end = Math.min(...ends);
  return end + (html.startsWith('--!>', end) ? 4 : 3);
}

/** Where the end tag of the raw-text element whose text starts at `from` begins, or -1 when it never ends. */
function rawTextEnd(html: string, from: number, tag: string): number {
  const close = html.slice(from).search(new RegExp(`</${tag}[\\t\\n\\f\\r />]`, 'i'));
  return close < 0 ? -1 : from + close;
}

function scan(html: string, depth: number, count: (n: number) => void): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) return out + html.slice(i);
    out += html.slice(i, lt);
    const next = html[lt + 1] ?? '';
    if (html.startsWith('<!--', lt)) {
      const end = commentEnd(html, lt);
      out += html.slice(lt, end);
      i = end;
      continue;
    }
    const closing = next === '/';
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!/[a-zA-Z]/.test(html[nameStart] ?? '')) {
      // `<!doctype`, `<?xml`, `</ x>`: bogus comments up to the next '>'; a lone '<' is text.
      const bogus = next === '!' || next === '?' || closing;
      const end = bogus ? html.indexOf('>', lt) : -1;
      if (bogus && end < 0) return out;
      out += bogus ? html.slice(lt, end + 1) : '<';
      i = bogus ? end + 1 : lt + 1;
      continue;
    }
    let j = nameStart;
    while (j < html.length && !HTML_SPACE.test(html[j]) && html[j] !== '/' && html[j] !== '>') j++;
    const tag = html.slice(nameStart, j).toLowerCase();
    const parsed = readAttrs(html, j);
    if (!parsed) return out;
    i = parsed.end;
    if (closing) {
      out += `</${tag}>`;
      continue;
    }
    if (DROPPED.has(tag) || isRefresh(tag, parsed.attrs)) {
      count(1);
      continue;
    }
    if (DROPPED_WITH_CONTENT.has(tag)) {
      // Read for the count alone: a script's source is a blocked remote resource like any other.
      rewriteAttrs(tag, parsed.attrs, count);
      // `<script/>` has no content in SVG; in HTML the slash is ignored, and what follows is then scanned as markup.
      if (parsed.selfClosing) continue;
      const close = rawTextEnd(html, i, tag);
      const endTag = close < 0 ? null : readAttrs(html, close + 2 + tag.length);
      if (!endTag) return out;
      i = endTag.end;
      continue;
    }
    out += `<${tag}${rewriteAttrs(tag, parsed.attrs, count)}${parsed.selfClosing ? ' /' : ''}>`;
    if (!RAW_TEXT.has(tag)) continue;
    const close = rawTextEnd(html, i, tag);
    const content = close < 0 ? html.slice(i) : html.slice(i, close);
    i = close < 0 ? html.length : close;
    if (depth >= MAX_DEPTH) continue;
    // Inside <svg> or <math> a raw-text element holds markup, so its text is scanned as markup too, and a
    // style there has its character references decoded before the CSS is read, so they are decoded here too.
    const css = tag === 'style' ? rewriteCss(decodeEntities(content)) : { css: content, blocked: 0 };
    count(css.blocked);
    out += scan(css.css, depth + 1, count);
  }
  return out;
}

export function sanitizeMessageHtml(html: string): SanitizedHtml {
  let blocked = 0;
  const out = scan(html, 0, (n) => (blocked += n));
  return { html: out, blocked };
}

/** The iframe's srcdoc: the CSP meta first, so it applies before anything of the message is parsed. */
export function messageSrcdoc(html: string): SanitizedHtml {
  const clean = sanitizeMessageHtml(html);
  return { html: `<meta http-equiv="Content-Security-Policy" content="${MESSAGE_HTML_CSP}">${clean.html}`, blocked: clean.blocked };
}
