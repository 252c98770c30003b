/**
 * Risky settings that made an incident in this case possible: a setting finding told only when the
 * findings show it mattered (auto-ban off while a brute force ran, an open relay range while
 * unauthenticated mail was relayed, attachment blocking off while dangerous attachments arrived).
 * A risky setting with no incident is listed with the configuration, not here.
 */
import type { EvidenceLink, StoryChain, StoryStep } from './storyChain.ts';
import type { StoryFinding, StoryInput } from './storyInput.ts';
import { plural } from './detailValue.ts';
import { relayAccount } from './compromisedAccountChains.ts';

/** Incidents linked from one chain; the rest are counted. */
const MAX_LINKED = 5;

interface Enabler {
  setting: string;
  title: string;
  incidents(findings: StoryFinding[]): StoryFinding[];
  consequence(incidents: StoryFinding[]): string;
}

const ENABLERS: Enabler[] = [
  {
    setting: 'autoban-disabled',
    title: 'Auto-ban was off while passwords were being guessed',
    incidents: (all) => all.filter((f) => f.type === 'brute-force-source'),
    consequence: (hits) => `With auto-ban off, ${listIps(hits)} could keep guessing passwords without ever being blocked.`,
  },
  {
    setting: 'open-relay-range',
    title: 'An open relay range let outsiders send mail through the server',
    incidents: (all) => all.filter((f) => f.type === 'relay-external-to-external' && relayAccount(f) === null && f.details.authenticated !== true),
    consequence: (hits) => `${plural(hits.length, 'message')} from outside senders to outside recipients passed through the server with no authentication at all.`,
  },
  {
    setting: 'attachment-blocking-disabled',
    title: 'Attachment blocking was off while dangerous attachments arrived',
    incidents: (all) => all.filter((f) => f.type === 'blocked-attachment' || f.type === 'double-extension' || f.type === 'executable-in-archive'),
    consequence: (hits) => `${plural(new Set(hits.map((f) => f.ref.message)).size, 'message')} with dangerous attachments reached mailboxes unchanged.`,
  },
];

function listIps(hits: StoryFinding[]): string {
  const ips = [...new Set(hits.map((f) => f.ref.ip).filter(Boolean))] as string[];
  return ips.length === 1 ? ips[0] : `${ips.length} addresses`;
}

function uniqueLinks(links: EvidenceLink[]): EvidenceLink[] {
  const seen = new Set<string>();
  return links.filter((l) => {
    const key = JSON.stringify(l);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const findingLink = (f: StoryFinding): EvidenceLink => ({ kind: 'finding', findingId: f.id, type: f.type });

export function riskySettingChains(input: StoryInput): StoryChain[] {
  const chains: StoryChain[] = [];
  for (const enabler of ENABLERS) {
    const incidents = enabler.incidents(input.findings);
    if (incidents.length === 0) continue;
    for (const setting of input.findings.filter((f) => f.type === enabler.setting)) {
      const steps: StoryStep[] = [
        { text: setting.summary, time: null, confidence: 'confirmed', evidence: [findingLink(setting)] },
        {
          text: enabler.consequence(incidents),
          time: null,
          confidence: 'likely',
          evidence: uniqueLinks(incidents.map((f): EvidenceLink => (f.ref.message ? { kind: 'message', path: f.ref.message } : findingLink(f)))).slice(0, MAX_LINKED),
        },
      ];
      chains.push({
        kind: 'risky-setting',
        id: `risky-setting:${setting.id}`,
        title: enabler.title,
        severity: setting.severity,
        steps,
      });
    }
  }
  return chains;
}
