/** What runTriage is given from outside: the case database, the parser pool and the WASM tools. */
import type { Extracted7z } from '../database/extract7z.ts';
import type { WeakPassword } from '../model/caseData.ts';
import type { DnsSnapshot } from '../model/dnsSnapshot.ts';
import type { DbAccount } from '../model/hmailDatabase.ts';
import type { CaseDbPort } from '../store/caseDbPort.ts';
import type { ParsedForRun } from './parseForRun.ts';
import type { MessageJob, MessageJobResult } from './readMessageJob.ts';

export interface TriageDeps {
  caseDb: CaseDbPort;
  parseMessage(
    bytes: Uint8Array,
    path: string,
    hashes: { md5: string; sha256: string },
    dns: DnsSnapshot | null,
    reference: boolean,
  ): Promise<ParsedForRun>;
  /** Reads, hashes and parses a batch of deferred message files (readMessageJob), on the least busy parser. */
  readMessageJob(job: MessageJob): Promise<MessageJobResult[]>;
  findWeakPasswords(accounts: DbAccount[]): Promise<WeakPassword[]>;
  /** 7-Zip in WASM; the browser passes the inlined binary, Node finds its own. */
  extract7z(bytes: Uint8Array): Promise<Extracted7z>;
  /** How many message parses or jobs may be in flight at once (pool size × 2 keeps every worker fed). */
  parseConcurrency: number;
}
