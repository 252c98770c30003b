/**
 * findings.json (../shared/reference/findings-schema.md, plus the `story` of storyJson.ts): deterministic —
 * arrays sorted, keys in a fixed order, times ISO UTC or null — so the same evidence gives the same bytes
 * apart from the `run` block.
 */
import type { CaseData, MessageLink } from '../model/caseData.ts';
import type { Finding } from '../model/finding.ts';
import type { ParsedMessage } from '../model/message.ts';
import { examinerSettings } from '../database/examinerSettings.ts';
import { localToUtc } from '../time/localToUtc.ts';
import type { ServerZone } from '../model/serverZone.ts';
import { compareStrings } from '../model/compareStrings.ts';
import { compareFindings } from '../model/compareFindings.ts';
import { buildStory } from './story/buildStory.ts';
import { storyInputFromCase } from './story/storyInputFromCase.ts';
import { storyJson } from './story/storyJson.ts';

const FINDINGS_SCHEMA_ID = 'hmail-triage/findings@1';

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

/** Marks where a large array goes in the document's skeleton (a string no JSON value of ours contains). */
const PLACE = (name: string) => `\u0000${name}\u0000`;
const PLACED = (name: string) => JSON.stringify(PLACE(name));

function indented(text: string, indent: string): string {
  return indent + text.replace(/\n/g, `\n${indent}`);
}

/** An array at the document's first level, as JSON.stringify(…, null, 2) writes it, one element at a time. */
function* arrayChunks(items: Iterable<unknown>): Generator<string> {
  let first = true;
  for (const item of items) {
    yield (first ? '[\n' : ',\n') + indented(JSON.stringify(item, null, 2), '    ');
    first = false;
  }
  yield first ? '[]' : '\n  ]';
}

/**
 * findings.json as a sequence of text chunks whose concatenation is byte for byte
 * `JSON.stringify(doc, null, 2) + '\n'`: the inventory, messages and findings are written element by
 * element, so a case of 100,000 messages never holds the whole document, as objects or as text.
 */
export function* findingsJsonChunks(caseData: CaseData, findings: Finding[], run: RunInfo): Generator<string> {
  const zone = caseData.serverZone;
  const links = new Map(caseData.links.map((l) => [l.path, l]));
  const order = findings.map((_, i) => i).sort((a, b) => compareFindings(findings[a], findings[b]));
  const skeleton = JSON.stringify(
    {
      schema: FINDINGS_SCHEMA_ID,
      run,
      evidence: [...caseData.evidence]
        .sort((a, b) => compareStrings(a.name, b.name))
        .map((e) => ({ name: e.name, size: e.size, md5: e.md5, sha256: e.sha256 })),
      inventory: PLACE('inventory'),
      server: serverSection(caseData),
      messages: PLACE('messages'),
      findings: PLACE('findings'),
      story: storyJson(buildStory(storyInputFromCase(caseData, findings)), order),
    },
    null,
    2,
  );
  const arrays: Record<string, () => Iterable<unknown>> = {
    *inventory() {
      for (const e of [...caseData.inventory].sort((a, b) => compareStrings(a.path, b.path))) {
        yield {
          path: e.path,
          kind: e.kind,
          format: e.format,
          size: e.size,
          md5: e.md5,
          sha256: e.sha256,
          status: e.status,
          ...(e.status !== 'ok' ? { error: e.error ?? '' } : {}),
        };
      }
    },
    *messages() {
      for (const m of [...caseData.messages].sort((a, b) => compareStrings(a.path, b.path))) yield messageEntry(m, links.get(m.path), zone);
    },
    *findings() {
      for (const f of order.map((i) => findings[i])) {
        yield { type: f.type, severity: f.severity, ref: f.ref, summary: f.summary, details: scrubDetails(f.details) };
      }
    },
  };
  let rest = skeleton;
  for (const name of ['inventory', 'messages', 'findings']) {
    const at = rest.indexOf(PLACED(name));
    yield rest.slice(0, at);
    yield* arrayChunks(arrays[name]());
    rest = rest.slice(at + PLACED(name).length);
  }
  yield rest + '\n';
}

export function buildFindingsJson(caseData: CaseData, findings: Finding[], run: RunInfo): string {
  let out = '';
  for (const chunk of findingsJsonChunks(caseData, findings, run)) out += chunk;
  return out;
}
