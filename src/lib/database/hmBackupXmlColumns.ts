/**
 * How the attributes each XMLStore method of hMailServer writes (hmailserver/source/Server/Common/BO/*.cpp)
 * map onto the hm_* columns, for the larger objects of hMailServerBackup.xml. Ids and parent ids come from
 * where the element sits (importHmBackupXml.ts). Secrets stay as written: account password hashes, and
 * fetch-account and route passwords Blowfish-encrypted (Crypt::EnCrypt) as the database holds them too.
 */
import type { SqlCell } from './sqlCell.ts';

export type XmlAttributes = Record<string, string>;
type Columns = Record<string, SqlCell>;

/** XMLLoad of fetch accounts, routes and ports: a backup from before ConnectionSecurity has UseSSL="1" (= 1, SSL/TLS). */
export const connectionSecurity = (a: XmlAttributes): SqlCell => (a.UseSSL === '1' ? 1 : (a.ConnectionSecurity ?? 0));

/** Domain::XMLStore. */
export const domainColumns = (a: XmlAttributes): Columns => ({
  domainname: a.Name ?? '', domainactive: a.Active ?? 0, domainpostmaster: a.Postmaster ?? '',
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

/** Account::XMLStore. */
export const accountColumns = (a: XmlAttributes): Columns => ({
  accountaddress: a.Name ?? '', accountpersonfirstname: a.PersonFirstName ?? '',
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

/** FetchAccount::XMLStore; the next try time and the lock are not in the backup. */
export const fetchAccountColumns = (a: XmlAttributes): Columns => ({
  faactive: a.Active ?? 0, faaccountname: a.Name ?? '', faserveraddress: a.ServerAddress ?? '',
  faserverport: a.Port ?? 0, faservertype: a.ServerType ?? 0, fausername: a.Username ?? '', fapassword: a.Password ?? '',
  faminutes: a.Minutes ?? 0, fanexttry: null, fadaystokeep: a.DaysToKeep ?? 0, falocked: 0,
  faprocessmimerecipients: a.ProcessMIMERecipients ?? 0, faprocessmimedate: a.ProcessMIMEDate ?? 0,
  faconnectionsecurity: connectionSecurity(a),
  fauseantispam: a.UseAntiSpam ?? 0, fauseantivirus: a.UseAntiVirus ?? 0, faenablerouterecipients: a.EnableRouteRecipients ?? 0,
  famimerecipientheaders: a.MIMERecipientHeaders ?? null,
});

/** RuleCriteria::XMLStore. */
export const criteriaColumns = (a: XmlAttributes): Columns => ({
  criteriausepredefined: a.UsePredefinedField ?? 0, criteriapredefinedfield: a.FieldType ?? 0,
  criteriaheadername: a.HeaderField ?? '', criteriamatchtype: a.MatchType ?? 0, criteriamatchvalue: a.MatchString ?? '',
});

/** RuleAction::XMLStore. */
export const actionColumns = (a: XmlAttributes): Columns => ({
  actiontype: a.Type ?? 0, actionimapfolder: a.IMAPFolder ?? '',
  actionsubject: a.Subject ?? '', actionfromname: a.FromName ?? '', actionfromaddress: a.FromAddress ?? '', actionto: a.To ?? '',
  actionbody: a.Body ?? '', actionfilename: a.FileName ?? '', actionsortorder: a.SortOrder ?? 0,
  actionscriptfunction: a.ScriptFunction ?? '', actionheader: a.Header ?? '', actionvalue: a.Value ?? '', actionrouteid: a.RouteID ?? 0,
});

/** Route::XMLStore; TreatRecipientAsLocalDomain is the column routetreatsecurityaslocal (PersistentRoute). */
export const routeColumns = (a: XmlAttributes): Columns => ({
  routedomainname: a.Name ?? '', routedescription: a.Description ?? '', routetargetsmthost: a.TargetHost ?? '',
  routetargetsmtport: a.TargetPort ?? 0, routenooftries: a.NumberOfTries ?? 0, routeminutesbetweentry: a.MinutesBetweenTry ?? 0,
  routealladdresses: a.ToAllAddresses ?? 0, routeuseauthentication: a.RequiresAuthentication ?? 0,
  routeauthenticationusername: a.Username ?? '', routeauthenticationpassword: a.Password ?? '',
  routetreatsecurityaslocal: a.TreatRecipientAsLocalDomain ?? 0, routetreatsenderaslocaldomain: a.TreatSenderAsLocalDomain ?? 0,
  routeconnectionsecurity: connectionSecurity(a),
});

/** Message::XMLStore; the next try time and the lock are not in the backup. */
export const messageColumns = (a: XmlAttributes): Columns => ({
  messagefilename: a.Filename ?? '', messagetype: a.State ?? 2, messagefrom: a.FromAddress ?? '', messagesize: a.Size ?? 0,
  messagecurnooftries: a.NoOfRetries ?? 0, messagenexttrytime: null, messageflags: a.Flags ?? 0, messagecreatetime: a.CreateTime ?? null,
  messagelocked: 0, messageuid: a.UID ?? 0,
});
