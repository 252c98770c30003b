/** Gathers the HTML report's input from the case database, so notes, bookmarks and report choices added after the run count. */
import type { Database, SqlValue } from 'sql.js';
import { reportOptionsFromJson } from '../model/reportOptions.ts';
import type { Severity } from '../model/finding.ts';
import type { ServerSection } from '../report/findingsJson.ts';
import { KEY_SETTINGS, describeSetting } from '../report/formatKeySetting.ts';
import { formatSettingRisk } from '../report/formatSettingRisk.ts';
import type { ReportInput, ReportSetting } from '../report/htmlReport.ts';
import { caseStory } from './caseStory.ts';
import { parseJsonObject } from './parseJsonObject.ts';
import { selectRows } from './selectRows.ts';

const text = (v: SqlValue): string => (v === null || v === undefined ? '' : String(v));

function reportTimeZone(stored: string | undefined): ReportInput['timeZone'] {
  const zone = stored ? (JSON.parse(stored) as Partial<ReportInput['timeZone']>) : {};
  return { id: zone.id ?? 'UTC', basis: zone.basis ?? 'not recorded in this case file' };
}

function hasTable(db: Database, name: string): boolean {
  return selectRows(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).length > 0;
}

/** The Overview's key settings with the risk of their values, from the hm_settings copy in the case database. */
function ratedSettings(db: Database): ReportSetting[] {
  if (!hasTable(db, 'hm_settings')) return [];
  const rows = new Map(
    selectRows(db, 'SELECT lower(settingname) AS name, settingstring, settinginteger FROM hm_settings').map((r) => [text(r.name), r]),
  );
  return KEY_SETTINGS.filter((s) => rows.has(s.name)).map((s) => {
    const r = rows.get(s.name)!;
    const str = r.settingstring === null ? null : text(r.settingstring);
    const int = r.settinginteger === null || r.settinginteger === '' ? null : Number(r.settinginteger);
    return { label: s.label, value: describeSetting(s, str, int), ...formatSettingRisk(s.name, int, str) };
  });
}

export function reportInput(db: Database, version: string, generatedAt: string): ReportInput {
  const meta = new Map(selectRows(db, 'SELECT key, value FROM case_meta').map((r) => [text(r.key), text(r.value)]));
  const details = meta.get('case_details');
  const serverJson = meta.get('server');
  const server = serverJson ? (JSON.parse(serverJson) as Partial<Pick<ServerSection, 'maxMessageId' | 'settings'>>) : undefined;
  const schema = meta.get('database_schema_version');
  const options = meta.get('report_options');
  const hostname = server?.settings && typeof server.settings.hostname === 'string' ? server.settings.hostname : null;
  return {
    generatedAt,
    version,
    caseDetails: details ? JSON.parse(details) : { examiner: '', caseNumber: '', notes: '' },
    options: reportOptionsFromJson(options),
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
      hostname,
      messages: hasTable(db, 'hm_messages') ? Number(selectRows(db, 'SELECT count(*) AS n FROM hm_messages')[0].n) : null,
    },
    settings: ratedSettings(db),
    findings: selectRows(db, 'SELECT f.*, n.note FROM case_findings f LEFT JOIN case_finding_notes n ON n.finding_id = f.id ORDER BY f.id').map((r) => ({
      id: Number(r.id),
      type: text(r.type),
      severity: text(r.severity) as Severity,
      category: text(r.category),
      summary: text(r.summary),
      ref: Object.fromEntries(
        (['message', 'account', 'ip', 'file', 'setting'] as const).flatMap((k) => (r[`ref_${k}`] ? [[k, text(r[`ref_${k}`])]] : [])),
      ),
      details: parseJsonObject(text(r.details)),
      note: r.note === null ? null : text(r.note),
    })),
    story: caseStory(db),
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
