/**
 * One message as the message view shows it: its case rows, its relatives, the decoded MIME detail
 * and (on request) the original bytes. Opening another message drops answers for the previous one.
 */
import type { MessageDetail } from '../../lib/model/analysisResult.ts';
import type { QueryResult } from '../../lib/model/analysisResult.ts';
import { queryRows, type QueryRecord } from '../queries/queryRows.ts';
import type { TriageClient } from '../triageClient.ts';

export interface MessageBookmark {
  tags: string;
  note: string;
  created: string | null;
}

export interface MessageRelatives {
  thread: QueryRecord[];
  sameMessageId: QueryRecord[];
  sameBytes: QueryRecord[];
}

const NO_RELATIVES: MessageRelatives = { thread: [], sameMessageId: [], sameBytes: [] };
const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class MessageView {
  path = $state<string | null>(null);
  error = $state<string | null>(null);
  summary = $state.raw<QueryRecord | null>(null);
  headers = $state.raw<QueryRecord[]>([]);
  received = $state.raw<QueryRecord[]>([]);
  attachments = $state.raw<QueryRecord[]>([]);
  findings = $state.raw<QueryRecord[]>([]);
  iocs = $state.raw<QueryRecord[]>([]);
  relatives = $state.raw<MessageRelatives>(NO_RELATIVES);
  bookmark = $state.raw<MessageBookmark | null>(null);
  detail = $state.raw<MessageDetail | null>(null);
  detailError = $state<string | null>(null);
  raw = $state.raw<Uint8Array | null>(null);
  rawError = $state<string | null>(null);
  readonly #client: TriageClient;
  #token = 0;

  constructor(client: TriageClient) {
    this.#client = client;
  }

  close(): void {
    this.#token++;
    this.path = null;
    this.#clear();
  }

  async open(path: string): Promise<void> {
    const token = ++this.#token;
    this.path = path;
    this.#clear();
    void this.#loadDetail(path, token);
    try {
      const rows = await this.#records(this.#client.ask('messageSummary', path));
      if (token !== this.#token) return;
      const summary = rows[0] ?? null;
      this.summary = summary;
      if (!summary) {
        this.error = `No message with path ${path} in this case.`;
        return;
      }
      const id = Number(summary.id);
      const client = this.#client;
      const [headers, received, attachments, findings, iocs, bookmark, relatives] = await Promise.all([
        this.#records(client.ask('messageHeaders', id)),
        this.#records(client.ask('messageReceived', id)),
        this.#records(client.ask('messageAttachments', id)),
        this.#records(client.ask('messageFindings', path)),
        this.#records(client.ask('messageIocs', path)),
        this.#bookmarkRecords(path),
        this.#relatives(summary),
      ]);
      if (token !== this.#token) return;
      this.headers = headers;
      this.received = received;
      this.attachments = attachments;
      this.findings = findings;
      this.iocs = iocs;
      this.relatives = relatives;
      this.bookmark = bookmark[0] ? toBookmark(bookmark[0]) : null;
    } catch (err) {
      if (token === this.#token) this.error = message(err);
    }
  }

  /** The original file's bytes for the source and hex views; read once per opened message. */
  async loadRaw(): Promise<Uint8Array | null> {
    const path = this.path;
    if (!path) return null;
    if (this.raw) return this.raw;
    const token = this.#token;
    try {
      const bytes = await this.#client.readEntry(path);
      if (token === this.#token) this.raw = bytes;
      return bytes;
    } catch (err) {
      if (token === this.#token) this.rawError = message(err);
      return null;
    }
  }

  async saveBookmark(tags: string, note: string): Promise<void> {
    const path = this.path;
    if (!path) return;
    await this.#client.setBookmark(path, tags, note);
    const rows = await this.#bookmarkRecords(path);
    if (path === this.path) this.bookmark = rows[0] ? toBookmark(rows[0]) : null;
  }

  /** Bookmarks the open message without tags or note, or removes its bookmark (the `b` shortcut). */
  async toggleBookmark(): Promise<void> {
    if (this.bookmark) await this.removeBookmark();
    else await this.saveBookmark('', '');
  }

  async removeBookmark(): Promise<void> {
    const path = this.path;
    if (!path) return;
    await this.#client.removeBookmark(path);
    if (path === this.path) this.bookmark = null;
  }

  #clear(): void {
    this.error = this.detailError = this.rawError = null;
    this.summary = this.detail = this.raw = this.bookmark = null;
    this.headers = this.received = this.attachments = this.findings = this.iocs = [];
    this.relatives = NO_RELATIVES;
  }

  async #records(answer: Promise<QueryResult>): Promise<QueryRecord[]> {
    return queryRows(await answer);
  }

  #bookmarkRecords(path: string): Promise<QueryRecord[]> {
    return this.#records(this.#client.ask('annotation', { kind: 'message', key: path }));
  }

  async #relatives(s: QueryRecord): Promise<MessageRelatives> {
    const none = Promise.resolve([] as QueryRecord[]);
    const path = String(s.path);
    const client = this.#client;
    const [thread, sameMessageId, sameBytes] = await Promise.all([
      s.thread_id === null ? none : this.#records(client.ask('messageThread', s.thread_id, path)),
      s.message_id ? this.#records(client.ask('sameMessageId', s.message_id, path)) : none,
      s.sha256 ? this.#records(client.ask('sameBytes', s.sha256, path)) : none,
    ]);
    return { thread, sameMessageId, sameBytes };
  }

  async #loadDetail(path: string, token: number): Promise<void> {
    try {
      const detail = await this.#client.messageDetail(path);
      if (token === this.#token) this.detail = detail;
    } catch (err) {
      if (token === this.#token) this.detailError = message(err);
    }
  }
}

function toBookmark(r: QueryRecord): MessageBookmark {
  return { tags: String(r.tags ?? ''), note: String(r.note ?? ''), created: r.created_utc === null ? null : String(r.created_utc) };
}
