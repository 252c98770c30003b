/**
 * Generates the built-in demo evidence (src/assets/demo/demo-evidence.zip): a small, made-up hMailServer
 * copy — ini, mailbox and queue files, one day's log and a SQLite database — with a few planted
 * problems. Deterministic: fixed times, GUIDs from a seeded generator, fixed zip dates.
 * Usage: node tests/generate/demoEvidence.mjs [output.zip]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import initSqlJs from 'sql.js';
import { mulberry32 } from './mulberry32.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUTPUT = resolve(process.argv[2] ?? `${REPO}/src/assets/demo/demo-evidence.zip`);
/** The demo is embedded in the page; above this it would bloat every download of the app. */
const MAX_ZIP_BYTES = 100 * 1024;
const ZIP_DATE = new Date(Date.UTC(2024, 5, 4, 7, 30, 0));
const ROOT = 'hMailServer';
const WIN_DATA = 'C:\\Program Files (x86)\\hMailServer\\Data';
const HOSTNAME = 'mail.harbourline.example';
const SERVER_IP = '10.20.0.5';
/** The server's local offset; every hMailServer time below is local time at +02:00. */
const OFFSET = '+0200';

const random = mulberry32(20240603);

function guid() {
  const b = Array.from({ length: 16 }, () => Math.floor(random() * 256));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.map((x) => x.toString(16).padStart(2, '0').toUpperCase()).join('');
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `local` is 'YYYY-MM-DD HH:MM:SS' in server time; returns the RFC 5322 form with the server offset. */
function mimeDate(local) {
  const [d, t] = local.split(' ');
  const [y, m, day] = d.split('-').map(Number);
  const weekday = DAYS[new Date(Date.UTC(y, m - 1, day)).getUTCDay()];
  return `${weekday}, ${String(day).padStart(2, '0')} ${MONTHS[m - 1]} ${y} ${t} ${OFFSET}`;
}

const sha256 = (s) => createHash('sha256').update(s).digest('hex');
const md5 = (s) => createHash('md5').update(s).digest('hex');
const b64 = (s) => Buffer.from(s).toString('base64');
const crlf = (lines) => lines.join('\r\n') + '\r\n';

function wrap76(base64) {
  return base64.match(/.{1,76}/g).join('\r\n');
}

/** A tiny but structurally real PE header, so the attachment sniffs as an executable. */
function peStub() {
  const bytes = new Uint8Array(256);
  bytes.set([0x4d, 0x5a], 0);
  new DataView(bytes.buffer).setUint32(0x3c, 0x80, true);
  bytes.set(Buffer.from('This program cannot be run in DOS mode.\r\r\n$'), 0x4e);
  bytes.set([0x50, 0x45, 0, 0, 0x4c, 0x01, 0x01, 0x00], 0x80);
  return bytes;
}

const domains = [
  { id: 1, name: 'harbourline.example' },
  { id: 2, name: 'lakeview.example' },
];

const accounts = [
  {
    id: 1, domain: 1, address: 'anna@harbourline.example', first: 'Anna', last: 'Berg', admin: 2,
    pwType: 3, password: saltedSha256('5c1e7a', 'Tide-Lantern-48'), lastLogon: '2024-06-03 08:02:11',
  },
  {
    id: 2, domain: 1, address: 'ben@harbourline.example', first: 'Ben', last: 'Ortiz', admin: 0,
    pwType: 2, password: md5('summer2024'), lastLogon: '2024-06-03 10:21:47',
  },
  {
    id: 3, domain: 1, address: 'chris@harbourline.example', first: 'Chris', last: 'Novak', admin: 0,
    pwType: 3, password: saltedSha256('a09d3f', 'Granite!Orchard7'), lastLogon: '2024-06-02 17:40:03',
    forward: 'chris.home@freemail.example',
  },
  {
    id: 4, domain: 2, address: 'dora@lakeview.example', first: 'Dora', last: 'Lind', admin: 0,
    pwType: 0, password: 'Lakeview2024', lastLogon: '2024-06-01 12:00:00',
  },
];

function saltedSha256(salt, password) {
  return salt + sha256(salt + password);
}

const FOLDER_NAMES = ['INBOX', 'Sent', 'Trash'];
const folders = accounts.flatMap((a, i) =>
  FOLDER_NAMES.map((name, j) => ({ id: i * 3 + j + 1, account: a.id, name, uid: 0 })),
);
const folderOf = (accountId, name) => folders.find((f) => f.account === accountId && f.name === name);
const accountOf = (address) => accounts.find((a) => a.address === address);

function received({ helo, ip, ptr, time, auth = false }) {
  return [
    `Received: from ${helo} (${ptr ?? 'Unknown'} [${ip}])`,
    `\tby ${HOSTNAME} with ESMTP${auth ? 'A' : ''}`,
    `\t; ${mimeDate(time)}`,
  ];
}

function textMessage({ returnPath, hop, from, to, replyTo, subject, time, id, body, extraHeaders = [] }) {
  return crlf([
    `Return-Path: ${returnPath}`,
    ...received({ ...hop, time }),
    `From: ${from}`,
    `To: ${to}`,
    ...(replyTo ? [`Reply-To: ${replyTo}`] : []),
    `Subject: ${subject}`,
    `Date: ${mimeDate(time)}`,
    `Message-ID: <${id}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    ...extraHeaders,
    '',
    ...body,
  ]);
}

function mixedMessage({ returnPath, hop, from, to, subject, time, id, body, attachment }) {
  const boundary = `----=_Part_${id.split('@')[0]}`;
  return crlf([
    `Return-Path: ${returnPath}`,
    ...received({ ...hop, time }),
    `From: ${from}`,
    `To: ${to}`,
    `Subject: ${subject}`,
    `Date: ${mimeDate(time)}`,
    `Message-ID: <${id}>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    'This is a multi-part message in MIME format.',
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    ...body,
    '',
    `--${boundary}`,
    `Content-Type: ${attachment.type}; name="${attachment.name}"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="${attachment.name}"`,
    '',
    wrap76(Buffer.from(attachment.bytes).toString('base64')),
    '',
    `--${boundary}--`,
  ]);
}

const LAKEVIEW_HOP = { helo: 'mx.lakeview.example', ip: '192.0.2.10', ptr: 'mx.lakeview.example' };
const LOCAL_HOP = { helo: 'ANNA-PC', ip: '10.20.0.31', auth: true };

/** Mailbox messages: owner account, folder, local create time, file bytes, envelope sender. */
const mailbox = [
  {
    owner: 'anna@harbourline.example', folder: 'INBOX', time: '2024-06-01 09:12:44', from: 'ben@harbourline.example',
    data: textMessage({
      returnPath: 'ben@harbourline.example', hop: { helo: 'BEN-LAPTOP', ip: '10.20.0.44', auth: true },
      from: 'Ben Ortiz <ben@harbourline.example>', to: 'Anna Berg <anna@harbourline.example>',
      subject: 'Quarterly figures', time: '2024-06-01 09:12:44', id: 'q2-figures-7731@harbourline.example',
      body: ['Hi Anna,', '', 'the Q2 figures are in the shared folder, final version tomorrow.', '', 'Ben'],
    }),
  },
  {
    owner: 'anna@harbourline.example', folder: 'INBOX', time: '2024-06-01 11:05:09', from: 'dora@lakeview.example',
    data: textMessage({
      returnPath: 'dora@lakeview.example', hop: LAKEVIEW_HOP,
      from: 'Dora Lind <dora@lakeview.example>', to: 'anna@harbourline.example',
      subject: 'Lunch on Thursday?', time: '2024-06-01 11:05:09', id: 'lunch-2291@lakeview.example',
      body: ['Anna,', '', 'are we still on for lunch on Thursday? The usual place at noon.', '', 'Dora'],
    }),
  },
  {
    owner: 'anna@harbourline.example', folder: 'Sent', time: '2024-06-01 11:20:31', from: 'anna@harbourline.example',
    data: textMessage({
      returnPath: 'anna@harbourline.example', hop: LOCAL_HOP,
      from: 'Anna Berg <anna@harbourline.example>', to: 'Dora Lind <dora@lakeview.example>',
      subject: 'Re: Lunch on Thursday?', time: '2024-06-01 11:20:31', id: 'lunch-reply-4410@harbourline.example',
      body: ['Yes, see you there.', '', 'Anna'],
    }),
  },
  {
    owner: 'ben@harbourline.example', folder: 'INBOX', time: '2024-06-01 14:48:02', from: 'anna@harbourline.example',
    data: textMessage({
      returnPath: 'anna@harbourline.example', hop: LOCAL_HOP,
      from: 'Anna Berg <anna@harbourline.example>', to: 'Ben Ortiz <ben@harbourline.example>',
      subject: 'Re: Quarterly figures', time: '2024-06-01 14:48:02', id: 'q2-figures-re-7732@harbourline.example',
      body: ['Thanks Ben, tomorrow is fine.', '', 'Anna'],
    }),
  },
  {
    owner: 'ben@harbourline.example', folder: 'INBOX', time: '2024-06-02 03:17:55', from: 'promo@prize-winners.example',
    data: textMessage({
      returnPath: 'promo@prize-winners.example',
      hop: { helo: 'localhost', ip: '198.51.100.77' },
      from: '"Prize Center" <promo@prize-winners.example>', to: 'ben@harbourline.example',
      subject: 'You have WON a $500 gift card!!!', time: '2024-06-02 03:17:55', id: 'win-88231@prize-winners.example',
      body: ['Congratulations! Claim your $500 gift card now: http://prize-winners.example/claim?id=88231'],
      extraHeaders: [
        'X-hMailServer-Spam: YES',
        'X-hMailServer-Reason-1: Rejected by Spamhaus. - (Score: 3)',
        'X-hMailServer-Reason-2: The host name specified in HELO does not match IP address. - (Score: 2)',
        'X-hMailServer-Reason-Score: 5',
      ],
    }),
  },
  {
    owner: 'chris@harbourline.example', folder: 'INBOX', time: '2024-06-02 16:03:27', from: 'bounce@account-verify.example',
    data: textMessage({
      returnPath: 'bounce@account-verify.example',
      hop: { helo: 'mail.harbourIine.example', ip: '203.0.113.145' },
      from: '"Harbourline IT Service Desk" <it-support@harbourIine.example>', to: 'chris@harbourline.example',
      replyTo: '<helpdesk@account-verify.example>',
      subject: 'Action required: your mailbox is over quota', time: '2024-06-02 16:03:27',
      id: 'quota-55102@harbourIine.example',
      body: [
        'Dear user,',
        '',
        'your mailbox has exceeded its quota and will be suspended within 24 hours.',
        'Confirm your password here to keep your mail: http://harbourIine.example.account-verify.example/login',
        '',
        'IT Service Desk',
      ],
    }),
  },
  {
    owner: 'chris@harbourline.example', folder: 'INBOX', time: '2024-06-02 17:30:14', from: 'anna@harbourline.example',
    data: mixedMessage({
      returnPath: 'anna@harbourline.example', hop: LOCAL_HOP,
      from: 'Anna Berg <anna@harbourline.example>', to: 'Chris Novak <chris@harbourline.example>',
      subject: 'Team offsite agenda', time: '2024-06-02 17:30:14', id: 'offsite-1203@harbourline.example',
      body: ['Hi Chris,', '', 'agenda for the offsite attached.', '', 'Anna'],
      attachment: {
        name: 'agenda.txt', type: 'text/plain',
        bytes: Buffer.from('09:00 Welcome\r\n10:00 Roadmap\r\n12:00 Lunch\r\n14:00 Workshops\r\n'),
      },
    }),
  },
  {
    owner: 'dora@lakeview.example', folder: 'INBOX', time: '2024-06-03 07:55:40', from: 'ap@supplier-invoices.example',
    data: mixedMessage({
      returnPath: 'ap@supplier-invoices.example',
      hop: { helo: 'smtp.supplier-invoices.example', ip: '198.51.100.140', ptr: 'smtp.supplier-invoices.example' },
      from: '"Accounts Payable" <ap@supplier-invoices.example>', to: 'dora@lakeview.example',
      subject: 'Overdue invoice 0612', time: '2024-06-03 07:55:40', id: 'inv-0612@supplier-invoices.example',
      body: ['Hello,', '', 'please find the overdue invoice attached and arrange payment today.', '', 'Accounts Payable'],
      attachment: { name: 'invoice_0612.pdf.exe', type: 'application/octet-stream', bytes: peStub() },
    }),
  },
  {
    owner: 'dora@lakeview.example', folder: 'INBOX', time: '2024-06-03 09:14:22', from: 'anna@harbourline.example',
    data: textMessage({
      returnPath: 'anna@harbourline.example', hop: LOCAL_HOP,
      from: 'Anna Berg <anna@harbourline.example>', to: 'Dora Lind <dora@lakeview.example>',
      subject: 'Contract draft', time: '2024-06-03 09:14:22', id: 'contract-3390@harbourline.example',
      body: ['Dora,', '', 'the contract draft is ready for review; I will send it by courier.', '', 'Anna'],
    }),
  },
];

const BRUTE_IP = '203.0.113.66';
const RELAY_SENDER = 'offers@bulk-mailer.example';
const RELAY_TARGETS = ['target1@mailbox.example', 'target2@webmail.example'];
const RELAY_TIME = '2024-06-03 10:23:05';

const queued = {
  time: RELAY_TIME,
  from: RELAY_SENDER,
  data: textMessage({
    returnPath: RELAY_SENDER,
    hop: { helo: 'relay-client', ip: BRUTE_IP, auth: true },
    from: `"Best Offers" <${RELAY_SENDER}>`, to: RELAY_TARGETS.join(', '),
    subject: 'Exclusive deal: 80% off watches', time: RELAY_TIME, id: 'deal-40017@bulk-mailer.example',
    body: ['Luxury watches at 80% off, today only: http://bulk-mailer.example/watches'],
  }),
};

function buildMessages() {
  const rows = [];
  const files = {};
  let messageId = 1001;
  for (const m of mailbox) {
    const account = accountOf(m.owner);
    const folder = folderOf(account.id, m.folder);
    folder.uid += 1;
    const name = `${guid()}.eml`;
    const [local, domain] = [m.owner.split('@')[0], m.owner.split('@')[1]];
    files[`${ROOT}/Data/${domain}/${local}/${name.slice(1, 3)}/${name}`] = m.data;
    rows.push({
      id: messageId++, account: account.id, folder: folder.id, name, type: 2, from: m.from,
      size: Buffer.byteLength(m.data), tries: 0, next: '1901-01-01 00:00:00',
      flags: m.folder === 'Sent' ? 1 : 33, created: m.time, uid: folder.uid,
    });
  }
  const name = `${guid()}.eml`;
  files[`${ROOT}/Data/${name}`] = queued.data;
  rows.push({
    id: messageId++, account: 0, folder: 0, name, type: 1, from: queued.from,
    size: Buffer.byteLength(queued.data), tries: 1, next: '2024-06-03 11:23:06',
    flags: 0, created: queued.time, uid: 0,
  });
  return { rows, files, queueRow: rows.at(-1) };
}

function logLine(type, ...fields) {
  return [`"${type}"`, ...fields.map((f) => (typeof f === 'number' ? String(f) : `"${f}"`))].join('\t');
}

/** Seconds since midnight of the log day and milliseconds → the log's 'YYYY-MM-DD HH:MM:SS.mmm'. */
function logTime(seconds, ms) {
  const two = (n) => String(n).padStart(2, '0');
  const hms = `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
  return `2024-06-03 ${hms}.${String(ms).padStart(3, '0')}`;
}

function buildLog(queueRow) {
  const pid = 2212;
  const lines = [logLine('APPLICATION', pid, '2024-06-03 06:00:00.000', 'Servers started.')];
  const smtp = (session, time, ip, text) => logLine('SMTPD', pid, session, time, ip, text);
  const tcp = (time, ip, port) => logLine('TCPIP', pid, time, `TCP - ${ip} connected to ${SERVER_IP}:${port}.`);

  lines.push(tcp('2024-06-03 08:02:10.412', '10.20.0.31', 143));
  lines.push(logLine('IMAPD', pid, 301, '2024-06-03 08:02:10.415', '10.20.0.31', 'SENT: * OK IMAPrev1'));
  lines.push(logLine('IMAPD', pid, 301, '2024-06-03 08:02:11.020', '10.20.0.31', 'RECEIVED: 1 LOGIN "anna@harbourline.example" ***'));
  lines.push(logLine('IMAPD', pid, 301, '2024-06-03 08:02:11.061', '10.20.0.31', 'SENT: 1 OK LOGIN completed'));

  const user = b64('ben@harbourline.example');
  const FAILURES = 8;
  for (let i = 0; i <= FAILURES; i++) {
    const session = 310 + i;
    const t = (ms) => logTime(10 * 3600 + 20 * 60 + 5 + i * 7, ms);
    lines.push(tcp(t(0), BRUTE_IP, 25));
    lines.push(smtp(session, t(2), BRUTE_IP, `SENT: 220 ${HOSTNAME} ESMTP`));
    lines.push(smtp(session, t(95), BRUTE_IP, 'RECEIVED: EHLO relay-client'));
    lines.push(smtp(session, t(96), BRUTE_IP, `SENT: 250-${HOSTNAME}[nl]250-SIZE 20480000[nl]250-AUTH LOGIN[nl]250 HELP`));
    lines.push(smtp(session, t(180), BRUTE_IP, 'RECEIVED: AUTH LOGIN'));
    lines.push(smtp(session, t(181), BRUTE_IP, 'SENT: 334 VXNlcm5hbWU6'));
    lines.push(smtp(session, t(260), BRUTE_IP, `RECEIVED: ${user}`));
    lines.push(smtp(session, t(261), BRUTE_IP, 'SENT: 334 UGFzc3dvcmQ6'));
    lines.push(smtp(session, t(340), BRUTE_IP, 'RECEIVED: ***'));
    lines.push(
      smtp(session, t(352), BRUTE_IP,
        i < FAILURES ? 'SENT: 535 Authentication failed. Restarting authentication process.' : 'SENT: 235 authenticated.'),
    );
  }

  const session = 310 + FAILURES;
  const at = (s, ms) => logTime(10 * 3600 + 23 * 60 + s, ms);
  lines.push(smtp(session, at(1, 10), BRUTE_IP, `RECEIVED: MAIL FROM:<${RELAY_SENDER}>`));
  lines.push(smtp(session, at(1, 12), BRUTE_IP, 'SENT: 250 OK'));
  for (const [k, target] of RELAY_TARGETS.entries()) {
    lines.push(smtp(session, at(2, 100 * k), BRUTE_IP, `RECEIVED: RCPT TO:<${target}>`));
    lines.push(smtp(session, at(2, 100 * k + 2), BRUTE_IP, 'SENT: 250 OK'));
  }
  lines.push(smtp(session, at(3, 0), BRUTE_IP, 'RECEIVED: DATA'));
  lines.push(smtp(session, at(3, 1), BRUTE_IP, 'SENT: 354 OK, send.'));
  lines.push(smtp(session, at(5, 0), BRUTE_IP, 'SENT: 250 Queued (1.998 seconds)'));
  lines.push(smtp(session, at(5, 400), BRUTE_IP, 'RECEIVED: QUIT'));
  lines.push(smtp(session, at(5, 401), BRUTE_IP, 'SENT: 221 goodbye'));

  const deliverer = (time, text) => logLine('APPLICATION', pid, time, `SMTPDeliverer - Message ${queueRow.id}: ${text}`);
  lines.push(
    deliverer(at(6, 0),
      `Delivering message from ${RELAY_SENDER} to ${RELAY_TARGETS.join(', ')}. File: ${WIN_DATA}\\${queueRow.name}`),
  );
  lines.push(logLine('TCPIP', pid, at(6, 120), 'DNS MX lookup: mailbox.example'));
  lines.push(deliverer(at(36, 0), 'Message could not be delivered. Scheduling it for later delivery in 60 minutes.'));
  lines.push(deliverer(at(36, 1), 'Message delivery thread completed.'));
  return crlf(lines);
}

const INI = crlf([
  '[Directories]',
  'ProgramFolder=C:\\Program Files (x86)\\hMailServer',
  'DatabaseFolder=C:\\Program Files (x86)\\hMailServer\\Database',
  `DataFolder=${WIN_DATA}`,
  'LogFolder=C:\\Program Files (x86)\\hMailServer\\Logs',
  'TempFolder=C:\\Program Files (x86)\\hMailServer\\Temp',
  'EventFolder=C:\\Program Files (x86)\\hMailServer\\Events',
  '[GUILanguages]',
  'ValidLanguages=english,swedish',
  '[Security]',
  `AdministratorPassword=${md5('harbour-admin')}`,
  '[Database]',
  'Type=MSSQLCE',
  'Username=',
  'PasswordEncryption=0',
  'Password=',
  'Port=0',
  'Server=',
  'Database=hMailServer',
  'Internal=1',
]);

/** hMailServer 5.6 tables, as a converted .sdf would hold them (SQLite types, hMailServer column names). */
const SCHEMA = `
CREATE TABLE hm_dbversion (value integer);
CREATE TABLE hm_domains (domainid integer primary key, domainname text, domainactive integer, domainpostmaster text,
  domainmaxsize integer, domainaddomain text, domainmaxmessagesize integer, domainuseplusaddressing integer,
  domainplusaddressingchar text, domainantispamoptions integer, domainenablesignature integer, domainsignaturemethod integer,
  domainsignatureplaintext text, domainsignaturehtml text, domainaddsignaturestoreplies integer,
  domainaddsignaturestolocalemail integer, domainmaxnoofaccounts integer, domainmaxnoofaliases integer,
  domainmaxnoofdistributionlists integer, domainlimitationsenabled integer, domainmaxaccountsize integer,
  domaindkimselector text, domaindkimprivatekeyfile text);
CREATE TABLE hm_accounts (accountid integer primary key, accountdomainid integer, accountadminlevel integer,
  accountaddress text, accountpassword text, accountactive integer, accountisad integer, accountaddomain text,
  accountadusername text, accountmaxsize integer, accountvacationmessageon integer, accountvacationmessage text,
  accountvacationsubject text, accountpwencryption integer, accountforwardenabled integer, accountforwardaddress text,
  accountforwardkeeporiginal integer, accountenablesignature integer, accountsignatureplaintext text,
  accountsignaturehtml text, accountlastlogontime text, accountvacationexpires integer, accountvacationexpiredate text,
  accountpersonfirstname text, accountpersonlastname text);
CREATE TABLE hm_imapfolders (folderid integer primary key, folderaccountid integer, folderparentid integer,
  foldername text, folderissubscribed integer, foldercreationtime text, foldercurrentuid integer);
CREATE TABLE hm_messages (messageid integer primary key, messageaccountid integer, messagefolderid integer,
  messagefilename text, messagetype integer, messagefrom text, messagesize integer, messagecurnooftries integer,
  messagenexttrytime text, messageflags integer, messagecreatetime text, messagelocked integer, messageuid integer);
CREATE TABLE hm_messagerecipients (recipientid integer primary key, recipientmessageid integer, recipientaddress text,
  recipientlocalaccountid integer, recipientoriginaladdress text);
CREATE TABLE hm_settings (settingid integer primary key, settingname text, settingstring text, settinginteger integer);
CREATE TABLE hm_blocked_attachments (baid integer primary key, bawildcard text, badescription text);
CREATE TABLE hm_securityranges (rangeid integer primary key, rangepriorityid integer, rangelowerip1 integer,
  rangelowerip2 integer, rangeupperip1 integer, rangeupperip2 integer, rangeoptions integer, rangename text,
  rangeexpires integer, rangeexpirestime text);
CREATE TABLE hm_logon_failures (ipaddress1 integer, ipaddress2 integer, failuretime text);
`;

const SETTINGS = [
  ['hostname', HOSTNAME, 0],
  ['logging', '', 19],
  ['enableattachmentblocking', '', 0],
  ['AutoBanOnLogonFailureEnabled', '', 0],
  ['MaxInvalidLogonAttempts', '', 3],
  ['LogonAttemptsWithinMinutes', '', 30],
  ['AutoBanMinutes', '', 60],
  ['spammarkthreshold', '', 5],
  ['spamdeletethreshold', '', 20],
  ['usespf', '', 1],
  ['usespfscore', '', 3],
  ['ascheckhostinhelo', '', 1],
  ['ascheckhostinheloscore', '', 2],
  ['usemxchecks', '', 0],
  ['ASDKIMVerificationEnabled', '', 0],
  ['mirroremailaddress', '', 0],
  ['maxmessagesize', '', 20480],
  ['adddeliveredtoheader', '', 0],
];

const BLOCKED = [
  ['*.bat', 'Batch processing file'], ['*.cmd', 'Command file for Windows NT'], ['*.com', 'Command'],
  ['*.cpl', 'Windows Control Panel extension'], ['*.csh', 'C shell script'], ['*.exe', 'Executable'],
  ['*.inf', 'Setup information'], ['*.lnk', 'Shortcut'], ['*.msi', 'Windows Installer package'],
  ['*.msp', 'Windows Installer patch'], ['*.pif', 'Program information file'], ['*.reg', 'Registration key'],
  ['*.scf', 'Windows Explorer command'], ['*.scr', 'Screen saver'],
];

async function buildDatabase(rows) {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(SCHEMA);
  const insert = (table, values) => {
    db.run(`INSERT INTO ${table} VALUES (${values.map(() => '?').join(',')})`, values);
  };
  insert('hm_dbversion', [5601]);
  for (const d of domains) {
    insert('hm_domains', [d.id, d.name, 1, '', 0, '', 0, 0, '+', 0, 0, 1, '', '', 0, 0, 0, 0, 0, 0, 0, '', '']);
  }
  for (const a of accounts) {
    insert('hm_accounts', [
      a.id, a.domain, a.admin, a.address, a.password, 1, 0, '', '', 0, 0, '', '', a.pwType,
      a.forward ? 1 : 0, a.forward ?? '', a.forward ? 1 : 0, 0, '', '', a.lastLogon, 0, null, a.first, a.last,
    ]);
  }
  for (const f of folders) insert('hm_imapfolders', [f.id, f.account, -1, f.name, 1, '2024-05-20 09:00:00', f.uid]);
  for (const r of rows) {
    insert('hm_messages', [
      r.id, r.account, r.folder, r.name, r.type, r.from, r.size, r.tries, r.next, r.flags, r.created, 0, r.uid,
    ]);
  }
  const queueRow = rows.find((r) => r.type === 1);
  RELAY_TARGETS.forEach((target, i) => insert('hm_messagerecipients', [i + 1, queueRow.id, target, 0, target]));
  SETTINGS.forEach(([name, s, n], i) => insert('hm_settings', [i + 1, name, s, n]));
  BLOCKED.forEach(([wildcard, description], i) => insert('hm_blocked_attachments', [i + 1, wildcard, description]));
  insert('hm_securityranges', [1, 10, 0, null, 4294967295, null, 96203, 'Internet', 0, null]);
  insert('hm_securityranges', [2, 15, 2130706433, null, 2130706433, null, 71627, 'My computer', 0, null]);
  const bytes = db.export();
  db.close();
  return bytes;
}

async function main() {
  const { rows, files, queueRow } = buildMessages();
  const zip = new JSZip();
  const add = (path, content) => zip.file(path, content, { date: ZIP_DATE, createFolders: false });
  add(`${ROOT}/Bin/hMailServer.ini`, INI);
  for (const path of Object.keys(files).sort()) add(path, files[path]);
  add(`${ROOT}/Logs/hmailserver_2024-06-03.log`, buildLog(queueRow));
  add(`${ROOT}/Database/hMailServer.sqlite`, await buildDatabase(rows));
  const bytes = await zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
    platform: 'DOS',
  });
  if (bytes.length > MAX_ZIP_BYTES) throw new Error(`demo evidence is ${bytes.length} bytes, limit ${MAX_ZIP_BYTES}`);
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, bytes);
  console.log(`demo evidence: ${OUTPUT} (${bytes.length} bytes, ${Object.keys(zip.files).length} entries)`);
}

await main();
