/** `dkim-signature-valid` (info): body hash and signature both verify with the key from the DNS snapshot. */
import type { Finding } from '../model/finding.ts';
import type { Analyzer } from './analyzer.ts';

export const dkimSignatureValid: Analyzer = {
  id: 'dkimSignatureValid',
  findingTypes: ['dkim-signature-valid'],
  needs: ['messages'],
  perMessage: true,
  run(caseData) {
    const findings: Finding[] = [];
    for (const m of caseData.messages) {
      // A valid b= over headers whose body hash failed proves nothing about the body: not reported as valid.
      const valid = m.dkim.filter((d) => d.signatureOk === true && d.bodyHashOk === true);
      if (valid.length === 0) continue;
      const names = valid.map((d) => `d=${d.domain} s=${d.selector}`).join(', ');
      findings.push({
        type: 'dkim-signature-valid',
        severity: 'info',
        ref: { message: m.path },
        summary: `The DKIM signature of ${m.path} (${names}) verifies with the public key from the DNS snapshot: the signed headers and the body are as the signer sent them.`,
        details: { signatures: valid.map((d) => ({ domain: d.domain, selector: d.selector, algorithm: d.algorithm, canonicalization: d.canonicalization })) },
      });
    }
    return findings;
  },
};
