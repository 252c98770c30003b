/** The findings of the case as the Indicators tab lists them, their masked secrets, and the damaged-evidence notes. */
import type { SqlQuery } from './sqlQuery.ts';

export const FINDINGS_SQL = `select f.id, f.type, f.severity, f.category, f.summary, f.ref_message, f.ref_account, f.ref_ip,
  f.ref_file, f.ref_setting, f.details, n.note
from case_findings f left join case_finding_notes n on n.finding_id = f.id
order by f.id`;

export const DAMAGED_EVIDENCE_SQL = "SELECT summary FROM case_findings WHERE type = 'evidence-damaged' ORDER BY id";

/** The lead's caseDb keeps weak passwords and logged credentials here only, never in details. */
export function findingSecretQuery(findingId: number): SqlQuery {
  return { sql: 'select secret from case_secrets where finding_id = ?', params: [findingId] };
}
