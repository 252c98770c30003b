import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { workProductKey, workProductSize } from '../../../src/lib/model/workProduct.ts';
import { setAnnotation, setTagColour } from '../../../src/lib/store/annotations.ts';
import { CASE_SCHEMA } from '../../../src/lib/store/caseSchema.ts';
import { applyWorkProduct, readWorkProduct } from '../../../src/lib/store/workProduct.ts';

const NOW = '2026-01-01T00:00:00.000Z';

async function freshCase() {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.exec(CASE_SCHEMA);
  db.exec("INSERT INTO case_findings (id, type) VALUES (1, 'uid-gap'), (2, 'orphan-file')");
  return db;
}

describe('work product', () => {
  it('round-trips bookmarks, annotations, tag colours, finding notes, case details and column layouts into a fresh case', async () => {
    const a = await freshCase();
    setAnnotation(a, { kind: 'message', key: 'x.eml' }, 'phish', 'look', NOW);
    setAnnotation(a, { kind: 'finding', key: '2' }, 'triaged', '', NOW);
    setTagColour(a, 'phish', '#ff0000');
    a.run("INSERT INTO case_finding_notes VALUES (1, 'gap explained')");
    a.run(`INSERT INTO case_meta VALUES ('case_details', '{"examiner":"E"}')`);
    a.run(`INSERT INTO case_meta VALUES ('column_layouts', '{"messages":{"order":["subject"],"hidden":["account"],"widths":{"from":240}}}')`);
    const saved = readWorkProduct(a);
    expect(saved.columnLayouts).toContain('"hidden":["account"]');
    expect(workProductSize(saved)).toBe(4);

    const b = await freshCase();
    expect(workProductSize(readWorkProduct(b))).toBe(0);
    expect(applyWorkProduct(b, JSON.parse(JSON.stringify(saved)))).toEqual({ applied: 3, skipped: 0 });
    expect(readWorkProduct(b)).toEqual(saved);
  });

  it('skips notes on findings the case does not have and unknown kinds', async () => {
    const db = await freshCase();
    const result = applyWorkProduct(db, {
      version: 1, bookmarks: [], tags: [], caseDetails: null,
      annotations: [{ kind: 'weird', key: 'k', tags: '', note: '', created: null }],
      findingNotes: [{ findingId: 99, note: 'x' }],
    });
    expect(result).toEqual({ applied: 0, skipped: 2 });
  });

  it('refuses anything that is not a work product of this version', async () => {
    const db = await freshCase();
    expect(() => applyWorkProduct(db, { version: 2 } as never)).toThrow('Not a saved work product');
  });

  it('keys by the sorted evidence hashes, ignoring what is not a SHA-256', () => {
    const h1 = 'a'.repeat(64);
    const h2 = 'B'.repeat(64);
    expect(workProductKey([h2, h1, 'nope'])).toBe(`evidence:${h1},${'b'.repeat(64)}`);
    expect(workProductKey([h1, h2])).toBe(workProductKey([h2, h1]));
    expect(workProductKey([])).toBeNull();
  });
});
