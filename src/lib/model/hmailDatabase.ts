/**
 * hMailServer's database normalised to one typed shape, whatever the source (SQLite, MySQL or
 * PostgreSQL dump, SQL Server script, backup XML). Column meanings: ../shared/reference/hmailserver.md §2.
 * Times are kept as the naive local strings the server wrote ("YYYY-MM-DD HH:MM:SS") or null.
 */

export type DatabaseSource = 'sqlite' | 'mysql-dump' | 'pgsql-dump' | 'mssql-script' | 'backup-xml' | 'none';

export type PasswordScheme = 'plain' | 'blowfish' | 'md5' | 'sha256-salted' | 'blank' | 'unknown';

export interface DbDomain {
  id: number;
  name: string;
  active: boolean;
  postmaster: string;
  antispamOptions: number;
  dkimSelector: string;
}

export interface DbAccount {
  id: number;
  domainId: number;
  address: string;
  active: boolean;
  isAd: boolean;
  adminLevel: number;
  maxSizeMb: number;
  passwordScheme: PasswordScheme;
  /** The stored value as is (hash, plain or Blowfish hex). Never shown unless the examiner asks. */
  passwordStored: string;
  lastLogon: string | null;
  forwardEnabled: boolean;
  forwardAddress: string;
  forwardKeepOriginal: boolean;
  vacationOn: boolean;
  vacationSubject: string;
  firstName: string;
  lastName: string;
}

interface DbAlias { id: number; domainId: number; name: string; value: string; active: boolean }

interface DbDistributionList {
  id: number;
  domainId: number;
  address: string;
  enabled: boolean;
  mode: number;
  recipients: string[];
}

export interface DbFolder {
  id: number;
  accountId: number;
  parentId: number;
  name: string;
  /** Names from the root joined with the hierarchy delimiter, e.g. "INBOX.Invoices". */
  fullPath: string;
  subscribed: boolean;
  createTime: string | null;
  currentUid: number;
}

export interface DbMessage {
  id: number;
  accountId: number;
  folderId: number;
  fileName: string;
  type: number;
  from: string;
  size: number;
  createTime: string | null;
  nextTryTime: string | null;
  tries: number;
  flags: number;
  locked: boolean;
  uid: number;
}

export interface DbRecipient {
  id: number;
  messageId: number;
  address: string;
  originalAddress: string;
  localAccountId: number;
}

export interface DbSetting { name: string; string: string; integer: number }

export interface DbSecurityRange {
  id: number;
  name: string;
  priority: number;
  lowerIp: string;
  upperIp: string;
  options: number;
  expires: boolean;
  expiresTime: string | null;
}

export interface DbRuleCriteria { field: number; headerName: string; matchType: number; matchValue: string }
export interface DbRuleAction {
  type: number;
  to: string;
  imapFolder: string;
  routeId: number;
  scriptFunction: string;
}
export interface DbRule {
  id: number;
  accountId: number;
  name: string;
  active: boolean;
  useAnd: boolean;
  criteria: DbRuleCriteria[];
  actions: DbRuleAction[];
}

interface DbFetchAccount {
  id: number;
  accountId: number;
  name: string;
  serverAddress: string;
  port: number;
  userName: string;
  active: boolean;
  daysToKeep: number;
}

interface DbRoute {
  id: number;
  domainName: string;
  description: string;
  targetHost: string;
  targetPort: number;
  allAddresses: boolean;
  useAuthentication: boolean;
  authUserName: string;
}

interface DbLogonFailure { ip: string; time: string | null }

interface DbBlockedAttachment { wildcard: string; description: string }

/** A DNS blacklist (hm_dnsbl) or SURBL server (hm_surblservers); inactive rows are kept. */
export interface DbSpamList { host: string; active: boolean; score: number; rejectMessage: string }

/** hm_domain_aliases: another domain name the server accepts as `domainId`. */
interface DbDomainAlias { domainId: number; alias: string }

/** hm_incoming_relays: an IP range hMailServer trusts as a forwarding relay. */
interface DbIncomingRelay { name: string; lowerIp: string; upperIp: string }

/** hm_whitelist: senders exempt from every spam test (IP range and/or address wildcard). */
interface DbWhitelistEntry { lowerIp: string; upperIp: string; emailAddress: string; description: string }

/** A statement or row the importer could not load: reported, never silently dropped. */
export interface ImportProblem { line: number; statement: string; reason: string }

export interface HmailDatabase {
  source: DatabaseSource;
  /** Evidence path of the file it came from. */
  path: string;
  schemaVersion: number | null;
  /** Row count of every table found, by hMailServer's own table name. */
  tables: Record<string, number>;
  domains: DbDomain[];
  accounts: DbAccount[];
  aliases: DbAlias[];
  distributionLists: DbDistributionList[];
  folders: DbFolder[];
  messages: DbMessage[];
  recipients: DbRecipient[];
  settings: Record<string, DbSetting>;
  securityRanges: DbSecurityRange[];
  blockedAttachments: DbBlockedAttachment[];
  dnsbl: DbSpamList[];
  surbl: DbSpamList[];
  /** hm_servermessages: template name (smname, e.g. ATTACHMENT_REMOVED) → text as customised. */
  serverMessages: Record<string, string>;
  domainAliases: DbDomainAlias[];
  incomingRelays: DbIncomingRelay[];
  whitelist: DbWhitelistEntry[];
  rules: DbRule[];
  fetchAccounts: DbFetchAccount[];
  routes: DbRoute[];
  logonFailures: DbLogonFailure[];
  problems: ImportProblem[];
}
