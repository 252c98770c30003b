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
import { CASE_DETAILS_SQL, EVIDENCE_HASHES_SQL, EVIDENCE_SQL, INVENTORY_SQL, SDF_SQL } from './evidenceQueries.ts';
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
import {
  TIMELINE_SQL,
  findingExtentQuery,
  firstTimeFromQuery,
  lastTimeUpToQuery,
  nthTimeQuery,
  outsideCountsQuery,
  timelineBucketsQuery,
  timelineEventCountQuery,
  timelineEventPageQuery,
} from './timelineQueries.ts';
import { IOC_KINDS_SQL, iocCountQuery, iocPageQuery } from './messageIocQueries.ts';
import {
  messageAttachmentsQuery,
  messageFindingsQuery,
  messageHeadersQuery,
  messageIocsQuery,
  messageReceivedQuery,
  messageSummaryQuery,
  messageThreadQuery,
  sameBytesQuery,
  sameMessageIdQuery,
} from './messageViewQueries.ts';
import { ACCOUNTS_FROM_FILES_SQL, accountsQuery, foldersFromFilesQuery, foldersQuery } from './accountQueries.ts';
import { accountVolumeQuery, SENDING_SPIKES_SQL } from './accountVolumeQueries.ts';
import { topRecipientDomainsQuery, topSendersQuery } from './mailFlowQueries.ts';
import {
  CASE_COUNTS_SQL,
  CASE_META_SQL,
  FINDING_TYPES_SQL,
  hmCountsQuery,
  hmDomainsQuery,
  hmSettingsQuery,
  hmTableCountsQuery,
  maxMessageIdQuery,
} from './overviewQueries.ts';
import { aliasesQuery, distributionListsQuery } from './configAddressQueries.ts';
import { activeSpamListsQuery, blockedAttachmentsQuery, spamListsQuery } from './configAntispamQueries.ts';
import { deliveryQueueQuery, routesQuery } from './configDeliveryQueries.ts';
import { fetchAccountsQuery, forwardingQuery } from './configMailboxQueries.ts';
import { routeNamesQuery, ruleActionsQuery, ruleCriteriaQuery, rulesQuery } from './configRuleQueries.ts';
import { logonFailuresQuery, securityRangesQuery } from './configSecurityQueries.ts';
import { fixedQuery, type SqlQuery } from './sqlQuery.ts';
import { HM_COLUMNS_SQL, type HmColumns } from './hmColumns.ts';

/** Queries whose SQL is the same on every case database. */
const PLAIN_QUERIES = {
  hmColumns: fixedQuery(HM_COLUMNS_SQL),
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
  iocKinds: fixedQuery(IOC_KINDS_SQL),
  iocCount: iocCountQuery,
  iocPage: iocPageQuery,
  messageSummary: messageSummaryQuery,
  messageHeaders: messageHeadersQuery,
  messageReceived: messageReceivedQuery,
  messageAttachments: messageAttachmentsQuery,
  messageFindings: messageFindingsQuery,
  messageIocs: messageIocsQuery,
  messageThread: messageThreadQuery,
  sameMessageId: sameMessageIdQuery,
  sameBytes: sameBytesQuery,
  accountsFromFiles: fixedQuery(ACCOUNTS_FROM_FILES_SQL),
  foldersFromFiles: foldersFromFilesQuery,
  sendingSpikes: fixedQuery(SENDING_SPIKES_SQL),
  caseMeta: fixedQuery(CASE_META_SQL),
  caseCounts: fixedQuery(CASE_COUNTS_SQL),
  findingTypes: fixedQuery(FINDING_TYPES_SQL),
  evidence: fixedQuery(EVIDENCE_SQL),
  sdfFiles: fixedQuery(SDF_SQL),
  timelineExtent: fixedQuery(TIMELINE_SQL.extent),
  timelineTypes: fixedQuery(TIMELINE_SQL.types),
  timelineIndicators: fixedQuery(TIMELINE_SQL.indicators),
  timelineServerZone: fixedQuery(TIMELINE_SQL.serverZone),
  timelinePlacedCount: fixedQuery(TIMELINE_SQL.placedCount),
  timelineLeftOutCount: fixedQuery(TIMELINE_SQL.leftOutCount),
  timelineLeftOut: fixedQuery(TIMELINE_SQL.leftOut),
  timelineNthTime: nthTimeQuery,
  timelineFirstFrom: firstTimeFromQuery,
  timelineLastUpTo: lastTimeUpToQuery,
  timelineBuckets: timelineBucketsQuery,
  timelineOutsideCounts: outsideCountsQuery,
  timelineFindingExtent: findingExtentQuery,
  timelineEventCount: timelineEventCountQuery,
  timelineEventPage: timelineEventPageQuery,
} satisfies Record<string, (...args: never[]) => SqlQuery>;

/** Queries of hMailServer's tables, written for the hm_* tables and columns this case database has. */
const SCHEMA_QUERIES = {
  accounts: accountsQuery,
  folders: foldersQuery,
  accountVolume: accountVolumeQuery,
  topSenders: topSendersQuery,
  topRecipientDomains: topRecipientDomainsQuery,
  maxMessageId: maxMessageIdQuery,
  hmTableCounts: hmTableCountsQuery,
  hmDomains: hmDomainsQuery,
  hmSettings: hmSettingsQuery,
  hmCounts: hmCountsQuery,
  aliases: aliasesQuery,
  distributionLists: distributionListsQuery,
  activeSpamLists: activeSpamListsQuery,
  spamLists: spamListsQuery,
  blockedAttachments: blockedAttachmentsQuery,
  deliveryQueue: deliveryQueueQuery,
  routes: routesQuery,
  forwarding: forwardingQuery,
  fetchAccounts: fetchAccountsQuery,
  rules: rulesQuery,
  ruleCriteria: ruleCriteriaQuery,
  ruleActions: ruleActionsQuery,
  routeNames: routeNamesQuery,
  securityRanges: securityRangesQuery,
  logonFailures: logonFailuresQuery,
} satisfies Record<string, (hm: HmColumns, ...args: never[]) => SqlQuery>;

type PlainQueries = typeof PLAIN_QUERIES;
type SchemaQueries = typeof SCHEMA_QUERIES;
type AfterSchema<F> = F extends (hm: HmColumns, ...args: infer A) => SqlQuery ? A : never;

export type QueryName = keyof PlainQueries | keyof SchemaQueries;
export type QueryArgs<K extends QueryName> = K extends keyof SchemaQueries
  ? AfterSchema<SchemaQueries[K]>
  : K extends keyof PlainQueries
    ? Parameters<PlainQueries[K]>
    : never;

/**
 * The SQL of a named query; a name the registry does not list is refused, whatever the page sent. `schema`
 * reads the database's hm_* columns, asked only by the queries of hMailServer's tables.
 */
export function caseQuery<K extends QueryName>(schema: () => HmColumns, name: K, ...args: QueryArgs<K>): SqlQuery {
  if (Object.hasOwn(SCHEMA_QUERIES, name)) {
    return (SCHEMA_QUERIES[name as keyof SchemaQueries] as (hm: HmColumns, ...a: QueryArgs<K>) => SqlQuery)(schema(), ...args);
  }
  if (Object.hasOwn(PLAIN_QUERIES, name)) return (PLAIN_QUERIES[name as keyof PlainQueries] as (...a: QueryArgs<K>) => SqlQuery)(...args);
  throw new Error(`Unknown case query: ${String(name)}`);
}
