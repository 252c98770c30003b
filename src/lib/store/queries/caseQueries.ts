/**
 * Every query the views may ask of the case database, by name. The page sends a name and plain arguments;
 * the caseDb worker builds the SQL here and runs it read-only, so no SQL text crosses the worker boundary
 * except the SQL console's own.
 */
import { annotationQuery, taggedKeysQuery } from './annotationQueries.ts';
import {
  bookmarkedExportCountsQuery,
  bookmarkedExportPathsQuery,
  listedExportCountsQuery,
  listedExportPathsQuery,
  selectedWithFileQuery,
} from './messageExportQueries.ts';
import {
  databaseOnlyCountQuery,
  FINDINGS_SO_FAR,
  MESSAGE_FACET_QUERIES,
  messageCountQuery,
  messagePageQuery,
} from './messageQueries.ts';
import { CASE_DETAILS_SQL, EVIDENCE_HASHES_SQL, INVENTORY_SQL } from './evidenceQueries.ts';
import { DAMAGED_EVIDENCE_SQL, FINDINGS_SQL, findingSecretQuery } from './findingQueries.ts';
import {
  LOG_PROTOCOLS_SQL,
  logSessionCountQuery,
  logSessionPageQuery,
  logSessionQuery,
  TOP_FAILURE_IPS_SQL,
  UNPARSED_COUNT_SQL,
  UNPARSED_SAMPLES_SQL,
} from './logQueries.ts';
import { HASH_SETS_SQL, keywordMessagesQuery, SAVED_SEARCHES_SQL } from './searchToolQueries.ts';
import { fixedQuery, type SqlQuery } from './sqlQuery.ts';

const CASE_QUERIES = {
  annotation: annotationQuery,
  taggedKeys: taggedKeysQuery,
  messageCount: messageCountQuery,
  messagePage: messagePageQuery,
  databaseOnlyCount: databaseOnlyCountQuery,
  messageAccounts: fixedQuery(MESSAGE_FACET_QUERIES.accounts),
  messageFolders: fixedQuery(MESSAGE_FACET_QUERIES.folders),
  messageIndicators: fixedQuery(MESSAGE_FACET_QUERIES.indicators),
  findingsSoFar: fixedQuery(FINDINGS_SO_FAR),
  bookmarkedExportCounts: bookmarkedExportCountsQuery,
  bookmarkedExportPaths: bookmarkedExportPathsQuery,
  listedExportCounts: listedExportCountsQuery,
  listedExportPaths: listedExportPathsQuery,
  selectedWithFile: selectedWithFileQuery,
  findings: fixedQuery(FINDINGS_SQL),
  findingSecret: findingSecretQuery,
  damagedEvidence: fixedQuery(DAMAGED_EVIDENCE_SQL),
  inventory: fixedQuery(INVENTORY_SQL),
  evidenceHashes: fixedQuery(EVIDENCE_HASHES_SQL),
  caseDetails: fixedQuery(CASE_DETAILS_SQL),
  savedSearches: fixedQuery(SAVED_SEARCHES_SQL),
  hashSets: fixedQuery(HASH_SETS_SQL),
  keywordMessages: keywordMessagesQuery,
  logSessionCount: logSessionCountQuery,
  logSessionPage: logSessionPageQuery,
  logSession: logSessionQuery,
  logProtocols: fixedQuery(LOG_PROTOCOLS_SQL),
  logTopFailureIps: fixedQuery(TOP_FAILURE_IPS_SQL),
  logUnparsedCount: fixedQuery(UNPARSED_COUNT_SQL),
  logUnparsedSamples: fixedQuery(UNPARSED_SAMPLES_SQL),
} satisfies Record<string, (...args: never[]) => SqlQuery>;

export type QueryName = keyof typeof CASE_QUERIES;
export type QueryArgs<K extends QueryName> = Parameters<(typeof CASE_QUERIES)[K]>;

/** The SQL of a named query; a name the registry does not list is refused, whatever the page sent. */
export function caseQuery<K extends QueryName>(name: K, ...args: QueryArgs<K>): SqlQuery {
  if (!Object.hasOwn(CASE_QUERIES, name)) throw new Error(`Unknown case query: ${String(name)}`);
  return (CASE_QUERIES[name] as (...a: QueryArgs<K>) => SqlQuery)(...args);
}
