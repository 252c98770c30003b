/** Everything parsed from the evidence: the single input of every analyzer. */
import type { DnsSnapshot } from './dnsSnapshot.ts';
import type { EvidenceFile } from './evidence.ts';
import type { HmailDatabase } from './hmailDatabase.ts';
import type { HmailIni } from './hmailIni.ts';
import type { InventoryEntry } from './inventoryEntry.ts';
import type { LogData } from './logEvent.ts';
import type { ParsedMessage } from './message.ts';
import type { ServerZone } from './serverZone.ts';

export interface WeakPassword {
  account: string;
  scheme: string;
  matchedBy: 'common-list' | 'name-variant';
  /** Kept for reveal-on-request only; never written to findings.json. */
  password: string;
}

/** Where a message file sits in the data folder, and what the database says of it. */
export interface MessageLink {
  path: string;
  location: 'mailbox' | 'queue' | 'public' | 'archive' | 'loose';
  /** From the path: Data/<domain>/<localpart>/... */
  accountFromPath: string | null;
  dbMessageId: number | null;
  account: string | null;
  folder: string | null;
  flags: number | null;
  uid: number | null;
  createTime: string | null;
  dbSize: number | null;
  queued: boolean;
}

export interface CaseData {
  evidence: EvidenceFile[];
  inventory: InventoryEntry[];
  ini: HmailIni | null;
  database: HmailDatabase | null;
  messages: ParsedMessage[];
  links: MessageLink[];
  logs: LogData;
  dns: DnsSnapshot | null;
  /** Accounts whose stored password matched the common-password list or a name variant. */
  weakPasswords: WeakPassword[];
  /** Problems found while reading inputs (path + why): become parse-error findings. */
  parseErrors: { path: string; kind: string; reason: string }[];
  /** The zone of the server's clock (its local times); guessed or set by the examiner. */
  serverZone: ServerZone;
}
