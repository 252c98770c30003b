// Top senders, top recipient domains and per-account volume per day, counted in SQL over message files,
// hm_messages / hm_messagerecipients and SMTP log sessions of a small hand-made case.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { HMAIL_SCHEMA_DDL } from '../../src/lib/database/hmailSchema.ts';
import { MAX_DAYS } from '../../src/ui/queries/accountVolume.ts';
import { MailFlowData } from '../../src/ui/state/mailFlowData.svelte.ts';
import { emptyCaseDb, sqlClient } from './sqlClient.ts';

async function flowCase(): Promise<Database> {
  const db = await emptyCaseDb();
  db.exec(HMAIL_SCHEMA_DDL);
  db.exec(`
    INSERT INTO hm_domains (domainid, domainname, domainactive) VALUES (1, 'corp.example', 1);
    INSERT INTO hm_domain_aliases VALUES (1, 1, 'corp-alias.example');
    INSERT INTO hm_accounts (accountid, accountdomainid, accountaddress) VALUES (1, 1, 'ann@corp.example'), (2, 1, 'ben@corp.example');
    INSERT INTO hm_imapfolders (folderid, folderaccountid, folderparentid, foldername) VALUES (1, 1, -1, 'INBOX'), (2, 1, -1, 'Sent Items');
    INSERT INTO hm_messages (messageid, messageaccountid, messagefolderid, messagetype, messagefrom, messagecreatetime) VALUES
      (1, 1, 2, 2, 'ann@corp.example', '2024-03-01 10:00:00'),
      (2, 1, 2, 2, 'ann@corp.example', '2024-03-01 11:00:00'),
      (3, 0, 0, 1, 'ben@corp.example', '2024-03-02 09:00:00'),
      (4, 0, 0, 1, 'spam@bad.example', '2024-03-02 09:05:00');
    INSERT INTO hm_messagerecipients (recipientid, recipientmessageid, recipientaddress) VALUES
      (1, 3, 'x@far.example'), (2, 4, 'y@far.example'), (3, 4, 'z@other.example');
    INSERT INTO case_messages (id, path, account, from_addr, to_addrs, cc_addrs, date_utc, received_utc) VALUES
      (1, 'a.eml', 'ann@corp.example', 'boss@partner.example', 'ann@corp.example, ben@corp.example', 'q@far.example', '2024-03-01T08:00:00Z', NULL),
      (2, 'b.eml', 'ben@corp.example', 'boss@partner.example', 'ann@corp.example, ben@corp.example', 'q@far.example', '2024-03-01T08:00:00Z', '2024-03-01T08:01:00Z'),
      (3, 'c.eml', 'ben@corp.example', 'ann@corp.example', 'ben@corp-alias.example', NULL, '2024-03-03T12:00:00Z', NULL);
    INSERT INTO case_log_sessions (key, protocol, start_local, auth_user, auth_result, mail_from, rcpt_to) VALUES
      ('s1', 'SMTPD', '2024-03-02 09:00:00.000', 'ben@corp.example', 'ok', 'ben@corp.example', 'x@far.example'),
      ('s2', 'SMTPD', '2024-03-02 09:05:00.000', NULL, NULL, 'spam@bad.example', 'y@far.example, z@other.example'),
      ('s3', 'SMTPD', '2024-03-02 09:06:00.000', 'ann@corp.example', 'failed', 'ann@corp.example', 'x@far.example');
    INSERT INTO case_findings (id, type, severity, category, summary, ref_account) VALUES (1, 'sending-spike', 'medium', 'Abuse', 'spike', 'BEN@corp.example');
  `);
  return db;
}

describe('mail flow', () => {
  let flow: MailFlowData;

  beforeAll(async () => {
    const client = sqlClient(await flowCase());
    flow = new MailFlowData(client);
    await flow.load();
  }, 30_000);

  it('top senders: header From, envelope sender and MAIL FROM counted apart, local or outside', () => {
    expect(flow.senders).toEqual([
      { address: 'ann@corp.example', header: 1, envelope: 2, smtp: 1, local: true },
      { address: 'ben@corp.example', header: 0, envelope: 1, smtp: 1, local: true },
      { address: 'boss@partner.example', header: 2, envelope: 0, smtp: 0, local: false },
      { address: 'spam@bad.example', header: 0, envelope: 1, smtp: 1, local: false },
    ]);
  });

  it('top recipient domains: To and Cc split, queue recipients, RCPT TO lists; alias domains are local', () => {
    expect(flow.domains).toEqual([
      { domain: 'far.example', header: 2, envelope: 2, smtp: 3, addresses: 3, local: false },
      { domain: 'corp.example', header: 4, envelope: 0, smtp: 0, addresses: 2, local: true },
      { domain: 'other.example', header: 0, envelope: 1, smtp: 1, addresses: 1, local: false },
      { domain: 'corp-alias.example', header: 1, envelope: 0, smtp: 0, addresses: 1, local: true },
    ]);
  });

  it('messages per account per day, per source, with the busiest day and the spike finding', () => {
    const rows = flow.volume.rows.map((r) => [r.account, r.source, r.total, r.days, r.peakDay, r.peakCount, r.spike]);
    expect(rows).toEqual([
      ['ann@corp.example', 'sent: Sent folder in the database (server time)', 2, 1, '2024-03-01', 2, false],
      ['ben@corp.example', 'in the mailbox: message files (UTC)', 2, 2, '2024-03-01', 1, true],
      ['ann@corp.example', 'in the mailbox: message files (UTC)', 1, 1, '2024-03-01', 1, false],
      ['ann@corp.example', 'sent: message files From the account (UTC)', 1, 1, '2024-03-03', 1, false],
      ['ben@corp.example', 'sent: delivery queue, envelope sender (server time)', 1, 1, '2024-03-02', 1, true],
      ['ben@corp.example', 'sent: SMTP log, authenticated MAIL FROM (server time)', 1, 1, '2024-03-02', 1, true],
    ]);
    expect(flow.volume.rows[1].perDay).toEqual({ '2024-03-01': 1, '2024-03-03': 1 });
    expect(flow.volume.days).toEqual(['2024-03-01', '2024-03-02', '2024-03-03']);
    expect(flow.volume.truncated).toBe(false);
    flow.sentOnly = true;
    expect(flow.volumeRows.every((r) => r.source.startsWith('sent'))).toBe(true);
    expect(flow.volumeRows).toHaveLength(4);
    flow.sentOnly = false;
  });

  it('caps the sparkline days at the latest MAX_DAYS', async () => {
    const db = await emptyCaseDb();
    db.exec(`INSERT INTO case_messages (id, path, account, date_utc) VALUES
      (1, 'old.eml', 'ann@corp.example', '2020-01-01T00:00:00Z'), (2, 'new.eml', 'ann@corp.example', '2024-01-01T00:00:00Z')`);
    const client = sqlClient(db);
    const wide = new MailFlowData(client);
    await wide.load();
    expect(wide.volume.days).toHaveLength(MAX_DAYS);
    expect(wide.volume.days.at(-1)).toBe('2024-01-01');
    expect(wide.volume.rows[0]).toMatchObject({ account: 'ann@corp.example', total: 2, days: 2 });
    expect(wide.senders).toEqual([]);
    wide.clear();
    expect(wide.volume.rows).toEqual([]);
  });
});
