/**
 * One message file → ParsedMessage: headers from the raw bytes (file order, unfolded), typed fields,
 * the Received chain, authentication and hMailServer spam headers, attachments with hashes and
 * sniffed types, bounded text for search, DKIM checks, and every defect found. Never throws.
 * The body is decoded by the fast MIME path (fastMime.ts) when it can give postal-mime's exact result,
 * else by postal-mime; parseMessageReference always uses postal-mime, for reference runs.
 */
import PostalMime, { decodeWords, type Email } from 'postal-mime';
import type { DnsSnapshot } from '../model/dnsSnapshot.ts';
import type { AttachmentInfo, ParsedMessage } from '../model/message.ts';
import { parseAddressList, parseBareAddress } from './addresses.ts';
import { decodeText, repairC1 } from './decodeText.ts';
import { detectAttachmentType } from './detectAttachmentType.ts';
import { fastMime, type MimeContent } from './fastMime.ts';
import { attachmentBytes, flattenAttachments, type FlatAttachment } from './flattenAttachments.ts';
import { guidFromPath } from './guidFromPath.ts';
import { listArchiveEntries } from './listArchiveEntries.ts';
import { mimeTree } from './mimeTree.ts';
import { parseAuthResults } from './parseAuthResults.ts';
import { parseMailDate } from './parseMailDate.ts';
import { parseSpamVerdict } from './parseSpamVerdict.ts';
import { postalInput } from './postalInput.ts';
import { parseReceived } from './receivedChain.ts';
import { htmlUrls } from './htmlUrls.ts';
import { digestBytes } from '../ingest/digestBytes.ts';
import { splitHeaders, type RawHeaderBlock } from './splitHeaders.ts';
import { verifyDkim } from './verifyDkim.ts';

/** Text kept for search per message (256 KiB of characters): the index must stay small. */
const MAX_TEXT_CHARS = 256 * 1024;
/** Attachments examined per message: each is hashed and sniffed. */
const MAX_ATTACHMENTS = 500;
/** Characters of a text attachment kept as preview (removal notices are a few lines). */
const TEXT_PREVIEW_CHARS = 1024;
/** Received headers parsed per message: a loop-bombed message can carry thousands. */
const MAX_RECEIVED_HOPS = 200;
/** Message-IDs kept from References. */
const MAX_REFERENCES = 500;
/** Header budget handed to postal-mime; larger blocks are cut to the kept fields first. */
const POSTAL_MAX_HEADERS = 8 * 1024 * 1024;

export interface ParseOptions { dns: DnsSnapshot | null }

/** The pipeline passes the snapshot itself, the brief an options object: both are accepted. */
function dnsOf(options: ParseOptions | DnsSnapshot | null | undefined): DnsSnapshot | null {
  if (!options) return null;
  return 'records' in options ? options : options.dns ?? null;
}

const TEXT_LIKE = new Set(['text', 'html', 'script']);

function first(block: RawHeaderBlock, name: string): string | null {
  const f = block.fields.find((x) => x.name.toLowerCase() === name);
  return f ? f.value : null;
}

function messageIds(value: string | null, max: number): string[] {
  if (!value) return [];
  const ids = value.match(/<[^<>\s]+>/g);
  if (ids) return ids.slice(0, max);
  const bare = value.trim();
  return bare ? [bare] : [];
}

function countNul(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0); i >= 0; i = bytes.indexOf(0, i + 1)) n++;
  return n;
}

function bounded(text: string): string {
  return text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
}

async function attachmentInfo(a: FlatAttachment): Promise<AttachmentInfo> {
  const bytes = attachmentBytes(a);
  const detectedType = detectAttachmentType(bytes);
  const info: AttachmentInfo = {
    filename: a.filename ?? '',
    contentType: a.mimeType,
    disposition: a.disposition ?? '',
    size: bytes.length,
    ...(await digestBytes(bytes)),
    detectedType,
  };
  if (a.container !== undefined) info.container = a.container;
  if (detectedType === 'zip') info.archiveEntries = (await listArchiveEntries(bytes)).names;
  if (a.mimeType.startsWith('text/') || TEXT_LIKE.has(detectedType)) {
    info.textPreview = decodeText(bytes.subarray(0, TEXT_PREVIEW_CHARS * 4)).slice(0, TEXT_PREVIEW_CHARS);
  }
  return info;
}

function fromPostal(email: Email): MimeContent {
  const html = typeof email.html === 'string' ? email.html : '';
  return { text: email.text ?? '', hasHtml: html.length > 0, html, attachments: email.attachments };
}

function emptyMessage(bytes: Uint8Array, path: string, hashes: { md5: string; sha256: string }, reference: boolean): ParsedMessage {
  return {
    path, size: bytes.length, md5: hashes.md5, sha256: hashes.sha256, guid: guidFromPath(path),
    headers: [], messageId: null, inReplyTo: null, references: [], from: null, sender: null, replyTo: [],
    returnPath: null, deliveredTo: null, to: [], cc: [], bcc: [], subject: '', date: null, received: [],
    authResults: [], spam: { flagged: false, score: null, reasons: [] }, dkim: [], attachments: [], text: '',
    hasHtml: false, defects: [], parseError: null, parsedBy: reference ? 'postal-mime' : 'fast',
  };
}

async function parse(
  bytes: Uint8Array,
  path: string,
  hashes: { md5: string; sha256: string },
  dns: DnsSnapshot | null,
  reference: boolean,
): Promise<ParsedMessage> {
  const msg = emptyMessage(bytes, path, hashes, reference);
  if (bytes.length === 0) {
    msg.parseError = 'empty file';
    return msg;
  }
  const block = splitHeaders(bytes);
  const tree = mimeTree(bytes, block);
  for (const defect of tree.defects) msg.defects.push(defect);
  const nul = countNul(bytes);
  if (nul > 0) msg.defects.push(`${nul} NUL byte(s) in the message`);

  if (block.fields.length === 0) {
    msg.parseError = 'no header fields found: not an RFC 5322 message';
    if (detectAttachmentType(bytes.subarray(0, 65536)) === 'text') msg.text = bounded(decodeText(bytes.subarray(0, MAX_TEXT_CHARS * 4)));
    return msg;
  }

  msg.headers = block.fields.map((f) => ({ name: f.name, value: f.value }));
  msg.messageId = messageIds(first(block, 'message-id'), 1)[0] ?? null;
  msg.inReplyTo = messageIds(first(block, 'in-reply-to'), 1)[0] ?? null;
  msg.references = messageIds(first(block, 'references'), MAX_REFERENCES);
  msg.from = parseAddressList(first(block, 'from'))[0] ?? null;
  msg.sender = parseAddressList(first(block, 'sender'))[0] ?? null;
  msg.replyTo = parseAddressList(first(block, 'reply-to'));
  msg.returnPath = parseBareAddress(first(block, 'return-path'));
  msg.deliveredTo = parseBareAddress(first(block, 'delivered-to'));
  msg.to = parseAddressList(first(block, 'to'));
  msg.cc = parseAddressList(first(block, 'cc'));
  msg.bcc = parseAddressList(first(block, 'bcc'));
  const subject = first(block, 'subject');
  msg.subject = subject === null ? '' : repairC1(decodeWords(subject));
  const dateHeader = first(block, 'date');
  const date = parseMailDate(dateHeader);
  msg.date = date?.iso ?? null;
  if (dateHeader !== null && !date) msg.defects.push(`Date header "${dateHeader.slice(0, 80)}" could not be parsed`);
  msg.received = block.fields
    .filter((f) => f.name.toLowerCase() === 'received')
    .slice(0, MAX_RECEIVED_HOPS)
    .map((f) => parseReceived(f.value));
  msg.authResults = parseAuthResults(msg.headers);
  msg.spam = parseSpamVerdict(msg.headers);

  const input = postalInput(bytes, block);
  let content: MimeContent | null = null;
  if (!reference && input === bytes) {
    try {
      content = fastMime(bytes, POSTAL_MAX_HEADERS);
    } catch {
      // Declined (or failed): postal-mime reads the message below, as it always did.
    }
  }
  if (!content) {
    msg.parsedBy = 'postal-mime';
    try {
      content = fromPostal(await PostalMime.parse(input, { attachmentEncoding: 'arraybuffer', maxHeadersSize: POSTAL_MAX_HEADERS }));
    } catch (err) {
      msg.defects.push(`MIME decoding failed (${err instanceof Error ? err.message : String(err)}); body read as plain text`);
    }
  }
  if (content) {
    msg.text = bounded(repairC1(content.text));
    msg.hasHtml = content.hasHtml;
    if (content.html) {
      const urls = htmlUrls(content.html);
      if (urls.length > 0) msg.htmlUrls = urls;
    }
    const list = await flattenAttachments(content.attachments, MAX_ATTACHMENTS + 1);
    if (list.length > MAX_ATTACHMENTS) msg.defects.push(`more than ${MAX_ATTACHMENTS} attachments; the first ${MAX_ATTACHMENTS} were examined`);
    for (const a of list.slice(0, MAX_ATTACHMENTS)) msg.attachments.push(await attachmentInfo(a));
  } else {
    const body = bytes.subarray(block.bodyOffset, block.bodyOffset + MAX_TEXT_CHARS * 4);
    msg.text = bounded(decodeText(body));
  }
  msg.text = msg.text.replace(/\0/g, '\ufffd');

  try {
    msg.dkim = await verifyDkim(bytes, block, dns);
  } catch (err) {
    msg.defects.push(`DKIM check failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  return msg;
}

async function parseSafely(
  bytes: Uint8Array,
  path: string,
  hashes: { md5: string; sha256: string },
  options: ParseOptions | DnsSnapshot | null,
  reference: boolean,
): Promise<ParsedMessage> {
  try {
    return await parse(bytes, path, hashes, dnsOf(options), reference);
  } catch (err) {
    const msg = emptyMessage(bytes, path, hashes, reference);
    msg.parseError = `parser failed: ${err instanceof Error ? err.message : String(err)}`;
    return msg;
  }
}

export function parseMessage(
  bytes: Uint8Array,
  path: string,
  hashes: { md5: string; sha256: string },
  options: ParseOptions | DnsSnapshot | null = null,
): Promise<ParsedMessage> {
  return parseSafely(bytes, path, hashes, options, false);
}

/** parseMessage with postal-mime decoding every body: the reference for slow runs and the differential test. */
export function parseMessageReference(
  bytes: Uint8Array,
  path: string,
  hashes: { md5: string; sha256: string },
  options: ParseOptions | DnsSnapshot | null = null,
): Promise<ParsedMessage> {
  return parseSafely(bytes, path, hashes, options, true);
}
