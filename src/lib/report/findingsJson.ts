/**
 * findings.json (../shared/reference/findings-schema.md): deterministic — arrays sorted, keys in a fixed
 * order, times ISO UTC or null — so the same evidence gives the same bytes apart from the `run` block.
 */
import type { CaseData, MessageLink } from '../model/caseData.ts';
import type { Finding } from '../model/finding.ts';
import type { ParsedMessage } from '../model/message.ts';
import { examinerSettings } from '../database/examinerSettings.ts';
import { localToUtc } from '../time/localToUtc.ts';
import type { ServerZone } from '../time/serverZone.ts';
import { compareStrings } from '../analyze/support/compareStrings.ts';
import { compareFindings } from './compareFindings.ts';

export const FINDINGS_SCHEMA_ID = 'hmail-triage/findings@1';

/** Zone candidates written out: the best few; the basis says how many fit in all. */
const FINDINGS_JSON_CANDIDATES = 10;

export interface RunInfo {
  generator: string;
  version: string;
  startedAt: string;
  finishedAt: string;
  /** The zone the server's local times were read in (IANA name or "UTC±HH:MM"); every time written is UTC. */
  timezone: string;
}

/** Public findings never carry secrets: analyzers keep them out of details; this is the last guard. */
const SECRET_DETAIL_KEYS = new Set(['password', 'secret', 'passwordStored']);

function scrubDetails(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([k]) => !SECRET_DETAIL_KEYS.has(k)));
}

function messageEntry(m: ParsedMessage, link: MessageLink | undefined, zone: ServerZone) {
  return {
    path: m.path,
    dbMessageId: link?.dbMessageId ?? null,
    account: link?.account ?? link?.accountFromPath ?? null,
    folder: link?.folder ?? null,
    queued: link?.queued ?? false,
    messageIdHeader: m.messageId,
    from: m.from?.address ?? null,
    to: m.to.map((a) => a.address),
    subject: m.subject,
    date: m.date,
    createTime: link?.createTime ? localToUtc(link.createTime, zone) : null,
    size: m.size,
    sha256: m.sha256,
    attachments: m.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
      sha256: a.sha256,
      detectedType: a.detectedType,
      ...(a.container ? { container: a.container } : {}),
    })),
  };
}

/** The `server` block: the database, its accounts and settings (also kept on its own for the HTML report). */
export function serverSection(caseData: CaseData) {
  const zone = caseData.serverZone;
  const db = caseData.database;
  const weak = new Set(caseData.weakPasswords.map((w) => w.account.toLowerCase()));
  const maxMessageId = db && db.messages.length > 0 ? db.messages.reduce((max, m) => Math.max(max, m.id), -Infinity) : null;
  return {
    database: {
      source: db?.source ?? 'none',
      path: db?.path ?? null,
      schemaVersion: db?.schemaVersion ?? null,
      tables: db ? Object.fromEntries(Object.entries(db.tables).sort(([a], [b]) => compareStrings(a, b))) : {},
    },
    maxMessageId,
    domains: (db?.domains ?? [])
      .map((d) => ({ name: d.name, active: d.active }))
      .sort((a, b) => compareStrings(a.name, b.name)),
    accounts: (db?.accounts ?? [])
      .map((a) => ({
        address: a.address,
        active: a.active,
        lastLogon: a.lastLogon ? localToUtc(a.lastLogon, zone) : null,
        passwordScheme: a.passwordScheme,
        weakPassword: weak.has(a.address.toLowerCase()),
      }))
      .sort((a, b) => compareStrings(a.address, b.address)),
    settings: db ? examinerSettings(db) : {},
    timeZone: {
      id: zone.id,
      fixedOffsetMinutes: zone.fixedOffsetMinutes,
      basis: zone.basis,
      evidencePairs: zone.evidencePairs ?? 0,
      candidates: (zone.candidates ?? []).slice(0, FINDINGS_JSON_CANDIDATES),
    },
  };
}

export type ServerSection = ReturnType<typeof serverSection>;

export function buildFindingsJson(caseData: CaseData, findings: Finding[], run: RunInfo): string {
  const zone = caseData.serverZone;
  const links = new Map(caseData.links.map((l) => [l.path, l]));
  const doc = {
    schema: FINDINGS_SCHEMA_ID,
    run,
    evidence: [...caseData.evidence]
      .sort((a, b) => compareStrings(a.name, b.name))
      .map((e) => ({ name: e.name, size: e.size, md5: e.md5, sha256: e.sha256 })),
    inventory: [...caseData.inventory]
      .sort((a, b) => compareStrings(a.path, b.path))
      .map((e) => ({
        path: e.path,
        kind: e.kind,
        format: e.format,
        size: e.size,
        md5: e.md5,
        sha256: e.sha256,
        status: e.status,
        ...(e.status !== 'ok' ? { error: e.error ?? '' } : {}),
      })),
    server: serverSection(caseData),
    messages: [...caseData.messages]
      .sort((a, b) => compareStrings(a.path, b.path))
      .map((m) => messageEntry(m, links.get(m.path), zone)),
    findings: [...findings].sort(compareFindings).map((f) => ({
      type: f.type,
      severity: f.severity,
      ref: f.ref,
      summary: f.summary,
      details: scrubDetails(f.details),
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
