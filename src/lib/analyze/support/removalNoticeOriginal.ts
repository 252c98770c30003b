/**
 * hMailServer replaces a blocked attachment by a part named `<original name>.txt` carrying the
 * ATTACHMENT_REMOVED text (hmailserver.md §3.4): returns that original name, or null for any other part.
 * `customNotice` is this server's own ATTACHMENT_REMOVED text as a pattern (serverMessagePattern).
 */
import type { AttachmentInfo } from '../../model/message.ts';

/** The default ATTACHMENT_REMOVED template's fixed words (the file name is a macro in between). */
const NOTICE_TEXT = /was blocked for delivery by the e-mail server/i;

export function removalNoticeOriginal(att: Pick<AttachmentInfo, 'filename' | 'textPreview'>, customNotice: RegExp | null = null): string | null {
  if (!/\.txt$/i.test(att.filename) || !att.textPreview) return null;
  if (!NOTICE_TEXT.test(att.textPreview) && !customNotice?.test(att.textPreview)) return null;
  const original = att.filename.slice(0, -4);
  return original.length > 0 ? original : null;
}
