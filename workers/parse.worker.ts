/** One worker of the parser pool: reading and parsing message files, message detail and password checks, nothing else. */
import { expose, transfer } from 'comlink';
import { findWeakPasswords } from '../src/lib/database/findWeakPasswords.ts';
import { messageDetail } from '../src/lib/mail/messageDetail.ts';
import { parseForRun } from '../src/lib/pipeline/parseForRun.ts';
import { readMessageJob } from '../src/lib/pipeline/readMessageJob.ts';

const api = {
  parseMessage: parseForRun,
  readMessageJob,
  findWeakPasswords,
  async messageDetail(bytes: Uint8Array, path: string) {
    const detail = await messageDetail(bytes, path);
    const buffers = new Set([detail.raw.buffer, ...detail.attachments.map((a) => a.bytes.buffer)]);
    return transfer(detail, [...buffers] as ArrayBuffer[]);
  },
  /** Lets the triage worker call this worker directly over its own channel. */
  connect(port: MessagePort) {
    expose(api, port);
  },
};

export type ParseWorkerApi = typeof api;
expose(api);
