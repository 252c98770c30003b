/**
 * The MIME structure of a message read from its raw bytes: every part with its depth, type, file
 * name, stored size and what is wrong with it (missing boundaries, truncation, bad encodings), and
 * embedded message/rfc822 parts opened. postal-mime decodes content; this keeps the shape and defects.
 */
import type { MimeNode } from '../model/analysisResult.ts';
import { isKnownCharset } from './decodeText.ts';
import { parseHeaderParams } from './headerParams.ts';
import { splitHeaders, type RawHeaderBlock } from './splitHeaders.ts';

/** Parts examined per message: a multipart of 100,000 empty parts must stay cheap. */
const MAX_MIME_PARTS = 2000;
/** Nesting examined: deeper structures are reported, not walked (stack and time). */
const MAX_MIME_DEPTH = 40;
/** Bytes of a base64 part checked for foreign characters. */
const BASE64_CHECK_BYTES = 1024 * 1024;

export interface MimeTreeResult {
  nodes: MimeNode[];
  /** Every node's defects, each prefixed with where it was found. */
  defects: string[];
}

const KNOWN_ENCODINGS = new Set(['', '7bit', '8bit', 'binary', 'base64', 'quoted-printable']);

function headerValue(block: RawHeaderBlock, name: string): string | null {
  const f = block.fields.find((x) => x.name.toLowerCase() === name);
  return f ? f.value : null;
}

function childLabel(parent: string, index: number): string {
  return parent === 'message' ? `part ${index}` : `${parent}.${index}`;
}

export function mimeTree(bytes: Uint8Array, rootBlock?: RawHeaderBlock): MimeTreeResult {
  // Windows-1252 maps each byte to one UTF-16 unit, so string offsets are byte offsets.
  const text = new TextDecoder('windows-1252').decode(bytes);
  const nodes: MimeNode[] = [];
  const defects: string[] = [];
  let limitHit = false;

  // `end` excludes the line break that belongs to the next boundary; `scanEnd` includes it, so that
  // a part of headers only still ends its header block.
  const walk = (start: number, end: number, depth: number, label: string, defaultType: string, block?: RawHeaderBlock, scanEnd = end) => {
    if (nodes.length >= MAX_MIME_PARTS) {
      if (!limitHit) defects.push(`${label}: more than ${MAX_MIME_PARTS} MIME parts; the rest were not examined`);
      limitHit = true;
      return;
    }
    const head = block ?? splitHeaders(bytes, start, scanEnd);
    const ctRaw = headerValue(head, 'content-type');
    const ct = parseHeaderParams(ctRaw ?? '');
    const validType = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(ct.value);
    const contentType = validType ? ct.value : defaultType;
    const disp = parseHeaderParams(headerValue(head, 'content-disposition') ?? '');
    const filename = disp.params.filename ?? ct.params.name ?? null;
    const bodyStart = Math.min(head.bodyOffset, end);
    const node: MimeNode = { depth, contentType, filename, size: Math.max(0, end - bodyStart), defects: [...head.defects] };
    nodes.push(node);

    if (ctRaw !== null && !validType) node.defects.push(`unreadable Content-Type "${ctRaw.slice(0, 80)}"; read as ${defaultType}`);
    const cte = (headerValue(head, 'content-transfer-encoding') ?? '').trim().toLowerCase();
    if (!KNOWN_ENCODINGS.has(cte)) node.defects.push(`unknown Content-Transfer-Encoding "${cte.slice(0, 40)}"`);
    const charset = ct.params.charset;
    if (contentType.startsWith('text/') && charset && !isKnownCharset(charset)) node.defects.push(`unknown charset "${charset.slice(0, 40)}"`);
    if (cte === 'base64' && !contentType.startsWith('multipart/')) {
      const sample = text.slice(bodyStart, Math.min(end, bodyStart + BASE64_CHECK_BYTES));
      if (/[^A-Za-z0-9+/=\s]/.test(sample)) node.defects.push('base64 body contains characters outside the base64 alphabet');
    }

    if (depth >= MAX_MIME_DEPTH && (contentType.startsWith('multipart/') || contentType === 'message/rfc822')) {
      node.defects.push(`nesting deeper than ${MAX_MIME_DEPTH}; inner parts not examined`);
    } else if (contentType.startsWith('multipart/')) {
      walkMultipart(node, bodyStart, end, depth, label, contentType, ct.params.boundary);
    } else if (contentType === 'message/rfc822' || contentType === 'message/global') {
      if (cte === 'base64' || cte === 'quoted-printable') {
        node.defects.push(`embedded message is ${cte}-encoded; its structure is not shown`);
      } else if (bodyStart < end) {
        walk(bodyStart, end, depth + 1, `${label} (embedded message)`, 'text/plain');
      }
    }
    for (const d of node.defects) defects.push(`${label}: ${d}`);
  };

  const walkMultipart = (node: MimeNode, bodyStart: number, end: number, depth: number, label: string, type: string, boundary: string | undefined) => {
    if (!boundary) {
      node.defects.push(`${type} without a boundary parameter; read as one block`);
      return;
    }
    const delimiter = `--${boundary}`;
    const childType = type === 'multipart/digest' ? 'message/rfc822' : 'text/plain';
    let partStart = -1;
    let index = 0;
    let closed = false;
    let found = false;
    let pos = bodyStart;
    while (pos < end) {
      const at = text.indexOf(delimiter, pos);
      if (at < 0 || at >= end) break;
      pos = at + delimiter.length;
      if (at !== bodyStart && text[at - 1] !== '\n') continue;
      const lineEnd = text.indexOf('\n', pos);
      const stop = lineEnd < 0 || lineEnd >= end ? end : lineEnd + 1;
      const rest = text.slice(pos, stop);
      const isClose = rest.startsWith('--');
      if (!/^(?:--)?[ \t\r\n]*$/.test(rest)) continue;
      found = true;
      if (partStart >= 0) {
        let partEnd = at;
        if (text[partEnd - 1] === '\n') partEnd--;
        if (text[partEnd - 1] === '\r') partEnd--;
        index++;
        walk(partStart, Math.max(partStart, partEnd), depth + 1, childLabel(label, index), childType, undefined, Math.max(partStart, at));
      }
      if (isClose) {
        closed = true;
        break;
      }
      partStart = stop;
      pos = stop;
    }
    if (!found) {
      node.defects.push(`boundary "${boundary}" never appears; the ${type} body was read as one block`);
      return;
    }
    if (!closed) {
      node.defects.push(`closing boundary "--${boundary}--" missing: the message is truncated or damaged`);
      if (partStart >= 0 && partStart < end) {
        index++;
        walk(partStart, end, depth + 1, childLabel(label, index), childType);
      }
    }
    if (index === 0) node.defects.push(`${type} has no parts`);
  };

  walk(0, bytes.length, 0, 'message', 'text/plain', rootBlock);
  return { nodes, defects };
}
