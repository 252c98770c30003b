/**
 * postal-mime leaves a message/rfc822 part sent as an attachment unopened; forwarded mail is a common
 * wrapper for payloads, so such parts are opened and their own attachments listed after them.
 */
import PostalMime, { type Attachment } from 'postal-mime';

/** Levels of attached messages opened: each level is a full parse. */
export const MAX_EMBEDDED_DEPTH = 3;
/** Header budget handed to postal-mime for an embedded message. */
const POSTAL_MAX_HEADERS = 2 * 1024 * 1024;

export function attachmentBytes(a: Attachment): Uint8Array {
  const c = a.content;
  return typeof c === 'string' ? new TextEncoder().encode(c) : c instanceof Uint8Array ? c : new Uint8Array(c);
}

/** Attachments in document order, with those of attached messages after each message; at most `max`. */
export async function flattenAttachments(list: Attachment[], max: number, depth = 0): Promise<Attachment[]> {
  const out: Attachment[] = [];
  for (const a of list) {
    if (out.length >= max) break;
    out.push(a);
    const embedded = a.mimeType === 'message/rfc822' || a.mimeType === 'message/global';
    if (!embedded || depth >= MAX_EMBEDDED_DEPTH) continue;
    try {
      const inner = await PostalMime.parse(attachmentBytes(a), { attachmentEncoding: 'arraybuffer', maxHeadersSize: POSTAL_MAX_HEADERS });
      out.push(...(await flattenAttachments(inner.attachments, max - out.length, depth + 1)));
    } catch {
      // An attached message postal-mime cannot read stays listed as the .eml it is.
    }
  }
  return out.slice(0, max);
}
