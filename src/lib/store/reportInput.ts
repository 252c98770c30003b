/** Gathers the HTML report's input from the case database, so notes and bookmarks added after the run count. */
import type { Database, SqlValue } from 'sql.js';
import { selectRows } from './selectRows.ts';
import type { ServerSection } from '../report/findingsJson.ts';
import type { ReportInput } from '../report/htmlReport.ts';
import type { Severity } from '../model/finding.ts';

const text = (v: SqlValue): string => (v === null || v === undefined ? '' : String(v));

function reportTimeZone(stored: string | undefined): ReportInput['timeZone'] {
  const zone = stored ? (JSON.parse(stored) as Partial<ReportInput['timeZone']>) : {};
  return { id: zone.id ?? 'UTC', basis: zone.basis ?? 'not recorded in this case file' };
}

export function reportInput(db: Database, version: string, generatedAt: string): ReportInput {
  const meta = new Map(selectRows(db, 'SELECT key, value FROM case_meta').map((r) => [text(r.key), text(r.value)]));
  const details = meta.get('case_details');
  const serverJson = meta.get('server');
  const server = serverJson ? (JSON.parse(serverJson) as Pick<ServerSection, 'maxMessageId' | 'settings'>) : undefined;
  const schema = meta.get('database_schema_version');
  return {
    generatedAt,
    version,
    caseDetails: details ? JSON.parse(details) : { examiner: '', caseNumber: '', notes: '' },
    evidence: selectRows(db, 'SELECT * FROM case_evidence ORDER BY name').map((r) => ({
      name: text(r.name), size: Number(r.size), md5: text(r.md5), sha256: text(r.sha256),
    })),
    inventory: selectRows(db, 'SELECT * FROM case_inventory ORDER BY path').map((r) => ({
      path: text(r.path), kind: text(r.kind), size: Number(r.size), md5: text(r.md5), sha256: text(r.sha256),
      status: text(r.status), error: r.error === null ? null : text(r.error),
    })),
    server: {
      source: meta.get('database_source') || 'none',
      path: meta.get('database_path') || null,
      schemaVersion: schema ? Number(schema) : null,
      maxMessageId: server?.maxMessageId ?? null,
      settings: server?.settings ?? {},
    },
    findings: selectRows(db, 'SELECT f.*, n.note FROM case_findings f LEFT JOIN case_finding_notes n ON n.finding_id = f.id ORDER BY f.id').map((r) => ({
      id: Number(r.id),
      type: text(r.type),
      severity: text(r.severity) as Severity,
      category: text(r.category),
      summary: text(r.summary),
      ref: Object.fromEntries(
        (['message', 'account', 'ip', 'file', 'setting'] as const).flatMap((k) => (r[`ref_${k}`] ? [[k, text(r[`ref_${k}`])]] : [])),
      ),
      details: JSON.stringify(JSON.parse(text(r.details) || '{}'), null, 2),
      note: r.note === null ? null : text(r.note),
    })),
    timeline: selectRows(db, 'SELECT substr(time_utc, 1, 10) AS day, count(*) AS n FROM case_timeline WHERE time_utc IS NOT NULL GROUP BY day ORDER BY day').map(
      (r) => ({ day: text(r.day), count: Number(r.n) }),
    ),
    timeZone: reportTimeZone(meta.get('server_zone')),
    timesLeftOut: {
      rows: selectRows(
        db,
        'SELECT time_note, type, COUNT(*) AS n, MIN(time_local) AS first, MAX(time_local) AS last FROM case_timeline WHERE time_utc IS NULL GROUP BY time_note, type ORDER BY time_note, type',
      ).map((r) => ({ note: text(r.time_note), type: text(r.type), count: Number(r.n), first: text(r.first), last: text(r.last) })),
      total: Number(selectRows(db, 'SELECT COUNT(*) AS n FROM case_timeline WHERE time_utc IS NULL')[0]?.n ?? 0),
    },
    bookmarks: selectRows(
      db,
      `SELECT b.path, b.tags, b.note, m.id, m.subject, m.from_addr, m.date_utc FROM case_bookmarks b
       LEFT JOIN case_messages m ON m.path = b.path ORDER BY b.path`,
    ).map((r) => ({
      path: text(r.path), tags: text(r.tags), note: text(r.note), subject: text(r.subject), from: text(r.from_addr),
      date: r.date_utc === null ? null : text(r.date_utc),
      headers: selectRows(db, 'SELECT name, value FROM case_headers WHERE message_id = ? ORDER BY ord', [r.id ?? -1]).map((h) => ({
        name: text(h.name), value: text(h.value),
      })),
    })),
  };
}
