/** The message indexes of a live run: absent while rows stream in, present when the run has written its rows, and in every case file. */
import initSqlJs, { type Database } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { createMessageIndexes, exportLiveCase, LIVE_SCHEMA, openLiveCase } from '../../../src/lib/store/liveCaseSchema.ts';
import { fileInput, nodeTriage } from '../../helpers/nodeTriage.ts';
import { DEMO_ZIP_NAME, demoEvidenceBytes } from '../../helpers/demoEvidence.ts';

const MESSAGE_INDEXES = ['case_messages_account', 'case_messages_date', 'case_messages_from', 'case_messages_size', 'case_messages_subject'];

function indexes(db: Database, schema: string): string[] {
  const rows = db.exec(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'index' AND name LIKE 'case\\_messages\\_%' ESCAPE '\\' ORDER BY name`);
  return (rows[0]?.values ?? []).map((r) => String(r[0]));
}

describe('message indexes', () => {
  it('are not kept up to date while a live case takes its rows, and are made once', async () => {
    const db = openLiveCase(await initSqlJs());
    expect(indexes(db, LIVE_SCHEMA)).toEqual([]);
    createMessageIndexes(db);
    createMessageIndexes(db);
    expect(indexes(db, LIVE_SCHEMA)).toEqual(MESSAGE_INDEXES);
    db.close();
  });

  it('are in the case file of a case that never made them (a cancelled run)', async () => {
    const SQL = await initSqlJs();
    const db = openLiveCase(SQL);
    const file = new SQL.Database(exportLiveCase(SQL, db));
    expect(indexes(file, 'main')).toEqual(MESSAGE_INDEXES);
    file.close();
    db.close();
  });

  it('exist once a run has written its case', async () => {
    const { caseDb } = await nodeTriage([fileInput(DEMO_ZIP_NAME, demoEvidenceBytes())]);
    const rows = (await caseDb.consoleQuery("SELECT name FROM live.sqlite_master WHERE type = 'index' AND name LIKE 'case_messages_%' ORDER BY name")).rows;
    expect(rows.map((r) => r[0])).toEqual(MESSAGE_INDEXES);
  }, 120_000);
});
