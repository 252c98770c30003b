/** hm_securityranges.rangeoptions bit by bit (../shared/reference/hmailserver.md §2.4.5). */
const OPTIONS: [number, string][] = [
  [1, 'allow-smtp'],
  [2, 'allow-pop3'],
  [8, 'allow-imap'],
  [16, 'old-require-auth-external'],
  [32, 'old-require-auth'],
  [64, 'relay-local-to-local'],
  [128, 'relay-local-to-external'],
  [256, 'relay-external-to-local'],
  [512, 'relay-external-to-external'],
  [1024, 'spam-protection'],
  [2048, 'old-forwarding-relay'],
  [4096, 'virus-protection'],
  [8192, 'auth-local-to-local'],
  [16384, 'auth-local-to-external'],
  [32768, 'auth-external-to-local'],
  [65536, 'auth-external-to-external'],
  [131072, 'require-tls-for-auth'],
];

const KNOWN = OPTIONS.reduce((all, [bit]) => all | bit, 0);

/** Names of the bits set, in bit order; an undefined bit is named "bit-N". */
export function decodeRangeOptions(options: number): string[] {
  const out = OPTIONS.filter(([bit]) => (options & bit) !== 0).map(([, name]) => name);
  for (let bit = 1; bit <= 0x40000000; bit *= 2) if ((options & bit) !== 0 && (KNOWN & bit) === 0) out.push(`bit-${bit}`);
  return out;
}
