/**
 * Conversation threads from Message-ID / In-Reply-To / References: messages that share or point at
 * the same Message-ID (even one not in the evidence) form one thread. Thread ids are 1..n, numbered
 * by each thread's earliest Date (undated threads last), then by path, so runs are reproducible.
 */
import type { ParsedMessage } from '../model/message.ts';
import { compareStrings } from '../model/compareStrings.ts';

function normalizeId(id: string): string {
  return id.trim().replace(/^<|>$/g, '').toLowerCase();
}

export function buildThreads(messages: ParsedMessage[]): Map<string, number> {
  const parent = messages.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  const owner = new Map<string, number>();
  const link = (id: string | null, i: number) => {
    if (!id) return;
    const key = normalizeId(id);
    if (!key) return;
    const other = owner.get(key);
    if (other === undefined) owner.set(key, i);
    else union(other, i);
  };
  messages.forEach((m, i) => {
    link(m.messageId, i);
    link(m.inReplyTo, i);
    for (const r of m.references) link(r, i);
  });

  const groups = new Map<number, { earliest: string | null; firstPath: string; paths: string[] }>();
  messages.forEach((m, i) => {
    const root = find(i);
    const g = groups.get(root) ?? { earliest: null, firstPath: m.path, paths: [] };
    g.paths.push(m.path);
    if (m.date && (g.earliest === null || m.date < g.earliest)) g.earliest = m.date;
    if (m.path < g.firstPath) g.firstPath = m.path;
    groups.set(root, g);
  });
  const ordered = [...groups.values()].sort((a, b) => {
    if (a.earliest !== b.earliest) {
      if (a.earliest === null) return 1;
      if (b.earliest === null) return -1;
      return compareStrings(a.earliest, b.earliest);
    }
    return compareStrings(a.firstPath, b.firstPath);
  });
  const result = new Map<string, number>();
  ordered.forEach((g, index) => {
    for (const p of g.paths) result.set(p, index + 1);
  });
  return result;
}
