/**
 * `executable-in-archive`: an archive attachment (zip listed with jszip by the mail parser) containing an
 * executable or script — the usual way around extension blocking, which only looks at attachment names.
 */
import type { Finding } from '../model/finding.ts';
import type { Analyzer } from './analyzer.ts';
import { containerNote } from './support/containerNote.ts';
import { EXECUTABLE_EXTENSIONS } from './support/executableExtensions.ts';
import { extensionOf } from './support/extensionOf.ts';

/** Entries named per archive in the summary; details keep them all. */
const MAX_NAMED_ENTRIES = 5;

export const executableInArchive: Analyzer = {
  id: 'executableInArchive',
  findingTypes: ['executable-in-archive'],
  needs: ['messages'],
  perMessage: true,
  run(caseData) {
    const findings: Finding[] = [];
    for (const m of caseData.messages) {
      const hits = m.attachments
        .map((a) => ({ a, entries: (a.archiveEntries ?? []).filter((e) => !e.endsWith('/') && EXECUTABLE_EXTENSIONS.has(extensionOf(e))) }))
        .filter((h) => h.entries.length > 0);
      if (hits.length === 0) continue;
      findings.push({
        type: 'executable-in-archive',
        severity: 'high',
        ref: { message: m.path },
        summary: `${m.path} carries ${hits.map((h) => `the archive "${h.a.filename}"${containerNote(h.a)} containing ${h.entries.slice(0, MAX_NAMED_ENTRIES).join(', ')}${h.entries.length > MAX_NAMED_ENTRIES ? ` and ${h.entries.length - MAX_NAMED_ENTRIES} more` : ''}`).join('; ')}: executable content packed to pass attachment filters.`,
        details: {
          archives: hits.map((h) => ({ filename: h.a.filename, detectedType: h.a.detectedType, sha256: h.a.sha256, executables: h.entries, ...(h.a.container ? { container: h.a.container } : {}) })),
        },
      });
    }
    return findings;
  },
};
