/** The case panel's details: those the examiner saved in the case database. */
import type { CaseDetails } from '../../lib/store/caseDbService.ts';
import type { TriageClient } from '../triageClient.ts';
import { queryScalar } from './queryRows.ts';

export const EMPTY_DETAILS: CaseDetails = { examiner: '', caseNumber: '', notes: '' };

export async function loadCaseDetails(client: TriageClient): Promise<CaseDetails> {
  const value = queryScalar(await client.ask('caseDetails'));
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
