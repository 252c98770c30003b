/** The evidence-damaged findings of the case, so "Analysis complete" is never said of damaged evidence without a note. */
import type { TriageClient } from '../triageClient.ts';
import { asText } from './queryRows.ts';

/** Summaries of the damaged evidence items; empty when the query fails (the views then say more). */
export async function damagedEvidence(client: TriageClient): Promise<string[]> {
  try {
    return (await client.ask('damagedEvidence')).rows.map((r) => asText(r[0]));
  } catch {
    return [];
  }
}
