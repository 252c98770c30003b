/** The examiner's bookmarked messages with tags and notes, and the few headers that identify each message. */
import { escapeHtml } from './escapeHtml.ts';
import { htmlFacts } from './htmlTable.ts';
import type { ReportBookmark } from './reportModel.ts';

const KEY_HEADERS = ['return-path', 'from', 'reply-to', 'to', 'date', 'subject', 'message-id'];
/** Characters of one header value printed; the message export holds the original. */
const MAX_HEADER = 300;

function keyHeaders(b: ReportBookmark): [string, string][] {
  return KEY_HEADERS.flatMap((name) =>
    b.headers.filter((h) => h.name.toLowerCase() === name).map((h): [string, string] => [h.name, h.value.length > MAX_HEADER ? `${h.value.slice(0, MAX_HEADER - 1)}…` : h.value]),
  );
}

export function bookmarksSection(bookmarks: ReportBookmark[]): string {
  if (bookmarks.length === 0) return '<p>No bookmarked messages.</p>';
  return bookmarks
    .map(
      (b) => `<div class="finding"><strong>${escapeHtml(b.subject || '(no subject)')}</strong> — ${escapeHtml(b.from)} — ${escapeHtml(b.date ?? 'no date')}
<div class="mono">${escapeHtml(b.path)}</div>${b.tags ? `<p>Tags: ${escapeHtml(b.tags)}</p>` : ''}${b.note ? `<p class="note"><em>Note:</em> ${escapeHtml(b.note)}</p>` : ''}${htmlFacts(keyHeaders(b))}</div>`,
    )
    .join('');
}
