import { describe, it } from 'vitest';
import { sizeMismatch } from '../../../src/lib/analyze/sizeMismatch.ts';
import { buildCase, database, dbMessage, guid, mailboxPath, message } from './caseBuilder.ts';
import { runCase, type AnalyzerCase } from './expectFindings.ts';

const path = mailboxPath('bob@northwind.example', guid(0x7e000001));
const trace = [
  { name: 'Return-Path', value: 'z@contoso.example' },
  { name: 'Delivered-To', value: 'bob@northwind.example' },
  { name: 'Received', value: 'from mx.sender.example by mail.northwind.example; Sat, 11 May 2024 08:00:00 +0200' },
];
// "Return-Path: z@contoso.example\r\n" = 32 bytes, "Delivered-To: bob@northwind.example\r\n" = 37 bytes.
const TRACE_CRLF = 32 + 37;

function input(fileSize: number, dbSize: number) {
  return buildCase({
    database: database({ messages: [dbMessage(0x7e000001, { accountId: 2, folderId: 2, size: dbSize })] }),
    messages: [message(path, { size: fileSize, headers: trace })],
  });
}

const cases: AnalyzerCase[] = [
  {
    name: 'larger by exactly the prepended Return-Path/Delivered-To lines: the 5.6.x quirk, low',
    input: input(500 + TRACE_CRLF, 500),
    expected: [{ type: 'size-mismatch', severity: 'low', ref: { message: path }, details: { fileSize: 569, dbSize: 500, difference: 69, explainedByTraceHeaders: true } }],
  },
  {
    name: 'larger by another amount: content added, medium',
    input: input(500 + TRACE_CRLF + 1, 500),
    expected: [{ type: 'size-mismatch', severity: 'medium', details: { difference: 70, explainedByTraceHeaders: false } }],
  },
  {
    name: 'an impossible negative recorded size: high',
    input: input(441, -793),
    expected: [{ type: 'size-mismatch', severity: 'high', details: { fileSize: 441, dbSize: -793, difference: 1234 } }],
  },
  {
    name: 'file smaller than recorded: bytes removed, high',
    input: input(400, 500),
    expected: [{ type: 'size-mismatch', severity: 'high', details: { difference: -100 } }],
  },
  { name: 'equal sizes: nothing', input: input(500, 500), expected: [] },
  { name: 'no database row: nothing to compare', input: buildCase({ messages: [message(path, { size: 1 })] }), expected: [] },
];

describe('sizeMismatch', () => {
  it.each(cases)('$name', (c) => {
    runCase(sizeMismatch, c);
  });
});
