/**
 * The readable text of an HTML body, for messages that have no text part: tags dropped, blocks and line
 * breaks kept as new lines, entities decoded. A string scanner, never a DOM: evidence HTML is never parsed
 * by the browser here, so nothing in it can run or fetch. It takes the raw evidence HTML:
 * it only reads text out of it, and its output is shown as text, never as markup.
 */

/** Bodies longer than this are cut before scanning: the preview is for reading, not for the whole 50 MB. */
export const MAX_HTML_TEXT_INPUT = 2 * 1024 * 1024;

/** Elements whose content is not text a reader sees (styles, scripts, the head's title and metadata). */
const HIDDEN = ['script', 'style', 'head', 'title', 'template', 'noscript', 'xmp', 'iframe', 'noembed', 'noframes', 'object'];
/** Elements that start a new line where a browser would. */
const BLOCK = new Set([
  'p', 'div', 'br', 'tr', 'li', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote',
  'pre', 'hr', 'section', 'article', 'header', 'footer', 'address', 'dl', 'dt', 'dd', 'center', 'form',
]);
/** Table cells: side by side on one line, so a space keeps their words apart. */
const CELL = new Set(['td', 'th']);
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©', reg: '®', hellip: '…', mdash: '—',
  ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', euro: '€', pound: '£', bull: '•', middot: '·',
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

/** Removes hidden elements with their content; an unclosed one hides the rest, as a browser would. */
function dropHidden(html: string): string {
  let out = html.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  for (const name of HIDDEN) {
    out = out.replace(new RegExp(`<${name}\\b[^>]*>[\\s\\S]*?(?:</${name}\\s*>|$)`, 'gi'), ' ');
  }
  return out;
}

/** The text a reader of the HTML body would see, with one blank line at most between blocks. */
export function htmlToText(html: string): string {
  const source = dropHidden(html.length > MAX_HTML_TEXT_INPUT ? html.slice(0, MAX_HTML_TEXT_INPUT) : html);
  const withBreaks = source.replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g, (_m, name: string) =>
    BLOCK.has(name.toLowerCase()) ? '\n' : CELL.has(name.toLowerCase()) ? ' ' : '',
  );
  const text = decodeEntities(withBreaks.replace(/<[!?/][^>]*>/g, ''));
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\f\r]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
