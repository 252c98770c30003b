/**
 * findings.json's `story` section: the chains of "What happened here" with each finding link pointing at
 * the finding's position in the document's own `findings` array (`finding`, 0-based), since the case
 * database's finding ids mean nothing outside the case file.
 */
import type { EvidenceLink, StoryChain } from './storyChain.ts';

export type StoryJsonLink = Exclude<EvidenceLink, { kind: 'finding' }> | { kind: 'finding'; type: string; finding: number };

/**
 * `order` holds the run's finding positions in the order findings.json writes them; story ids are run
 * positions + 1 (storyInputFromCase).
 */
export function storyJson(chains: StoryChain[], order: readonly number[]) {
  const written = new Map(order.map((runPosition, docPosition) => [runPosition + 1, docPosition]));
  const link = (l: EvidenceLink): StoryJsonLink => {
    if (l.kind !== 'finding') return l;
    const finding = written.get(l.findingId);
    if (finding === undefined) throw new Error(`story links finding ${l.findingId}, which the run does not have`);
    return { kind: 'finding', type: l.type, finding };
  };
  return chains.map((c) => ({
    kind: c.kind,
    id: c.id,
    title: c.title,
    severity: c.severity,
    steps: c.steps.map((s) => ({ text: s.text, time: s.time, confidence: s.confidence, evidence: s.evidence.map(link) })),
  }));
}
