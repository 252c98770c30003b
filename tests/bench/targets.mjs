/**
 * The bounds of issue 10 for a case of N messages. The issue sets them at 20,000 and 100,000 messages;
 * below 20k the 20k bound applies, above 100k the 100k one (memory must stay flat however large the
 * case), and in between they are interpolated linearly in N.
 */
const GiB = 1024 ** 3;
const SMALL = { messages: 20_000, peakPssBytes: 1.25 * GiB, peerRatio: 1 / 3 };
const LARGE = { messages: 100_000, peakPssBytes: 1.5 * GiB, peerRatio: 1 / 2 };

/** @returns {{ peakPssBytes: number, peerRatio: number }} the largest allowed peak PSS and app/peer time ratio */
export function targetsFor(messages) {
  const share = Math.min(1, Math.max(0, (messages - SMALL.messages) / (LARGE.messages - SMALL.messages)));
  return {
    peakPssBytes: SMALL.peakPssBytes + share * (LARGE.peakPssBytes - SMALL.peakPssBytes),
    peerRatio: SMALL.peerRatio + share * (LARGE.peerRatio - SMALL.peerRatio),
  };
}
