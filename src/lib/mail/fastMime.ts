/**
 * The fast MIME path: a message's text body, whether it has an HTML body, and its attachments with
 * decoded bytes, exactly as postal-mime 4 gives them, in one pass over the raw bytes. postal-mime
 * builds every part as a Blob from line chunks and reads it back; this walks the same lines with the
 * same boundary rules, keeps each part's body as a byte range and decodes it once.
 *
 * It throws FastPathDeclined where postal-mime's result could differ from a plain reading, and the
 * caller then asks postal-mime: an inline message/rfc822 part (postal-mime parses it and merges its
 * text into the body), a text body postal-mime would derive from HTML, charsets outside postalCharset's
 * direct labels, header blocks beyond postal-mime's budget, and nesting deeper than MAX_FAST_DEPTH.
 * Attached messages (message/rfc822 as an attachment, or in a delivery or feedback report; every
 * message/global) are listed like any attachment: flattenAttachments opens them with postal-mime on
 * both paths.
 */
import { decodeWords, type Attachment } from 'postal-mime';
import { decodeFlowedText } from './flowedText.ts';
import { FastPathDeclined } from './fastPathDeclined.ts';
import { postalCharset } from './postalCharset.ts';
import { parseStructuredHeader, stripComments, type StructuredHeader } from './postalStructuredHeader.ts';
import { base64Body, passThroughBody, quotedPrintableBody } from './transferDecode.ts';

/** Nesting the fast path walks; postal-mime allows 256, mimeTree reports beyond 40. */
export const MAX_FAST_DEPTH = 64;

export interface MimeContent {
  /** postal-mime's `text`: the plain-text parts joined, '' when there are none. */
  text: string;
  /** Whether postal-mime's `html` is a non-empty string. */
  hasHtml: boolean;
  /** The HTML parts, transfer-decoded and joined ('' when there are none): read for the URLs they hold. */
  html: string;
  attachments: Attachment[];
}

interface Part {
  parent: Part | null;
  depth: number;
  state: 'header' | 'body' | 'finished';
  defaultType: string;
  /** Header lines as [start, contentEnd) pairs of byte offsets. */
  headerLines: number[];
  bodyStart: number;
  bodyEnd: number;
  children: Part[];
  finalizedChildren: number;
  type: StructuredHeader;
  multipart: string | false;
  disposition: StructuredHeader;
  encoding: string;
}

interface Boundary { value: Uint8Array; part: Part }

const LF = 0x0a;
const CR = 0x0d;
const DASH = 0x2d;
const SP = 0x20;
const HT = 0x09;
const CONTENT_HEADERS = new Set(['content-type', 'content-transfer-encoding', 'content-disposition']);
const headerDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

function trimWsp(str: string): string {
  let start = 0;
  let end = str.length;
  while (start < end && (str.charCodeAt(start) === SP || str.charCodeAt(start) === HT)) start++;
  while (end > start && (str.charCodeAt(end - 1) === SP || str.charCodeAt(end - 1) === HT)) end--;
  return str.slice(start, end);
}

function newPart(parent: Part | null): Part {
  const defaultType = parent?.multipart === 'digest' ? 'message/rfc822' : 'text/plain';
  const depth = parent ? parent.depth + 1 : 0;
  if (depth > MAX_FAST_DEPTH) throw new FastPathDeclined(`nesting deeper than ${MAX_FAST_DEPTH}`);
  const part: Part = {
    parent, depth, state: 'header', defaultType, headerLines: [], bodyStart: -1, bodyEnd: -1, children: [], finalizedChildren: 0,
    type: { value: defaultType, params: {} }, multipart: false, disposition: { value: '', params: {} }, encoding: '',
  };
  parent?.children.push(part);
  return part;
}

class Walker {
  readonly root: Part = newPart(null);
  private current: Part = this.root;
  private readonly boundaries: Boundary[] = [];
  private headerSize = 0;

  constructor(private readonly bytes: Uint8Array, private readonly maxHeadersSize: number) {}

  walk(): void {
    const { bytes } = this;
    const n = bytes.length;
    for (let pos = 0; pos < n; ) {
      const lf = bytes.indexOf(LF, pos);
      const lineEnd = lf < 0 ? n : lf + 1;
      const part = this.current;
      // A body line that cannot be a delimiter only extends the body: the bulk of every message.
      if (part.state === 'body' && !(bytes[pos] === DASH && bytes[pos + 1] === DASH && this.boundaries.length)) {
        if (part.bodyStart < 0) part.bodyStart = pos;
        part.bodyEnd = lineEnd;
        pos = lineEnd;
        continue;
      }
      let contentEnd = lineEnd;
      while (contentEnd > pos && (bytes[contentEnd - 1] === LF || bytes[contentEnd - 1] === CR)) contentEnd--;
      this.line(pos, contentEnd, lineEnd);
      pos = lineEnd;
    }
    this.finalize(this.root);
  }

  private line(start: number, contentEnd: number, lineEnd: number): void {
    const { bytes, boundaries } = this;
    const len = contentEnd - start;
    if (boundaries.length && len > 2 && bytes[start] === DASH && bytes[start + 1] === DASH) {
      for (let i = boundaries.length - 1; i >= 0; i--) {
        const { value, part } = boundaries[i];
        if (len < value.length + 2) continue;
        let matches = true;
        for (let j = 0; j < value.length; j++) {
          if (bytes[start + 2 + j] !== value[j]) {
            matches = false;
            break;
          }
        }
        if (!matches) continue;
        let end = value.length + 2;
        const terminator = len >= value.length + 4 && bytes[start + end] === DASH && bytes[start + end + 1] === DASH;
        if (terminator) end += 2;
        let trailingOk = true;
        for (let j = end; j < len; j++) {
          const c = bytes[start + j];
          if (c !== SP && c !== HT) {
            trailingOk = false;
            break;
          }
        }
        if (!trailingOk) continue;
        if (terminator) {
          this.finalize(part);
          this.current = part.parent ?? this.root;
        } else {
          this.finalizeChildren(part);
          this.current = newPart(part);
        }
        return;
      }
    }
    this.feed(this.current, start, contentEnd, lineEnd);
  }

  private feed(part: Part, start: number, contentEnd: number, lineEnd: number): void {
    if (part.state === 'header') {
      if (contentEnd === start) {
        part.state = 'body';
        this.processHeaders(part);
        return;
      }
      this.headerSize += contentEnd - start;
      if (this.headerSize > this.maxHeadersSize) throw new FastPathDeclined('header lines beyond postal-mime\'s budget');
      part.headerLines.push(start, contentEnd);
    } else if (part.state === 'body') {
      if (part.bodyStart < 0) part.bodyStart = start;
      part.bodyEnd = lineEnd;
    }
  }

  private finalize(part: Part): void {
    if (part.state === 'finished') return;
    if (part.state === 'header') this.processHeaders(part);
    for (let i = this.boundaries.length - 1; i >= 0; i--) {
      if (this.boundaries[i].part === part) {
        this.boundaries.splice(i, 1);
        break;
      }
    }
    this.finalizeChildren(part);
    part.state = 'finished';
  }

  private finalizeChildren(part: Part): void {
    while (part.finalizedChildren < part.children.length) this.finalize(part.children[part.finalizedChildren++]);
  }

  /** The first Content-Type, -Transfer-Encoding and -Disposition of the part, unfolded as postal-mime does. */
  private processHeaders(part: Part): void {
    const { bytes } = this;
    const lines = part.headerLines;
    const seen = new Set<string>();
    let typeValue = part.defaultType;
    let encodingValue = '8bit';
    let dispositionValue = '';
    for (let i = 0; i < lines.length; ) {
      let j = i + 2;
      while (j < lines.length && (bytes[lines[j]] === SP || bytes[lines[j]] === HT)) j += 2;
      if (this.mayBeContentHeader(lines, i, j)) {
        let unfolded = '';
        for (let k = i; k < j; k += 2) unfolded += headerDecoder.decode(bytes.subarray(lines[k], lines[k + 1]));
        const sep = unfolded.indexOf(':');
        const key = trimWsp(sep < 0 ? unfolded : unfolded.slice(0, sep)).toLowerCase();
        if (CONTENT_HEADERS.has(key) && !seen.has(key)) {
          seen.add(key);
          const value = sep < 0 ? '' : trimWsp(unfolded.slice(sep + 1).replace(/[\r\n]+/g, ' '));
          if (key === 'content-type') typeValue = value;
          else if (key === 'content-transfer-encoding') encodingValue = value;
          else dispositionValue = value;
        }
      }
      i = j;
    }
    part.type = parseStructuredHeader(typeValue);
    part.multipart = /^multipart\//i.test(part.type.value) ? part.type.value.slice(part.type.value.indexOf('/') + 1) : false;
    if (part.multipart && part.type.params.boundary) this.boundaries.push({ value: encoder.encode(part.type.params.boundary), part });
    part.disposition = parseStructuredHeader(dispositionValue);
    part.encoding = (stripComments(encodingValue).toLowerCase().match(/[\w-]+/) || [''])[0];
  }

  /** Whether the folded field in lines [i, j) can name a content header: its first non-blank byte is 'c'. */
  private mayBeContentHeader(lines: number[], i: number, j: number): boolean {
    const { bytes } = this;
    for (let k = i; k < j; k += 2) {
      for (let p = lines[k]; p < lines[k + 1]; p++) {
        const c = bytes[p];
        if (c !== SP && c !== HT) return c === 0x63 || c === 0x43;
      }
    }
    return false;
  }
}

function bodyBytes(bytes: Uint8Array, part: Part): Uint8Array {
  const start = part.bodyStart;
  const end = part.bodyEnd;
  if (start < 0) return new Uint8Array(0);
  if (/base64/i.test(part.encoding)) return base64Body(bytes, start, end);
  if (/quoted-printable/i.test(part.encoding)) return quotedPrintableBody(bytes, start, end);
  return passThroughBody(bytes, start, end);
}

function textOf(bytes: Uint8Array, part: Part): string {
  const str = postalCharset(part.type.params.charset).decode(bodyBytes(bytes, part));
  return /^flowed$/i.test(part.type.params.format) ? decodeFlowedText(str, /^yes$/i.test(part.type.params.delsp)) : str;
}

interface TextEntry { plain?: string[]; html?: string[] }

/** postal-mime keeps every message/rfc822 part an attachment when the message is a delivery or feedback report. */
function hasReportParts(part: Part): boolean {
  if (!part.multipart && (part.type.value === 'message/delivery-status' || part.type.value === 'message/feedback-report')) return true;
  return part.children.some(hasReportParts);
}

interface Collected { texts: Map<Part, TextEntry>; attachments: Attachment[]; rfc822Attachments: boolean }

function collect(bytes: Uint8Array, part: Part, alternative: Part | false, into: Collected): void {
  const { texts, attachments } = into;
  if (!part.multipart) {
    const type = part.type.value;
    if (type === 'message/rfc822' && !into.rfc822Attachments && (part.disposition.value || 'inline') === 'inline') {
      throw new FastPathDeclined('inline message/rfc822 part');
    }
    if (part.disposition.value !== 'attachment' && (type === 'text/plain' || type === 'text/html')) {
      const selector = alternative || part;
      const entry = texts.get(selector) ?? {};
      texts.set(selector, entry);
      const kind = type === 'text/html' ? 'html' : 'plain';
      (entry[kind] ??= []).push(textOf(bytes, part));
    } else {
      const filename = part.disposition.params.filename || part.type.params.name || null;
      let content = bodyBytes(bytes, part);
      if (type === 'text/calendar' || type === 'application/ics') {
        const text = textOf(bytes, part).replace(/\r?\n/g, '\n');
        let end = text.length;
        while (end > 0 && text.charCodeAt(end - 1) === LF) end--;
        content = encoder.encode(text.slice(0, end) + '\n');
      }
      attachments.push({ filename: filename ? decodeWords(filename) : null, mimeType: type, disposition: part.disposition.value || null, content });
    }
  } else if (part.multipart === 'alternative') {
    alternative = part;
  }
  for (const child of part.children) collect(bytes, child, alternative, into);
}

/** Throws FastPathDeclined when postal-mime must read the message; `maxHeadersSize` is the budget postal-mime is given. */
export function fastMime(bytes: Uint8Array, maxHeadersSize: number): MimeContent {
  const walker = new Walker(bytes, maxHeadersSize);
  walker.walk();
  const texts = new Map<Part, TextEntry>();
  const attachments: Attachment[] = [];
  collect(bytes, walker.root, false, { texts, attachments, rfc822Attachments: hasReportParts(walker.root) });

  let anyPlain = false;
  let anyHtml = false;
  for (const entry of texts.values()) {
    anyPlain ||= entry.plain !== undefined;
    anyHtml ||= entry.html !== undefined;
  }
  const plain: string[] = [];
  // postal-mime joins one HTML piece per text part with '\n'; a part without HTML becomes `<div>…</div>`.
  let htmlPieces = 0;
  let htmlChars = false;
  const html: string[] = [];
  for (const entry of texts.values()) {
    if (entry.html) html.push(...entry.html);
    if (anyPlain) {
      if (!entry.plain) throw new FastPathDeclined('text body derived from HTML');
      plain.push(...entry.plain);
    }
    if (anyHtml) {
      const pieces = entry.html ?? entry.plain ?? [];
      htmlPieces += pieces.length;
      htmlChars ||= entry.html === undefined || entry.html.some((h) => h.length > 0);
    }
  }
  return { text: plain.join('\n'), hasHtml: htmlPieces > 1 || (htmlPieces === 1 && htmlChars), html: html.join('\n'), attachments };
}
