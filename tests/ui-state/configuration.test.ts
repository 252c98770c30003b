// The Overview's Configuration section against the sample's real hMailServer tables in sql.js, with rules,
// aliases, lists, external accounts, routes, logon failures and block lists added where the sample has none.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from 'sql.js';
import { HMAIL_SCHEMA_DDL } from '../../src/lib/database/hmailSchema.ts';
import { loadHmColumns } from '../../src/ui/queries/hmColumns.ts';
import type { ConfigTable } from '../../src/ui/queries/configTable.ts';
import { ConfigurationData } from '../../src/ui/state/configurationData.svelte.ts';
import { SKIP_REASON, hasSamples } from '../helpers/sharedSamples.ts';
import { emptyCaseDb, sampleCaseDb, sqlClient, sqlRunner } from './sqlClient.ts';

/** 203.0.113.9 as hMailServer stores an IPv4 address: one 32-bit integer. */
const IP_203_0_113_9 = 3405803785;

function addConfiguration(db: Database): void {
  db.exec(HMAIL_SCHEMA_DDL);
  db.exec(`
    INSERT INTO hm_aliases VALUES (1, 1, 'sales@northwind.example', 'alice@northwind.example', 1), (2, 1, 'leak@northwind.example', 'drop@evil.example', 0);
    INSERT INTO hm_distributionlists VALUES (1, 1, 'all@northwind.example', 1, 0, '', 0), (2, 1, 'board@northwind.example', 1, 1, 'ceo@northwind.example', 2);
    INSERT INTO hm_distributionlistsrecipients VALUES (1, 1, 'alice@northwind.example'), (2, 1, 'x@outside.example'), (3, 2, 'bob@northwind.example');
    UPDATE hm_accounts SET accountvacationmessageon = 1, accountvacationsubject = 'Away', accountvacationmessage = '${'x'.repeat(250)}',
      accountvacationexpires = 1, accountvacationexpiredate = '2024-06-01 00:00:00' WHERE accountid = 1;
    INSERT INTO hm_rules VALUES (1, 2, 'Exfil', 1, 1, 1), (2, 0, 'Spam to folder', 0, 0, 2), (3, 1, 'Copy to Carol', 1, 1, 3);
    INSERT INTO hm_rule_criterias VALUES (1, 1, 1, 4, '', 2, 'invoice'), (2, 2, 0, 0, 'X-hMailServer-Spam', 1, 'YES');
    INSERT INTO hm_rule_actions (actionid, actionruleid, actiontype, actionto, actionimapfolder, actionsortorder)
      VALUES (1, 1, 2, 'drop@evil.example', NULL, 1), (2, 1, 1, NULL, NULL, 2), (3, 2, 4, NULL, 'INBOX.Spam', 1), (4, 3, 9, 'carol@northwind.example', NULL, 1);
    INSERT INTO hm_fetchaccounts (faid, faactive, faaccountid, faaccountname, faserveraddress, faserverport, faservertype, fausername, fapassword,
      faminutes, fanexttry, fadaystokeep, faconnectionsecurity) VALUES (1, 1, 1, 'Gmail', 'pop.gmail.example', 995, 0, 'alice.g', 'a1b2c3d4e5f6', 15, '2024-05-12 12:00:00', -1, 1);
    INSERT INTO hm_fetchaccounts_uids VALUES (1, 1, 'UID1', '2024-05-12 11:00:00'), (2, 1, 'UID2', '2024-05-12 11:15:00');
    INSERT INTO hm_routes (routeid, routedomainname, routedescription, routetargetsmthost, routetargetsmtport, routenooftries, routeminutesbetweentry,
      routealladdresses, routeuseauthentication, routeauthenticationusername, routeauthenticationpassword, routeconnectionsecurity)
      VALUES (1, 'partner.example', 'Partner relay', 'mx.partner.example', 25, 4, 60, 1, 1, 'relayuser', 'abcdef', 3),
             (2, 'hold.example', 'ETRN customer', 'hold.example', 25, 1, 5, 0, 0, '', '', 0);
    INSERT INTO hm_routeaddresses VALUES (1, 2, 'a@hold.example'), (2, 2, 'b@hold.example');
    INSERT INTO hm_securityranges VALUES (3, 20, ${IP_203_0_113_9}, NULL, ${IP_203_0_113_9}, NULL, 0, 'Auto-ban: bob@northwind.example', 1, '2024-05-12 11:15:48');
    INSERT INTO hm_logon_failures VALUES (${IP_203_0_113_9}, NULL, '2024-05-12 10:14:09'), (${IP_203_0_113_9}, NULL, '2024-05-12 10:15:39'),
      (2306139568115548160, 1, '2024-05-12 09:00:00');
    INSERT INTO hm_dnsbl VALUES (1, 1, 'zen.spamhaus.org', '127.0.0.2-8|127.0.0.10-11', 'Rejected by Spamhaus.', 3);
    INSERT INTO hm_surblservers VALUES (1, 0, 'multi.surbl.org', 'Rejected by SURBL.', 3);
  `);
}

const byId = (tables: ConfigTable[], id: string) => tables.find((t) => t.id === id)!;
const cells = (t: ConfigTable) => t.rows.map((r) => r.cells);
const attention = (t: ConfigTable) => t.rows.map((r) => r.attention);

describe.skipIf(!hasSamples)(`configuration tables on the sample case ${hasSamples ? '' : SKIP_REASON}`, () => {
  let tables: ConfigTable[];
  let config: ConfigurationData;

  beforeAll(async () => {
    const db = await sampleCaseDb();
    addConfiguration(db);
    const client = sqlClient(db);
    config = new ConfigurationData(client);
    await config.load(await loadHmColumns(client));
    tables = config.tables;
  }, 30_000);

  it('lists every table in order, all readable', () => {
    expect(tables.map((t) => t.id)).toEqual([
      'rules', 'forwarding', 'aliases', 'lists', 'fetch', 'queue', 'routes', 'ranges', 'logon-failures', 'spam-tests', 'dnsbl', 'blocked-attachments',
    ]);
    expect(config.problems).toEqual([]);
    expect(tables.every((t) => t.available && !t.truncated)).toBe(true);
    expect(config.noDatabase).toBe(false);
    expect(config.selected?.id).toBe('rules');
    config.select('ranges');
    expect(config.selected?.id).toBe('ranges');
  });

  it('rules: owner, criteria and actions in words; forward, copy and delete called out', () => {
    const rules = byId(tables, 'rules');
    expect(cells(rules)).toEqual([
      { rule: 'Spam to folder', owner: 'global (all mail)', active: 'no', match: 'any', order: 2, criteria: 'header "X-hMailServer-Spam" equals \'YES\'', actions: 'move to folder INBOX.Spam' },
      { rule: 'Copy to Carol', owner: 'alice@northwind.example', active: 'yes', match: 'all', order: 3, criteria: '(always)', actions: 'create a copy to carol@northwind.example' },
      { rule: 'Exfil', owner: 'bob@northwind.example', active: 'yes', match: 'all', order: 1, criteria: "Subject contains 'invoice'", actions: 'forward to drop@evil.example; delete' },
    ]);
    expect(attention(rules)).toEqual(['', 'copies mail to carol@northwind.example', 'forwards mail to drop@evil.example (outside the server); deletes mail']);
    expect(ConfigurationData.attentionCount(rules)).toBe(2);
    expect(rules.columns.map((c) => c.label)).toEqual(['Rule', 'Attention', 'Account', 'Active', 'Match', 'Order', 'Criteria', 'Actions']);
  });

  it('forwarding and auto-reply: only accounts with either, outside targets called out', () => {
    const table = byId(tables, 'forwarding');
    expect(cells(table).map((c) => [c.account, c.forward, c.forwardTo, c.keep, c.reply, c.subject, c.expires])).toEqual([
      ['alice@northwind.example', 'no', null, null, 'yes', 'Away', '2024-06-01 00:00:00'],
      ['carol@northwind.example', 'yes', 'carol.private@freemail.example', 'no', null, null, null],
    ]);
    expect(String(cells(table)[0].text)).toHaveLength(201);
    expect(attention(table)).toEqual(['', 'forwards outside the server to carol.private@freemail.example; no copy kept']);
  });

  it('aliases and distribution lists: outside targets and open lists called out', () => {
    expect(cells(byId(tables, 'aliases'))).toEqual([
      { alias: 'leak@northwind.example', target: 'drop@evil.example', active: 'no' },
      { alias: 'sales@northwind.example', target: 'alice@northwind.example', active: 'yes' },
    ]);
    expect(attention(byId(tables, 'aliases'))).toEqual(['delivers outside the server (inactive)', '']);
    const lists = byId(tables, 'lists');
    expect(cells(lists).map((c) => [c.address, c.mode, c.count, c.recipients])).toEqual([
      ['all@northwind.example', 'anyone (public)', 2, 'alice@northwind.example, x@outside.example'],
      ['board@northwind.example', 'announcement (one sender)', 1, 'bob@northwind.example'],
    ]);
    expect(attention(lists)).toEqual(['1 recipient outside the server; anyone may send to it', '']);
  });

  it('external accounts: decoded, and the stored password is never read', () => {
    const fetch = byId(tables, 'fetch');
    expect(cells(fetch)).toEqual([{
      account: 'alice@northwind.example', name: 'Gmail', server: 'pop.gmail.example:995', user: 'alice.g', password: 'stored (hidden)',
      security: 'SSL/TLS', active: 'yes', minutes: 15, nextTry: '2024-05-12 12:00:00', keep: 'deleted at once', uids: 2,
    }]);
    expect(JSON.stringify(fetch.rows)).not.toContain('a1b2c3d4e5f6');
    expect(attention(fetch)).toEqual(['pulls mail from pop.gmail.example:995 into alice@northwind.example']);
  });

  it('delivery queue: the sample\'s three relayed messages with recipients, tries and next try', () => {
    const queue = byId(tables, 'queue');
    expect(cells(queue).map((c) => [c.id, c.state, c.from, c.recipients, c.outside, c.tries, c.nextTry, c.file])).toEqual([
      [1043, 'waiting', 'promo@cheap-pills.example', 'target0@gmail.example, target10@yahoo.example', 2, 2, '2024-05-12 11:34:00', 'no'],
      [1044, 'waiting', 'promo@cheap-pills.example', 'target1@gmail.example, target11@yahoo.example', 2, 2, '2024-05-12 11:35:00', 'no'],
      [1045, 'waiting', 'promo@cheap-pills.example', 'target2@gmail.example, target12@yahoo.example', 2, 2, '2024-05-12 11:36:00', 'no'],
    ]);
    expect(new Set(attention(queue))).toEqual(new Set(['outside sender to outside recipients (relayed)']));
  });

  it('routes: target, scope and security decoded, the password never read', () => {
    const routes = byId(tables, 'routes');
    expect(cells(routes).map((c) => [c.domain, c.target, c.scope, c.auth, c.security])).toEqual([
      ['hold.example', 'hold.example:25', 'a@hold.example, b@hold.example', 'no', 'none'],
      ['partner.example', 'mx.partner.example:25', 'all addresses of the domain', 'relayuser', 'STARTTLS required'],
    ]);
    expect(attention(routes)).toEqual(["ETRN: mail is held until the route's host asks for it", 'all mail for partner.example goes to mx.partner.example:25']);
    expect(JSON.stringify(routes.rows)).not.toContain('abcdef');
  });

  it('IP ranges: addresses and option bits decoded, open relay and auto-ban called out', () => {
    const ranges = byId(tables, 'ranges');
    expect(cells(ranges).map((c) => [c.name, c.addresses, c.allow, c.relay, c.auth, c.protection, c.options])).toEqual([
      ['Auto-ban: bob@northwind.example', '203.0.113.9', 'none', 'none', 'none', 'none', 0],
      ['My computer', '127.0.0.1', 'SMTP, POP3, IMAP', 'local→local, local→external, external→local, external→external', 'external→external', 'anti-spam, anti-virus', 71627],
      ['Internet', '0.0.0.0 – 255.255.255.255', 'SMTP, POP3, IMAP', 'local→local, local→external, external→local, external→external', 'none', 'anti-spam', 1995],
    ]);
    expect(attention(ranges)).toEqual([
      'temporary ban (auto-ban)',
      'relays a claimed local sender to outside recipients without SMTP AUTH (this machine only)',
      'open relay: outside senders to outside recipients without SMTP AUTH; relays a claimed local sender to outside recipients without SMTP AUTH',
    ]);
  });

  it('logon failures: per address, IPv6 halves decoded exactly', () => {
    expect(cells(byId(tables, 'logon-failures'))).toEqual([
      { ip: '203.0.113.9', count: 2, first: '2024-05-12 10:14:09', last: '2024-05-12 10:15:39' },
      { ip: '2001:db8::1', count: 1, first: '2024-05-12 09:00:00', last: '2024-05-12 09:00:00' },
    ]);
  });

  it('spam tests: on/off with scores and defaults, list tests and thresholds', () => {
    const tests = byId(tables, 'spam-tests');
    const row = (name: string) => tests.rows.find((r) => r.cells.test === name)!;
    expect(row('SPF').cells).toMatchObject({ state: 'off', score: 3 });
    expect(row('Sender domain MX').cells).toMatchObject({ state: 'on', score: 2 });
    expect(row('Sender domain MX').attention).toBe('');
    expect(row('HELO host').cells).toMatchObject({ state: 'off', score: 2 });
    expect(row('SpamAssassin').cells).toMatchObject({ state: 'not set (off)', score: 5 });
    expect(row('DNSBL lists').cells.state).toBe('1 active');
    expect(row('SURBL lists')).toMatchObject({ cells: { state: 'none active' }, attention: 'off: no SURBL list is consulted' });
    expect(row('Mark threshold').cells).toMatchObject({ state: 'set', score: 5 });
    expect(row('Delete threshold').cells).toMatchObject({ state: 'set', score: 20 });
  });

  it('DNSBL/SURBL lists and the blocked attachments with whether blocking applies', () => {
    expect(cells(byId(tables, 'dnsbl')).map((c) => [c.kind, c.host, c.active, c.score])).toEqual([
      ['DNSBL', 'zen.spamhaus.org', 'yes', 3],
      ['SURBL', 'multi.surbl.org', 'no', 3],
    ]);
    const blocked = byId(tables, 'blocked-attachments');
    expect(blocked.rows).toHaveLength(12);
    expect(blocked.rows[0].cells).toEqual({ wildcard: '*.bat', description: 'Batch processing file' });
    expect(blocked.about).toMatch(/Attachment blocking is OFF \(enableattachmentblocking = 0\)/);
  });
});

describe('configuration tables without a database', () => {
  it('says every table is missing instead of failing', async () => {
    const client = sqlClient(await emptyCaseDb());
    const config = new ConfigurationData(client);
    await config.load(await loadHmColumns(client));
    expect(config.tables).toHaveLength(12);
    expect(config.tables.every((t) => !t.available && t.rows.length === 0)).toBe(true);
    expect(config.noDatabase).toBe(true);
  });

  it('keeps the other tables when one cannot be read', async () => {
    const db = await emptyCaseDb();
    db.exec(HMAIL_SCHEMA_DDL);
    db.exec("INSERT INTO hm_aliases VALUES (1, 1, 'a@x.example', 'b@x.example', 1)");
    const run = sqlRunner(db);
    const client = sqlClient(db, {
      query: vi.fn(async (sql: string, params?: (string | number | null)[]) => {
        if (sql.includes('from hm_rules')) throw new Error('no such column: rulename');
        return run(sql, params);
      }),
    });
    const config = new ConfigurationData(client);
    await config.load(await loadHmColumns(client));
    expect(config.problems).toEqual(['no such column: rulename']);
    expect(config.tables.map((t) => t.id)).not.toContain('rules');
    expect(byId(config.tables, 'aliases').rows).toHaveLength(1);
    config.clear();
    expect(config.tables).toEqual([]);
  });
});
