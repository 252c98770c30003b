/**
 * Loads hMailServer's own backup (hMailServerBackup.xml inside "HMBackup <date>.7z") into the hm_* tables:
 * domains, domain aliases, accounts, aliases, distribution lists, IMAP folders, messages, settings, DNS
 * blacklists, SURBL servers, incoming relays, the spam white list, fetch accounts with their UIDs, account
 * and global rules with their criteria and actions, IP ranges, routes with their addresses, blocked
 * attachments, TCP/IP ports, SSL certificates, the greylisting white list, groups with their members,
 * public-folder permissions, and the schema version, as written by the XMLStore
 * methods of hmailserver/source/Server/Common/BO/*.cpp (<Domain Name=…>, <Account Name=…>, <Folder>,
 * <Message ID=…>, <Properties>, <DNSBlackList>, <FetchAccount>, <Rule>…; collections are named by each
 * Collection's GetCollectionName and only written when non-empty, Collection.h XMLStore).
 * The XML carries no row ids except message ids: the others are numbered in document order. Server
 * messages are not in it (ServerMessage::XMLStore writes nothing).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Database } from 'sql.js';
import type { ImportProblem } from '../model/hmailDatabase.ts';
import { encodeIpAddress } from '../ip/encodeIpAddress.ts';
import {
  accountColumns, actionColumns, connectionSecurity, criteriaColumns, domainColumns, fetchAccountColumns, messageColumns, routeColumns,
} from './hmBackupXmlColumns.ts';
import { HmailRowWriter } from './hmailRowWriter.ts';
import { schemaVersionOfRelease } from './schemaVersionOfRelease.ts';
import type { SqlCell } from './sqlCell.ts';

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

interface Context {
  domainId: number;
  accountId: number;
  folderId: number;
  /** The <Route> whose addresses are being read, 0 outside one. */
  routeId: number;
  /** The <Group> whose members are being read, 0 outside one. */
  groupId: number;
  /** The <Rule> whose criteria and actions are being read, 0 outside one. */
  ruleId: number;
  /** The <FetchAccount> whose UIDs are being read, 0 outside one. */
  fetchAccountId: number;
}

const STATEMENT = 'hMailServerBackup.xml';

/**
 * Budgets of the backup XML reader (README "Parser budgets"). Depth: a real backup nests about a dozen
 * elements plus two per IMAP subfolder level; fast-xml-parser builds its tree recursively, so a hostile
 * file nested thousands deep must be refused before it can exhaust the stack. Size: the XML holds settings
 * and metadata, never message bodies (they are files in DataBackup/).
 */
export const BACKUP_XML_MAX_DEPTH = 256;
export const BACKUP_XML_MAX_CHARS = 256 * 1024 * 1024;

const TOP: Context = { domainId: 0, accountId: 0, folderId: -1, ruleId: 0, fetchAccountId: 0, routeId: 0, groupId: 0 };

function tagOf(node: XmlNode): string {
  return Object.keys(node).find((k) => k !== ':@') ?? '';
}

function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

export function importHmBackupXml(db: Database, xmlText: string): ImportProblem[] {
  const problems: ImportProblem[] = [];
  if (xmlText.length > BACKUP_XML_MAX_CHARS) {
    problems.push({ line: 0, statement: STATEMENT, reason: `${xmlText.length} characters, above the backup XML reader's budget of ${BACKUP_XML_MAX_CHARS}: not read` });
    return problems;
  }
  const xml = xmlText.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    problems.push({ line: valid.err.line, statement: STATEMENT, reason: `not well-formed XML: ${valid.err.msg}` });
    return problems;
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    preserveOrder: true,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    maxNestedTags: BACKUP_XML_MAX_DEPTH,
  });
  let roots: XmlNode[];
  try {
    roots = parser.parse(xml) as XmlNode[];
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const reason = /nested tags/i.test(message)
      ? `elements nested more than ${BACKUP_XML_MAX_DEPTH} deep (the backup XML reader's depth budget): not read, the rest of the evidence is analysed`
      : `not readable as XML: ${message}`;
    problems.push({ line: 0, statement: STATEMENT, reason });
    return problems;
  }
  const backup = roots.find((n) => tagOf(n) === 'Backup');
  if (!backup) {
    problems.push({ line: 1, statement: STATEMENT, reason: 'no <Backup> element: not an hMailServer backup file' });
    return problems;
  }

  const writer = new HmailRowWriter(db, problems);
  const ids = {
    domain: 0, account: 0, folder: 0, alias: 0, list: 0, recipient: 0, setting: 0, domainAlias: 0, dnsbl: 0, surbl: 0, relay: 0, white: 0,
    fetchAccount: 0, fetchUid: 0, rule: 0, criteria: 0, action: 0, range: 0, route: 0, routeAddress: 0, blocked: 0, port: 0,
    certificate: 0, greyWhite: 0, group: 0, member: 0, acl: 0,
  };
  // Rows that name another object (an account by address, a group or certificate by name) wait for the walk
  // to have numbered every object: the XML may name one before it appears (ports before certificates).
  const accountIds = new Map<string, number>();
  const groupIds = new Map<string, number>();
  const certificateIds = new Map<string, number>();
  const pendingPorts: Record<string, string>[] = [];
  const pendingMembers: { groupId: number; address: string }[] = [];
  const pendingAcls: { attrs: Record<string, string>; folderId: number }[] = [];
  const pendingMessages: { attrs: Record<string, string>; ctx: Context }[] = [];

  const insert = (table: string, row: Record<string, SqlCell>) => writer.insertRows(table, Object.keys(row), [Object.values(row)], 0, STATEMENT);

  // Text addresses become the two IP columns; one that does not parse is reported and left NULL.
  const ipColumns = (text: string | undefined, what: string, first: string, second: string): Record<string, SqlCell> => {
    const encoded = encodeIpAddress(text ?? '');
    if (!encoded) writer.problem(0, STATEMENT, `${what}: "${text ?? ''}" is not an IP address`);
    return { [first]: encoded?.[0] ?? null, [second]: encoded?.[1] ?? null };
  };

  const walk = (nodes: XmlNode[], ctx: Context) => {
    for (const node of nodes) {
      const tag = tagOf(node);
      const a = node[':@'] ?? {};
      const inner = childrenOf(node);
      switch (tag) {
        case 'Domain': {
          const id = ++ids.domain;
          insert('hm_domains', { domainid: id, ...domainColumns(a) });
          walk(inner, { ...TOP, domainId: id });
          break;
        }
        case 'Account': {
          const id = ++ids.account;
          insert('hm_accounts', { accountid: id, accountdomainid: ctx.domainId, ...accountColumns(a) });
          accountIds.set((a.Name ?? '').toLowerCase(), id);
          walk(inner, { ...ctx, accountId: id, folderId: -1 });
          break;
        }
        case 'Folder': {
          const id = ++ids.folder;
          insert('hm_imapfolders', {
            folderid: id, folderaccountid: ctx.accountId, folderparentid: ctx.folderId, foldername: a.Name ?? '',
            folderissubscribed: a.Subscribed ?? 0, foldercreationtime: a.CreateTime ?? null, foldercurrentuid: a.CurrentUID ?? 0,
          });
          walk(inner, { ...ctx, folderId: id });
          break;
        }
        case 'BackupInformation': {
          // BackupExecuter::StartBackup writes Application::GetVersionNumber (the release, "5.6.8-B2574"), not the
          // database version: the schema follows from the release.
          const version = schemaVersionOfRelease(a.Version ?? '');
          if (version === null) writer.problem(0, STATEMENT, `schema version unknown: the backup was made by hMailServer "${a.Version ?? ''}"`);
          else insert('hm_dbversion', { value: version });
          break;
        }
        case 'FetchAccount': {
          const id = ++ids.fetchAccount;
          insert('hm_fetchaccounts', { faid: id, faaccountid: ctx.accountId, ...fetchAccountColumns(a) });
          walk(inner, { ...ctx, fetchAccountId: id });
          break;
        }
        case 'UID':
          // FetchAccountUID::XMLStore: <FetchAccountUIDs><UID UID="…" Date="…"/>.
          if (ctx.fetchAccountId > 0) insert('hm_fetchaccounts_uids', { uidid: ++ids.fetchUid, uidfaid: ctx.fetchAccountId, uidvalue: a.UID ?? '', uidtime: a.Date ?? null });
          break;
        case 'Rule': {
          // Rule::XMLStore; a <Rules> outside any account is the global one (Configuration::XMLStore, Rules(0)).
          const id = ++ids.rule;
          insert('hm_rules', { ruleid: id, ruleaccountid: ctx.accountId, rulename: a.Name ?? '', ruleactive: a.Active ?? 0, ruleuseand: a.UseAND ?? 0, rulesortorder: a.SortOrder ?? 0 });
          walk(inner, { ...ctx, ruleId: id });
          break;
        }
        case 'Criteria':
          if (ctx.ruleId > 0) insert('hm_rule_criterias', { criteriaid: ++ids.criteria, criteriaruleid: ctx.ruleId, ...criteriaColumns(a) });
          break;
        case 'Action':
          if (ctx.ruleId > 0) insert('hm_rule_actions', { actionid: ++ids.action, actionruleid: ctx.ruleId, ...actionColumns(a) });
          break;
        case 'Message':
          // Inserted after the walk: ids can only be renumbered once all the written ones are known.
          pendingMessages.push({ attrs: a, ctx });
          break;
        case 'Alias':
          insert('hm_aliases', { aliasid: ++ids.alias, aliasdomainid: ctx.domainId, aliasname: a.Name ?? '', aliasvalue: a.Value ?? '', aliasactive: a.Active ?? 0 });
          break;
        case 'DistributionList': {
          const id = ++ids.list;
          insert('hm_distributionlists', {
            distributionlistid: id, distributionlistdomainid: ctx.domainId, distributionlistaddress: a.Name ?? '',
            distributionlistenabled: a.Active ?? 0, distributionlistrequireauth: a.RequiresAuth ?? 0,
            distributionlistrequireaddress: a.RequiresAuthAddress ?? '', distributionlistmode: a.ListMode ?? 0,
          });
          for (const member of descendants(inner)) {
            const m = member[':@'] ?? {};
            const address = m.Address ?? m.Name;
            if (address !== undefined) insert('hm_distributionlistsrecipients', { distributionlistrecipientid: ++ids.recipient, distributionlistrecipientlistid: id, distributionlistrecipientaddress: address });
          }
          break;
        }
        case 'DomainAlias':
          insert('hm_domain_aliases', { daid: ++ids.domainAlias, dadomainid: ctx.domainId, daalias: a.Name ?? '' });
          break;
        case 'SecurityRange':
          // SecurityRange::XMLStore: addresses as text, ExpiresTime as a time stamp.
          insert('hm_securityranges', {
            rangeid: ++ids.range, rangepriorityid: a.Priority ?? 0,
            ...ipColumns(a.LowerIP, `IP range ${a.Name ?? ''}`, 'rangelowerip1', 'rangelowerip2'),
            ...ipColumns(a.UpperIP, `IP range ${a.Name ?? ''}`, 'rangeupperip1', 'rangeupperip2'),
            rangeoptions: a.Options ?? 0, rangename: a.Name ?? '', rangeexpires: a.Expires ?? 0, rangeexpirestime: a.ExpiresTime ?? null,
          });
          break;
        case 'Route': {
          const id = ++ids.route;
          insert('hm_routes', { routeid: id, ...routeColumns(a) });
          walk(inner, { ...ctx, routeId: id });
          break;
        }
        case 'RouteAddress':
          if (ctx.routeId > 0) insert('hm_routeaddresses', { routeaddressid: ++ids.routeAddress, routeaddressrouteid: ctx.routeId, routeaddressaddress: a.Name ?? '' });
          break;
        case 'BlockedAttachment':
          insert('hm_blocked_attachments', { baid: ++ids.blocked, bawildcard: a.Name ?? '', badescription: a.Description ?? '' });
          break;
        case 'TCPIPPort':
          pendingPorts.push(a);
          break;
        case 'SSLCertificate': {
          const id = ++ids.certificate;
          certificateIds.set(a.Name ?? '', id);
          insert('hm_sslcertificates', { sslcertificateid: id, sslcertificatename: a.Name ?? '', sslcertificatefile: a.CertificateFile ?? '', sslprivatekeyfile: a.PrivateKeyFile ?? '' });
          break;
        }
        case 'GreyListingWhiteAddresses':
          // GreyListingWhiteAddress::XMLStore writes <WhiteAddress Name WhiteIPDescription>, the element name the
          // spam white list's entries share: only this collection is greylisting's.
          for (const item of inner.filter((n) => tagOf(n) === 'WhiteAddress')) {
            const w = item[':@'] ?? {};
            insert('hm_greylisting_whiteaddresses', { whiteid: ++ids.greyWhite, whiteipaddress: w.Name ?? '', whiteipdescription: w.WhiteIPDescription ?? '' });
          }
          break;
        case 'Group': {
          const id = ++ids.group;
          groupIds.set((a.Name ?? '').toLowerCase(), id);
          insert('hm_groups', { groupid: id, groupname: a.Name ?? '' });
          walk(inner, { ...ctx, groupId: id });
          break;
        }
        case 'Member':
          // GroupMembers::PostStoreObject names the member account by its address.
          if (ctx.groupId > 0) pendingMembers.push({ groupId: ctx.groupId, address: a.Name ?? '' });
          break;
        case 'Permission':
          // ACLPermission::XMLStore on a public folder: Type 0 user, 1 group, 2 anyone; Holder is the name.
          pendingAcls.push({ attrs: a, folderId: ctx.folderId });
          break;
        case 'DNSBlackList':
          insert('hm_dnsbl', {
            sblid: ++ids.dnsbl, sblactive: a.Active ?? 0, sbldnshost: a.Name ?? '', sblresult: a.ExpectedResult ?? '',
            sblrejectmessage: a.RejectMessage ?? '', sblscore: a.Score ?? 0,
          });
          break;
        case 'SURBLServer':
          insert('hm_surblservers', { surblid: ++ids.surbl, surblactive: a.Active ?? 0, surblhost: a.Name ?? '', surblrejectmessage: a.RejectMessage ?? '', surblscore: a.Score ?? 0 });
          break;
        case 'IncomingRelay':
          insert('hm_incoming_relays', {
            relayid: ++ids.relay, relayname: a.Name ?? '',
            ...ipColumns(a.LowerIP, `incoming relay ${a.Name ?? ''}`, 'relaylowerip1', 'relaylowerip2'),
            ...ipColumns(a.UpperIP, `incoming relay ${a.Name ?? ''}`, 'relayupperip1', 'relayupperip2'),
          });
          break;
        case 'WhiteListAddresses':
          // Greylisting white addresses share the <WhiteAddress> element name: only this collection is the white list.
          for (const item of inner.filter((n) => tagOf(n) === 'WhiteAddress')) {
            const w = item[':@'] ?? {};
            insert('hm_whitelist', {
              whiteid: ++ids.white, whiteemailaddress: w.EMailAddress ?? '', whitedescription: w.Description ?? '',
              ...ipColumns(w.LowerIPAddress, 'white list entry', 'whiteloweripaddress1', 'whiteloweripaddress2'),
              ...ipColumns(w.UpperIPAddress, 'white list entry', 'whiteupperipaddress1', 'whiteupperipaddress2'),
            });
          }
          break;
        case 'Properties':
          for (const p of inner) {
            const name = tagOf(p);
            const pa = p[':@'] ?? {};
            if (name && !name.startsWith('#')) insert('hm_settings', { settingid: ++ids.setting, settingname: name, settingstring: pa.StringValue ?? '', settinginteger: pa.LongValue ?? 0 });
          }
          break;
        default:
          // Folders outside any account are public folders (account 0); collections just nest.
          walk(inner, ctx);
      }
    }
  };

  try {
    walk(childrenOf(backup), TOP);
    const account = (address: string, what: string): number | null => {
      const id = accountIds.get(address.toLowerCase());
      if (id === undefined) writer.problem(0, STATEMENT, `${what} names the account "${address}", which is not in the backup`);
      return id ?? null;
    };
    for (const p of pendingPorts) {
      const certificate = p.SSLCertificateName ? (certificateIds.get(p.SSLCertificateName) ?? null) : 0;
      if (certificate === null) writer.problem(0, STATEMENT, `TCP/IP port ${p.Name ?? ''} names the SSL certificate "${p.SSLCertificateName}", which is not in the backup`);
      insert('hm_tcpipports', {
        portid: ++ids.port, portprotocol: p.PortProtocol ?? 0, portnumber: p.PortNumber ?? 0,
        ...ipColumns(p.Address, `TCP/IP port ${p.Name ?? ''}`, 'portaddress1', 'portaddress2'),
        portconnectionsecurity: connectionSecurity(p), portsslcertificateid: certificate ?? 0,
      });
    }
    for (const m of pendingMembers) {
      const id = account(m.address, 'a group member');
      if (id !== null) insert('hm_group_members', { memberid: ++ids.member, membergroupid: m.groupId, memberaccountid: id });
    }
    for (const { attrs: p, folderId } of pendingAcls) {
      const type = Number(p.Type ?? 0);
      const holder = p.Holder ?? '';
      const groupId = type === 1 ? (groupIds.get(holder.toLowerCase()) ?? null) : 0;
      if (groupId === null) writer.problem(0, STATEMENT, `a folder permission names the group "${holder}", which is not in the backup`);
      const accountId = type === 0 ? account(holder, 'a folder permission') : 0;
      insert('hm_acl', {
        aclid: ++ids.acl, aclsharefolderid: folderId, aclpermissiontype: type, aclpermissiongroupid: groupId ?? 0,
        aclpermissionaccountid: accountId ?? 0, aclvalue: p.Rights ?? 0,
      });
    }
    const validId = (a: Record<string, string>) => (Number.isSafeInteger(Number(a.ID)) && Number(a.ID) > 0 ? Number(a.ID) : null);
    let nextId = pendingMessages.reduce((max, p) => Math.max(max, validId(p.attrs) ?? 0), 0);
    const assigned = new Set<number>();
    for (const { attrs: a, ctx } of pendingMessages) {
      let id = validId(a);
      if (id === null || assigned.has(id)) {
        id = ++nextId;
        writer.problem(0, STATEMENT, `message ${a.Filename ?? ''} had no unique ID attribute (${a.ID ?? 'none'}): numbered ${id}`);
      }
      assigned.add(id);
      insert('hm_messages', { messageid: id, messageaccountid: ctx.accountId, messagefolderid: ctx.folderId, ...messageColumns(a) });
    }
  } finally {
    writer.finish();
  }
  return problems;
}

/** Depth-first, in document order, with an explicit stack: the XML's nesting depth is the attacker's choice. */
function descendants(nodes: XmlNode[]): XmlNode[] {
  const out: XmlNode[] = [];
  const stack = [...nodes].reverse();
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    out.push(n);
    const children = childrenOf(n);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}
