/** Whether a Received hop records an authenticated submission: `with ESMTPA` / `ESMTPSA` (RFC 3848). */
import type { ReceivedHop } from '../../model/message.ts';

export function isAuthenticatedHop(hop: ReceivedHop): boolean {
  return hop.with !== null && /\b(?:E?SMTP|LMTP)S?A\b/i.test(hop.with);
}
