import { existsSync, readFileSync } from 'node:fs';
import SevenZip from '7z-wasm';
import { describe, expect, it } from 'vitest';
import { extract7z } from '../../../src/lib/database/extract7z.ts';
import { importHmBackupXml } from '../../../src/lib/database/importHmBackupXml.ts';
import { readHmailDatabase } from '../../../src/lib/database/readHmailDatabase.ts';
import { runAnalyzers } from '../../../src/lib/analyze/index.ts';
import { schemaVersionOfRelease } from '../../../src/lib/database/schemaVersionOfRelease.ts';
import { HMAIL_SCHEMA_DDL } from '../../../src/lib/database/hmailSchema.ts';
import { buildCase, OPTIONS } from '../analyze/caseBuilder.ts';
import { HM_BACKUP_7Z, HM_BACKUP_7Z_SKIP_REASON } from '../../helpers/hmBackup7zFixture.ts';
import { emptyDb, fixtureBytes, fixtureText } from './dbTestKit.ts';

/** hMailServer writes the XML as UTF-16LE with a byte-order mark (FileUtilities::WriteToFile, unicode). */
function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 255;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
}

/** An HMBackup-shaped .7z made by 7-Zip itself (the same 7-Zip 24.09 that 7z-wasm compiles). */
async function makeBackup7z(): Promise<Uint8Array> {
  const sz = await SevenZip({ print: () => {}, printErr: () => {} });
  sz.FS.mkdir('/b');
  sz.FS.mkdir('/b/DataBackup');
  sz.FS.mkdir('/b/DataBackup/northwind.example');
  sz.FS.writeFile('/b/DataBackup/northwind.example/m.eml', 'Subject: hi\r\n\r\nbody\r\n');
  sz.FS.writeFile('/b/hMailServerBackup.xml', utf16le(fixtureText('hMailServerBackup.xml')));
  sz.FS.chdir('/b');
  sz.callMain(['a', '-bd', '/HMBackup 2024-05-20 094107.7z', 'hMailServerBackup.xml', 'DataBackup']);
  return sz.FS.readFile('/HMBackup 2024-05-20 094107.7z');
}

describe('hMailServer backup (HMBackup *.7z)', () => {
  it('extracts the XML and DataBackup files from a .7z with 7z-wasm given the WASM bytes', async () => {
    const wasm = fixtureBytes('../../../node_modules/7z-wasm/7zz.wasm');
    const { entries, error } = await extract7z(await makeBackup7z(), wasm);
    expect(error).toBeNull();
    expect(entries.map((e) => e.path)).toEqual(['DataBackup/northwind.example/m.eml', 'hMailServerBackup.xml']);
    expect(new TextDecoder().decode(entries[0].bytes)).toBe('Subject: hi\r\n\r\nbody\r\n');
    expect([...entries[1].bytes.slice(0, 2)]).toEqual([0xff, 0xfe]);
  });

  it('reports an archive it cannot open instead of throwing', async () => {
    const { entries, error } = await extract7z(new Uint8Array([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 1, 2, 3]));
    expect(entries).toEqual([]);
    expect(error).toMatch(/Cannot open the file as/);
  });

  it('loads domains, accounts, folders, messages, aliases, lists and settings from the UTF-16 XML', async () => {
    const { entries } = await extract7z(await makeBackup7z());
    const xml = new TextDecoder('utf-16le').decode(entries.find((e) => e.path === 'hMailServerBackup.xml')!.bytes);
    const db = await emptyDb();
    const problems = importHmBackupXml(db, xml);
    expect(problems).toEqual([
      { line: 0, statement: 'hMailServerBackup.xml', reason: 'message {B60EBB92-3CE5-4C39-8E3A-8254FCBF9EE9}.eml had no unique ID attribute (1002): numbered 1003' },
    ]);
    const h = readHmailDatabase(db, 'backup-xml', 'HMBackup.7z', problems);
    expect(h.domains.map((d) => [d.id, d.name, d.active])).toEqual([[1, 'northwind.example', true]]);
    expect(h.accounts.map((a) => [a.address, a.passwordScheme, a.lastName, a.forwardEnabled, a.forwardAddress, a.lastLogon])).toEqual([
      ['bob@northwind.example', 'md5', "O'Neil & Sons", true, 'bob@freemail.example', '2024-05-12 10:00:00'],
    ]);
    expect(h.folders.map((f) => [f.accountId, f.fullPath, f.subscribed, f.currentUid])).toEqual([
      [1, 'INBOX', true, 2],
      [1, 'INBOX/Invoices', false, 0],
      [0, 'Shared', true, 0],
    ]);
    expect(h.messages.map((m) => [m.id, m.accountId, m.folderId, m.from, m.flags, m.uid, m.createTime])).toEqual([
      [1002, 1, 1, '"x"@fabrikam.example', 33, 1, '2024-05-06 13:07:00'],
      [1003, 1, 1, '', 1, 2, '2024-05-07 04:28:00'],
    ]);
    expect(h.aliases.map((a) => [a.name, a.value])).toEqual([['sales@northwind.example', 'bob@northwind.example']]);
    expect(h.distributionLists.map((l) => [l.address, l.recipients])).toEqual([['all@northwind.example', ['bob@northwind.example']]]);
    expect(h.settings.hostname).toEqual({ name: 'hostname', string: 'mail.northwind.example', integer: 0 });
    expect(h.settings.logging.integer).toBe(19);
  });

  it('loads fetch accounts with their UIDs, account and global rules with criteria and actions, and the schema version', async () => {
    const db = await emptyDb();
    const h = readHmailDatabase(db, 'backup-xml', 'HMBackup.7z', importHmBackupXml(db, fixtureText('hMailServerBackup.xml')));
    expect(h.schemaVersion).toBe(5601);
    expect(h.fetchAccounts).toEqual([
      { id: 1, accountId: 1, name: 'Old ISP mailbox', serverAddress: 'pop.freemail.example', port: 995, userName: 'bob.private', active: true, daysToKeep: -1 },
    ]);
    expect(db.exec('SELECT fapassword, faconnectionsecurity, fauseantispam, famimerecipientheaders FROM hm_fetchaccounts')[0].values).toEqual([['5d2a8e41c0f3b7a9', 1, 1, null]]);
    expect(db.exec('SELECT uidfaid, uidvalue, uidtime FROM hm_fetchaccounts_uids ORDER BY uidid')[0].values).toEqual([
      [1, '000001a2b3c4', '2024-05-10 07:00:00'],
      [1, '000001a2b3c5', '2024-05-11 07:30:00'],
    ]);
    expect(h.rules.map((r) => [r.accountId, r.name, r.active, r.useAnd, r.criteria, r.actions.map((a) => [a.type, a.to, a.imapFolder])])).toEqual([
      [0, 'Journal "all" mail', true, false, [{ field: 6, headerName: '', matchType: 4, matchValue: '0' }], [[2, 'journal@archive-mail.example', ''], [7, '', '']]],
      [1, 'Invoices to private mail', true, true,
        [{ field: 4, headerName: '', matchType: 2, matchValue: 'invoice' }, { field: 0, headerName: 'X-Priority', matchType: 8, matchValue: 'X-Priority' }],
        [[2, 'bob.private@freemail.example', ''], [4, '', 'INBOX/Invoices']]],
      [1, 'Disabled copy', false, false, [], [[9, 'old@fabrikam.example', '']]],
    ]);
    expect(db.exec('SELECT criteriausepredefined FROM hm_rule_criterias ORDER BY criteriaid')[0].values).toEqual([[1], [0], [1]]);
    expect(db.exec("SELECT actionheader, actionvalue FROM hm_rule_actions WHERE actiontype = 7")[0].values).toEqual([['X-Journaled', 'yes']]);
  });

  it('a backup with forwarding rules and a fetch account gives the same findings as the same server\'s database', async () => {
    const fromBackup = await emptyDb();
    const backup = readHmailDatabase(fromBackup, 'backup-xml', 'HMBackup.7z', importHmBackupXml(fromBackup, fixtureText('hMailServerBackup.xml')));
    const fromDatabase = await emptyDb();
    fromDatabase.exec(HMAIL_SCHEMA_DDL);
    fromDatabase.exec(fixtureText('backup-server.sql'));
    const database = readHmailDatabase(fromDatabase, 'sqlite', 'hMailServer.sqlite', []);
    const findingsOf = (db: typeof backup) => runAnalyzers(buildCase({ database: db }), OPTIONS);
    const expected = findingsOf(database);
    expect(expected.filter((f) => f.type === 'forwarding-configured').map((f) => f.details?.kind)).toEqual([
      'route', 'rule-forward', 'account-forward', 'external-account', 'rule-forward',
    ]);
    expect(expected.filter((f) => f.type === 'open-relay-range').map((f) => f.ref)).toEqual([{ setting: 'Partner relay' }]);
    expect(findingsOf(backup)).toEqual(expected);
  });

  it('loads IP ranges, routes, blocked attachments, ports with their certificate, greylisting, groups and folder permissions', async () => {
    const backup = await emptyDb();
    importHmBackupXml(backup, fixtureText('hMailServerBackup.xml'));
    const database = await emptyDb();
    database.exec(HMAIL_SCHEMA_DDL);
    database.exec(fixtureText('backup-server.sql'));
    // Row ids differ (the XML has none; they are numbered in document order): compare everything else.
    const content: [string, string][] = [
      ['hm_securityranges', 'rangepriorityid, rangelowerip1, rangelowerip2, rangeupperip1, rangeupperip2, rangeoptions, rangename, rangeexpires, rangeexpirestime'],
      ['hm_routes', 'routedomainname, routedescription, routetargetsmthost, routetargetsmtport, routenooftries, routeminutesbetweentry, routealladdresses, routeuseauthentication, routeauthenticationusername, routeauthenticationpassword, routetreatsecurityaslocal, routeconnectionsecurity, routetreatsenderaslocaldomain'],
      ['hm_routeaddresses r JOIN hm_routes o ON o.routeid = r.routeaddressrouteid', 'o.routedomainname, r.routeaddressaddress'],
      ['hm_blocked_attachments', 'bawildcard, badescription'],
      ['hm_tcpipports p LEFT JOIN hm_sslcertificates c ON c.sslcertificateid = p.portsslcertificateid', 'portprotocol, portnumber, portaddress1, portaddress2, portconnectionsecurity, c.sslcertificatename'],
      ['hm_sslcertificates', 'sslcertificatename, sslcertificatefile, sslprivatekeyfile'],
      ['hm_greylisting_whiteaddresses', 'whiteipaddress, whiteipdescription'],
      ['hm_group_members m JOIN hm_groups g ON g.groupid = m.membergroupid JOIN hm_accounts a ON a.accountid = m.memberaccountid', 'g.groupname, a.accountaddress'],
      ['hm_acl l JOIN hm_imapfolders f ON f.folderid = l.aclsharefolderid LEFT JOIN hm_groups g ON g.groupid = l.aclpermissiongroupid LEFT JOIN hm_accounts a ON a.accountid = l.aclpermissionaccountid', 'f.foldername, l.aclpermissiontype, g.groupname, a.accountaddress, l.aclvalue'],
    ];
    for (const [from, columns] of content) {
      const rows = (db: typeof backup) => db.exec(`SELECT ${columns} FROM ${from} ORDER BY 1, 2`)[0]?.values ?? [];
      expect(rows(backup).length, from).toBeGreaterThan(0);
      expect(rows(backup), from).toEqual(rows(database));
    }
  });

  it('reports a group member or a permission holder that the backup does not hold', async () => {
    const problems = importHmBackupXml(
      await emptyDb(),
      '<Backup><Groups><Group Name="G"><GroupMembers><Member Name="gone@x.example"/></GroupMembers></Group></Groups>' +
        '<PublicFolders><Folder Name="P"><ACLs><Permission Type="1" Rights="1" Holder="Nobody"/></ACLs></Folder></PublicFolders></Backup>',
    );
    expect(problems.map((p) => p.reason)).toEqual([
      'a group member names the account "gone@x.example", which is not in the backup',
      'a folder permission names the group "Nobody", which is not in the backup',
    ]);
  });

  it('knows the schema version only for releases with a single one', () => {
    expect(['5.6.8-B2574', '5.6.4-B2283', '5.4.2-B1900', '5.5.2-B1700', '5.7.0', 'x'].map(schemaVersionOfRelease)).toEqual([5601, 5601, 5400, null, null, null]);
  });

  it('reports a backup whose release gives no known schema version', async () => {
    const problems = importHmBackupXml(await emptyDb(), '<Backup><BackupInformation Mode="3" Version="5.5.2-B1700"/></Backup>');
    expect(problems).toEqual([{ line: 0, statement: 'hMailServerBackup.xml', reason: 'schema version unknown: the backup was made by hMailServer "5.5.2-B1700"' }]);
  });

  it('reports XML that is not well-formed with its line', async () => {
    const problems = importHmBackupXml(await emptyDb(), '<Backup>\n<Domains>\n<Domain Name="x">\n</Backup>');
    expect(problems).toHaveLength(1);
    expect(problems[0].line).toBe(4);
    expect(problems[0].reason).toMatch(/^not well-formed XML/);
  });
});

const hasDebian7z = existsSync(HM_BACKUP_7Z);

describe.skipIf(!hasDebian7z)(`an HMBackup .7z made by Debian's 7-Zip (tests/generate/hmBackup7z.sh)${hasDebian7z ? '' : `: ${HM_BACKUP_7Z_SKIP_REASON}`}`, () => {
  it('extracts and loads like hMailServer would restore it', async () => {
    const { entries, error } = await extract7z(new Uint8Array(readFileSync(HM_BACKUP_7Z)));
    expect(error).toBeNull();
    expect(entries.map((e) => e.path)).toEqual([
      'DataBackup/northwind.example/bob/B8/{B8D79309-B581-48A4-83E5-673B2B81225C}.eml',
      'hMailServerBackup.xml',
    ]);
    const xml = new TextDecoder('utf-16le').decode(entries[1].bytes);
    const db = await emptyDb();
    const h = readHmailDatabase(db, 'backup-xml', 'HMBackup.7z', importHmBackupXml(db, xml));
    expect(h.messages.map((m) => m.fileName)).toContain('{B8D79309-B581-48A4-83E5-673B2B81225C}.eml');
    expect(h.accounts.map((a) => a.address)).toEqual(['bob@northwind.example']);
  });
});

describe('7z budgets (issue 15)', () => {
  /** A .7z of `files` files of `size` zero bytes each: a few KB packed. */
  async function zeros7z(files: number, size: number): Promise<Uint8Array> {
    const sz = await SevenZip({ print: () => {}, printErr: () => {} });
    sz.FS.mkdir('/z');
    for (let i = 0; i < files; i++) sz.FS.writeFile(`/z/zero${i}.bin`, new Uint8Array(size));
    sz.FS.chdir('/z');
    sz.callMain(['a', '-bd', '/bomb.7z', '.']);
    return sz.FS.readFile('/bomb.7z');
  }

  it('refuses an archive whose declared content is above the expansion budget, before extracting', async () => {
    const bomb = await zeros7z(4, 4 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const { entries, error } = await extract7z(bomb, undefined, { maxExpandedBytes: 8 * 1024 * 1024, maxEntries: 100 });
    expect(entries).toEqual([]);
    expect(error).toBe(`declares ${16 * 1024 * 1024} bytes of content, above the 7z reader's budget of ${8 * 1024 * 1024} bytes: not extracted`);
    const within = await extract7z(bomb, undefined, { maxExpandedBytes: 32 * 1024 * 1024, maxEntries: 100 });
    expect(within.error).toBeNull();
    expect(within.entries).toHaveLength(4);
  });

  it('refuses an archive with more files than the entry budget', async () => {
    const many = await zeros7z(30, 10);
    const { entries, error } = await extract7z(many, undefined, { maxExpandedBytes: 1e9, maxEntries: 20 });
    expect(entries).toEqual([]);
    expect(error).toBe("declares 30 files, above the 7z reader's budget of 20: not extracted");
  });
});
