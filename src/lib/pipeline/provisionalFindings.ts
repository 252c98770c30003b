/**
 * Findings while a run goes on: the perMessage analyzers (analyzer.ts) on each batch of parsed messages,
 * against the case as it stands once everything but the message files is read (database, settings, DNS
 * snapshot). They are provisional only in that the end of the run replaces them with the whole case's
 * findings, which for these analyzers are the same (tests/unit/pipeline/provisionalFindings.test.ts).
 */
import type { AnalyzerOptions } from '../analyze/analyzer.ts';
import { runPerMessageAnalyzers } from '../analyze/index.ts';
import { domainOf } from '../analyze/support/domainOf.ts';
import { linkMessages } from '../link/linkMessages.ts';
import type { CaseData, MessageLink } from '../model/caseData.ts';
import type { Finding } from '../model/finding.ts';
import type { ParsedMessage } from '../model/message.ts';

/** The case without its messages and links: what is known before the message files are parsed. */
export type CaseBeforeMessages = Omit<CaseData, 'messages' | 'links'>;

export type ProvisionalFindings = (batch: ParsedMessage[]) => Finding[];

/**
 * `messagePaths`: every message file of the case. Each is linked once, here. A batch is analysed with its
 * own links plus one link per mailbox domain, since without a database the server's own domains are those
 * of the mailbox folders (localDomains), which the whole case knows and one batch may not.
 */
export function provisionalFindings(known: CaseBeforeMessages, messagePaths: string[], options: AnalyzerOptions): ProvisionalFindings {
  const links = new Map<string, MessageLink>();
  const byDomain = new Map<string, MessageLink>();
  for (const link of linkMessages({ ...known, messages: [] }, messagePaths)) {
    links.set(link.path, link);
    const domain = domainOf(link.accountFromPath);
    if (domain && !byDomain.has(domain)) byDomain.set(domain, link);
  }
  const domainLinks = [...byDomain.values()];
  return (batch) => {
    const own = batch.map((m) => links.get(m.path)).filter((l): l is MessageLink => l !== undefined);
    return runPerMessageAnalyzers({ ...known, messages: batch, links: [...own, ...domainLinks.filter((l) => !own.includes(l))] }, options);
  };
}
