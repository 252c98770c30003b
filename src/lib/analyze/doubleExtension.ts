/**
 * `double-extension`: an attachment name that shows a harmless type but ends in an executable one
 * (`invoice.pdf.exe`), hides the real extension behind spaces, or reverses it with U+202E (RLO).
 */
import type { Finding } from '../model/finding.ts';
import type { Analyzer } from './analyzer.ts';
import { containerNote } from './support/containerNote.ts';
import { EXECUTABLE_EXTENSIONS } from './support/executableExtensions.ts';
import { removalNoticeOriginal } from './support/removalNoticeOriginal.ts';
import { serverMessagePattern } from './support/serverMessagePattern.ts';

/** Extensions a user trusts to open as a document, picture or archive. */
const DECOY_EXTENSIONS = new Set([
  'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'rtf', 'txt', 'csv', 'odt', 'ods', 'jpg', 'jpeg', 'png', 'gif', 'bmp',
  'tif', 'tiff', 'svg', 'zip', 'rar', '7z', 'mp3', 'mp4', 'avi', 'mov', 'wav', 'htm', 'html', 'xml', 'eml', 'msg', 'ics',
]);
const BIDI_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/;
/** Runs of spaces (or other blanks) inside a name push the real extension out of a narrow column. */
const PADDING = /\s{3,}\.[^.]+$/;

function verdict(filename: string): string | null {
  if (BIDI_OVERRIDE.test(filename)) return 'a Unicode direction override that displays the name reversed';
  const parts = filename.trim().toLowerCase().split('.');
  if (parts.length < 3 && !PADDING.test(filename)) return null;
  const last = parts[parts.length - 1].trim();
  const shown = parts[parts.length - 2]?.trim() ?? '';
  if (!EXECUTABLE_EXTENSIONS.has(last)) return null;
  if (PADDING.test(filename)) return `blanks that push the executable extension .${last} out of view`;
  return DECOY_EXTENSIONS.has(shown) ? `a .${shown} name that is really a .${last} file` : null;
}

export const doubleExtension: Analyzer = {
  id: 'doubleExtension',
  findingTypes: ['double-extension'],
  needs: ['messages'],
  perMessage: true,
  run(caseData) {
    const notice = serverMessagePattern(caseData.database, 'ATTACHMENT_REMOVED');
    const findings: Finding[] = [];
    for (const m of caseData.messages) {
      const hits = m.attachments
        .filter((a) => a.filename && removalNoticeOriginal(a, notice) === null)
        .map((a) => ({ a, why: verdict(a.filename) }))
        .filter((h): h is { a: (typeof h)['a']; why: string } => h.why !== null);
      if (hits.length === 0) continue;
      findings.push({
        type: 'double-extension',
        severity: 'high',
        ref: { message: m.path },
        summary: `${m.path} carries ${hits.map((h) => `"${h.a.filename}"${containerNote(h.a)}, ${h.why}`).join('; ')}: a disguised executable.`,
        details: {
          attachments: hits.map((h) => ({
            filename: h.a.filename, contentType: h.a.contentType, detectedType: h.a.detectedType, size: h.a.size, sha256: h.a.sha256,
            ...(h.a.container ? { container: h.a.container } : {}),
          })),
        },
      });
    }
    return findings;
  },
};
