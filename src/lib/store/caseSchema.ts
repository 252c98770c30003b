/**
 * DDL of the case database: the hm_* tables imported from the evidence sit beside these case_* tables,
 * which hold what the pipeline parsed and found. Every view and the SQL console read from here.
 * Times: *_utc columns are ISO UTC; *_local columns are the server's naive local time as written.
 * case_messages.body_preview holds the beginning of each body only: the whole body is searchable through
 * the case's search index (searchIndex.ts) and shown from the evidence itself. Each message's header block
 * is one JSON array of [name, value] pairs (headers_json); case_headers is a view of it, one row per header,
 * so that a message costs one row, not one per header. (Case files of schema 1 keep case_headers a table.)
 * The timeline's pre-counted buckets (timelineBuckets.ts) are derived from case_timeline and recounted on open.
 * Schema 4 adds the examiner's saved searches, the hash sets checked against the case with their hits, and
 * SHA-1 beside MD5 and SHA-256 for every file (case_inventory) and every attachment (case_attachments).
 * Examiner work product: message bookmarks stay in case_bookmarks (schema 1 onwards); tags and notes on
 * findings, log sessions, accounts and inventory rows are case_annotations (schema 4), tag colours case_tags.
 */
import { TIMELINE_BUCKETS_SCHEMA } from './timelineBuckets.ts';

export const CASE_SCHEMA_VERSION = 4;

/**
 * The indexes the message views sort and filter by. A live run creates them once its message rows are all
 * written and linked (createMessageIndexes in liveCaseSchema.ts): keeping five B-trees up to date through every
 * insert and every link update took about half of each insert, and one sort per index at the end is cheaper.
 */
const CASE_MESSAGE_INDEXES = `
CREATE INDEX IF NOT EXISTS case_messages_account ON case_messages(account);
CREATE INDEX IF NOT EXISTS case_messages_date ON case_messages(date_utc);
CREATE INDEX IF NOT EXISTS case_messages_subject ON case_messages(subject);
CREATE INDEX IF NOT EXISTS case_messages_from ON case_messages(from_addr);
CREATE INDEX IF NOT EXISTS case_messages_size ON case_messages(size);
`;

const CASE_TABLES = `
CREATE TABLE IF NOT EXISTS case_meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS case_evidence (name TEXT, size INTEGER, md5 TEXT, sha256 TEXT);
CREATE TABLE IF NOT EXISTS case_inventory (
  path TEXT PRIMARY KEY, kind TEXT, format TEXT, size INTEGER, md5 TEXT, sha256 TEXT,
  status TEXT, error TEXT, container TEXT, modified TEXT, sha1 TEXT);
CREATE TABLE IF NOT EXISTS case_messages (
  id INTEGER PRIMARY KEY, path TEXT UNIQUE, guid TEXT, db_message_id INTEGER, account TEXT, folder TEXT,
  location TEXT, queued INTEGER, flags INTEGER, uid INTEGER, create_time_local TEXT, date_utc TEXT,
  received_utc TEXT, from_addr TEXT, from_name TEXT, to_addrs TEXT, cc_addrs TEXT, subject TEXT,
  size INTEGER, db_size INTEGER, md5 TEXT, sha256 TEXT, attachment_count INTEGER, has_html INTEGER,
  message_id TEXT, in_reply_to TEXT, thread_id INTEGER, spam_score REAL, parse_error TEXT, defects TEXT,
  indicators TEXT, max_severity TEXT, body_preview TEXT, headers_json TEXT);
CREATE VIEW IF NOT EXISTS case_headers AS
  SELECT m.id AS message_id, CAST(h.key AS INTEGER) AS ord, h.value ->> 0 AS name, h.value ->> 1 AS value
  FROM case_messages m, json_each(m.headers_json) h WHERE m.headers_json IS NOT NULL;
CREATE TABLE IF NOT EXISTS case_received (
  message_id INTEGER, hop INTEGER, from_host TEXT, from_ptr TEXT, ip TEXT, by_host TEXT, with_proto TEXT,
  time_utc TEXT, delay_seconds REAL, raw TEXT);
CREATE INDEX IF NOT EXISTS case_received_msg ON case_received(message_id);
CREATE TABLE IF NOT EXISTS case_attachments (
  message_id INTEGER, ord INTEGER, filename TEXT, content_type TEXT, size INTEGER, sha256 TEXT,
  detected_type TEXT, archive_entries TEXT, container TEXT, md5 TEXT, sha1 TEXT);
CREATE INDEX IF NOT EXISTS case_attachments_msg ON case_attachments(message_id);
CREATE TABLE IF NOT EXISTS case_findings (
  id INTEGER PRIMARY KEY, type TEXT, severity TEXT, category TEXT, summary TEXT, ref_message TEXT,
  ref_account TEXT, ref_ip TEXT, ref_file TEXT, ref_setting TEXT, details TEXT);
CREATE TABLE IF NOT EXISTS case_log_sessions (
  key TEXT PRIMARY KEY, file TEXT, protocol TEXT, session INTEGER, ip TEXT, start_local TEXT, end_local TEXT,
  helo TEXT, auth_user TEXT, auth_result TEXT, mail_from TEXT, rcpt_to TEXT, responses TEXT, bytes INTEGER,
  line_count INTEGER, first_line INTEGER, last_line INTEGER);
CREATE TABLE IF NOT EXISTS case_log_events (
  kind TEXT, time_local TEXT, time_utc TEXT, file TEXT, line_no INTEGER, protocol TEXT, session INTEGER,
  ip TEXT, account TEXT, detail TEXT);
CREATE TABLE IF NOT EXISTS case_log_unparsed (file TEXT, line_no INTEGER, text TEXT, reason TEXT);
CREATE TABLE IF NOT EXISTS case_timeline (
  time_utc TEXT, time_local TEXT, type TEXT, source TEXT, description TEXT, ref_message TEXT, ref_session TEXT,
  account TEXT, ip TEXT, time_zone TEXT, time_note TEXT);
CREATE INDEX IF NOT EXISTS case_timeline_time ON case_timeline(time_utc, type);
${TIMELINE_BUCKETS_SCHEMA}
CREATE TABLE IF NOT EXISTS case_iocs (kind TEXT, value TEXT, count INTEGER, messages TEXT);
CREATE TABLE IF NOT EXISTS case_ioc_hits (kind TEXT, value TEXT, message_id INTEGER);
CREATE TABLE IF NOT EXISTS case_bookmarks (path TEXT PRIMARY KEY, tags TEXT, note TEXT, created_utc TEXT);
CREATE TABLE IF NOT EXISTS case_secrets (finding_id INTEGER PRIMARY KEY, secret TEXT);
CREATE TABLE IF NOT EXISTS case_finding_notes (finding_id INTEGER PRIMARY KEY, note TEXT);
CREATE TABLE IF NOT EXISTS case_saved_searches (name TEXT PRIMARY KEY, query TEXT, created_utc TEXT);
CREATE TABLE IF NOT EXISTS case_hash_sets (name TEXT PRIMARY KEY, verdict TEXT, format TEXT, hashes INTEGER, loaded_utc TEXT);
CREATE TABLE IF NOT EXISTS case_hash_hits (set_name TEXT, verdict TEXT, algo TEXT, hash TEXT, path TEXT, attachment TEXT);
CREATE INDEX IF NOT EXISTS case_hash_hits_path ON case_hash_hits(path);
CREATE TABLE IF NOT EXISTS case_annotations (
  kind TEXT NOT NULL, key TEXT NOT NULL, tags TEXT, note TEXT, created_utc TEXT, PRIMARY KEY (kind, key));
CREATE TABLE IF NOT EXISTS case_tags (name TEXT PRIMARY KEY, colour TEXT);
`;

export const CASE_SCHEMA = CASE_TABLES + CASE_MESSAGE_INDEXES;

const inSchema = (sql: string, schema: string): string =>
  sql.replace(/CREATE (TABLE|INDEX|VIEW) IF NOT EXISTS /g, `CREATE $1 IF NOT EXISTS ${schema}.`);

/**
 * The case tables created in an attached schema (`CREATE TABLE IF NOT EXISTS <schema>.case_meta ...`): a live run
 * keeps its case tables in an attached in-memory database (liveCaseSchema.ts explains why), and adds the message
 * indexes when its rows are written (messageIndexesIn).
 */
export function caseTablesIn(schema: string): string {
  return inSchema(CASE_TABLES, schema);
}

export function messageIndexesIn(schema: string): string {
  return inSchema(CASE_MESSAGE_INDEXES, schema);
}
