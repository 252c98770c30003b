/**
 * A message changed after it was DKIM-signed (body hash mismatch, or a signature that fails with the
 * published key), with whatever else the findings say about the same message (forged sender, look-alike
 * domain, Reply-To elsewhere): the classic altered payment advice.
 */
import type { EvidenceLink, StoryChain, StoryStep } from './storyChain.ts';
import type { StoryFinding, StoryInput } from './storyInput.ts';
import { stepTimeFromUtc } from './stepTime.ts';
import { compareStrings } from '../../model/compareStrings.ts';

const SIGNATURE_TYPES = new Set(['dkim-body-hash-mismatch', 'dkim-signature-invalid']);
/** Findings on the same message that add to the story of a tampered message. */
const RELATED_TYPES = new Set(['lookalike-domain', 'display-name-spoof', 'reply-to-mismatch', 'from-return-path-mismatch', 'spf-fail', 'received-chain-anomaly']);

const findingLink = (f: StoryFinding): EvidenceLink => ({ kind: 'finding', findingId: f.id, type: f.type });

function signers(f: StoryFinding): string {
  const sigs = Array.isArray(f.details.signatures) ? (f.details.signatures as Record<string, unknown>[]) : [];
  const names = sigs.map((s) => `d=${String(s.domain ?? '?')}`);
  return names.length ? ` (${[...new Set(names)].join(', ')})` : '';
}

export function alteredMessageChains(input: StoryInput): StoryChain[] {
  const byMessage = new Map<string, StoryFinding[]>();
  for (const f of input.findings) {
    if (!f.ref.message || !(SIGNATURE_TYPES.has(f.type) || RELATED_TYPES.has(f.type))) continue;
    const list = byMessage.get(f.ref.message) ?? [];
    list.push(f);
    byMessage.set(f.ref.message, list);
  }
  const chains: StoryChain[] = [];
  for (const [path, list] of [...byMessage].sort(([a], [b]) => compareStrings(a, b))) {
    const bodyHash = list.find((f) => f.type === 'dkim-body-hash-mismatch');
    const invalid = list.find((f) => f.type === 'dkim-signature-invalid');
    if (!bodyHash && !invalid) continue;
    const message = input.messages[path];
    const subject = message?.subject ? `"${message.subject}"` : 'A message';
    const open: EvidenceLink = { kind: 'message', path };
    const steps: StoryStep[] = [
      {
        text: `${subject}${message?.from ? ` from ${message.from}` : ''} carries a DKIM signature${signers(bodyHash ?? invalid!)}: its sender's server vouched for its content when it was sent.`,
        time: stepTimeFromUtc(message?.dateUtc, input.zone),
        confidence: 'confirmed',
        evidence: [open],
      },
    ];
    if (bodyHash) {
      steps.push({
        text: 'Its body no longer matches the body hash in that signature: the content was changed after signing, on the way or in the mailbox.',
        time: null,
        confidence: 'confirmed',
        evidence: [findingLink(bodyHash), open],
      });
    }
    if (invalid) {
      steps.push({
        text: 'The signature does not verify with the published key: the signed headers or body were changed, or the signature was forged.',
        time: null,
        confidence: bodyHash ? 'confirmed' : 'likely',
        evidence: [findingLink(invalid), open],
      });
    }
    for (const f of list.filter((x) => RELATED_TYPES.has(x.type)).sort((a, b) => a.id - b.id)) {
      steps.push({ text: `It also shows this: ${f.summary}`, time: null, confidence: 'confirmed', evidence: [findingLink(f)] });
    }
    chains.push({
      kind: 'altered-message',
      id: `altered-message:${path}`,
      title: `${subject} was altered after it was signed`,
      severity: 'high',
      steps,
    });
  }
  return chains;
}
