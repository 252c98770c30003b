/**
 * A hash set checked against the case: the case's own hashes (every file of the inventory, every
 * attachment; MD5, SHA-1 and SHA-256) are put in a map, then the set is read line by line and only its
 * matches are kept, so a set of millions of hashes costs the time to read it, not its size in memory.
 * Matches go to case_hash_hits with their set; for a known-bad set each match is also a `hash-set-match`
 * finding (hashSetFinding.ts) naming the set. Loading a set again under the same name replaces it.
 */
import type { Database } from 'sql.js';
import { hashSetLines, type HashAlgo, type HashSetFormat } from '../hashset/hashSetLines.ts';
import { HASH_SET_FINDING_TYPE, hashSetFinding, type HashSetVerdict } from '../hashset/hashSetFinding.ts';
import { inTransaction } from './inTransaction.ts';

interface Target {
  algo: HashAlgo;
  path: string;
  /** The attachment's file name when the hash is an attachment's; null for a file of the evidence. */
  attachment: string | null;
  /** Whether `path` is a message of the case (a file hit on a message, or an attachment's message). */
  message: boolean;
}

export interface HashSetSummary {
  name: string;
  verdict: HashSetVerdict;
  format: HashSetFormat | null;
  /** Hashes read from the set. */
  hashes: number;
  /** Non-blank lines that held no hash. */
  skipped: number;
  /** Files and attachments of the case that matched. */
  hits: number;
}

function caseTargets(db: Database): Map<string, Target[]> {
  const targets = new Map<string, Target[]>();
  const add = (hash: unknown, target: Target) => {
    if (typeof hash !== 'string' || !hash) return;
    const key = hash.toLowerCase();
    const list = targets.get(key);
    if (list) list.push(target);
    else targets.set(key, [target]);
  };
  const read = (sql: string, visit: (row: (string | number | null)[]) => void) => {
    const stmt = db.prepare(sql);
    try {
      while (stmt.step()) visit(stmt.get() as (string | number | null)[]);
    } finally {
      stmt.free();
    }
  };
  read('SELECT i.path, i.md5, i.sha1, i.sha256, m.id IS NOT NULL FROM case_inventory i LEFT JOIN case_messages m ON m.path = i.path', ([path, md5, sha1, sha256, message]) => {
    const base = { path: String(path), attachment: null, message: message === 1 };
    add(md5, { ...base, algo: 'md5' });
    add(sha1, { ...base, algo: 'sha1' });
    add(sha256, { ...base, algo: 'sha256' });
  });
  read('SELECT m.path, a.filename, a.md5, a.sha1, a.sha256 FROM case_attachments a JOIN case_messages m ON m.id = a.message_id', ([path, filename, md5, sha1, sha256]) => {
    const base = { path: String(path), attachment: String(filename ?? ''), message: true };
    add(md5, { ...base, algo: 'md5' });
    add(sha1, { ...base, algo: 'sha1' });
    add(sha256, { ...base, algo: 'sha256' });
  });
  return targets;
}

/** Lines of a text stream, whatever its line ends. */
async function* linesOf(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of chunks) {
    const text = rest + chunk;
    const parts = text.split(/\r\n|\r|\n/);
    rest = parts.pop() ?? '';
    // A CR at the very end may be the first half of a CRLF split across chunks: it ends the line either way.
    yield* parts;
  }
  if (rest) yield rest;
}

export async function loadHashSet(db: Database, name: string, verdict: HashSetVerdict, chunks: AsyncIterable<string>, nowIso: string): Promise<HashSetSummary> {
  const targets = caseTargets(db);
  const reader = hashSetLines();
  const hits: { hash: string; target: Target }[] = [];
  const seen = new Set<string>();
  for await (const line of linesOf(chunks)) {
    for (const { algo, hash } of reader.line(line)) {
      for (const target of targets.get(hash) ?? []) {
        if (target.algo !== algo) continue;
        const key = `${algo}\u0000${hash}\u0000${target.path}\u0000${target.attachment ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push({ hash, target });
      }
    }
  }
  inTransaction(db, () => {
    db.run('DELETE FROM case_hash_hits WHERE set_name = ?', [name]);
    db.run(`DELETE FROM case_findings WHERE type = ? AND json_extract(details, '$.set') = ?`, [HASH_SET_FINDING_TYPE, name]);
    db.run('INSERT OR REPLACE INTO case_hash_sets VALUES (?, ?, ?, ?, ?)', [name, verdict, reader.format, reader.hashes, nowIso]);
    const hit = db.prepare('INSERT INTO case_hash_hits VALUES (?, ?, ?, ?, ?, ?)');
    const finding = db.prepare('INSERT INTO case_findings (type, severity, category, summary, ref_message, ref_file, details) VALUES (?, ?, ?, ?, ?, ?, ?)');
    try {
      for (const { hash, target } of hits) {
        hit.run([name, verdict, target.algo, hash, target.path, target.attachment]);
        if (verdict !== 'bad') continue;
        const f = hashSetFinding({ set: name, algo: target.algo, hash, path: target.path, attachment: target.attachment, message: target.message });
        finding.run([f.type, f.severity, f.category, f.summary, f.ref.message ?? null, f.ref.file ?? null, JSON.stringify(f.details)]);
      }
    } finally {
      hit.free();
      finding.free();
    }
  });
  return { name, verdict, format: reader.format, hashes: reader.hashes, skipped: reader.skipped, hits: hits.length };
}

/** Forgets a hash set: its hits and its findings. */
export function removeHashSet(db: Database, name: string): void {
  inTransaction(db, () => {
    db.run('DELETE FROM case_hash_hits WHERE set_name = ?', [name]);
    db.run(`DELETE FROM case_findings WHERE type = ? AND json_extract(details, '$.set') = ?`, [HASH_SET_FINDING_TYPE, name]);
    db.run('DELETE FROM case_hash_sets WHERE name = ?', [name]);
  });
}
