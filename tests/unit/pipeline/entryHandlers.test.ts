/**
 * The triage dispatch: which formats are read, and that TriageRun.onEntry hands an entry to its format's
 * handler only when the entry was read and the run is not cancelled.
 */
import { describe, expect, it } from 'vitest';
import type { IngestedEntry } from '../../../src/lib/ingest/ingestEvidence.ts';
import type { EntryFormat, InventoryEntry } from '../../../src/lib/model/inventoryEntry.ts';
import { ENTRY_HANDLERS } from '../../../src/lib/pipeline/entries/entryHandlers.ts';
import type { TriageDeps } from '../../../src/lib/pipeline/triageDeps.ts';
import { TriageRun } from '../../../src/lib/pipeline/triageRun.ts';

const newRun = (signal?: AbortSignal) => new TriageRun({ parseConcurrency: 1 } as TriageDeps, signal, false, undefined);

function entry(path: string, format: EntryFormat, text: string, status: InventoryEntry['status'] = 'ok'): IngestedEntry {
  const bytes = new TextEncoder().encode(text);
  return {
    entry: { path, kind: 'other', format, size: bytes.length, md5: '', sha256: '', status },
    bytes,
    head: bytes,
    open: () => {
      throw new Error(`${path} was re-read`);
    },
  };
}

describe('ENTRY_HANDLERS', () => {
  it('reads every format the pipeline analyses, and lists the rest only', () => {
    expect(Object.keys(ENTRY_HANDLERS).sort()).toEqual([
      '7z', 'dns-zone', 'eml', 'hma', 'hmail-awstats-log', 'hmail-backup-log', 'hmail-backup-xml', 'hmail-error-log', 'hmail-events-log',
      'hmail-ini', 'hmail-log', 'mssql-script', 'mysql-dump', 'pgsql-dump', 'sdf', 'sqlite',
    ]);
  });
});

describe('TriageRun.onEntry', () => {
  it("reads an entry with its format's handler", async () => {
    const run = newRun();
    await run.onEntry(entry('hMailServer.ini', 'hmail-ini', '[Database]\r\nType=MySQL\r\n'));
    await run.onEntry(entry('Data/hMailServer.sdf', 'sdf', ''));
    expect(run.ini?.path).toBe('hMailServer.ini');
    expect(run.sdfPaths).toEqual(['Data/hMailServer.sdf']);
  });

  it('keeps the first hMailServer.ini and reports the second', async () => {
    const run = newRun();
    await run.onEntry(entry('a/hMailServer.ini', 'hmail-ini', '[Database]\r\n'));
    await run.onEntry(entry('b/hMailServer.ini', 'hmail-ini', '[Database]\r\n'));
    expect(run.ini?.path).toBe('a/hMailServer.ini');
    expect(run.parseErrors).toEqual([{ path: 'b/hMailServer.ini', kind: 'ini', reason: 'a second hMailServer.ini; the first (a/hMailServer.ini) is used' }]);
  });

  it('does not read an entry whose status is not ok', async () => {
    const run = newRun();
    await run.onEntry(entry('hMailServer.ini', 'hmail-ini', '[Database]\r\n', 'error'));
    expect(run.ini).toBeNull();
  });

  it('throws AbortError once the run is cancelled, before reading', async () => {
    const controller = new AbortController();
    const run = newRun(controller.signal);
    controller.abort();
    await expect(run.onEntry(entry('hMailServer.ini', 'hmail-ini', '[Database]\r\n'))).rejects.toMatchObject({ name: 'AbortError' });
    expect(run.ini).toBeNull();
  });

  it('marks a failed entry in the inventory overrides as well as the parse errors', () => {
    const run = newRun();
    run.fail('x.7z', 'archive', 'too big', 'skipped');
    expect(run.overrides.get('x.7z')).toEqual({ status: 'skipped', error: 'too big' });
    expect(run.parseErrors).toEqual([{ path: 'x.7z', kind: 'archive', reason: 'too big' }]);
  });
});
