/**
 * "What happened here": every attack chain the findings support, most severe first, then earliest first,
 * so the Overview and the report's executive summary open on the incident rather than on a type list.
 */
import { SEVERITY_RANK } from '../../model/finding.ts';
import { alteredMessageChains } from './alteredMessageChains.ts';
import { compromisedAccountChains } from './compromisedAccountChains.ts';
import { mailLeavesServerChains } from './mailLeavesServerChains.ts';
import { riskySettingChains } from './riskySettingChains.ts';
import type { ChainKind, StoryChain } from './storyChain.ts';
import type { StoryInput } from './storyInput.ts';
import { compareStrings } from '../../model/compareStrings.ts';

const KIND_ORDER: ChainKind[] = ['compromised-account', 'altered-message', 'mail-leaves-server', 'risky-setting'];

const firstTime = (c: StoryChain) => c.steps.find((s) => s.time)?.time?.utc ?? '\uffff';

export function buildStory(input: StoryInput): StoryChain[] {
  const chains = [...compromisedAccountChains(input), ...alteredMessageChains(input), ...mailLeavesServerChains(input), ...riskySettingChains(input)];
  return chains.sort(
    (a, b) =>
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      compareStrings(firstTime(a), firstTime(b)) ||
      compareStrings(a.id, b.id),
  );
}
