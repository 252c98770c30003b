/**
 * The Messages tab's side of its queries (src/lib/store/queries/messageQueries.ts): the empty filter, the
 * sort keys it may ask for, rows as records, and the search the worker must run before a filter can read it.
 */
import type { MessageFilter, MessageSortKey } from '../../lib/store/queries/messageQueries.ts';
import type { MessageFilter as NavigationMessageFilter } from '../state/caseView.svelte.ts';

export const EMPTY_MESSAGE_FILTER: MessageFilter = {
  search: '', account: '', folder: '', dateFrom: '', dateTo: '', hasAttachments: false, indicator: '', bookmarked: false, tag: '', paths: null,
  uids: null, hideKnownGood: false,
};

/** The sort keys messageQueries.ts has a column for; any other key from the page is ignored. */
const SORTABLE: Record<MessageSortKey, true> = {
  date: true, from: true, to: true, subject: true, account: true, folder: true, size: true, attachments: true, severity: true, flags: true,
};

export function isMessageSortKey(key: string): key is MessageSortKey {
  return Object.hasOwn(SORTABLE, key);
}


export interface MessageRow {
  id: number;
  path: string;
  date: string | null;
  from: string | null;
  fromName: string | null;
  to: string | null;
  subject: string | null;
  account: string | null;
  folder: string | null;
  size: number | null;
  attachments: number;
  indicators: string[];
  maxSeverity: string | null;
  bookmarked: boolean;
  /** mailbox, queue or database-only (a database row without its file). */
  location: string | null;
  /** hm_messages.messageflags (seen, deleted, flagged, answered, draft, recent); null without a database row. */
  flags: number | null;
}

/** Runs the filter's full-text search so that messageWhere can read its hits; a no-op without search text. */
export async function prepareSearch(client: { searchMessages(query: string): Promise<number | null> }, f: MessageFilter): Promise<void> {
  const search = f.search.trim();
  if (search) await client.searchMessages(search);
}

export function toMessageRow(r: (string | number | null)[]): MessageRow {
  const str = (v: string | number | null) => (v === null ? null : String(v));
  return {
    id: Number(r[0]),
    path: String(r[1]),
    date: str(r[2]),
    from: str(r[3]),
    fromName: str(r[4]),
    to: str(r[5]),
    subject: str(r[6]),
    account: str(r[7]),
    folder: str(r[8]),
    size: r[9] === null ? null : Number(r[9]),
    attachments: Number(r[10] ?? 0),
    indicators: r[11] ? String(r[11]).split(',').filter(Boolean) : [],
    maxSeverity: str(r[12]),
    bookmarked: Number(r[13]) === 1,
    location: str(r[14] ?? null),
    flags: r[15] === null || r[15] === undefined ? null : Number(r[15]),
  };
}

/** The filter another tab sends (CaseView.openMessages) as a complete Messages-tab filter. */
export function messageFilterFromNavigation(f: NavigationMessageFilter): MessageFilter {
  return {
    ...EMPTY_MESSAGE_FILTER,
    indicator: f.indicator ?? '',
    account: f.account ?? '',
    folder: f.folder ?? '',
    paths: f.paths ? [...f.paths] : null,
    uids: f.uids ? [...f.uids] : null,
  };
}
