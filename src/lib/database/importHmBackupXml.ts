/**
 * Loads hMailServer's own backup (hMailServerBackup.xml inside "HMBackup <date>.7z") into the hm_* tables:
 * domains, domain aliases, accounts, aliases, distribution lists, IMAP folders, messages, settings, DNS
 * blacklists, SURBL servers, incoming relays and the spam white list, as written by the XMLStore methods of
 * C/BO/*.cpp (<Domain Name=…>, <Account Name=…>, <Folder>, <Message ID=…>, <Properties>, <DNSBlackList>…).
 * The XML carries no row ids except message ids: the others are numbered in document order. Server
 * messages are not in it (ServerMessage::XMLStore writes nothing).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Database } from 'sql.js';
import type { ImportProblem } from '../model/hmailDatabase.ts';
import { encodeIpAddress } from './encodeIpAddress.ts';
import { HmailRowWriter } from './hmailRowWriter.ts';
import type { SqlCell } from './sqlInsertParser.ts';

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

interface Context {
  domainId: number;
  accountId: number;
  folderId: number;
}

const STATEMENT = 'hMailServerBackup.xml';

function tagOf(node: XmlNode): string {
  return Object.keys(node).find((k) => k !== ':@') ?? '';
}

function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

export function importHmBackupXml(db: Database, xmlText: string): ImportProblem[] {
  const problems: ImportProblem[] = [];
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
  });
  const roots = parser.parse(xml) as XmlNode[];
  const backup = roots.find((n) => tagOf(n) === 'Backup');
  if (!backup) {
    problems.push({ line: 1, statement: STATEMENT, reason: 'no <Backup> element: not an hMailServer backup file' });
    return problems;
  }

  const writer = new HmailRowWriter(db, problems);
  const ids = { domain: 0, account: 0, folder: 0, alias: 0, list: 0, recipient: 0, setting: 0, domainAlias: 0, dnsbl: 0, surbl: 0, relay: 0, white: 0 };
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
          insert('hm_domains', {
            domainid: id, domainname: a.Name ?? '', domainactive: a.Active ?? 0, domainpostmaster: a.Postmaster ?? '',
            domainaddomain: a.ADDomainName ?? '', domainmaxmessagesize: a.MaxMessageSize ?? 0, domainmaxsize: a.MaxSize ?? 0,
            domainmaxaccountsize: a.MaxAccountSize ?? 0, domainuseplusaddressing: a.UsePlusAddressing ?? 0,
            domainplusaddressingchar: a.PlusAddressingChar ?? '', domainantispamoptions: a.AntiSpamOptions ?? 0,
            domainenablesignature: a.EnableSignature ?? 0, domainsignaturemethod: a.SignatureMethod ?? 0,
            domainsignatureplaintext: a.SignaturePlainText ?? '', domainsignaturehtml: a.SignatureHTML ?? '',
            domainaddsignaturestolocalemail: a.AddSignaturesToLocalMail ?? 0, domainaddsignaturestoreplies: a.AddSignaturesToReplies ?? 0,
            domainmaxnoofaccounts: a.MaxNoOfAccounts ?? 0, domainmaxnoofaliases: a.MaxNoOfAliases ?? 0,
            domainmaxnoofdistributionlists: a.MaxNoOfLists ?? 0, domainlimitationsenabled: a.LimitationsEnabled ?? 0,
            domaindkimselector: a.DKIMSelector ?? '', domaindkimprivatekeyfile: a.DKIMPrivateKeyFile ?? '',
          });
          walk(inner, { domainId: id, accountId: 0, folderId: -1 });
          break;
        }
        case 'Account': {
          const id = ++ids.account;
          insert('hm_accounts', {
            accountid: id, accountdomainid: ctx.domainId, accountaddress: a.Name ?? '', accountpersonfirstname: a.PersonFirstName ?? '',
            accountpersonlastname: a.PersonLastName ?? '', accountactive: a.Active ?? 0, accountpassword: a.Password ?? '',
            accountpwencryption: a.PasswordEncryption ?? 0, accountmaxsize: a.MaxAccountSize ?? 0, accountadusername: a.ADUsername ?? '',
            accountaddomain: a.ADDomain ?? '', accountisad: a.ADActive ?? 0, accountvacationmessageon: a.VacationMessageOn ?? 0,
            accountvacationmessage: a.VacationMessage ?? '', accountvacationsubject: a.VacationSubject ?? '',
            accountvacationexpires: a.VacationExpires ?? 0, accountvacationexpiredate: a.VacationExpireDate ?? null,
            accountadminlevel: a.AdminLevel ?? 0, accountforwardenabled: a.ForwardEnabled ?? 0, accountforwardaddress: a.ForwardAddress ?? '',
            accountforwardkeeporiginal: a.ForwardKeepOriginal ?? 0, accountenablesignature: a.EnableSignature ?? 0,
            accountsignatureplaintext: a.SignaturePlainText ?? '', accountsignaturehtml: a.SignatureHTML ?? '',
            accountlastlogontime: a.LastLogonTime ?? null,
          });
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
    walk(childrenOf(backup), { domainId: 0, accountId: 0, folderId: -1 });
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
      insert('hm_messages', {
        messageid: id, messageaccountid: ctx.accountId, messagefolderid: ctx.folderId, messagefilename: a.Filename ?? '',
        messagetype: a.State ?? 2, messagefrom: a.FromAddress ?? '', messagesize: a.Size ?? 0, messagecurnooftries: a.NoOfRetries ?? 0,
        messagenexttrytime: null, messageflags: a.Flags ?? 0, messagecreatetime: a.CreateTime ?? null, messagelocked: 0, messageuid: a.UID ?? 0,
      });
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
