/** DKIM check results as the mail parser reports them, for the three DKIM analyzers' tables. */
import type { DkimCheck } from '../../../src/lib/model/message.ts';

export function dkim(p: Partial<DkimCheck> = {}): DkimCheck {
  return { domain: 'fabrikam.example', selector: 'sel2024', algorithm: 'rsa-sha256', canonicalization: 'relaxed/relaxed', bodyHashOk: true, signatureOk: null, reason: '', ...p };
}
