/**
 * Forwarding and exfiltration: mail that leaves the server on its own (account forwards, rules, the
 * mirror address, fetch accounts) to somewhere outside, and whether the account behind it was taken over
 * or easy to take over, which makes it more likely that an intruder set the forward up.
 */
import type { EvidenceLink, StoryChain, StoryStep } from './storyChain.ts';
import type { StoryFinding, StoryInput } from './storyInput.ts';
import { detailText } from './detailValue.ts';
import { relayAccount } from './compromisedAccountChains.ts';

const findingLink = (f: StoryFinding): EvidenceLink => ({ kind: 'finding', findingId: f.id, type: f.type });
const lower = (v: string | null | undefined) => (v ?? '').toLowerCase();

export function mailLeavesServerChains(input: StoryInput): StoryChain[] {
  const taken = new Set(
    input.findings
      .filter((f) => f.type === 'auth-after-failures' || f.type === 'relay-external-to-external')
      .map((f) => lower(f.type === 'relay-external-to-external' ? relayAccount(f) : f.ref.account))
      .filter(Boolean),
  );
  const weak = new Set(input.findings.filter((f) => f.type === 'weak-password' || f.type === 'credential-exposed-in-log').map((f) => lower(f.ref.account)));
  const chains: StoryChain[] = [];
  for (const f of input.findings.filter((x) => x.type === 'forwarding-configured' && x.details.external !== false)) {
    const account = f.ref.account ?? null;
    const target = detailText(f.details, 'target');
    const steps: StoryStep[] = [
      {
        text: `${f.summary}`,
        time: null,
        confidence: 'confirmed',
        evidence: [findingLink(f), ...(account ? [{ kind: 'account', address: account } as EvidenceLink] : [])],
      },
    ];
    if (account && taken.has(lower(account))) {
      steps.push({
        text: `${account} was used by someone who guessed or stole its password: the forward may have been set up by the intruder to keep reading its mail.`,
        time: null,
        confidence: 'possible',
        evidence: [{ kind: 'account', address: account }],
      });
    } else if (account && weak.has(lower(account))) {
      steps.push({
        text: `The password of ${account} is weak or exposed, so anyone could have set this forward up.`,
        time: null,
        confidence: 'possible',
        evidence: [{ kind: 'account', address: account }],
      });
    }
    chains.push({
      kind: 'mail-leaves-server',
      id: `mail-leaves-server:${f.id}`,
      title: `Mail ${account ? `to ${account} ` : ''}leaves the server${target ? ` for ${target}` : ''}`,
      severity: f.severity,
      steps,
    });
  }
  return chains;
}
