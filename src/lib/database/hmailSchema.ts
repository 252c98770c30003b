/**
 * hMailServer's tables as the case database holds them (SQLite), whatever the source engine: schema 5601
 * (5.6.x) with hMailServer's own table and column names, plus the master/5.7 additions as nullable columns.
 * Column facts: ../shared/reference/hmailserver.md §2.3. Every column is nullable so partial rows still load.
 */

/** i = integer, t = text, d = date-time kept as naive "YYYY-MM-DD HH:MM:SS" text. */
export type HmailColumnType = 'i' | 't' | 'd';

interface HmailColumn {
  name: string;
  type: HmailColumnType;
  /** Added after 5601 (master/5.7): never reported as missing from an older source. */
  later: boolean;
}

export interface HmailTable {
  name: string;
  /** The identity column, declared INTEGER PRIMARY KEY; null for the few tables without one. */
  key: string | null;
  /** The whole table is a master/5.7 addition. */
  later: boolean;
  columns: HmailColumn[];
}

// One line per table: "name: col:type ..."; a leading * marks the key, a trailing + a post-5601 column.
const SPEC = `
hm_accounts: *accountid:i accountdomainid:i accountadminlevel:i accountaddress:t accountpassword:t accountactive:i accountisad:i accountaddomain:t accountadusername:t accountmaxsize:i accountvacationmessageon:i accountvacationmessage:t accountvacationsubject:t accountpwencryption:i accountforwardenabled:i accountforwardaddress:t accountforwardkeeporiginal:i accountenablesignature:i accountsignatureplaintext:t accountsignaturehtml:t accountlastlogontime:d accountvacationexpires:i accountvacationexpiredate:d accountpersonfirstname:t accountpersonlastname:t accountvacationabortspamflagged:i+ accountforwardabortspamflagged:i+
hm_aliases: *aliasid:i aliasdomainid:i aliasname:t aliasvalue:t aliasactive:i
hm_domains: *domainid:i domainname:t domainactive:i domainpostmaster:t domainmaxsize:i domainaddomain:t domainmaxmessagesize:i domainuseplusaddressing:i domainplusaddressingchar:t domainantispamoptions:i domainenablesignature:i domainsignaturemethod:i domainsignatureplaintext:t domainsignaturehtml:t domainaddsignaturestoreplies:i domainaddsignaturestolocalemail:i domainmaxnoofaccounts:i domainmaxnoofaliases:i domainmaxnoofdistributionlists:i domainlimitationsenabled:i domainmaxaccountsize:i domaindkimselector:t domaindkimprivatekeyfile:t
hm_domain_aliases: *daid:i dadomainid:i daalias:t
hm_messages: *messageid:i messageaccountid:i messagefolderid:i messagefilename:t messagetype:i messagefrom:t messagesize:i messagecurnooftries:i messagenexttrytime:d messageflags:i messagecreatetime:d messagelocked:i messageuid:i
hm_message_metadata: *metadata_id:i metadata_accountid:i metadata_folderid:i metadata_messageid:i metadata_dateutc:d metadata_from:t metadata_subject:t metadata_to:t metadata_cc:t
hm_settings: *settingid:i settingname:t settingstring:t settinginteger:i
hm_dbversion: value:i
hm_distributionlists: *distributionlistid:i distributionlistdomainid:i distributionlistaddress:t distributionlistenabled:i distributionlistrequireauth:i distributionlistrequireaddress:t distributionlistmode:i
hm_distributionlistsrecipients: *distributionlistrecipientid:i distributionlistrecipientlistid:i distributionlistrecipientaddress:t
hm_messagerecipients: *recipientid:i recipientmessageid:i recipientaddress:t recipientlocalaccountid:i recipientoriginaladdress:t
hm_imapfolders: *folderid:i folderaccountid:i folderparentid:i foldername:t folderissubscribed:i foldercreationtime:d foldercurrentuid:i folderspecialuse:i+ folderuidvalidity:i+
hm_routes: *routeid:i routedomainname:t routedescription:t routetargetsmthost:t routetargetsmtport:i routenooftries:i routeminutesbetweentry:i routealladdresses:i routeuseauthentication:i routeauthenticationusername:t routeauthenticationpassword:t routetreatsecurityaslocal:i routeconnectionsecurity:i routetreatsenderaslocaldomain:i
hm_routeaddresses: *routeaddressid:i routeaddressrouteid:i routeaddressaddress:t
hm_securityranges: *rangeid:i rangepriorityid:i rangelowerip1:i rangelowerip2:i rangeupperip1:i rangeupperip2:i rangeoptions:i rangename:t rangeexpires:i rangeexpirestime:d
hm_dnsbl: *sblid:i sblactive:i sbldnshost:t sblresult:t sblrejectmessage:t sblscore:i
hm_fetchaccounts: *faid:i faactive:i faaccountid:i faaccountname:t faserveraddress:t faserverport:i faservertype:i fausername:t fapassword:t faminutes:i fanexttry:d fadaystokeep:i falocked:i faprocessmimerecipients:i faprocessmimedate:i faconnectionsecurity:i fauseantispam:i fauseantivirus:i faenablerouterecipients:i famimerecipientheaders:t+
hm_fetchaccounts_uids: *uidid:i uidfaid:i uidvalue:t uidtime:d
hm_rules: *ruleid:i ruleaccountid:i rulename:t ruleactive:i ruleuseand:i rulesortorder:i
hm_rule_criterias: *criteriaid:i criteriaruleid:i criteriausepredefined:i criteriapredefinedfield:i criteriaheadername:t criteriamatchtype:i criteriamatchvalue:t
hm_rule_actions: *actionid:i actionruleid:i actiontype:i actionimapfolder:t actionsubject:t actionfromname:t actionfromaddress:t actionto:t actionbody:t actionfilename:t actionsortorder:i actionscriptfunction:t actionheader:t actionvalue:t actionrouteid:i actionabortspamflagged:i+
hm_surblservers: *surblid:i surblactive:i surblhost:t surblrejectmessage:t surblscore:i
hm_greylisting_triplets: *glid:i glcreatetime:d glblockendtime:d gldeletetime:d glipaddress1:i glipaddress2:i glsenderaddress:t glrecipientaddress:t glblockedcount:i glpassedcount:i
hm_greylisting_whiteaddresses: *whiteid:i whiteipaddress:t whiteipdescription:t
hm_blocked_attachments: *baid:i bawildcard:t badescription:t
hm_servermessages: *smid:i smname:t smtext:t
hm_tcpipports: *portid:i portprotocol:i portnumber:i portaddress1:i portaddress2:i portconnectionsecurity:i portsslcertificateid:i
hm_whitelist: *whiteid:i whiteloweripaddress1:i whiteloweripaddress2:i whiteupperipaddress1:i whiteupperipaddress2:i whiteemailaddress:t whitedescription:t
hm_sslcertificates: *sslcertificateid:i sslcertificatename:t sslcertificatefile:t sslprivatekeyfile:t
hm_groups: *groupid:i groupname:t
hm_group_members: *memberid:i membergroupid:i memberaccountid:i
hm_acl: *aclid:i aclsharefolderid:i aclpermissiontype:i aclpermissiongroupid:i aclpermissionaccountid:i aclvalue:i
hm_incoming_relays: *relayid:i relayname:t relaylowerip1:i relaylowerip2:i relayupperip1:i relayupperip2:i
hm_logon_failures: ipaddress1:i ipaddress2:i failuretime:d
hm_arc_trusted_sealers+: *sealerid:i sealerdomain:t sealerdescription:t
hm_uidvalidity+: *uidvalidityaccountid:i uidvalidityvalue:i
`;

function parseSpec(spec: string): HmailTable[] {
  return spec
    .trim()
    .split('\n')
    .map((line) => {
      const [head, body] = line.split(': ');
      const later = head.endsWith('+');
      let key: string | null = null;
      const columns = body.split(' ').map((item) => {
        const [rawName, rawType] = item.split(':');
        const name = rawName.replace('*', '');
        if (rawName.startsWith('*')) key = name;
        return { name, type: rawType[0] as HmailColumnType, later: rawType.endsWith('+') };
      });
      return { name: head.replace('+', ''), key, later, columns };
    });
}

const HMAIL_TABLES: readonly HmailTable[] = parseSpec(SPEC);

export const HMAIL_TABLE_BY_NAME: ReadonlyMap<string, HmailTable> = new Map(HMAIL_TABLES.map((t) => [t.name, t]));

const SQLITE_TYPE: Record<HmailColumnType, string> = { i: 'INTEGER', t: 'TEXT', d: 'TEXT' };

/** CREATE TABLE IF NOT EXISTS for every canonical table, so the statements can run on any case database. */
export const HMAIL_SCHEMA_DDL: string = HMAIL_TABLES.map((t) => {
  const cols = t.columns.map((c) => `${c.name} ${SQLITE_TYPE[c.type]}${c.name === t.key ? ' PRIMARY KEY' : ''}`);
  return `CREATE TABLE IF NOT EXISTS ${t.name} (${cols.join(', ')});`;
}).join('\n');
