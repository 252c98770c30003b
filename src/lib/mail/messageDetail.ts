/**
 * Everything the message view shows beyond ParsedMessage, computed on demand: the HTML body exactly
 * as sent (the UI renders it sandboxed), the text body (the HTML's text when there is no text part), the MIME tree with defects and embedded
 * messages, and each attachment's bytes with its SHA-256. Never throws.
 */
import PostalMime from 'postal-mime';
import type { MessageDetail } from '../model/analysisResult.ts';
import { decodeText, repairC1 } from './decodeText.ts';
import { attachmentBytes, flattenAttachments } from './flattenAttachments.ts';
import { htmlToText } from './htmlToText.ts';
import { mimeTree } from './mimeTree.ts';
import { postalInput } from './postalInput.ts';
import { sha256Hex } from '../ingest/digestBytes.ts';
import { splitHeaders } from './splitHeaders.ts';

/** Text shown in the view (4 Mi characters): beyond that the browser's text layout stalls. */
const MAX_DETAIL_TEXT_CHARS = 4 * 1024 * 1024;
/** Attachments handed to the view per message. */
const MAX_DETAIL_ATTACHMENTS = 500;
/** Header budget handed to postal-mime. */
const POSTAL_MAX_HEADERS = 8 * 1024 * 1024;

export async function messageDetail(bytes: Uint8Array, path: string): Promise<MessageDetail> {
  const detail: MessageDetail = { path, raw: bytes, html: null, text: '', textFromHtml: false, mimeTree: [], attachments: [] };
  try {
    const block = splitHeaders(bytes);
    detail.mimeTree = mimeTree(bytes, block).nodes;
    try {
      const email = await PostalMime.parse(postalInput(bytes, block), { attachmentEncoding: 'arraybuffer', maxHeadersSize: POSTAL_MAX_HEADERS });
      detail.html = email.html === undefined ? null : repairC1(email.html);
      detail.text = repairC1(email.text ?? '').slice(0, MAX_DETAIL_TEXT_CHARS);
      if (!detail.text.trim() && detail.html) {
        detail.text = htmlToText(detail.html).slice(0, MAX_DETAIL_TEXT_CHARS);
        detail.textFromHtml = detail.text.length > 0;
      }
      for (const a of await flattenAttachments(email.attachments, MAX_DETAIL_ATTACHMENTS)) {
        const data = attachmentBytes(a);
        detail.attachments.push({ filename: a.filename ?? '', contentType: a.mimeType, bytes: data, sha256: await sha256Hex(data) });
      }
    } catch (err) {
      detail.text = decodeText(bytes.subarray(block.bodyOffset, block.bodyOffset + MAX_DETAIL_TEXT_CHARS)).slice(0, MAX_DETAIL_TEXT_CHARS);
      detail.mimeTree[0]?.defects.push(`MIME decoding failed (${err instanceof Error ? err.message : String(err)}); body shown as plain text`);
    }
  } catch (err) {
    detail.mimeTree = [{ depth: 0, contentType: 'application/octet-stream', filename: null, size: bytes.length, defects: [`structure could not be read: ${err instanceof Error ? err.message : String(err)}`] }];
  }
  return detail;
}
