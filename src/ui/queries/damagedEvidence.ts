/** The evidence-damaged findings of the case, so "Analysis complete" is never said of damaged evidence without a note. */
import type { TriageClient } from '../triageClient.ts';
import { asText } from './queryRows.ts';

const DAMAGED_SQL = "SELECT summary FROM case_findings WHERE type = 'evidence-damaged' ORDER BY id";

/** Summaries of the damaged evidence items; empty when the query fails (the views then say more). */
export async function damagedEvidence(client: TriageClient): Promise<string[]> {
  try {
    return (await client.query(DAMAGED_SQL)).rows.map((r) => asText(r[0]));
  } catch {
    return [];
  }
}
