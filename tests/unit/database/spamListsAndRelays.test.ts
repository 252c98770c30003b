import { describe, expect, it } from 'vitest';
import { decodeIpAddress } from '../../../src/lib/ip/decodeIpAddress.ts';
import { encodeIpAddress } from '../../../src/lib/ip/encodeIpAddress.ts';
import { HMAIL_SCHEMA_DDL } from '../../../src/lib/database/hmailSchema.ts';
import { importHmBackupXml } from '../../../src/lib/database/importHmBackupXml.ts';
import { readHmailDatabase } from '../../../src/lib/database/readHmailDatabase.ts';
import { emptyDb } from './dbTestKit.ts';

describe('DNSBL, SURBL, server messages, domain aliases, incoming relays and the white list', () => {
  it('are decoded from the hm_* tables (NULLs neutral, IPs as text, the first row of a server message name)', async () => {
    const db = await emptyDb();
    db.exec(HMAIL_SCHEMA_DDL);
    db.exec(`
      INSERT INTO hm_dnsbl VALUES (1, 0, 'zen.spamhaus.org', '127.0.0.2-8|127.0.0.10-11', 'Rejected by Spamhaus.', 3), (2, 1, 'bl.spamcop.net', '127.0.0.2', NULL, NULL);
      INSERT INTO hm_surblservers VALUES (1, 0, 'multi.surbl.org', 'Rejected by SURBL.', 3);
      INSERT INTO hm_servermessages VALUES (9, 'ATTACHMENT_REMOVED', 'second row'), (5, 'ATTACHMENT_REMOVED', 'Entfernt: %MACRO_FILE%'), (6, 'MESSAGE_UNDELIVERABLE', NULL);
      INSERT INTO hm_domain_aliases VALUES (2, 1, 'northwind-traders.example'), (1, 3, 'fabrikam.test');
      INSERT INTO hm_incoming_relays VALUES (1, 'Backup MX', 3232261120, NULL, 3232261375, NULL), (2, 'v6 relay', -108086391056891904, 0, -90071992547409921, -1);
      INSERT INTO hm_whitelist VALUES (1, 167772161, NULL, 167772161, NULL, '*@partner.example', 'Partner'), (2, NULL, NULL, NULL, NULL, NULL, NULL);
    `);
    const h = readHmailDatabase(db, 'sqlite', 'x.sqlite', []);
    expect(h.dnsbl).toEqual([
      { host: 'zen.spamhaus.org', active: false, score: 3, rejectMessage: 'Rejected by Spamhaus.' },
      { host: 'bl.spamcop.net', active: true, score: 0, rejectMessage: '' },
    ]);
    expect(h.surbl).toEqual([{ host: 'multi.surbl.org', active: false, score: 3, rejectMessage: 'Rejected by SURBL.' }]);
    expect(h.serverMessages).toEqual({ ATTACHMENT_REMOVED: 'Entfernt: %MACRO_FILE%', MESSAGE_UNDELIVERABLE: '' });
    expect(h.domainAliases).toEqual([
      { domainId: 3, alias: 'fabrikam.test' },
      { domainId: 1, alias: 'northwind-traders.example' },
    ]);
    expect(h.incomingRelays).toEqual([
      { name: 'Backup MX', lowerIp: '192.168.100.0', upperIp: '192.168.100.255' },
      { name: 'v6 relay', lowerIp: 'fe80::', upperIp: 'febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff' },
    ]);
    expect(h.whitelist).toEqual([
      { lowerIp: '10.0.0.1', upperIp: '10.0.0.1', emailAddress: '*@partner.example', description: 'Partner' },
      { lowerIp: '', upperIp: '', emailAddress: '', description: '' },
    ]);
    expect(h.tables.hm_dnsbl).toBe(2);
  });

  it('are empty when the source has none of these rows', async () => {
    const h = readHmailDatabase(await emptyDb(), 'sqlite', 'x.sqlite', []);
    expect([h.dnsbl, h.surbl, h.domainAliases, h.incomingRelays, h.whitelist, h.serverMessages]).toEqual([[], [], [], [], [], {}]);
  });
});

describe('encodeIpAddress', () => {
  it.each([
    ['192.168.100.21', '3232261141', null],
    ['0.0.0.0', '0', null],
    ['2001:db8::1', '2306139568115548160', '1'],
    ['fe80::', '-108086391056891904', '0'],
    ['febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '-90071992547409921', '-1'],
  ])('%s → %s / %s, and back', (text, part1, part2) => {
    const encoded = encodeIpAddress(text);
    expect(encoded?.map((v) => (v === null ? null : v.toString()))).toEqual([part1, part2]);
    expect(decodeIpAddress(part1, part2)).toBe(text);
  });

  it.each(['', 'mail.example', '256.1.1.1', '1::2::3'])('"%s" is not an address', (text) => {
    expect(encodeIpAddress(text)).toBeNull();
  });
});

describe('the same lists from hMailServer backup XML', () => {
  const xml = `<Backup>
  <Domains>
    <Domain Name="northwind.example" Active="1">
      <DomainAliases><DomainAlias Name="northwind-traders.example"/></DomainAliases>
    </Domain>
    <Domain Name="fabrikam.example" Active="1">
      <DomainAliases><DomainAlias Name="fabrikam.test"/></DomainAliases>
    </Domain>
  </Domains>
  <Settings>
    <IncomingRelays>
      <IncomingRelay Name="Backup MX" LowerIP="192.168.100.0" UpperIP="192.168.100.255"/>
      <IncomingRelay Name="Broken" LowerIP="not-an-ip" UpperIP="fe80::1"/>
    </IncomingRelays>
    <DNSBlackLists>
      <DNSBlackList Name="zen.spamhaus.org" Active="0" RejectMessage="Rejected by Spamhaus." ExpectedResult="127.0.0.2-8" Score="3"/>
    </DNSBlackLists>
    <SURBLServers>
      <SURBLServer Name="multi.surbl.org" Active="1" RejectMessage="Rejected by SURBL." Score="5"/>
    </SURBLServers>
    <WhiteListAddresses>
      <WhiteAddress Name="10.0.0.110.0.0.1" LowerIPAddress="10.0.0.1" UpperIPAddress="10.0.0.1" EMailAddress="*@partner.example" Description="Partner"/>
    </WhiteListAddresses>
    <GreyListingWhiteAddresses>
      <WhiteAddress Name="192.0.2.%" WhiteIPDescription="greylisting only"/>
    </GreyListingWhiteAddresses>
  </Settings>
</Backup>`;

  it('loads domain aliases under their domain, relays, DNSBL, SURBL and white list; greylisting white addresses go to their own table', async () => {
    const db = await emptyDb();
    const problems = importHmBackupXml(db, xml);
    expect(problems).toEqual([{ line: 0, statement: 'hMailServerBackup.xml', reason: 'incoming relay Broken: "not-an-ip" is not an IP address' }]);
    const h = readHmailDatabase(db, 'backup-xml', 'HMBackup.7z', problems);
    expect(h.domainAliases).toEqual([
      { domainId: 1, alias: 'northwind-traders.example' },
      { domainId: 2, alias: 'fabrikam.test' },
    ]);
    expect(h.incomingRelays).toEqual([
      { name: 'Backup MX', lowerIp: '192.168.100.0', upperIp: '192.168.100.255' },
      { name: 'Broken', lowerIp: '', upperIp: 'fe80::1' },
    ]);
    expect(h.dnsbl).toEqual([{ host: 'zen.spamhaus.org', active: false, score: 3, rejectMessage: 'Rejected by Spamhaus.' }]);
    expect(h.surbl).toEqual([{ host: 'multi.surbl.org', active: true, score: 5, rejectMessage: 'Rejected by SURBL.' }]);
    expect(h.whitelist).toEqual([{ lowerIp: '10.0.0.1', upperIp: '10.0.0.1', emailAddress: '*@partner.example', description: 'Partner' }]);
    expect(db.exec('SELECT whiteipaddress, whiteipdescription FROM hm_greylisting_whiteaddresses')[0].values).toEqual([['192.0.2.%', 'greylisting only']]);
    expect(h.serverMessages).toEqual({});
  });
});
