/**
 * The story's input taken from a finished run's own data, so findings.json can carry the same chains the
 * Overview tells from the case database (caseStory): finding ids are positions in the run's findings + 1, as
 * writeCaseTables numbers them, and messages and sessions are looked up as the case tables would give them.
 */
import type { CaseData } from '../../model/caseData.ts';
import type { Finding } from '../../model/finding.ts';
import type { LogSession } from '../../model/logEvent.ts';
import { sessionLabel, type StoryInput, type StoryMessage } from './storyInput.ts';

function storyMessages(caseData: CaseData, findings: Finding[]): Record<string, StoryMessage> {
  const named = new Set(findings.flatMap((f) => (f.ref.message ? [f.ref.message] : [])));
  const messages: Record<string, StoryMessage> = {};
  for (const m of caseData.messages) {
    if (named.has(m.path)) messages[m.path] = { subject: m.subject ?? '', from: m.from?.address ?? '', dateUtc: m.date ?? null };
  }
  // A database row whose file is missing is listed by its database path, with the sender the row records.
  const rows = new Map((caseData.database?.messages ?? []).map((m) => [m.id, m]));
  for (const f of findings) {
    if (f.type !== 'missing-file' || !f.ref.message || messages[f.ref.message]) continue;
    const row = rows.get(Number(f.details.dbMessageId));
    if (row) messages[f.ref.message] = { subject: '', from: row.from || '', dateUtc: null };
  }
  return messages;
}

/** The session holding a line; where sessions overlap, the one that starts last, as caseStory's query orders them. */
function sessionFinder(sessions: readonly LogSession[]): StoryInput['sessionAt'] {
  return (file, line) => {
    let found: LogSession | null = null;
    for (const s of sessions) {
      if (s.file === file && s.firstLine <= line && s.lastLine >= line && (!found || s.firstLine > found.firstLine)) found = s;
    }
    return found ? { key: found.key, label: sessionLabel(found.protocol, found.session, found.ip) } : null;
  };
}

export function storyInputFromCase(caseData: CaseData, findings: Finding[]): StoryInput {
  return {
    findings: findings.map((f, i) => ({ id: i + 1, type: f.type, severity: f.severity, summary: f.summary, ref: f.ref, details: f.details })),
    zone: caseData.serverZone,
    messages: storyMessages(caseData, findings),
    sessionAt: sessionFinder(caseData.logs.sessions),
  };
}
