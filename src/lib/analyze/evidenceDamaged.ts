/**
 * `evidence-damaged`: one finding per dropped evidence item whose structure is damaged or hostile —
 * unreadable entries, a lying or broken archive directory, entries refused by a resource limit, database
 * content that could not be loaded, messages parsed with defects — saying what is wrong and what was
 * still used, so a report never presents damaged evidence as if it had read cleanly.
 */
import type { Finding } from '../model/finding.ts';
import type { InventoryEntry } from '../model/inventoryEntry.ts';
import type { Analyzer } from './analyzer.ts';
import { compareStrings } from '../model/compareStrings.ts';

const MAX_LISTED_PROBLEMS = 20;

/** hMailServer names every message file `{GUID}.eml` (hmailserver.md §3.1). */
const isMessageFileName = (path: string): boolean => /\{[0-9a-f-]{36}\}\.(eml|hma)$/i.test(path);

interface Damage {
  problems: string[];
  lost: number;
  refused: number;
  defective: number;
}

const plural = (n: number, word: string) => `${n} ${n === 1 ? word : word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`}`;

/** The dropped item a row came from: follows `container` up to a row that has none. */
function rootOf(path: string, rows: Map<string, InventoryEntry>): string {
  let root = path;
  for (let hops = 0, row = rows.get(path); row?.container !== undefined && hops < 64; hops++) {
    root = row.container;
    row = rows.get(root);
  }
  return root;
}

export const evidenceDamaged: Analyzer = {
  id: 'evidenceDamaged',
  findingTypes: ['evidence-damaged'],
  needs: [],
  run(caseData) {
    const rows = new Map<string, InventoryEntry>();
    for (const e of caseData.inventory) if (!rows.has(e.path)) rows.set(e.path, e);
    const byRoot = new Map<string, Damage>();
    const damage = (path: string): Damage => {
      const root = rootOf(path, rows);
      let d = byRoot.get(root);
      if (!d) byRoot.set(root, (d = { problems: [], lost: 0, refused: 0, defective: 0 }));
      return d;
    };
    for (const e of caseData.inventory) {
      if (e.status === 'error') {
        const d = damage(e.path);
        if (e.kind !== 'archive' || e.container !== undefined || e.path !== rootOf(e.path, rows)) d.lost++;
        d.problems.push(`${e.path}: ${e.error ?? 'unreadable'}`);
      } else if (e.refused) {
        const d = damage(e.path);
        d.refused++;
        d.problems.push(`${e.path}: ${e.error ?? 'refused'}`);
      }
    }
    for (const e of caseData.inventory) {
      if (e.status === 'error' || e.refused || !isMessageFileName(e.path) || e.format === 'eml' || e.format === 'hma') continue;
      const d = damage(e.path);
      d.lost++;
      d.problems.push(`${e.path}: named and placed as a message file, but its content is not a message${e.error ? ` (${e.error})` : ''}`);
    }
    for (const p of caseData.parseErrors) {
      if (p.kind !== 'database') continue;
      damage(p.path).problems.push(`${p.path}: ${p.reason}`);
    }
    for (const m of caseData.messages) {
      if (m.defects.length === 0 || m.parseError) continue;
      const d = damage(m.path);
      d.defective++;
      d.problems.push(`${m.path}: parsed with ${plural(m.defects.length, 'defect')} (${m.defects[0]})`);
    }

    const counts = new Map<string, { entries: number; used: number }>();
    if (byRoot.size > 0) {
      for (const e of caseData.inventory) {
        const root = rootOf(e.path, rows);
        if (e.path === root || !byRoot.has(root)) continue;
        const c = counts.get(root) ?? { entries: 0, used: 0 };
        c.entries++;
        if (e.status === 'ok') c.used++;
        counts.set(root, c);
      }
    }
    const findings: Finding[] = [];
    for (const [root, d] of [...byRoot].sort(([a], [b]) => compareStrings(a, b))) {
      const { entries, used } = counts.get(root) ?? { entries: 0, used: 0 };
      const usedText = entries > 0 ? `${used} of ${plural(entries, 'entry')} ${entries === 1 ? 'was' : 'were'} still used` : 'what could be read was still used';
      const lostText = [d.lost > 0 ? `${d.lost} unreadable` : '', d.refused > 0 ? `${d.refused} refused by a safety limit` : '', d.defective > 0 ? `${plural(d.defective, 'message')} with defects` : '']
        .filter((s) => s !== '')
        .join(', ');
      findings.push({
        type: 'evidence-damaged',
        severity: d.lost > 0 || d.refused > 0 ? 'medium' : 'low',
        ref: { file: root },
        summary: `${root} is damaged: ${d.problems[0]}${d.problems.length > 1 ? ` (and ${d.problems.length - 1} more)` : ''}${lostText ? `; ${lostText}` : ''}; ${usedText}.`,
        details: {
          problems: d.problems.slice(0, MAX_LISTED_PROBLEMS),
          problemCount: d.problems.length,
          entries,
          entriesUsed: used,
          entriesUnreadable: d.lost,
          entriesRefused: d.refused,
          messagesWithDefects: d.defective,
        },
      });
    }
    return findings;
  },
};
