/**
 * SQL of the Messages tab over case_messages: every user value travels as a bound parameter, sort
 * columns come from a whitelist, and LIKE patterns escape their wildcards.
 */
import { escapeLike } from '../../model/escapeLike.ts';
import { taggedKeysQuery } from './annotationQueries.ts';
import type { SqlParam, SqlQuery } from './sqlQuery.ts';

export interface MessageFilter {
  search: string;
  account: string;
  folder: string;
  /** YYYY-MM-DD, inclusive, UTC; '' for no bound. */
  dateFrom: string;
  dateTo: string;
  hasAttachments: boolean;
  /** A finding type: messages that carry it (case_messages.indicators), or in a folder a finding of it names. */
  indicator: string;
  bookmarked: boolean;
  /** Messages whose bookmark carries this tag; '' for any. */
  tag: string;
  /** Exactly these messages (sent by the Indicators or Accounts tab); null for no restriction. */
  paths: string[] | null;
  /** Messages with these IMAP UIDs (hm_messages.messageuid; with account and folder: those around a uid-gap's holes); null for any. */
  uids: number[] | null;
  /** Leaves out message files a loaded known-good hash set matches (case_hash_hits). */
  hideKnownGood: boolean;
}

const SEVERITY_ORDER = "CASE m.max_severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 WHEN 'info' THEN 0 ELSE -1 END";

/** The only expressions ORDER BY may use: a sort key from the page never reaches SQL as text. */
const MESSAGE_SORT_COLUMNS = {
  date: 'm.date_utc',
  from: 'm.from_addr',
  to: 'm.to_addrs',
  subject: 'm.subject',
  account: 'm.account',
  folder: 'm.folder',
  size: 'm.size',
  attachments: 'm.attachment_count',
  severity: SEVERITY_ORDER,
  flags: 'm.flags',
} as const;

export type MessageSortKey = keyof typeof MESSAGE_SORT_COLUMNS;
export type SortDir = 'asc' | 'desc';


/** The day after a YYYY-MM-DD date, as an exclusive ISO bound; null when the input is not a date. */
function dayAfter(date: string): string | null {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? null : new Date(ms + 86_400_000).toISOString();
}

/** The folder a finding names in its details when its ref has no message (uid-gap: details.folder). */
const FINDING_FOLDER = "CASE WHEN json_valid(f.details) THEN json_extract(f.details, '$.folder') END";

/**
 * The (account, folder) pairs named by findings of one type that point at a folder, not a message: those
 * findings are about the folder's messages as a whole (a UID gap is mail missing from that folder).
 */
const FOLDER_FINDINGS_SQL = `SELECT lower(f.ref_account), ${FINDING_FOLDER} FROM case_findings f
  WHERE f.type = ? AND f.ref_message IS NULL AND f.ref_account IS NOT NULL`;

export function messageWhere(f: MessageFilter): SqlQuery {
  const terms: string[] = [];
  const params: SqlParam[] = [];
  const search = f.search.trim();
  if (search) {
    // The hits of the search index, put there by TriageClient.searchMessages(search) (see prepareSearch).
    terms.push('m.id IN (SELECT id FROM search_hits WHERE query = ?)');
    params.push(search);
  }
  if (f.account) {
    terms.push('m.account = ? COLLATE NOCASE');
    params.push(f.account);
  }
  if (f.folder) {
    terms.push('m.folder = ?');
    params.push(f.folder);
  }
  if (f.dateFrom && !Number.isNaN(Date.parse(`${f.dateFrom}T00:00:00Z`))) {
    terms.push('m.date_utc >= ?');
    params.push(new Date(`${f.dateFrom}T00:00:00Z`).toISOString());
  }
  const until = f.dateTo ? dayAfter(f.dateTo) : null;
  if (until) {
    terms.push('m.date_utc < ?');
    params.push(until);
  }
  if (f.hasAttachments) terms.push('m.attachment_count > 0');
  if (f.indicator) {
    terms.push(`((',' || m.indicators || ',') LIKE ? ESCAPE '\\' OR (lower(m.account), m.folder) IN (${FOLDER_FINDINGS_SQL}))`);
    params.push(`%,${escapeLike(f.indicator)},%`, f.indicator);
  }
  if (f.bookmarked) terms.push('m.path IN (SELECT path FROM case_bookmarks)');
  if (f.hideKnownGood) terms.push("m.path NOT IN (SELECT path FROM case_hash_hits WHERE verdict = 'good' AND attachment IS NULL)");
  if (f.tag) {
    const tagged = taggedKeysQuery('message', f.tag);
    terms.push(`m.path IN (${tagged.sql})`);
    params.push(...tagged.params);
  }
  if (f.paths) {
    // One JSON parameter instead of one per path: a finding may name thousands of messages.
    terms.push('m.path IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(f.paths));
  }
  if (f.uids) {
    terms.push('m.uid IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(f.uids));
  }
  return { sql: terms.length ? `WHERE ${terms.join(' AND ')}` : '', params };
}

export function messageCountQuery(f: MessageFilter): SqlQuery {
  const where = messageWhere(f);
  return { sql: `SELECT COUNT(*) FROM case_messages m ${where.sql}`, params: where.params };
}

export function messagePageQuery(f: MessageFilter, sort: MessageSortKey, dir: SortDir, offset: number, limit: number): SqlQuery {
  const where = messageWhere(f);
  const column = MESSAGE_SORT_COLUMNS[sort] ?? MESSAGE_SORT_COLUMNS.date;
  const direction = dir === 'asc' ? 'ASC' : 'DESC';
  return {
    sql:
      'SELECT m.id, m.path, m.date_utc, m.from_addr, m.from_name, m.to_addrs, m.subject, m.account, m.folder, m.size, ' +
      'm.attachment_count, m.indicators, m.max_severity, (b.path IS NOT NULL) AS bookmarked, m.location, m.flags ' +
      `FROM case_messages m LEFT JOIN case_bookmarks b ON b.path = m.path ${where.sql} ` +
      `ORDER BY ${column} ${direction}, m.id ${direction} LIMIT ? OFFSET ?`,
    params: [...where.params, limit, offset],
  };
}

/** Findings listed so far: while a run goes on, those of its perMessage analyzers (provisionalFindings.ts). */
export const FINDINGS_SO_FAR = 'SELECT count(*) FROM case_findings';

/** Distinct values for the filter drop-downs. */
export const MESSAGE_FACET_QUERIES = {
  accounts: 'SELECT DISTINCT account FROM case_messages WHERE account IS NOT NULL ORDER BY account COLLATE NOCASE',
  folders: 'SELECT DISTINCT folder FROM case_messages WHERE folder IS NOT NULL ORDER BY folder COLLATE NOCASE',
  indicators: `SELECT DISTINCT f.type FROM case_findings f
    WHERE f.ref_message IS NOT NULL OR (f.ref_account IS NOT NULL AND ${FINDING_FOLDER} IS NOT NULL) ORDER BY f.type`,
} as const;


/** How many of the rows under the filter are database rows without a file (explained beside the row count). */
export function databaseOnlyCountQuery(f: MessageFilter): SqlQuery {
  const where = messageWhere(f);
  const only = "m.location = 'database-only'";
  return { sql: `SELECT COUNT(*) FROM case_messages m ${where.sql ? `${where.sql} AND ${only}` : `WHERE ${only}`}`, params: where.params };
}
