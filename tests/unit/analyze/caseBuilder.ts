/** Builds CaseData for analyzer tests in code: sane empty defaults, overridden only where a case needs it. */
import { linkMessages } from '../../../src/lib/link/linkMessages.ts';
import type { CaseData } from '../../../src/lib/model/caseData.ts';
import type { DbAccount, DbDomain, DbFolder, DbMessage, DbSecurityRange, HmailDatabase } from '../../../src/lib/model/hmailDatabase.ts';
import type { HmailIni } from '../../../src/lib/model/hmailIni.ts';
import type { InventoryEntry } from '../../../src/lib/model/inventoryEntry.ts';
import type { LogData, LogEvent, LogSession } from '../../../src/lib/model/logEvent.ts';
import type { AttachmentInfo, ParsedMessage, ReceivedHop } from '../../../src/lib/model/message.ts';
import { DEFAULT_ANALYZER_OPTIONS, type AnalyzerOptions } from '../../../src/lib/analyze/analyzer.ts';
import { fixedZone } from '../../../src/lib/time/serverZone.ts';

/** The default zone of built cases: a fixed UTC+02:00, as the hand-written fixtures assume. */
const UTC_PLUS_2 = fixedZone(120, 'test case');

export const OPTIONS: AnalyzerOptions = { ...DEFAULT_ANALYZER_OPTIONS, now: '2024-06-01T00:00:00Z' };

const DATA = 'hMailServer/Data';

/** A mailbox path in the 5.x layout for a GUID's first hex digits. */
export function mailboxPath(account: string, guid: string): string {
  const [local, domain] = account.split('@');
  return `${DATA}/${domain}/${local}/${guid.slice(1, 3)}/${guid}.eml`;
}

export function guid(n: number): string {
  const hex = n.toString(16).toUpperCase().padStart(8, '0');
  return `{${hex}-0000-4000-8000-000000000000}`;
}

export function hop(p: Partial<ReceivedHop> = {}): ReceivedHop {
  return { raw: '', from: 'mx.sender.example', fromPtr: 'mx.sender.example', ip: '192.0.2.10', by: 'mail.northwind.example', with: 'ESMTP', id: null, for: null, time: '2024-05-06T06:00:00.000Z', offsetMinutes: 120, ...p };
}

export function attachment(p: Partial<AttachmentInfo> = {}): AttachmentInfo {
  return { filename: 'report.pdf', contentType: 'application/pdf', disposition: 'attachment', size: 100, sha256: 'ab'.repeat(32), detectedType: 'pdf', ...p };
}

export function message(path: string, p: Partial<ParsedMessage> = {}): ParsedMessage {
  const g = /\{[0-9A-F-]+\}/i.exec(path)?.[0]?.toUpperCase() ?? null;
  return {
    path,
    size: 500,
    md5: '0'.repeat(32),
    sha256: `${path.length.toString(16)}`.padStart(64, '0'),
    guid: g,
    headers: [],
    messageId: `<${path}@test>`,
    inReplyTo: null,
    references: [],
    from: { name: '', address: 'partner@contoso.example' },
    sender: null,
    replyTo: [],
    returnPath: 'partner@contoso.example',
    deliveredTo: null,
    to: [{ name: '', address: 'alice@northwind.example' }],
    cc: [],
    bcc: [],
    subject: 'Quarterly figures',
    date: '2024-05-06T06:00:00.000Z',
    received: [hop()],
    authResults: [],
    spam: { flagged: false, score: null, reasons: [] },
    dkim: [],
    attachments: [],
    text: 'Hello',
    hasHtml: false,
    defects: [],
    parseError: null,
    parsedBy: 'postal-mime',
    ...p,
  };
}

export function domain(id: number, name: string): DbDomain {
  return { id, name, active: true, postmaster: '', antispamOptions: 0, dkimSelector: '' };
}

export function account(id: number, address: string, p: Partial<DbAccount> = {}): DbAccount {
  return {
    id, domainId: 1, address, active: true, isAd: false, adminLevel: 0, maxSizeMb: 0, passwordScheme: 'sha256-salted', passwordStored: '',
    lastLogon: null, forwardEnabled: false, forwardAddress: '', forwardKeepOriginal: false, vacationOn: false, vacationSubject: '',
    firstName: '', lastName: '', ...p,
  };
}

export function folder(id: number, accountId: number, fullPath: string, currentUid: number): DbFolder {
  return { id, accountId, parentId: -1, name: fullPath.split('.').pop() ?? fullPath, fullPath, subscribed: true, createTime: '2024-05-06 08:00:00', currentUid };
}

export function dbMessage(id: number, p: Partial<DbMessage> = {}): DbMessage {
  return { id, accountId: 1, folderId: 1, fileName: `${guid(id)}.eml`, type: 2, from: '', size: 500, createTime: '2024-05-06 08:00:00', nextTryTime: null, tries: 0, flags: 33, locked: false, uid: 1, ...p };
}

export function range(p: Partial<DbSecurityRange> = {}): DbSecurityRange {
  return { id: 1, name: 'Internet', priority: 10, lowerIp: '0.0.0.0', upperIp: '255.255.255.255', options: 96203, expires: false, expiresTime: null, ...p };
}

/** The sample server's shape: northwind.example with alice (INBOX id 1), bob (INBOX id 2). */
export function database(p: Partial<HmailDatabase> = {}): HmailDatabase {
  return {
    source: 'sqlite',
    path: 'hMailServer/Database/hMailServer.sqlite',
    schemaVersion: 5601,
    tables: {},
    domains: [domain(1, 'northwind.example')],
    accounts: [account(1, 'alice@northwind.example'), account(2, 'bob@northwind.example')],
    aliases: [],
    distributionLists: [],
    folders: [folder(1, 1, 'INBOX', 0), folder(2, 2, 'INBOX', 0)],
    messages: [],
    recipients: [],
    settings: { hostname: { name: 'hostname', string: 'mail.northwind.example', integer: 0 } },
    securityRanges: [],
    blockedAttachments: [],
    dnsbl: [],
    surbl: [],
    serverMessages: {},
    domainAliases: [],
    incomingRelays: [],
    whitelist: [],
    rules: [],
    fetchAccounts: [],
    routes: [],
    logonFailures: [],
    problems: [],
    ...p,
  };
}

export function setting(name: string, integer: number, string = ''): HmailDatabase['settings'] {
  return { [name]: { name, string, integer } };
}

export function ini(p: Partial<HmailIni> = {}): HmailIni {
  return {
    path: 'hMailServer/Bin/hMailServer.ini', dataFolder: 'C:\\Program Files (x86)\\hMailServer\\Data', logFolder: '', tempFolder: '', databaseFolder: '',
    programFolder: '', databaseType: 'MSSQLCE', databaseServer: '', databaseName: '', databaseUser: '', databasePort: null, databasePassword: null,
    databasePasswordEncrypted: false, adminPasswordHash: '', adminPasswordScheme: 'md5', archiveDir: '', raw: {}, ...p,
  };
}

export function emptyLogs(p: Partial<LogData> = {}): LogData {
  return { files: [], sessions: [], events: [], credentials: [], unparsed: [], unparsedTotal: 0, ...p };
}

export function session(p: Partial<LogSession> = {}): LogSession {
  return {
    key: 'log#SMTPD#1', file: 'hMailServer/Logs/hmailserver_2024-05-12.log', protocol: 'SMTPD', session: 1, ip: '203.0.113.9',
    start: '2024-05-12 10:00:00.000', end: '2024-05-12 10:00:01.000', helo: 'kali', authUser: null, authResult: null, mailFrom: null,
    rcptTo: [], responses: [], bytes: 0, lineCount: 1, firstLine: 1, lastLine: 1, ...p,
  };
}

export function logEvent(p: Partial<LogEvent> = {}): LogEvent {
  return { kind: 'logon-ok', localTime: '2024-05-12 10:00:00.000', file: 'hMailServer/Logs/hmailserver_2024-05-12.log', lineNo: 1, protocol: 'SMTPD', session: 1, ip: '203.0.113.9', account: null, detail: '', ...p };
}

function inventoryFor(m: ParsedMessage): InventoryEntry {
  return { path: m.path, kind: 'message', format: 'eml', size: m.size, md5: m.md5, sha256: m.sha256, status: 'ok' };
}

export interface CaseInput extends Partial<Omit<CaseData, 'links'>> {
  /** Message files present only in the inventory (not parsed), e.g. for linking tests. */
  extraInventory?: InventoryEntry[];
}

/** CaseData with inventory rows for every message and links computed by the real linker. */
export function buildCase(input: CaseInput = {}): CaseData {
  const { extraInventory = [], ...rest } = input;
  const messages = rest.messages ?? [];
  const base: Omit<CaseData, 'links'> = {
    evidence: [],
    inventory: rest.inventory ?? [...messages.map(inventoryFor), ...extraInventory],
    ini: null,
    database: null,
    messages,
    logs: emptyLogs(),
    dns: null,
    weakPasswords: [],
    parseErrors: [],
    serverZone: UTC_PLUS_2,
    ...rest,
  };
  return { ...base, links: linkMessages(base) };
}
