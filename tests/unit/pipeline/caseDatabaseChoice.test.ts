/**
 * The case database is the most hMailServer-like of those dropped, not the first read: a corrupt or
 * foreign file read first gives way, and every one not used says why.
 */
import JSZip from 'jszip';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { demoEvidenceBytes } from '../../helpers/demoEvidence.ts';
import { fileInput, nodeTriage } from '../../helpers/nodeTriage.ts';

async function demoDatabase(): Promise<{ path: string; bytes: Uint8Array }> {
  const zip = await JSZip.loadAsync(demoEvidenceBytes());
  const entry = Object.values(zip.files).find((f) => /\.(sqlite|db|sdb)$/i.test(f.name));
  if (!entry) throw new Error('the demo evidence has no SQLite database');
  return { path: entry.name, bytes: await entry.async('uint8array') };
}

async function foreignDatabase(): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.exec("CREATE TABLE moz_places (id INTEGER, url TEXT); INSERT INTO moz_places VALUES (1, 'https://example.org/')");
  return db.export();
}

const corrupt = new Uint8Array([...new TextEncoder().encode('SQLite format 3\0'), ...new Uint8Array(1008).fill(0xa5)]);

describe('choosing the case database', () => {
  for (const [name, bytes] of [['a corrupt', () => corrupt], ['a foreign', foreignDatabase]] as const) {
    it(`takes the real database when ${name} SQLite file is read first`, async () => {
      const real = await demoDatabase();
      const { outcome } = await nodeTriage([fileInput('bad.sqlite', await bytes()), fileInput('real.sqlite', real.bytes)]);
      expect(outcome.caseData.database?.path).toBe('real.sqlite');
      expect(outcome.caseData.database?.accounts.length).toBeGreaterThan(0);
      const bad = outcome.caseData.inventory.find((r) => r.path === 'bad.sqlite')!;
      expect(bad.status).toBe('skipped');
      expect(bad.error).toMatch(/^not used as the case database: it holds no hMailServer data; real\.sqlite is used/);
    });
  }

  it('keeps the real database when a foreign one comes second, and says why', async () => {
    const real = await demoDatabase();
    const { outcome } = await nodeTriage([fileInput('real.sqlite', real.bytes), fileInput('history.sqlite', await foreignDatabase())]);
    expect(outcome.caseData.database?.path).toBe('real.sqlite');
    expect(outcome.caseData.inventory.find((r) => r.path === 'history.sqlite')?.error).toBe(
      'not used as the case database: it holds no hMailServer (hm_*) table',
    );
  });
});
