/** "What happened here" for the case in the database: the story's input read from the case tables, then built. */
import type { Database, SqlValue } from 'sql.js';
import type { FindingRef, Severity } from '../model/finding.ts';
import { buildStory } from '../report/story/buildStory.ts';
import type { StoryChain } from '../report/story/storyChain.ts';
import { sessionLabel, type StoryFinding, type StoryInput, type StoryMessage } from '../report/story/storyInput.ts';
import { fixedZone } from '../time/serverZone.ts';
import type { ServerZone } from '../model/serverZone.ts';
import { parseJsonObject } from './parseJsonObject.ts';
import { selectRows } from './selectRows.ts';

const text = (v: SqlValue): string => (v === null || v === undefined ? '' : String(v));
const REF_KEYS = ['message', 'account', 'ip', 'file', 'setting'] as const;

function caseZone(db: Database): ServerZone {
  const stored = selectRows(db, "SELECT value FROM case_meta WHERE key = 'server_zone'")[0]?.value;
  const zone = stored ? (parseJsonObject(text(stored)) as Partial<ServerZone>) : {};
  if (typeof zone.id !== 'string') return fixedZone(0, 'not recorded in this case file');
  return { id: zone.id, fixedOffsetMinutes: zone.fixedOffsetMinutes ?? null, basis: zone.basis ?? '' };
}

function storyInput(db: Database): StoryInput {
  const findings: StoryFinding[] = selectRows(db, 'SELECT * FROM case_findings ORDER BY id').map((r) => ({
    id: Number(r.id),
    type: text(r.type),
    severity: text(r.severity) as Severity,
    summary: text(r.summary),
    ref: Object.fromEntries(REF_KEYS.flatMap((k) => (r[`ref_${k}`] ? [[k, text(r[`ref_${k}`])]] : []))) as FindingRef,
    details: parseJsonObject(text(r.details)),
  }));
  const messages: Record<string, StoryMessage> = {};
  for (const r of selectRows(
    db,
    'SELECT path, subject, from_addr, date_utc FROM case_messages WHERE path IN (SELECT ref_message FROM case_findings WHERE ref_message IS NOT NULL)',
  )) {
    messages[text(r.path)] = { subject: text(r.subject), from: text(r.from_addr), dateUtc: r.date_utc === null ? null : text(r.date_utc) };
  }
  return {
    findings,
    zone: caseZone(db),
    messages,
    sessionAt(file, line) {
      const r = selectRows(
        db,
        'SELECT key, protocol, session, ip FROM case_log_sessions WHERE file = ? AND first_line <= ? AND last_line >= ? ORDER BY first_line DESC LIMIT 1',
        [file, line, line],
      )[0];
      return r ? { key: text(r.key), label: sessionLabel(text(r.protocol), text(r.session), r.ip ? text(r.ip) : null) } : null;
    },
  };
}

export function caseStory(db: Database): StoryChain[] {
  return buildStory(storyInput(db));
}
