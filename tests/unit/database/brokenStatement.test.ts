import { describe, expect, it } from 'vitest';
import { importSqlDump } from '../../../src/lib/database/importSqlDump.ts';
import { readHmailDatabase } from '../../../src/lib/database/readHmailDatabase.ts';
import type { HmailDatabase } from '../../../src/lib/model/hmailDatabase.ts';
import { hasSamples } from '../../helpers/sharedSamples.ts';
import { chunkedStream, emptyDb, fixtureText, referenceCaseDb } from './dbTestKit.ts';

const BROKEN_INSERT = "INSERT INTO `hm_routes` VALUES (9,'x.example','desc','host',25,4,60,1,0,'','',0,0 0);";
const GARBAGE = 'THIS IS NOT SQL AT ALL;';
const UNTERMINATED = "INSERT INTO `hm_aliases` VALUES (5,1,'oops@x.example','never closed,1);";

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

function withoutOriginAndProblems(db: HmailDatabase) {
  const { source: _s, path: _p, problems: _q, ...rest } = db;
  return rest;
}

describe.skipIf(!hasSamples)('a mysqldump with broken statements', () => {
  it('loads everything else and names each broken statement by line and reason', async () => {
    const original = fixtureText('sample-mariadb-dump.sql');
    const anchor = 'LOCK TABLES `hm_blocked_attachments` WRITE;';
    const text = `${original.replace(anchor, `${BROKEN_INSERT}\n${GARBAGE}\n${anchor}`)}\n${UNTERMINATED}\n`;
    const db = await emptyDb();
    const problems = await importSqlDump(db, chunkedStream(new TextEncoder().encode(text), 1000), 'mysql-dump');

    expect(problems).toEqual([
      {
        line: lineOf(text, BROKEN_INSERT),
        statement: BROKEN_INSERT.slice(0, -1),
        reason: 'INSERT skipped: expected \',\' or \')\' in row 1 but found "0)"',
      },
      { line: lineOf(text, GARBAGE), statement: GARBAGE.slice(0, -1), reason: 'statement not recognised: skipped' },
      {
        line: lineOf(text, UNTERMINATED),
        statement: UNTERMINATED,
        reason: "statement skipped: string opened with ' never closed",
      },
    ]);
    const got = readHmailDatabase(db, 'mysql-dump', 'broken.sql', problems);
    const ref = readHmailDatabase(await referenceCaseDb(), 'sqlite', 'x', []);
    expect(withoutOriginAndProblems(got)).toEqual(withoutOriginAndProblems(ref));
  });
});
