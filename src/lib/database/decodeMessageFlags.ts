/** hm_messages.messageflags bit by bit (../shared/reference/hmailserver.md §2.4.2). */
const FLAGS: [number, string][] = [
  [1, 'seen'],
  [2, 'deleted'],
  [4, 'flagged'],
  [8, 'answered'],
  [16, 'draft'],
  [32, 'recent'],
  [64, 'virus-scan'],
];

/** Names of the bits set; a bit hMailServer does not define is named "bit-N". */
export function decodeMessageFlags(flags: number): string[] {
  const out = FLAGS.filter(([bit]) => (flags & bit) !== 0).map(([, name]) => name);
  for (let bit = 128; bit <= 0x40000000; bit *= 2) if ((flags & bit) !== 0) out.push(`bit-${bit}`);
  return out;
}
