/**
 * `dkim-signature-invalid`: the b= signature does not verify with the key from the examiner's DNS snapshot.
 * When the body hash already failed, that finding explains the message and this one is not repeated.
 */
import type { Finding } from '../model/finding.ts';
import type { Analyzer } from './analyzer.ts';

export const dkimSignatureInvalid: Analyzer = {
  id: 'dkimSignatureInvalid',
  findingTypes: ['dkim-signature-invalid'],
  needs: ['messages'],
  perMessage: true,
  run(caseData) {
    const findings: Finding[] = [];
    for (const m of caseData.messages) {
      const failed = m.dkim.filter((d) => d.signatureOk === false && d.bodyHashOk !== false);
      if (failed.length === 0) continue;
      const names = failed.map((d) => `d=${d.domain} s=${d.selector}`).join(', ');
      findings.push({
        type: 'dkim-signature-invalid',
        severity: 'high',
        ref: { message: m.path },
        summary: `The DKIM signature of ${m.path} (${names}) does not verify with the public key from the DNS snapshot: signed headers were altered, or the signature was not made by that domain's key.`,
        details: {
          signatures: failed.map((d) => ({ domain: d.domain, selector: d.selector, algorithm: d.algorithm, canonicalization: d.canonicalization, bodyHashOk: d.bodyHashOk, reason: d.reason })),
        },
      });
    }
    return findings;
  },
};
