/**
 * A Data-folder zip of ordinary filler mail with a fixed set of planted incidents, at any size: the same
 * planted messages (same paths, same bytes) whatever the filler count, so a small reference run and a large
 * fast run must report exactly the same findings for them. Deterministic for a given filler count.
 * Usage: node tests/generate/plantedEvidence.mjs --filler N [--out file.zip]   (prints the zip's path)
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { mulberry32 } from './mulberry32.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DOMAIN = 'harbourline.example';
const WORDS = 'agenda budget contract delivery invoice meeting notes order project quarter report review schedule team travel update'.split(' ');
const MAILBOX = (user, name) => `hMailServer/Data/${DOMAIN}/${user}/${name.slice(1, 3)}/${name}`;

function hex(random, n) {
  return Array.from({ length: n }, () => Math.floor(random() * 16).toString(16).toUpperCase()).join('');
}

function guidName(random) {
  const h = hex(random, 32);
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}}.eml`;
}

const crlf = (lines) => new TextEncoder().encode(lines.join('\r\n'));

function message({ from, to = `user01@${DOMAIN}`, subject, date = 'Tue, 07 May 2024 10:00:00 +0000', received, extra = [], body = ['Hello,', '', 'see you tomorrow.'], id }) {
  return crlf([
    `Return-Path: <${from.replace(/.*</, '').replace(/>.*/, '')}>`,
    ...(received ?? [`Received: from mx.partner.example ([192.0.2.10]) by mail.${DOMAIN} with ESMTP; ${date}`]),
    `From: ${from}`,
    `To: ${to}`,
    `Subject: ${subject}`,
    `Date: ${date}`,
    `Message-ID: <${id}@partner.example>`,
    'MIME-Version: 1.0',
    ...extra,
    'Content-Type: text/plain; charset=utf-8',
    '',
    ...body,
    '',
  ]);
}

function multipart({ from, subject, id, attachment }) {
  const boundary = 'planted-boundary';
  return crlf([
    `Return-Path: <${from}>`,
    `Received: from mx.partner.example ([192.0.2.10]) by mail.${DOMAIN} with ESMTP; Tue, 07 May 2024 10:00:00 +0000`,
    `From: ${from}`,
    `To: user02@${DOMAIN}`,
    `Subject: ${subject}`,
    'Date: Tue, 07 May 2024 10:00:00 +0000',
    `Message-ID: <${id}@partner.example>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Please find the document attached.',
    `--${boundary}`,
    `Content-Type: ${attachment.type}; name="${attachment.name}"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="${attachment.name}"`,
    '',
    Buffer.from(attachment.bytes).toString('base64').replace(/.{76}/g, '$&\r\n'),
    `--${boundary}--`,
    '',
  ]);
}

/** The planted incidents: paths and bytes never depend on the filler. */
async function planted() {
  const random = mulberry32(0x91a7);
  const exeZip = new JSZip();
  exeZip.file('setup.exe', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]), { date: new Date(Date.UTC(2024, 4, 7)) });
  const zipBytes = await exeZip.generateAsync({ type: 'uint8array', compression: 'STORE' });
  const duplicate = message({ from: 'news@partner.example', subject: 'Quarterly figures', id: 'dup-1' });
  const items = [
    ['user01', crlf([
      'Return-Path: <attacker@evil.example>',
      `Received: from mx.evil.example ([198.51.100.23]) by mail.${DOMAIN} with ESMTP; Tue, 07 May 2024 10:00:00 +0000`,
      'From: Boss <ceo@harbourline.example>',
      `To: user01@${DOMAIN}`,
      'Reply-To: ceo.private@freemail.example',
      'Subject: Urgent wire transfer',
      'Date: Tue, 07 May 2024 10:00:00 +0000',
      'Message-ID: <rp-1@evil.example>',
      '',
      'Please transfer the amount today.',
      '',
    ])],
    ['user01', message({ from: 'billing@harbourIine.example', subject: 'Invoice overdue', id: 'look-1' })],
    ['user02', message({ from: 'promo@deals.example', subject: 'Cheap watches', id: 'spam-1', extra: ['X-hMailServer-Spam: Yes', 'X-hMailServer-Reason-1: Tagged as Spam because SURBL - (Score: 5)', 'X-hMailServer-Reason-Score: 5'] })],
    ['user02', multipart({ from: 'hr@partner.example', subject: 'Salary table', id: 'dbl-1', attachment: { name: 'salaries.pdf.exe', type: 'application/octet-stream', bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0]) } })],
    ['user03', multipart({ from: 'it@partner.example', subject: 'New tool', id: 'zip-1', attachment: { name: 'tool.zip', type: 'application/zip', bytes: zipBytes } })],
    ['user03', message({ from: 'old@partner.example', subject: 'Backdated note', id: 'skew-1', date: 'Mon, 01 Jan 2018 09:00:00 +0000', received: [`Received: from mx.partner.example ([192.0.2.10]) by mail.${DOMAIN} with ESMTP; Tue, 07 May 2024 10:00:00 +0000`] })],
    ['user04', message({ from: 'relay@partner.example', subject: 'Odd hops', id: 'hops-1', received: [
      `Received: from mx.partner.example ([192.0.2.10]) by mail.${DOMAIN} with ESMTP; Tue, 07 May 2024 10:00:00 +0000`,
      'Received: from inner.partner.example ([192.0.2.11]) by mx.partner.example with ESMTP; Wed, 08 May 2024 10:00:00 +0000',
    ] })],
    ['user04', duplicate],
    ['user05', duplicate],
  ];
  return items.map(([user, bytes]) => ({ path: MAILBOX(user, guidName(random)), bytes }));
}

function filler(count) {
  const random = mulberry32(0xf111e2);
  const pick = (list) => list[Math.floor(random() * list.length)];
  return Array.from({ length: count }, (_, i) => {
    const body = Array.from({ length: 3 + Math.floor(random() * 30) }, () => Array.from({ length: 10 }, () => pick(WORDS)).join(' '));
    const day = String(1 + (i % 28)).padStart(2, '0');
    const date = `${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][i % 7]}, ${day} Apr 2024 08:${String(i % 60).padStart(2, '0')}:00 +0000`;
    return {
      path: MAILBOX(`user${String(10 + (i % 20)).padStart(2, '0')}`, guidName(random)),
      bytes: message({ from: `colleague${i % 7}@partner.example`, subject: `${pick(WORDS)} ${pick(WORDS)} #${i}`, id: `filler-${i}`, date, body }),
    };
  });
}

/** @returns {Promise<{ zip: Uint8Array, plantedPaths: string[] }>} */
export async function plantedEvidence(fillerCount) {
  const plantedItems = await planted();
  const zip = new JSZip();
  // Planted first in the archive: a run reads message files in archive order, so their findings come early.
  for (const { path, bytes } of [...plantedItems, ...filler(fillerCount)]) zip.file(path, bytes, { date: new Date(Date.UTC(2024, 4, 8)) });
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { zip: bytes, plantedPaths: plantedItems.map((p) => p.path) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--filler');
  const count = Number(i >= 0 ? process.argv[i + 1] : 2000);
  const o = process.argv.indexOf('--out');
  const out = o >= 0 ? resolve(process.argv[o + 1]) : resolve(REPO, 'tests/.generated', `planted-${count}.zip`);
  const { zip } = await plantedEvidence(count);
  writeFileSync(out, zip);
  console.log(out);
}
