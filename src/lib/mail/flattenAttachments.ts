/**
 * postal-mime leaves a message/rfc822 part sent as an attachment unopened; forwarded mail is a common
 * wrapper for payloads, so such parts are opened and their own attachments listed after them, each
 * naming the attached message it came from.
 */
import PostalMime, { type Attachment } from 'postal-mime';

/** Levels of attached messages opened: each level is a full parse. */
const MAX_EMBEDDED_DEPTH = 3;
/** Header budget handed to postal-mime for an embedded message. */
const POSTAL_MAX_HEADERS = 2 * 1024 * 1024;

/** An attachment, and for one found inside an attached message that message's file name, else its subject. */
export type FlatAttachment = Attachment & { container?: string };

export function attachmentBytes(a: Attachment): Uint8Array {
  const c = a.content;
  return typeof c === 'string' ? new TextEncoder().encode(c) : c instanceof Uint8Array ? c : new Uint8Array(c);
}

/** Attachments in document order, with those of attached messages after each message; at most `max`. */
export async function flattenAttachments(list: Attachment[], max: number, depth = 0, container?: string): Promise<FlatAttachment[]> {
  const out: FlatAttachment[] = [];
  for (const a of list) {
    if (out.length >= max) break;
    out.push(container === undefined ? a : { ...a, container });
    const embedded = a.mimeType === 'message/rfc822' || a.mimeType === 'message/global';
    if (!embedded || depth >= MAX_EMBEDDED_DEPTH) continue;
    try {
      const inner = await PostalMime.parse(attachmentBytes(a), { attachmentEncoding: 'arraybuffer', maxHeadersSize: POSTAL_MAX_HEADERS });
      const name = a.filename?.trim() || inner.subject?.trim() || '(no file name or subject)';
      out.push(...(await flattenAttachments(inner.attachments, max - out.length, depth + 1, name)));
    } catch {
      // An attached message postal-mime cannot read stays listed as the .eml it is.
    }
  }
  return out.slice(0, max);
}
