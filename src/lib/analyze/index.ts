/**
 * The registry of analyzers (sorted by id) and the one entry point that runs them: those whose needs the
 * evidence meets, findings in the single order of compareFindings (type, then ref).
 */
import type { CaseData } from '../model/caseData.ts';
import type { Finding } from '../model/finding.ts';
import { compareFindings } from '../model/compareFindings.ts';
import type { Analyzer, AnalyzerNeed, AnalyzerOptions } from './analyzer.ts';
import { attachmentBlockingDisabled } from './attachmentBlockingDisabled.ts';
import { attachmentRemovedByServer } from './attachmentRemovedByServer.ts';
import { authAfterFailures } from './authAfterFailures.ts';
import { autobanDisabled } from './autobanDisabled.ts';
import { blockedAttachment } from './blockedAttachment.ts';
import { bruteForceSource } from './bruteForceSource.ts';
import { contentTypeMismatch } from './contentTypeMismatch.ts';
import { credentialExposedInLog } from './credentialExposedInLog.ts';
import { dateSkew } from './dateSkew.ts';
import { displayNameSpoof } from './displayNameSpoof.ts';
import { dkimBodyHashMismatch } from './dkimBodyHashMismatch.ts';
import { dkimSignatureInvalid } from './dkimSignatureInvalid.ts';
import { dkimSignatureValid } from './dkimSignatureValid.ts';
import { doubleExtension } from './doubleExtension.ts';
import { duplicateMessage } from './duplicateMessage.ts';
import { evidenceDamaged } from './evidenceDamaged.ts';
import { executableInArchive } from './executableInArchive.ts';
import { forwardingConfigured } from './forwardingConfigured.ts';
import { fromReturnPathMismatch } from './fromReturnPathMismatch.ts';
import { heloSuspicious } from './heloSuspicious.ts';
import { lookalikeDomain } from './lookalikeDomain.ts';
import { missingFile } from './missingFile.ts';
import { openRelayRange } from './openRelayRange.ts';
import { orphanFile } from './orphanFile.ts';
import { parseError } from './parseError.ts';
import { receivedChainAnomaly } from './receivedChainAnomaly.ts';
import { relayExternalToExternal } from './relayExternalToExternal.ts';
import { replyToMismatch } from './replyToMismatch.ts';
import { sendingSpike } from './sendingSpike.ts';
import { serverStubMessage } from './serverStubMessage.ts';
import { sizeMismatch } from './sizeMismatch.ts';
import { spamFlagged } from './spamFlagged.ts';
import { spamTestDisabled } from './spamTestDisabled.ts';
import { spfFail } from './spfFail.ts';
import { uidGap } from './uidGap.ts';
import { weakPassword } from './weakPassword.ts';

export const ANALYZERS: readonly Analyzer[] = [
  attachmentBlockingDisabled,
  attachmentRemovedByServer,
  authAfterFailures,
  autobanDisabled,
  blockedAttachment,
  bruteForceSource,
  contentTypeMismatch,
  credentialExposedInLog,
  dateSkew,
  displayNameSpoof,
  dkimBodyHashMismatch,
  dkimSignatureInvalid,
  dkimSignatureValid,
  doubleExtension,
  duplicateMessage,
  evidenceDamaged,
  executableInArchive,
  forwardingConfigured,
  fromReturnPathMismatch,
  heloSuspicious,
  lookalikeDomain,
  missingFile,
  openRelayRange,
  orphanFile,
  parseError,
  receivedChainAnomaly,
  relayExternalToExternal,
  replyToMismatch,
  sendingSpike,
  serverStubMessage,
  sizeMismatch,
  spamFlagged,
  spamTestDisabled,
  spfFail,
  uidGap,
  weakPassword,
];

/** Whether the evidence holds what an analyzer needs: a database, message files, or log files. */
export function needMet(caseData: CaseData, need: AnalyzerNeed): boolean {
  if (need === 'database') return caseData.database !== null;
  if (need === 'messages') return caseData.messages.length > 0 || caseData.links.length > 0;
  return caseData.logs.files.length > 0 || caseData.logs.sessions.length > 0 || caseData.logs.events.length > 0;
}

export function runAnalyzers(caseData: CaseData, options: AnalyzerOptions): Finding[] {
  const findings: Finding[] = [];
  for (const analyzer of ANALYZERS) {
    if (!analyzer.needs.every((need) => needMet(caseData, need))) continue;
    // One push per finding: spreading an analyzer's output as arguments overflows the stack at ~10^5 findings.
    for (const finding of analyzer.run(caseData, options)) findings.push(finding);
  }
  // Array.prototype.sort is stable: equal findings keep registry order, so the output is deterministic.
  return findings.sort(compareFindings);
}

/**
 * The perMessage analyzers alone, on a case holding some of the messages: their findings for those
 * messages, as the whole run will report them.
 */
export function runPerMessageAnalyzers(caseData: CaseData, options: AnalyzerOptions): Finding[] {
  const findings: Finding[] = [];
  for (const analyzer of ANALYZERS) {
    if (!analyzer.perMessage || !analyzer.needs.every((need) => needMet(caseData, need))) continue;
    for (const finding of analyzer.run(caseData, options)) findings.push(finding);
  }
  return findings.sort(compareFindings);
}
