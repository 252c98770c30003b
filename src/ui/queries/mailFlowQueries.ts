/**
 * Who sends and where mail goes: the top senders and recipient domains over every source that records them,
 * as the mail-flow panel shows them (the SQL is src/lib/store/queries/mailFlowQueries.ts).
 */
import type { CellValue } from '../components/tableColumn.ts';
import type { TriageClient } from '../triageClient.ts';
import { asNumber, asText, queryRows } from './queryRows.ts';

export interface SenderRow {
  address: string;
  /** Message files whose From header is this address. */
  header: number;
  /** hm_messages rows with this envelope sender (MAIL FROM). */
  envelope: number;
  /** SMTP log sessions with this MAIL FROM. */
  smtp: number;
  /** Null when the server's domains are unknown. */
  local: boolean | null;
}

export interface RecipientDomainRow {
  domain: string;
  header: number;
  envelope: number;
  smtp: number;
  /** Distinct addresses of the domain seen in any source. */
  addresses: number;
  local: boolean | null;
}

const count = (v: CellValue) => asNumber(v) ?? 0;

export async function loadTopSenders(client: TriageClient): Promise<SenderRow[]> {
  return queryRows(await client.ask('topSenders')).map((r) => ({
    address: asText(r.addr),
    header: count(r.header),
    envelope: count(r.envelope),
    smtp: count(r.smtp),
    local: r.external === null ? null : asNumber(r.external) === 0,
  }));
}

export async function loadTopRecipientDomains(client: TriageClient): Promise<RecipientDomainRow[]> {
  return queryRows(await client.ask('topRecipientDomains')).map((r) => ({
    domain: asText(r.domain),
    header: count(r.header),
    envelope: count(r.envelope),
    smtp: count(r.smtp),
    addresses: count(r.addresses),
    local: r.local === null ? null : asNumber(r.local) === 1,
  }));
}
