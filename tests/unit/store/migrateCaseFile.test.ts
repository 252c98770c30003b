import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { CASE_SCHEMA, CASE_SCHEMA_VERSION } from '../../../src/lib/store/caseSchema.ts';
import { migrateCaseFile } from '../../../src/lib/store/migrateCaseFile.ts';

describe('migrateCaseFile', () => {
  it('reads a schema-1 case file with the current queries: body preview and headers', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    // Schema 1: the current DDL as it was before the preview and the header view.
    const schema1 = CASE_SCHEMA.replace('body_preview TEXT, headers_json TEXT', 'body_text TEXT').replace(
      /CREATE VIEW IF NOT EXISTS case_headers AS[^;]*;/,
      'CREATE TABLE IF NOT EXISTS case_headers (message_id INTEGER, ord INTEGER, name TEXT, value TEXT);',
    );
    expect(schema1).toContain('body_text TEXT');
    db.exec(schema1);
    db.exec(`INSERT INTO case_messages (id, path, subject, body_text) VALUES (1, 'a.eml', 'Hi', 'the whole body');
      INSERT INTO case_headers VALUES (1, 0, 'Subject', 'Hi')`);
    migrateCaseFile(db);
    db.exec(CASE_SCHEMA);
    expect(db.exec('SELECT body_preview, headers_json FROM case_messages')[0].values).toEqual([['the whole body', null]]);
    expect(db.exec('SELECT ord, name, value FROM case_headers WHERE message_id = 1')[0].values).toEqual([[0, 'Subject', 'Hi']]);
  });

  it('leaves a current case file as it is, and serves its headers through the view', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.exec(CASE_SCHEMA);
    db.run("INSERT INTO case_messages (id, path, headers_json) VALUES (1, 'a.eml', ?)", [JSON.stringify([['From', 'a@b'], ['To', 'c@d']])]);
    migrateCaseFile(db);
    db.exec(CASE_SCHEMA);
    expect(db.exec('SELECT ord, name, value FROM case_headers WHERE message_id = 1 ORDER BY ord')[0].values).toEqual([[0, 'From', 'a@b'], [1, 'To', 'c@d']]);
  });

  it('brings a schema-3 case file to the current schema: saved searches and hash sets, and says what it was', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    const schema3 = CASE_SCHEMA.replace(/CREATE TABLE IF NOT EXISTS case_(saved_searches|hash_sets|hash_hits)[^;]*;|CREATE INDEX IF NOT EXISTS case_hash_hits_path[^;]*;/g, '');
    expect(schema3).not.toContain('case_saved_searches');
    db.exec(schema3);
    db.exec("INSERT INTO case_meta VALUES ('schema_version', '3')");
    migrateCaseFile(db);
    db.exec(CASE_SCHEMA);
    db.run("INSERT INTO case_saved_searches VALUES ('q', 'subject:x', '2025-01-01T00:00:00Z')");
    expect(db.exec("SELECT key, value FROM case_meta WHERE key LIKE '%schema%' ORDER BY key")[0].values).toEqual([
      ['migrated_from_schema', '3'], ['schema_version', String(CASE_SCHEMA_VERSION)],
    ]);
    expect(CASE_SCHEMA_VERSION).toBe(4);
    expect(db.exec('SELECT count(*) FROM case_hash_hits')[0].values).toEqual([[0]]);
  });
});

describe('migrateCaseFile to schema 4', () => {
  it('normalises bookmark tags, adds the annotation tables and records the schema version', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    const schema3 = CASE_SCHEMA.replace(/CREATE TABLE IF NOT EXISTS case_annotations \([^;]*;\s*CREATE TABLE IF NOT EXISTS case_tags[^;]*;/, '');
    expect(schema3).not.toContain('case_annotations');
    db.exec(schema3);
    db.exec("INSERT INTO case_meta VALUES ('schema_version', '3'); INSERT INTO case_bookmarks VALUES ('a.eml', 'x,y ,x', 'n', null), ('b.eml', null, '', null)");
    migrateCaseFile(db);
    db.exec(CASE_SCHEMA);
    expect(db.exec('SELECT path, tags FROM case_bookmarks ORDER BY path')[0].values).toEqual([['a.eml', 'x, y'], ['b.eml', null]]);
    expect(db.exec("SELECT value FROM case_meta WHERE key = 'schema_version'")[0].values).toEqual([[String(CASE_SCHEMA_VERSION)]]);
    expect(db.exec('SELECT count(*) FROM case_annotations')[0].values).toEqual([[0]]);
  });
});
