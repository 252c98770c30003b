/**
 * Decodes the case database's hm_* tables into the typed HmailDatabase, whatever source filled them:
 * NULLs become ''/0/false, times the naive "YYYY-MM-DD HH:MM:SS", IPs text, folders their full IMAP path.
 */
import type { Database, SqlValue } from 'sql.js';
import type {
  DatabaseSource,
  DbAccount,
  DbFolder,
  DbRule,
  DbRuleAction,
  DbRuleCriteria,
  DbSetting,
  HmailDatabase,
  ImportProblem,
  PasswordScheme,
} from '../model/hmailDatabase.ts';
import { decodeIpAddress } from '../ip/decodeIpAddress.ts';
import { HMAIL_SCHEMA_DDL } from './hmailSchema.ts';
import { normalizeTime } from './normalizeTime.ts';

/** hMailServer stops at 25 levels; a deeper chain can only be a parent loop in a damaged table. */
const MAX_FOLDER_DEPTH = 64;

type Row = Record<string, SqlValue>;

function select(db: Database, sql: string): Row[] {
  const stmt = db.prepare(sql);
  try {
    const out: Row[] = [];
    while (stmt.step()) out.push(stmt.getAsObject());
    return out;
  } finally {
    stmt.free();
  }
}

const str = (v: SqlValue | undefined): string => (v === null || v === undefined ? '' : v instanceof Uint8Array ? new TextDecoder().decode(v) : String(v));

function int(v: SqlValue | undefined): number {
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'string' && /^\s*[-+]?\d+(\.\d*)?\s*$/.test(v)) return Math.trunc(Number(v));
  return 0;
}

const bool = (v: SqlValue | undefined): boolean => int(v) !== 0;

const ipText = (v: SqlValue | undefined): string | null => (v === null || v === undefined ? null : typeof v === 'number' ? String(v) : str(v));

const SCHEMES: Record<number, PasswordScheme> = { 0: 'plain', 1: 'blowfish', 2: 'md5', 3: 'sha256-salted' };

function passwordSchemeOf(stored: string, encryption: number): PasswordScheme {
  if (stored === '') return 'blank';
  return SCHEMES[encryption] ?? 'unknown';
}

function folderPaths(folders: Omit<DbFolder, 'fullPath'>[], delimiter: string): DbFolder[] {
  const byId = new Map(folders.map((f) => [f.id, f]));
  return folders.map((f) => {
    const names = [f.name];
    let parent = byId.get(f.parentId);
    for (let depth = 0; parent && depth < MAX_FOLDER_DEPTH; depth++) {
      names.unshift(parent.name);
      parent = parent.parentId === parent.id ? undefined : byId.get(parent.parentId);
    }
    return { ...f, fullPath: names.join(delimiter) };
  });
}

export function readHmailDatabase(db: Database, source: DatabaseSource, path: string, problems: ImportProblem[]): HmailDatabase {
  // A source may have brought only some tables; the canonical ones always exist so every query works.
  db.exec(HMAIL_SCHEMA_DDL);

  const tables: Record<string, number> = {};
  const names = select(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'hm\\_%' ESCAPE '\\' ORDER BY name");
  for (const { name } of names) tables[str(name)] = int(select(db, `SELECT COUNT(*) AS n FROM "${str(name)}"`)[0].n);

  const version = select(db, 'SELECT MAX(value) AS v FROM hm_dbversion')[0].v;

  const settings: Record<string, DbSetting> = {};
  for (const r of select(db, 'SELECT settingname, settingstring, settinginteger FROM hm_settings ORDER BY settingid')) {
    const name = str(r.settingname);
    settings[name] = { name, string: str(r.settingstring), integer: int(r.settinginteger) };
  }
  // The server takes the first row of a name, compared case-insensitively (Collection::GetItemByName).
  const serverMessages: Record<string, string> = {};
  const messageNames = new Set<string>();
  for (const r of select(db, 'SELECT smname, smtext FROM hm_servermessages ORDER BY smname, smid')) {
    const name = str(r.smname);
    if (messageNames.has(name.toLowerCase())) continue;
    messageNames.add(name.toLowerCase());
    serverMessages[name] = str(r.smtext);
  }

  const delimiterSetting = Object.values(settings).find((s) => s.name.toLowerCase() === 'imaphierarchydelimiter');
  const delimiter = delimiterSetting?.string || '.';

  const accounts: DbAccount[] = select(db, 'SELECT * FROM hm_accounts ORDER BY accountid').map((r) => {
    const stored = str(r.accountpassword);
    return {
      id: int(r.accountid),
      domainId: int(r.accountdomainid),
      address: str(r.accountaddress),
      active: bool(r.accountactive),
      isAd: bool(r.accountisad),
      adminLevel: int(r.accountadminlevel),
      maxSizeMb: int(r.accountmaxsize),
      passwordScheme: passwordSchemeOf(stored, int(r.accountpwencryption)),
      passwordStored: stored,
      lastLogon: normalizeTime(r.accountlastlogontime),
      forwardEnabled: bool(r.accountforwardenabled),
      forwardAddress: str(r.accountforwardaddress),
      forwardKeepOriginal: bool(r.accountforwardkeeporiginal),
      vacationOn: bool(r.accountvacationmessageon),
      vacationSubject: str(r.accountvacationsubject),
      firstName: str(r.accountpersonfirstname),
      lastName: str(r.accountpersonlastname),
    };
  });

  const recipientsByList = new Map<number, string[]>();
  for (const r of select(db, 'SELECT * FROM hm_distributionlistsrecipients ORDER BY distributionlistrecipientid')) {
    const list = int(r.distributionlistrecipientlistid);
    recipientsByList.set(list, [...(recipientsByList.get(list) ?? []), str(r.distributionlistrecipientaddress)]);
  }

  const criteriaByRule = new Map<number, DbRuleCriteria[]>();
  for (const r of select(db, 'SELECT * FROM hm_rule_criterias ORDER BY criteriaid')) {
    const rule = int(r.criteriaruleid);
    const c = { field: int(r.criteriapredefinedfield), headerName: str(r.criteriaheadername), matchType: int(r.criteriamatchtype), matchValue: str(r.criteriamatchvalue) };
    criteriaByRule.set(rule, [...(criteriaByRule.get(rule) ?? []), c]);
  }
  const actionsByRule = new Map<number, DbRuleAction[]>();
  for (const r of select(db, 'SELECT * FROM hm_rule_actions ORDER BY actionsortorder, actionid')) {
    const rule = int(r.actionruleid);
    const a = { type: int(r.actiontype), to: str(r.actionto), imapFolder: str(r.actionimapfolder), routeId: int(r.actionrouteid), scriptFunction: str(r.actionscriptfunction) };
    actionsByRule.set(rule, [...(actionsByRule.get(rule) ?? []), a]);
  }
  const rules: DbRule[] = select(db, 'SELECT * FROM hm_rules ORDER BY ruleaccountid, rulesortorder, ruleid').map((r) => ({
    id: int(r.ruleid),
    accountId: int(r.ruleaccountid),
    name: str(r.rulename),
    active: bool(r.ruleactive),
    useAnd: bool(r.ruleuseand),
    criteria: criteriaByRule.get(int(r.ruleid)) ?? [],
    actions: actionsByRule.get(int(r.ruleid)) ?? [],
  }));

  const folders = folderPaths(
    select(db, 'SELECT * FROM hm_imapfolders ORDER BY folderid').map((r) => ({
      id: int(r.folderid),
      accountId: int(r.folderaccountid),
      parentId: int(r.folderparentid),
      name: str(r.foldername),
      subscribed: bool(r.folderissubscribed),
      createTime: normalizeTime(r.foldercreationtime),
      currentUid: int(r.foldercurrentuid),
    })),
    delimiter,
  );

  return {
    source,
    path,
    schemaVersion: version === null ? null : int(version),
    tables,
    domains: select(db, 'SELECT * FROM hm_domains ORDER BY domainid').map((r) => ({
      id: int(r.domainid),
      name: str(r.domainname),
      active: bool(r.domainactive),
      postmaster: str(r.domainpostmaster),
      antispamOptions: int(r.domainantispamoptions),
      dkimSelector: str(r.domaindkimselector),
    })),
    accounts,
    aliases: select(db, 'SELECT * FROM hm_aliases ORDER BY aliasid').map((r) => ({
      id: int(r.aliasid),
      domainId: int(r.aliasdomainid),
      name: str(r.aliasname),
      value: str(r.aliasvalue),
      active: bool(r.aliasactive),
    })),
    distributionLists: select(db, 'SELECT * FROM hm_distributionlists ORDER BY distributionlistid').map((r) => ({
      id: int(r.distributionlistid),
      domainId: int(r.distributionlistdomainid),
      address: str(r.distributionlistaddress),
      enabled: bool(r.distributionlistenabled),
      mode: int(r.distributionlistmode),
      recipients: recipientsByList.get(int(r.distributionlistid)) ?? [],
    })),
    folders,
    messages: select(db, 'SELECT * FROM hm_messages ORDER BY messageid').map((r) => ({
      id: int(r.messageid),
      accountId: int(r.messageaccountid),
      folderId: int(r.messagefolderid),
      fileName: str(r.messagefilename),
      type: int(r.messagetype),
      from: str(r.messagefrom),
      size: int(r.messagesize),
      createTime: normalizeTime(r.messagecreatetime),
      nextTryTime: normalizeTime(r.messagenexttrytime),
      tries: int(r.messagecurnooftries),
      flags: int(r.messageflags),
      locked: bool(r.messagelocked),
      uid: int(r.messageuid),
    })),
    recipients: select(db, 'SELECT * FROM hm_messagerecipients ORDER BY recipientid').map((r) => ({
      id: int(r.recipientid),
      messageId: int(r.recipientmessageid),
      address: str(r.recipientaddress),
      originalAddress: str(r.recipientoriginaladdress),
      localAccountId: int(r.recipientlocalaccountid),
    })),
    settings,
    securityRanges: select(
      db,
      `SELECT rangeid, rangename, rangepriorityid, rangeoptions, rangeexpires, rangeexpirestime,
        CAST(rangelowerip1 AS TEXT) AS l1, CAST(rangelowerip2 AS TEXT) AS l2,
        CAST(rangeupperip1 AS TEXT) AS u1, CAST(rangeupperip2 AS TEXT) AS u2
       FROM hm_securityranges ORDER BY rangepriorityid DESC, rangeid`,
    ).map((r) => ({
      id: int(r.rangeid),
      name: str(r.rangename),
      priority: int(r.rangepriorityid),
      lowerIp: decodeIpAddress(ipText(r.l1), ipText(r.l2)),
      upperIp: decodeIpAddress(ipText(r.u1), ipText(r.u2)),
      options: int(r.rangeoptions),
      expires: bool(r.rangeexpires),
      // The column is NOT NULL in every engine, so a range that never expires carries a placeholder.
      expiresTime: bool(r.rangeexpires) ? normalizeTime(r.rangeexpirestime) : null,
    })),
    blockedAttachments: select(db, 'SELECT * FROM hm_blocked_attachments ORDER BY baid').map((r) => ({
      wildcard: str(r.bawildcard),
      description: str(r.badescription),
    })),
    dnsbl: select(db, 'SELECT * FROM hm_dnsbl ORDER BY sblid').map((r) => ({
      host: str(r.sbldnshost),
      active: bool(r.sblactive),
      score: int(r.sblscore),
      rejectMessage: str(r.sblrejectmessage),
    })),
    surbl: select(db, 'SELECT * FROM hm_surblservers ORDER BY surblid').map((r) => ({
      host: str(r.surblhost),
      active: bool(r.surblactive),
      score: int(r.surblscore),
      rejectMessage: str(r.surblrejectmessage),
    })),
    serverMessages,
    domainAliases: select(db, 'SELECT * FROM hm_domain_aliases ORDER BY daid').map((r) => ({ domainId: int(r.dadomainid), alias: str(r.daalias) })),
    incomingRelays: select(
      db,
      `SELECT relayname, CAST(relaylowerip1 AS TEXT) AS l1, CAST(relaylowerip2 AS TEXT) AS l2,
        CAST(relayupperip1 AS TEXT) AS u1, CAST(relayupperip2 AS TEXT) AS u2
       FROM hm_incoming_relays ORDER BY relayid`,
    ).map((r) => ({ name: str(r.relayname), lowerIp: decodeIpAddress(ipText(r.l1), ipText(r.l2)), upperIp: decodeIpAddress(ipText(r.u1), ipText(r.u2)) })),
    whitelist: select(
      db,
      `SELECT whiteemailaddress, whitedescription,
        CAST(whiteloweripaddress1 AS TEXT) AS l1, CAST(whiteloweripaddress2 AS TEXT) AS l2,
        CAST(whiteupperipaddress1 AS TEXT) AS u1, CAST(whiteupperipaddress2 AS TEXT) AS u2
       FROM hm_whitelist ORDER BY whiteid`,
    ).map((r) => ({
      lowerIp: decodeIpAddress(ipText(r.l1), ipText(r.l2)),
      upperIp: decodeIpAddress(ipText(r.u1), ipText(r.u2)),
      emailAddress: str(r.whiteemailaddress),
      description: str(r.whitedescription),
    })),
    rules,
    fetchAccounts: select(db, 'SELECT * FROM hm_fetchaccounts ORDER BY faid').map((r) => ({
      id: int(r.faid),
      accountId: int(r.faaccountid),
      name: str(r.faaccountname),
      serverAddress: str(r.faserveraddress),
      port: int(r.faserverport),
      userName: str(r.fausername),
      active: bool(r.faactive),
      daysToKeep: int(r.fadaystokeep),
    })),
    routes: select(db, 'SELECT * FROM hm_routes ORDER BY routeid').map((r) => ({
      id: int(r.routeid),
      domainName: str(r.routedomainname),
      description: str(r.routedescription),
      targetHost: str(r.routetargetsmthost),
      targetPort: int(r.routetargetsmtport),
      allAddresses: bool(r.routealladdresses),
      useAuthentication: bool(r.routeuseauthentication),
      authUserName: str(r.routeauthenticationusername),
    })),
    logonFailures: select(
      db,
      `SELECT CAST(ipaddress1 AS TEXT) AS a1, CAST(ipaddress2 AS TEXT) AS a2, failuretime
       FROM hm_logon_failures ORDER BY failuretime, a1, a2`,
    ).map((r) => ({ ip: decodeIpAddress(ipText(r.a1), ipText(r.a2)), time: normalizeTime(r.failuretime) })),
    problems,
  };
}
