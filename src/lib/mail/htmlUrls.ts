/**
 * URLs an HTML body points at: href, src, form action and the other URL attributes, srcset candidates,
 * a meta refresh target and CSS url(...) in style attributes and style blocks. The HTML arrives already
 * transfer-decoded (quoted-printable or base64) by the MIME reader; entities are decoded here the way a
 * browser reads an attribute (entities package), so `&amp;` and `&#x2f;` tricks give the real link.
 * Only absolute http, https and ftp URLs are indicators; cid:, data:, mailto: and relative links are not.
 */
import { decodeHTMLAttribute } from 'entities';

/** HTML scanned per message: the body reader already bounds text to this order of size. */
const MAX_HTML_CHARS = 1024 * 1024;
/** URLs kept per body, before de-duplication by the indicator list. */
export const MAX_HTML_URLS = 1000;

const URL_ATTRIBUTE = /[\s"'/](href|src|action|formaction|background|poster|cite|longdesc|lowsrc|dynsrc|data|srcset|content|style)[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
const CSS_URL = /url\([\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))[\t\n\f\r ]*\)/gi;
const REFRESH_URL = /^\s*\d*\s*[;,]\s*url\s*=\s*['"]?([^'"]+)/i;
const STYLE_BLOCK = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const ABSOLUTE = /^(?:https?|ftp):\/\/[^\s/?#]/i;

/** The URL as a browser would take it: tabs and newlines dropped anywhere, controls and spaces trimmed. */
function clean(value: string): string {
  return value.replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
}

export function htmlUrls(html: string): string[] {
  const text = html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html;
  const out: string[] = [];
  const add = (raw: string) => {
    const url = clean(raw);
    if (out.length < MAX_HTML_URLS && ABSOLUTE.test(url)) out.push(url);
  };
  const addCss = (css: string) => {
    for (const m of css.matchAll(CSS_URL)) add(m[1] ?? m[2] ?? m[3] ?? '');
  };
  for (const m of text.matchAll(URL_ATTRIBUTE)) {
    if (out.length >= MAX_HTML_URLS) break;
    const name = m[1].toLowerCase();
    const value = decodeHTMLAttribute(m[2] ?? m[3] ?? m[4] ?? '');
    if (name === 'style') addCss(value);
    else if (name === 'srcset') for (const candidate of value.split(',')) add(candidate.trim().split(/\s+/)[0] ?? '');
    else if (name === 'content') {
      const refresh = REFRESH_URL.exec(value);
      if (refresh) add(refresh[1]);
    } else add(value);
  }
  for (const m of text.matchAll(STYLE_BLOCK)) addCss(m[1]);
  return out;
}
