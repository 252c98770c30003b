/** Content sniffing of every evidence format, with extensions that lie. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASE_FILE_APPLICATION_ID, classifyEntry } from '../../../src/lib/ingest/classifyEntry.ts';
import { HEAD_BYTES } from '../../../src/lib/ingest/limits.ts';
import type { EntryFormat, EntryKind } from '../../../src/lib/model/inventoryEntry.ts';
import { FIXTURES } from '../database/dbTestKit.ts';

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf16 = (s: string) => {
  const out = new Uint8Array(2 + s.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    out[2 + i * 2] = s.charCodeAt(i) & 0xff;
    out[3 + i * 2] = s.charCodeAt(i) >> 8;
  }
  return out;
};
const bytes = (...parts: (number[] | string | Uint8Array)[]) => {
  const chunks = parts.map((p) => (typeof p === 'string' ? latin1(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};
const zeros = (n: number) => new Array<number>(n).fill(0);
const u32le = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24];
const u32be = (n: number) => [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

const MESSAGE = [
  'Return-Path: <alice@northwind.example>',
  'Received: from [203.0.113.9] (unknown [203.0.113.9])',
  '\tby mail.northwind.example with ESMTP; Mon, 13 May 2024 09:00:00 +0200',
  'From: "Alice" <alice@northwind.example>',
  'To: bob@northwind.example',
  'Subject: quarterly figures',
  'Date: Mon, 13 May 2024 09:00:00 +0200',
  'Message-ID: <20240513070000.1@northwind.example>',
  'MIME-Version: 1.0',
  '',
  'Body.',
  '',
].join('\r\n');

const SMTPD_LOG =
  '"SMTPD"\t4532\t154\t"2026-02-12 02:35:40.970"\t"10.10.14.78"\t"SENT: 220 mailing.htb ESMTP"\r\n' +
  '"SMTPD"\t4512\t154\t"2026-02-12 02:35:45.204"\t"10.10.14.78"\t"RECEIVED: HELO wallfly was here!"\r\n';
const ERROR_LINE =
  '"ERROR"\t4388\t"2024-05-06 09:10:00.000"\t"Severity: 3 (Medium), Code: HM5026, Source: PersistentMessage::EnsureFileExistance, Description: Message retrieval failed"\r\n';
const AWSTATS = '2024-05-06 03:20:11\tspam@bad.example\tvictim@external.example\t198.51.100.7\t127.0.0.1\tSMTP\t?\t550\t0\r\n';
const EVENTS = '\uFEFF4400\t"2024-05-06 10:00:00.001"\t"OnAcceptMessage: rejected"\r\n\uFEFF4400\t"2024-05-06 10:00:01.000"\t"second"\r\n';
const BACKUP_LOG = '\uFEFF2024-05-06 02:00:00\tBackup started\r\n\uFEFF2024-05-06 02:00:05\tBackup completed\r\n';
const INI = '[Directories]\r\nProgramFolder=C:\\Program Files (x86)\\hMailServer\r\n[Database]\r\nType=MSSQLCE\r\nPasswordEncryption=1\r\n';
const MYSQL = [
  '-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)',
  '--',
  '-- Host: localhost    Database: hmailserver',
  '/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;',
  'CREATE TABLE `hm_accounts` (',
  '  `accountid` int NOT NULL AUTO_INCREMENT,',
  ') ENGINE=InnoDB;',
  'INSERT INTO `hm_accounts` VALUES (1,1,\'alice@northwind.example\');',
  '',
].join('\n');
const MARIADB = '-- MariaDB dump 10.19  Distrib 10.11.6-MariaDB, for debian-linux-gnu (x86_64)\n--\nLOCK TABLES `hm_domains` WRITE;\n';
const PGSQL = [
  '--',
  '-- PostgreSQL database dump',
  '--',
  '',
  "SET statement_timeout = 0;",
  'SET standard_conforming_strings = on;',
  'COPY public.hm_accounts (accountid, accountaddress) FROM stdin;',
  '1\talice@northwind.example',
  '\\.',
  '',
].join('\n');
const MSSQL = [
  'USE [hMailServer]',
  'GO',
  'SET IDENTITY_INSERT [dbo].[hm_accounts] ON',
  "INSERT [dbo].[hm_accounts] ([accountid], [accountaddress]) VALUES (1, N'alice@northwind.example')",
  'GO',
  '',
].join('\r\n');
const BACKUP_XML = '<?xml version="1.0" encoding="UTF-16"?>\r\n<Backup>\r\n<BackupInformation Mode="7" Version="5.6.8-B2574"/>\r\n</Backup>\r\n';
const ZONE =
  'sel2024._domainkey.fabrikam.example. 3600 IN TXT "v=DKIM1; k=rsa; p=MIGf"\n' +
  'fabrikam.example. 3600 IN TXT "v=spf1 ip4:198.51.100.0/24 -all"\n' +
  'fabrikam.example. 3600 IN MX 10 mail.fabrikam.example.\n';
const SQLITE_HEADER = bytes('SQLite format 3\0', [0x10, 0x00], zeros(50), u32be(0), zeros(28));
const MZ = bytes('MZ', [0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00], zeros(50), 'This program cannot be run in DOS mode.');

interface Case {
  name: string;
  path: string;
  content: Uint8Array;
  format: EntryFormat;
  kind: EntryKind;
  /** Size of the whole entry when `content` is only its head. */
  size?: number;
}

const cases: Case[] = [
  { name: 'GUID-named .eml in a mailbox', path: 'Data/northwind.example/alice/26/{26539DB1-B1FD-4303-85A1-618D6EEE3EFE}.eml', content: latin1(MESSAGE), format: 'eml', kind: 'message' },
  { name: 'extensionless message', path: 'export/message-0001', content: latin1(MESSAGE), format: 'eml', kind: 'message' },
  { name: 'legacy .hma message', path: 'Data/northwind.example/bob/{0A1B}.hma', content: latin1(MESSAGE), format: 'hma', kind: 'message' },
  {
    name: 'message whose header block is longer than the head',
    path: 'Data/{6E62ED9A-BD19-4859-9133-583E24A8B46F}.eml',
    content: latin1(`DKIM-Signature: v=1; a=rsa-sha256;\r\n${'\tb=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\r\n'.repeat(80)}${MESSAGE}`).slice(0, HEAD_BYTES),
    size: 10_000,
    format: 'eml',
    kind: 'message',
  },
  { name: 'photo.jpg that is a message', path: 'photo.jpg', content: latin1(MESSAGE), format: 'eml', kind: 'message' },
  { name: 'message whose body quotes an ini section', path: 'Data/x/{A}.eml', content: latin1(`${MESSAGE}\r\n[Database]\r\nType=MySQL\r\n`), format: 'eml', kind: 'message' },
  { name: 'hMailServer protocol log', path: 'Logs/hmailserver_2026-02-12.log', content: latin1(SMTPD_LOG), format: 'hmail-log', kind: 'log' },
  { name: 'main log starting with an ERROR line', path: 'Logs/hmailserver_2024-05-06.log', content: latin1(ERROR_LINE + SMTPD_LOG), format: 'hmail-log', kind: 'log' },
  { name: 'error log', path: 'Logs/ERROR_hmailserver_2024-05-06.log', content: latin1(ERROR_LINE + ERROR_LINE), format: 'hmail-error-log', kind: 'log' },
  { name: 'awstats log', path: 'Logs/hmailserver_awstats.log', content: latin1(AWSTATS), format: 'hmail-awstats-log', kind: 'log' },
  { name: 'UTF-16LE events log with a BOM on every line', path: 'Logs/hmailserver_events.log', content: utf16(EVENTS), format: 'hmail-events-log', kind: 'log' },
  { name: 'UTF-16LE backup log', path: 'Logs/hmailserver_backup.log', content: utf16(BACKUP_LOG), format: 'hmail-backup-log', kind: 'log' },
  { name: 'hMailServer.ini', path: 'Bin/hMailServer.ini', content: latin1(INI), format: 'hmail-ini', kind: 'ini' },
  { name: 'ini saved as UTF-16LE under another name', path: 'config-backup.txt', content: utf16(INI), format: 'hmail-ini', kind: 'ini' },
  { name: 'mysqldump', path: 'db/hmailserver.sql', content: latin1(MYSQL), format: 'mysql-dump', kind: 'dump' },
  { name: '.log that is a MySQL dump', path: 'Logs/hmailserver_2024-05-06.log', content: latin1(MYSQL), format: 'mysql-dump', kind: 'dump' },
  { name: 'MariaDB dump', path: 'db/dump.txt', content: latin1(MARIADB), format: 'mysql-dump', kind: 'dump' },
  { name: 'pg_dump', path: 'db/hmailserver.dump', content: latin1(PGSQL), format: 'pgsql-dump', kind: 'dump' },
  { name: 'SQL Server script in UTF-16LE', path: 'db/script.sql', content: utf16(MSSQL), format: 'mssql-script', kind: 'dump' },
  { name: 'undecorated hm_ INSERTs with double quotes', path: 'db/export.sql', content: latin1('INSERT INTO "hm_accounts" VALUES (1);\n'), format: 'pgsql-dump', kind: 'dump' },
  { name: 'hMailServerBackup.xml (UTF-16LE)', path: 'backup/hMailServerBackup.xml', content: utf16(BACKUP_XML), format: 'hmail-backup-xml', kind: 'database' },
  { name: 'DNS zone file', path: 'sample-dns.zone', content: latin1(ZONE), format: 'dns-zone', kind: 'other' },
  { name: 'zone file with $ORIGIN', path: 'dns.txt', content: latin1('$ORIGIN fabrikam.example.\n@ IN MX 10 mail\n'), format: 'dns-zone', kind: 'other' },
  { name: 'SQLite database', path: 'Database/hMailServer-converted.sqlite', content: SQLITE_HEADER, format: 'sqlite', kind: 'database' },
  { name: 'SQLite database named .txt', path: 'notes.txt', content: SQLITE_HEADER, format: 'sqlite', kind: 'database' },
  {
    name: 'case file by application_id',
    path: 'case.hmtriage',
    content: bytes('SQLite format 3\0', [0x10, 0x00], zeros(50), u32be(CASE_FILE_APPLICATION_ID), zeros(28)),
    format: 'case-file',
    kind: 'database',
  },
  {
    name: 'case file by its case_meta table',
    path: 'case.sqlite',
    content: bytes(SQLITE_HEADER, zeros(3000), 'CREATE TABLE case_meta (key TEXT PRIMARY KEY, value TEXT)'),
    format: 'case-file',
    kind: 'database',
  },
  { name: 'SQL CE 3.5 .sdf', path: 'Database/hMailServer.sdf', content: bytes(u32le(0xae876deb), zeros(12), u32le(0x00357b9d), zeros(60)), format: 'sdf', kind: 'database' },
  { name: 'SQL CE 4.0 database without extension', path: 'Database/db', content: bytes(u32le(0x12345678), zeros(12), u32le(0x003d0900), zeros(60)), format: 'sdf', kind: 'database' },
  { name: '.sdf of an unknown engine version (binary)', path: 'hMailServer.sdf', content: bytes([1, 2, 3, 4], zeros(12), u32le(0x00999999), zeros(60)), format: 'sdf', kind: 'database' },
  { name: '.sdf that is text', path: 'hMailServer.sdf', content: latin1('just some notes\n'), format: 'unknown', kind: 'other' },
  { name: 'zip', path: 'evidence.zip', content: bytes('PK\x03\x04', zeros(26)), format: 'zip', kind: 'archive' },
  { name: 'empty zip (end record only)', path: 'empty.zip', content: bytes('PK\x05\x06', zeros(18)), format: 'zip', kind: 'archive' },
  { name: '.txt that is a zip', path: 'notes.txt', content: bytes('PK\x03\x04', zeros(26)), format: 'zip', kind: 'archive' },
  { name: 'hMailServer 7z backup', path: 'HMBackup 2024-05-06 020000.7z', content: bytes([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4], zeros(24)), format: '7z', kind: 'archive' },
  { name: '0-byte file', path: 'Data/{00ABC2F9-A563-4BCA-B56E-45AC1F438615}.eml', content: new Uint8Array(0), format: 'empty', kind: 'other' },
  { name: '.eml that is a PE executable', path: 'invoice.eml', content: MZ, format: 'unknown', kind: 'other' },
  { name: '.log that is a PE executable', path: 'Logs/hmailserver_2024-05-06.log', content: MZ, format: 'unknown', kind: 'other' },
  { name: 'plain text', path: 'README.txt', content: latin1('Copied from the server on 2024-05-13 by the examiner.\n'), format: 'unknown', kind: 'other' },
  { name: 'hMailServer.ini that is a message', path: 'Bin/hMailServer.ini', content: latin1(MESSAGE), format: 'eml', kind: 'message' },
];

describe('classifyEntry', () => {
  it.each(['sample-exportsqlce40.sql', 'sample-exportsqlce40-sqlite.sql'])('ExportSqlCe output %s is a SQL Server script from its head alone', (name) => {
    const content = new Uint8Array(readFileSync(join(FIXTURES, name)));
    expect(classifyEntry(`export/${name}`, content.subarray(0, HEAD_BYTES), content.length)).toEqual({ format: 'mssql-script', kind: 'dump' });
  });

  it.each(cases)('$name → $format', ({ path, content, size, format, kind }) => {
    expect(classifyEntry(path, content, size ?? content.length)).toEqual({ format, kind });
  });

  it('reads a message with NUL bytes or binary garbage in its body as a message, not as binary', () => {
    const enc = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
    const headers = 'From: a@example.com\r\nTo: b@example.com\r\nSubject: x\r\n\r\n';
    const nul = enc(`${headers}body\0\0 more body\r\n`);
    expect(classifyEntry('Data/x/{A}.eml', nul, nul.length).format).toBe('eml');
    const garbage = enc(headers + String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => i % 32)));
    expect(classifyEntry('Data/x/{A}.eml', garbage, garbage.length).format).toBe('eml');
    const mz = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]);
    expect(classifyEntry('Data/x/{A}.eml', mz, mz.length).format).toBe('unknown');
  });

  it('opens a self-extracting archive named .zip as a zip, and leaves an .exe an executable', () => {
    const mz = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);
    expect(classifyEntry('evidence/case.zip', mz, 100_000).format).toBe('zip');
    expect(classifyEntry('evidence/setup.exe', mz, 100_000).format).toBe('unknown');
  });

  it('needs two known headers without a message extension', () => {
    expect(classifyEntry('notes.txt', latin1('Subject: shopping\r\n\r\nmilk\r\n'), 25).format).toBe('unknown');
    expect(classifyEntry('notes.eml', latin1('Subject: shopping\r\n\r\nmilk\r\n'), 25).format).toBe('eml');
  });

  it('does not take arbitrary "Name: value" text for a message', () => {
    expect(classifyEntry('todo.txt', latin1('Step1: copy\r\nStep2: hash\r\n'), 26).format).toBe('unknown');
  });
});
