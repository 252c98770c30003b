/**
 * `parse-error`: an input that could not be read or only in part — a message, log, dump, archive or ini.
 * One finding per file, with every reason (bounded), so a dump with many bad statements stays one line.
 */
import type { Finding, Severity } from '../model/finding.ts';
import type { Analyzer } from './analyzer.ts';
import { compareStrings } from '../model/compareStrings.ts';

/** A broken dump can yield a reason per line; the count stays exact. */
const MAX_LISTED_REASONS = 20;

interface Problem { kind: string; reason: string }

export const parseError: Analyzer = {
  id: 'parseError',
  findingTypes: ['parse-error'],
  needs: [],
  run(caseData) {
    const byPath = new Map<string, Problem[]>();
    const seen = new Set<string>();
    const add = (path: string, p: Problem) => {
      const key = `${path}\u0000${p.reason}`;
      if (seen.has(key)) return;
      seen.add(key);
      const list = byPath.get(path);
      if (list) list.push(p);
      else byPath.set(path, [p]);
    };
    for (const p of caseData.parseErrors) add(p.path, { kind: p.kind, reason: p.reason });
    for (const m of caseData.messages) if (m.parseError) add(m.path, { kind: 'message', reason: m.parseError });
    // Zip-level failures (damaged directory, CRC mismatch, corrupt deflate, encryption, unsupported methods)
    // exist only as inventory rows: the pipeline never sees such an entry's content.
    for (const e of caseData.inventory) {
      if (e.status === 'error' && (e.kind === 'archive' || e.container !== undefined)) add(e.path, { kind: 'archive', reason: e.error ?? 'unreadable archive entry' });
    }
    const messages = new Map(caseData.messages.map((m) => [m.path, m]));
    const inventory = new Map(caseData.inventory.map((e) => [e.path, e]));
    const messagePaths = new Set([...messages.keys(), ...caseData.inventory.filter((e) => e.kind === 'message').map((e) => e.path)]);
    const findings: Finding[] = [];
    for (const [path, problems] of [...byPath].sort(([a], [b]) => compareStrings(a, b))) {
      const entry = inventory.get(path);
      const unread = entry?.status === 'error' || messages.get(path)?.parseError != null;
      const severity: Severity = unread ? 'medium' : 'low';
      const kind = problems[0].kind;
      findings.push({
        type: 'parse-error',
        severity,
        ref: messagePaths.has(path) ? { message: path } : { file: path },
        summary: `${path} (${kind}) ${unread ? 'could not be parsed' : 'was parsed only in part'}: ${problems[0].reason}${problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''}.`,
        details: {
          kind,
          status: entry?.status ?? null,
          reasons: problems.slice(0, MAX_LISTED_REASONS).map((p) => p.reason),
          problemCount: problems.length,
        },
      });
    }
    // Messages that parsed but with defects (truncated, NUL bytes, broken boundaries) are kept as information.
    for (const m of caseData.messages) {
      if (m.parseError || m.defects.length === 0 || byPath.has(m.path)) continue;
      findings.push({
        type: 'parse-error',
        severity: 'info',
        ref: { message: m.path },
        summary: `${m.path} was parsed with ${m.defects.length} defect${m.defects.length === 1 ? '' : 's'}: ${m.defects[0]}.`,
        details: { kind: 'message', status: 'ok', reasons: m.defects.slice(0, MAX_LISTED_REASONS), problemCount: m.defects.length },
      });
    }
    return findings;
  },
};
