/** The Indicators tab's rows: every finding with its note, and the masked secret revealed on request. */
import type { FindingRef, Severity } from '../../lib/model/finding.ts';
import type { TriageClient } from '../triageClient.ts';
import { asNumber, asText, queryRows, queryScalar } from './queryRows.ts';

/** Finding types whose proof is a secret that stays masked until the examiner reveals it. */
export const SECRET_TYPES: ReadonlySet<string> = new Set(['weak-password', 'credential-exposed-in-log']);

export interface FindingRow {
  id: number;
  type: string;
  severity: Severity;
  category: string;
  summary: string;
  ref: FindingRef;
  details: Record<string, unknown>;
  note: string;
}

function parseDetails(json: string): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return { raw: json };
  }
}

export async function loadFindings(client: TriageClient): Promise<FindingRow[]> {
  return queryRows(await client.ask('findings')).map((r) => {
    const ref: FindingRef = {};
    if (r.ref_message !== null) ref.message = asText(r.ref_message);
    if (r.ref_account !== null) ref.account = asText(r.ref_account);
    if (r.ref_ip !== null) ref.ip = asText(r.ref_ip);
    if (r.ref_file !== null) ref.file = asText(r.ref_file);
    if (r.ref_setting !== null) ref.setting = asText(r.ref_setting);
    return {
      id: asNumber(r.id) ?? 0,
      type: asText(r.type),
      severity: asText(r.severity) as Severity,
      category: asText(r.category),
      summary: asText(r.summary),
      ref,
      details: parseDetails(asText(r.details)),
      note: asText(r.note),
    };
  });
}

/** Null when the pipeline recorded no secret for this finding. */
export async function revealSecret(client: TriageClient, findingId: number): Promise<string | null> {
  const value = queryScalar(await client.ask('findingSecret', findingId));
  return value === null ? null : String(value);
}
