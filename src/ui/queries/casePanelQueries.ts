/** The case panel's SQL: the examiner's case details saved in the case database. */
import type { CaseDetails } from '../../lib/store/caseDbService.ts';
import type { TriageClient } from '../triageClient.ts';
import { queryScalar } from './queryRows.ts';

const CASE_DETAILS_SQL = "select value from case_meta where key = 'case_details'";

export const EMPTY_DETAILS: CaseDetails = { examiner: '', caseNumber: '', notes: '' };

export async function loadCaseDetails(client: TriageClient): Promise<CaseDetails> {
  const value = queryScalar(await client.query(CASE_DETAILS_SQL));
  if (typeof value !== 'string') return { ...EMPTY_DETAILS };
  try {
    const parsed = JSON.parse(value) as Partial<CaseDetails>;
    return {
      examiner: String(parsed.examiner ?? ''),
      caseNumber: String(parsed.caseNumber ?? ''),
      notes: String(parsed.notes ?? ''),
    };
  } catch {
    return { ...EMPTY_DETAILS };
  }
}
