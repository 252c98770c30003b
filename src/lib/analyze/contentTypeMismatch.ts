/**
 * `content-type-mismatch`: the declared Content-Type or the file-name extension of an attachment disagrees
 * with what its bytes are (the mail parser's detectedType: PE/ELF/Mach-O, script, archive, Office with
 * macros, PDF, image, HTML) — e.g. an MZ executable sent as application/pdf.
 */
import type { Finding, Severity } from '../model/finding.ts';
import type { AttachmentInfo } from '../model/message.ts';
import type { Analyzer } from './analyzer.ts';
import { containerNote } from './support/containerNote.ts';
import { extensionOf } from './support/extensionOf.ts';
import { removalNoticeOriginal } from './support/removalNoticeOriginal.ts';
import { serverMessagePattern } from './support/serverMessagePattern.ts';

const ZIP_FAMILY = ['zip', 'ooxml', 'office-macro'];
const OLE_FAMILY = ['ole2', 'office-macro'];
const MACRO_OOXML = ['office-macro', 'ooxml'];

/** Detected types each declared MIME type allows; types not listed (octet-stream, text/*) say nothing. */
const BY_CONTENT_TYPE: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'application/x-pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpeg'],
  'image/jpg': ['jpeg'],
  'image/pjpeg': ['jpeg'],
  'image/gif': ['gif'],
  'application/zip': ZIP_FAMILY,
  'application/x-zip-compressed': ZIP_FAMILY,
  'application/x-zip': ZIP_FAMILY,
  'application/msword': OLE_FAMILY,
  'application/vnd.ms-excel': OLE_FAMILY,
  'application/vnd.ms-powerpoint': OLE_FAMILY,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['ooxml'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['ooxml'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['ooxml'],
  'application/vnd.ms-word.document.macroenabled.12': MACRO_OOXML,
  'application/vnd.ms-excel.sheet.macroenabled.12': MACRO_OOXML,
  'application/vnd.ms-powerpoint.presentation.macroenabled.12': MACRO_OOXML,
  'application/x-rar-compressed': ['rar'],
  'application/vnd.rar': ['rar'],
  'application/x-7z-compressed': ['7z'],
  'application/gzip': ['gzip'],
  'application/x-gzip': ['gzip'],
  'text/html': ['html', 'text'],
  'application/x-msdownload': ['pe-executable'],
  'application/x-dosexec': ['pe-executable'],
};

const BY_EXTENSION: Record<string, string[]> = {
  pdf: ['pdf'], png: ['png'], jpg: ['jpeg'], jpeg: ['jpeg'], gif: ['gif'],
  zip: ZIP_FAMILY, docx: ['ooxml'], xlsx: ['ooxml'], pptx: ['ooxml'], docm: MACRO_OOXML, xlsm: MACRO_OOXML, pptm: MACRO_OOXML,
  doc: OLE_FAMILY, xls: OLE_FAMILY, ppt: OLE_FAMILY, rar: ['rar'], '7z': ['7z'], gz: ['gzip'], tgz: ['gzip'],
  htm: ['html', 'text'], html: ['html', 'text'], exe: ['pe-executable'], dll: ['pe-executable'], scr: ['pe-executable'], cpl: ['pe-executable'],
};

/** Types that run code: a disguise around them is an attack, not a sloppy mailer. */
const DANGEROUS = new Set(['pe-executable', 'elf', 'mach-o', 'script', 'office-macro', 'html']);
/** Detection that proves nothing about a mismatch. */
const INCONCLUSIVE = new Set(['unknown', 'text', '']);

interface Mismatch { a: AttachmentInfo; claims: string[] }

function mismatchOf(a: AttachmentInfo): Mismatch | null {
  if (INCONCLUSIVE.has(a.detectedType)) return null;
  const type = a.contentType.split(';')[0].trim().toLowerCase();
  const ext = extensionOf(a.filename);
  const claims: string[] = [];
  const byType = BY_CONTENT_TYPE[type];
  if (byType && !byType.includes(a.detectedType)) claims.push(`declared as ${type}`);
  const byExt = BY_EXTENSION[ext];
  if (byExt && !byExt.includes(a.detectedType)) claims.push(`named .${ext}`);
  return claims.length > 0 ? { a, claims } : null;
}

export const contentTypeMismatch: Analyzer = {
  id: 'contentTypeMismatch',
  findingTypes: ['content-type-mismatch'],
  needs: ['messages'],
  perMessage: true,
  run(caseData) {
    const notice = serverMessagePattern(caseData.database, 'ATTACHMENT_REMOVED');
    const findings: Finding[] = [];
    for (const m of caseData.messages) {
      const hits = m.attachments.filter((a) => removalNoticeOriginal(a, notice) === null).map(mismatchOf).filter((h): h is Mismatch => h !== null);
      if (hits.length === 0) continue;
      const severity: Severity = hits.some((h) => DANGEROUS.has(h.a.detectedType)) ? 'high' : 'medium';
      findings.push({
        type: 'content-type-mismatch',
        severity,
        ref: { message: m.path },
        summary: `In ${m.path} ${hits.map((h) => `"${h.a.filename || '(unnamed part)'}"${containerNote(h.a)} is ${h.claims.join(' and ')} but its bytes are ${h.a.detectedType}`).join('; ')}.`,
        details: {
          attachments: hits.map((h) => ({
            filename: h.a.filename, contentType: h.a.contentType, extension: extensionOf(h.a.filename), detectedType: h.a.detectedType, size: h.a.size, sha256: h.a.sha256,
            ...(h.a.container ? { container: h.a.container } : {}),
          })),
        },
      });
    }
    return findings;
  },
};
