/**
 * Decides what an evidence entry is from its first bytes (magic numbers, first lines) and, only to
 * refine or break ties, its path: a lying extension never wins over the content. Grammars and file
 * names: shared/reference/hmailserver.md §1.2, §1.3, §4.1, §4.2, §5.
 */
import type { EntryFormat, EntryKind } from '../model/inventoryEntry.ts';
import { isSqliteHeader } from './isSqliteHeader.ts';
import { kindOfFormat } from './kindOfFormat.ts';

/**
 * `PRAGMA application_id` a hMail Triage case file should carry ('hMTr'): a schema page of a big case
 * file may not fit in the sniffed head, the header field always does.
 */
export const CASE_FILE_APPLICATION_ID = 0x684d5472;

interface Sniff {
  /** Lower-case base name. */
  name: string;
  head: Uint8Array;
  /** The head decoded (BOMs removed), or null when it is binary. */
  text: string | null;
  utf16: boolean;
  /** Complete lines of `text`, blank ones included; a line cut by the end of the head is left out. */
  lines: string[];
}

const startsWith = (head: Uint8Array, magic: number[], at = 0): boolean =>
  head.length >= at + magic.length && magic.every((b, i) => head[at + i] === b);

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const u32le = (head: Uint8Array, at: number): number =>
  head.length < at + 4 ? -1 : (head[at] | (head[at + 1] << 8) | (head[at + 2] << 16) | (head[at + 3] << 24)) >>> 0;

const u32be = (head: Uint8Array, at: number): number =>
  head.length < at + 4 ? -1 : ((head[at] << 24) | (head[at + 1] << 16) | (head[at + 2] << 8) | head[at + 3]) >>> 0;

/**
 * SQL Server Compact: the engine version is the little-endian uint32 at offset 16 and bytes 4–7 are
 * zero (the values ErikEJ's SqlCeToolbox `DetermineVersion` checks; offset 0 is a per-database id).
 */
const SDF_VERSIONS = new Set([0x73616261, 0x002dd714, 0x00357b9d, 0x00357dd9, 0x003d0900]);

const isSdf = (s: Sniff): boolean =>
  (SDF_VERSIONS.has(u32le(s.head, 16)) && u32le(s.head, 4) === 0) || (s.text === null && s.name.endsWith('.sdf'));

const LATIN1 = new TextDecoder('latin1');
const UTF8 = new TextDecoder('utf-8');
const UTF16LE = new TextDecoder('utf-16le');

const isCaseFile = (head: Uint8Array): boolean => u32be(head, 68) === CASE_FILE_APPLICATION_ID || LATIN1.decode(head).includes('case_meta');

const TS = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d`;
const PROTOCOL_LINE = /^"(SMTPD|SMTPC|POP3D|POP3C|IMAPD|APPLICATION|DEBUG|TCPIP|ERROR)"\t\d+\t/;
const ERROR_LINE = /^"ERROR"\t\d+\t"/;
const AWSTATS_LINE = new RegExp(String.raw`^${TS}\t[^\t]*\t[^\t]*\t[^\t]*\t[^\t]*\tSMTP\t\?\t\d{3}\t\d+\s*$`);
const EVENTS_LINE = new RegExp(String.raw`^\d+\t"${TS}(\.\d+)?"\t`);
const BACKUP_LINE = new RegExp(String.raw`^${TS}(\.\d+)?\t`);

/** RFC 5322 field name: printable ASCII except colon, then the colon. */
const HEADER_LINE = /^([!-9;-~]+):/;
/** Header names that make a header block a mail message rather than any `Name: value` text. */
const MESSAGE_HEADERS = new Set([
  'received', 'return-path', 'from', 'to', 'cc', 'date', 'subject', 'message-id', 'mime-version',
  'content-type', 'content-transfer-encoding', 'delivered-to', 'dkim-signature', 'reply-to', 'sender',
  'in-reply-to', 'references', 'authentication-results', 'x-mailer', 'user-agent', 'x-originating-ip',
]);

function looksLikeMessage(s: Sniff): boolean {
  let known = 0;
  for (const line of s.lines) {
    if (line === '') break;
    if (line[0] === ' ' || line[0] === '\t') {
      if (known === 0) return false;
      continue;
    }
    const m = HEADER_LINE.exec(line);
    if (!m) return false;
    if (MESSAGE_HEADERS.has(m[1].toLowerCase())) known++;
  }
  return known >= 2 || (known === 1 && /\.(eml|hma)$/.test(s.name));
}

const BACKUP_XML = /^\s*(<\?xml[^>]*\?>\s*)?<Backup[\s>]/;
const INI_SECTION = /^\s*\[(Directories|Database)\]\s*$/im;
const MYSQL = [/^-- (MySQL|MariaDB) dump/m, /^\/\*!\d{5} /m, /^(CREATE TABLE|INSERT INTO|LOCK TABLES|DROP TABLE IF EXISTS) `/im];
const PGSQL = [/^-- PostgreSQL database dump/m, /^COPY \S+ \([^)]*\) FROM stdin;/m, /^SET standard_conforming_strings/m];
/** ExportSqlCe's first line (SqlCeToolbox Generator.Init): its long header may fill the sniffed head. */
const EXPORT_SQLCE = /^-- Script Date: .* - ErikEJ\.SqlCeScripting version /m;
const MSSQL = [/\[dbo\]\.\[/i, /^SET IDENTITY_INSERT /im, /^USE \[/im, EXPORT_SQLCE];
/** hm_ tables with no dialect marker: the identifier quote is the only hint left. */
const HM_SQL = /^(CREATE TABLE|INSERT INTO)\s+(IF NOT EXISTS\s+)?(["`[]?)hm_/im;
const ZONE_DIRECTIVE = /^\$(ORIGIN|TTL)\s/m;
const ZONE_RECORD = /^\S*\s+(\d+\s+)?IN\s+(\d+\s+)?(SOA|NS|MX|TXT|A|AAAA|CNAME|PTR|SRV|CAA)\s/m;

const any = (text: string, patterns: RegExp[]): boolean => patterns.some((p) => p.test(text));

function hmSqlDialect(text: string): EntryFormat | null {
  const m = HM_SQL.exec(text);
  if (!m) return null;
  return m[3] === '"' ? 'pgsql-dump' : m[3] === '[' ? 'mssql-script' : 'mysql-dump';
}

function logFormat(s: Sniff): EntryFormat | null {
  const lines = s.lines.filter((l) => l.trim() !== '');
  const first = lines[0] ?? '';
  if (s.utf16) {
    if (EVENTS_LINE.test(first) || s.name.startsWith('hmailserver_events')) return 'hmail-events-log';
    if (BACKUP_LINE.test(first) || s.name.startsWith('hmailserver_backup')) return 'hmail-backup-log';
  }
  if (lines.length > 0 && lines.every((l) => ERROR_LINE.test(l))) return 'hmail-error-log';
  if (PROTOCOL_LINE.test(first)) return 'hmail-log';
  if (AWSTATS_LINE.test(first)) return 'hmail-awstats-log';
  return null;
}

function textFormat(s: Sniff): EntryFormat | null {
  const text = s.text!;
  // First: most entries are messages, and a header block cannot also be a backup XML, a log or an ini file
  // (their first lines are no `Name:` field), while a body line "[Database]" must not make a message an ini file.
  if (looksLikeMessage(s)) return s.name.endsWith('.hma') ? 'hma' : 'eml';
  if (BACKUP_XML.test(text)) return 'hmail-backup-xml';
  const log = logFormat(s);
  if (log) return log;
  if (INI_SECTION.test(text) || (s.name === 'hmailserver.ini' && /^\s*\[\w+\]\s*$/m.test(text))) return 'hmail-ini';
  if (any(text, MYSQL)) return 'mysql-dump';
  if (any(text, PGSQL)) return 'pgsql-dump';
  if (any(text, MSSQL) || (/^GO\s*$/m.test(text) && /^\s*(CREATE TABLE|INSERT)\b/im.test(text))) return 'mssql-script';
  const dialect = hmSqlDialect(text);
  if (dialect) return dialect;
  if (ZONE_DIRECTIVE.test(text) || ZONE_RECORD.test(text)) return 'dns-zone';
  return null;
}

/** Share of control characters above which decoded bytes are treated as binary. */
const MAX_CONTROL_SHARE = 0.02;

function decodeHead(head: Uint8Array): { text: string | null; utf16: boolean } {
  let text: string;
  let utf16 = false;
  if (startsWith(head, [0xff, 0xfe])) {
    utf16 = true;
    text = UTF16LE.decode(head.subarray(2, head.length - (head.length % 2)));
  } else if (startsWith(head, [0xef, 0xbb, 0xbf])) {
    text = UTF8.decode(head.subarray(3));
  } else {
    // A NUL is counted as a control character below, not taken as proof of binary: stray NULs in a
    // message body are a defect of that message, and it must still be read as one.
    text = LATIN1.decode(head);
  }
  // hMailServer 5.6 writes a BOM before every line of its Unicode logs (hmailserver.md §4.1).
  text = text.replace(/\uFEFF/g, '');
  const controls = text.match(/[\0-\x08\x0b\x0e-\x1f\x7f]/g)?.length ?? 0;
  return { text: controls > text.length * MAX_CONTROL_SHARE ? null : text, utf16 };
}

function sniff(path: string, head: Uint8Array, size: number): Sniff {
  const name = (path.split(/[\\/]/).pop() ?? '').toLowerCase();
  const { text, utf16 } = decodeHead(head);
  // Lines are kept even for binary-looking content: a header block followed by a garbled body is still a message.
  const lines = (text ?? LATIN1.decode(head)).split(/\r?\n/);
  if (head.length < size) lines.pop();
  return { name, head, text, utf16, lines };
}

/**
 * A dump whose head is one long odd statement: its dialect markers and an hm_ table name anywhere in the
 * window. Both are required, so text that merely mentions SQL is not taken for a database.
 */
function deepDumpFormat(window: Uint8Array, utf16: boolean): EntryFormat | null {
  const text = utf16 ? UTF16LE.decode(window.subarray(2, window.length - (window.length % 2))) : LATIN1.decode(window);
  if (!/\bhm_[a-z]+/i.test(text)) return null;
  if (any(text, MYSQL)) return 'mysql-dump';
  if (any(text, PGSQL)) return 'pgsql-dump';
  if (any(text, MSSQL) || (/^GO\s*$/m.test(text) && /^\s*(CREATE TABLE|INSERT)\b/im.test(text))) return 'mssql-script';
  return hmSqlDialect(text);
}

function formatOf(path: string, head: Uint8Array, size: number, window?: Uint8Array): EntryFormat {
  if (size === 0) return 'empty';
  if (startsWith(head, ascii('PK\x03\x04')) || startsWith(head, ascii('PK\x05\x06'))) return 'zip';
  // A self-extracting archive is an executable stub before a zip; named .zip, it is opened as the zip it is.
  if (startsWith(head, [0x4d, 0x5a]) && /\.zip$/i.test(path)) return 'zip';
  if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (isSqliteHeader(head)) return isCaseFile(head) ? 'case-file' : 'sqlite';
  const s = sniff(path, head, size);
  if (isSdf(s)) return 'sdf';
  if (s.text === null) return !s.utf16 && looksLikeMessage(s) ? (s.name.endsWith('.hma') ? 'hma' : 'eml') : 'unknown';
  const format = textFormat(s);
  if (format) return format;
  return (window && window.length > head.length && deepDumpFormat(window, s.utf16)) || 'unknown';
}

/**
 * @param head the first bytes of the content (HEAD_BYTES, or all of it when shorter)
 * @param size the full content size
 * @param window more of the content (up to SNIFF_WINDOW_BYTES), searched for dump markers when the head says nothing
 */
export function classifyEntry(path: string, head: Uint8Array, size: number, window?: Uint8Array): { kind: EntryKind; format: EntryFormat } {
  const format = formatOf(path, head, size, window);
  return { kind: kindOfFormat(format), format };
}
