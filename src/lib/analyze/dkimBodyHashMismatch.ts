/**
 * `dkim-body-hash-mismatch`: the body no longer hashes to the signature's bh= value (computed offline, no
 * DNS needed): the body changed after the signer sent it — tampering, or a gateway that rewrote it.
 */
import type { Finding } from '../model/finding.ts';
import type { Analyzer } from './analyzer.ts';

export const dkimBodyHashMismatch: Analyzer = {
  id: 'dkimBodyHashMismatch',
  findingTypes: ['dkim-body-hash-mismatch'],
  needs: ['messages'],
  perMessage: true,
  run(caseData) {
    const findings: Finding[] = [];
    for (const m of caseData.messages) {
      const failed = m.dkim.filter((d) => d.bodyHashOk === false);
      if (failed.length === 0) continue;
      const intact = m.dkim.filter((d) => d.bodyHashOk === true);
      const names = failed.map((d) => `d=${d.domain} s=${d.selector}`).join(', ');
      findings.push({
        type: 'dkim-body-hash-mismatch',
        severity: 'high',
        ref: { message: m.path },
        summary: `The body of ${m.path} no longer matches the bh= body hash of its DKIM signature (${names}): it was changed after signing.`,
        details: {
          signatures: failed.map((d) => ({ domain: d.domain, selector: d.selector, algorithm: d.algorithm, canonicalization: d.canonicalization, reason: d.reason })),
          otherSignaturesIntact: intact.map((d) => `d=${d.domain} s=${d.selector}`),
        },
      });
    }
    return findings;
  },
};
