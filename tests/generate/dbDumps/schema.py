"""hMailServer schema 5601 (5.6.x) per engine, reconstructed for the fixture generator from
../shared/reference/hmailserver.md §2.2-2.3: the same tables and columns as src/lib/database/hmailSchema.ts
without the later additions, with each engine's column types and NOT NULL rules."""

# name: [(column, kind, nullable)]; kinds: id (identity key), bigid, int, tiny, big, text(n), ntext, time
TABLES = {
    'hm_accounts': 'accountid id|accountdomainid int|accountadminlevel tiny|accountaddress text255|accountpassword text255|accountactive tiny|accountisad tiny|accountaddomain text255|accountadusername text255|accountmaxsize int|accountvacationmessageon tiny|accountvacationmessage ntext|accountvacationsubject text200|accountpwencryption tiny|accountforwardenabled tiny|accountforwardaddress text255|accountforwardkeeporiginal tiny|accountenablesignature tiny|accountsignatureplaintext ntext|accountsignaturehtml ntext|accountlastlogontime time|accountvacationexpires tiny|accountvacationexpiredate time|accountpersonfirstname text60|accountpersonlastname text60',
    'hm_aliases': 'aliasid id|aliasdomainid int|aliasname text255|aliasvalue text255|aliasactive tiny',
    'hm_domains': 'domainid id|domainname text80|domainactive tiny|domainpostmaster text80|domainmaxsize int|domainaddomain text255|domainmaxmessagesize int|domainuseplusaddressing tiny|domainplusaddressingchar text1|domainantispamoptions int|domainenablesignature tiny|domainsignaturemethod tiny|domainsignatureplaintext ntext|domainsignaturehtml ntext|domainaddsignaturestoreplies tiny|domainaddsignaturestolocalemail tiny|domainmaxnoofaccounts int|domainmaxnoofaliases int|domainmaxnoofdistributionlists int|domainlimitationsenabled int|domainmaxaccountsize int|domaindkimselector text255|domaindkimprivatekeyfile text255',
    'hm_domain_aliases': 'daid id|dadomainid int|daalias text255',
    'hm_messages': 'messageid bigid|messageaccountid int|messagefolderid int|messagefilename text255|messagetype tiny|messagefrom text255|messagesize big|messagecurnooftries int|messagenexttrytime time|messageflags tiny|messagecreatetime time|messagelocked tiny|messageuid big',
    'hm_message_metadata': 'metadata_id bigid|metadata_accountid int|metadata_folderid int|metadata_messageid big|metadata_dateutc time?|metadata_from text255|metadata_subject text255|metadata_to text255|metadata_cc text255',
    'hm_settings': 'settingid id|settingname text30|settingstring text4000|settinginteger int',
    'hm_dbversion': 'value int',
    'hm_distributionlists': 'distributionlistid id|distributionlistdomainid int|distributionlistaddress text255|distributionlistenabled tiny|distributionlistrequireauth tiny|distributionlistrequireaddress text255|distributionlistmode tiny',
    'hm_distributionlistsrecipients': 'distributionlistrecipientid id|distributionlistrecipientlistid int|distributionlistrecipientaddress text255?',
    'hm_messagerecipients': 'recipientid bigid|recipientmessageid big|recipientaddress text255|recipientlocalaccountid int|recipientoriginaladdress text255',
    'hm_imapfolders': 'folderid id|folderaccountid int|folderparentid int|foldername text255|folderissubscribed tiny|foldercreationtime time|foldercurrentuid big',
    'hm_routes': 'routeid id|routedomainname text255|routedescription text255|routetargetsmthost text255|routetargetsmtport int|routenooftries int|routeminutesbetweentry int|routealladdresses tiny|routeuseauthentication tiny|routeauthenticationusername text255|routeauthenticationpassword text255|routetreatsecurityaslocal tiny|routeconnectionsecurity tiny|routetreatsenderaslocaldomain tiny',
    'hm_routeaddresses': 'routeaddressid id|routeaddressrouteid int|routeaddressaddress text255',
    'hm_securityranges': 'rangeid id|rangepriorityid int|rangelowerip1 big|rangelowerip2 big?|rangeupperip1 big|rangeupperip2 big?|rangeoptions int|rangename text100|rangeexpires tiny|rangeexpirestime time',
    'hm_dnsbl': 'sblid id|sblactive tiny|sbldnshost text255|sblresult text255|sblrejectmessage text255|sblscore int',
    'hm_fetchaccounts': 'faid id|faactive tiny|faaccountid int|faaccountname text255|faserveraddress text255|faserverport int|faservertype tiny|fausername text255|fapassword text255|faminutes int|fanexttry time|fadaystokeep int|falocked tiny|faprocessmimerecipients tiny|faprocessmimedate tiny|faconnectionsecurity tiny|fauseantispam tiny|fauseantivirus tiny|faenablerouterecipients tiny',
    'hm_fetchaccounts_uids': 'uidid id|uidfaid int|uidvalue text255|uidtime time',
    'hm_rules': 'ruleid id|ruleaccountid int|rulename text100|ruleactive tiny|ruleuseand tiny|rulesortorder int',
    'hm_rule_criterias': 'criteriaid id|criteriaruleid int|criteriausepredefined tiny|criteriapredefinedfield tiny|criteriaheadername text255|criteriamatchtype tiny|criteriamatchvalue text255',
    'hm_rule_actions': 'actionid id|actionruleid int|actiontype tiny|actionimapfolder text255|actionsubject text255|actionfromname text255|actionfromaddress text255|actionto text255|actionbody ntext|actionfilename text255|actionsortorder int|actionscriptfunction text255|actionheader text80|actionvalue text255|actionrouteid int',
    'hm_surblservers': 'surblid id|surblactive tiny|surblhost text255|surblrejectmessage text255|surblscore int',
    'hm_greylisting_triplets': 'glid bigid|glcreatetime time|glblockendtime time|gldeletetime time|glipaddress1 big|glipaddress2 big?|glsenderaddress text200|glrecipientaddress text200|glblockedcount int|glpassedcount int',
    'hm_greylisting_whiteaddresses': 'whiteid bigid|whiteipaddress text255|whiteipdescription text255',
    'hm_blocked_attachments': 'baid bigid|bawildcard text255|badescription text255',
    'hm_servermessages': 'smid id|smname text255|smtext ntext',
    'hm_tcpipports': 'portid bigid|portprotocol tiny|portnumber int|portaddress1 big|portaddress2 big?|portconnectionsecurity tiny|portsslcertificateid big',
    'hm_whitelist': 'whiteid bigid|whiteloweripaddress1 big|whiteloweripaddress2 big?|whiteupperipaddress1 big|whiteupperipaddress2 big?|whiteemailaddress text255|whitedescription text255',
    'hm_sslcertificates': 'sslcertificateid bigid|sslcertificatename text255|sslcertificatefile text255|sslprivatekeyfile text255',
    'hm_groups': 'groupid bigid|groupname text255?',
    'hm_group_members': 'memberid bigid|membergroupid big|memberaccountid big',
    'hm_acl': 'aclid bigid|aclsharefolderid big|aclpermissiontype tiny|aclpermissiongroupid big|aclpermissionaccountid big|aclvalue big',
    'hm_incoming_relays': 'relayid id|relayname text100|relaylowerip1 big|relaylowerip2 big?|relayupperip1 big|relayupperip2 big?',
    'hm_logon_failures': 'ipaddress1 big|ipaddress2 big?|failuretime time',
}


def columns(table):
    out = []
    for item in TABLES[table].split('|'):
        name, kind = item.split(' ')
        nullable = kind.endswith('?')
        out.append((name, kind.rstrip('?'), nullable))
    return out


def mysql_type(kind):
    if kind == 'id': return 'int auto_increment'
    if kind == 'bigid': return 'bigint auto_increment'
    if kind.startswith('text'): return 'varchar(%s)' % kind[4:]
    return {'int': 'int', 'tiny': 'tinyint', 'big': 'bigint', 'ntext': 'text', 'time': 'datetime'}[kind]


def pg_type(kind):
    if kind in ('id', 'bigid'): return 'bigserial'
    if kind.startswith('text'): return 'varchar(%s)' % kind[4:]
    return {'int': 'int', 'tiny': 'smallint', 'big': 'bigint', 'ntext': 'text', 'time': 'timestamp'}[kind]


# SQL Server keeps int for these three flags (reference §2.2).
MSSQL_INT_FLAGS = {'accountactive', 'accountisad', 'sblactive'}


def mssql_type(name, kind):
    if kind == 'id': return '[int] IDENTITY(1,1)'
    if kind == 'bigid': return '[bigint] IDENTITY(1,1)'
    if kind.startswith('text'): return '[nvarchar](%s)' % kind[4:]
    if kind == 'tiny' and name in MSSQL_INT_FLAGS: return '[int]'
    return {'int': '[int]', 'tiny': '[tinyint]', 'big': '[bigint]', 'ntext': '[ntext]', 'time': '[datetime]'}[kind]


def ddl(engine):
    out = []
    for table in TABLES:
        cols = columns(table)
        lines = []
        key = None
        for name, kind, nullable in cols:
            if kind in ('id', 'bigid'): key = name
            t = mysql_type(kind) if engine == 'mysql' else pg_type(kind)
            lines.append('  %s %s %s' % (name, t, 'null' if nullable else 'not null'))
        if key and engine == 'mysql': lines.append('  primary key (%s)' % key)
        if key and engine == 'pgsql': lines[[c[0] for c in cols].index(key)] += ' primary key'
        tail = ' default charset=utf8;' if engine == 'mysql' else ';'
        out.append('create table %s (\n%s\n)%s' % (table, ',\n'.join(lines), tail))
    return '\n\n'.join(out) + '\n'
