/**
 * Brute force → compromised account → what it then sent or relayed. One chain per account that logged on
 * after failures (auth-after-failures), and one per account whose credentials carried outside-to-outside
 * mail without any logged guessing. Unauthenticated relaying belongs to the open-relay setting chain.
 */
import type { EvidenceLink, StoryChain, StoryStep } from './storyChain.ts';
import type { StoryFinding, StoryInput } from './storyInput.ts';
import { detailLine, detailNumber, detailObject, detailText, detailTexts, listWords, plural } from './detailValue.ts';
import { stepTimeFromServer, stepTimeFromUtc } from './stepTime.ts';
import { compareStrings } from '../../model/compareStrings.ts';

/** Relays listed one step each up to this many; beyond it one summary step keeps the story readable. */
const MAX_RELAY_STEPS = 3;
/** Messages linked from a summary step; the finding links lead to the rest. */
const MAX_LINKED_MESSAGES = 5;

const findingLink = (f: StoryFinding): EvidenceLink => ({ kind: 'finding', findingId: f.id, type: f.type });
const lower = (v: string | null | undefined) => (v ?? '').toLowerCase();

function sessionLink(input: StoryInput, position: unknown): EvidenceLink[] {
  const at = detailLine(position);
  const session = at ? input.sessionAt(at.file, at.line) : null;
  return session ? [{ kind: 'session', key: session.key, label: session.label }] : [];
}

export function relayAccount(f: StoryFinding): string | null {
  return detailText(f.details, 'authenticatedAccount') ?? f.ref.account ?? null;
}

function bruteForceStep(input: StoryInput, brute: StoryFinding): StoryStep {
  const d = brute.details;
  const accounts = detailTexts(d, 'accountsTried');
  const failures = detailNumber(d, 'failures') ?? 0;
  const lines = Array.isArray(d.lines) ? d.lines : [];
  const target = accounts.length ? `${plural(accounts.length, 'account')} (${listWords(accounts)})` : 'accounts it did not name';
  return {
    text: `${brute.ref.ip} failed to log on ${plural(failures, 'time')} over ${listWords(detailTexts(d, 'protocols')) || 'the mail services'}, trying ${target}: a password-guessing attack.`,
    time: stepTimeFromUtc(d.firstUtc, input.zone) ?? stepTimeFromServer(d.firstLocal, input.zone),
    confidence: 'confirmed',
    evidence: [findingLink(brute), { kind: 'ip', ip: brute.ref.ip ?? '' }, ...sessionLink(input, lines[0])],
  };
}

function relaySteps(input: StoryInput, relays: StoryFinding[], account: string): StoryStep[] {
  const sorted = [...relays].sort((a, b) => compareStrings(String(a.details.createTime ?? ''), String(b.details.createTime ?? '')) || a.id - b.id);
  const proven = (f: StoryFinding) => /^(SMTP session|X-AuthUser)/.test(detailText(f.details, 'authenticationBasis') ?? '');
  if (sorted.length <= MAX_RELAY_STEPS) {
    return sorted.map((f) => {
      const recipients = detailTexts(f.details, 'recipients');
      const where = f.details.fileInEvidence === false ? 'was relayed' : /queue/i.test(f.summary) ? 'was queued for delivery' : 'was relayed';
      return {
        text: `A message from the outside sender ${detailText(f.details, 'envelopeSender') ?? '(unknown)'} to ${plural(recipients.length, 'outside recipient')} (${listWords(recipients)}) ${where} with the credentials of ${account}.`,
        time: stepTimeFromServer(f.details.createTime, input.zone),
        confidence: proven(f) ? 'confirmed' : 'likely',
        evidence: [findingLink(f), ...(f.ref.message ? [{ kind: 'message', path: f.ref.message } as EvidenceLink] : [])],
      };
    });
  }
  const recipients = new Set(sorted.flatMap((f) => detailTexts(f.details, 'recipients').map(lower)));
  const first = stepTimeFromServer(sorted[0].details.createTime, input.zone);
  const last = stepTimeFromServer(sorted[sorted.length - 1].details.createTime, input.zone);
  return [
    {
      text: `${sorted.length} messages from outside senders to ${plural(recipients.size, 'outside recipient')} were relayed or queued with the credentials of ${account}${last ? `, the last at ${last.utc.slice(0, 19).replace('T', ' ')} UTC` : ''}: the account was used to send spam.`,
      time: first,
      confidence: sorted.every(proven) ? 'confirmed' : 'likely',
      evidence: [
        ...sorted.slice(0, MAX_LINKED_MESSAGES).flatMap((f): EvidenceLink[] => (f.ref.message ? [{ kind: 'message', path: f.ref.message }] : [])),
        findingLink(sorted[0]),
      ],
    },
  ];
}

function spikeStep(input: StoryInput, spike: StoryFinding): StoryStep {
  const worst = Array.isArray(spike.details.spikes) ? (spike.details.spikes[0] as Record<string, unknown> | undefined) : undefined;
  const hour = typeof worst?.hour === 'string' ? worst.hour : null;
  return {
    text: `${spike.ref.account} sent ${worst?.messages ?? 'many'} messages in one hour against a median of ${detailNumber(spike.details, 'medianPerHour') ?? '?'} per hour: far above its own habit.`,
    time: hour ? stepTimeFromUtc(`${hour.replace(' ', 'T')}${hour.length <= 13 ? ':00' : ''}Z`, input.zone) : null,
    confidence: 'confirmed',
    evidence: [findingLink(spike), { kind: 'account', address: spike.ref.account ?? '' }],
  };
}

function contextSteps(account: string, findings: StoryFinding[]): StoryStep[] {
  return findings
    .filter((f) => (f.type === 'weak-password' || f.type === 'credential-exposed-in-log') && lower(f.ref.account) === lower(account))
    .map((f) => ({
      text:
        f.type === 'weak-password'
          ? `The password of ${account} is weak (${detailText(f.details, 'matchedBy') === 'name-variant' ? 'a variant of the account name' : 'a common password'}): guessing it takes few tries.`
          : `The password of ${account} can be read in a server log, so anyone with the logs had it.`,
      time: null,
      confidence: 'confirmed' as const,
      evidence: [findingLink(f), { kind: 'account', address: account }],
    }));
}

function afterwardsStep(input: StoryInput, auth: StoryFinding, account: string, ip: string): StoryStep {
  const after = detailObject(auth.details, 'activityAfter');
  const sessions = detailNumber(after, 'smtpSessions') ?? 0;
  if (sessions === 0) {
    return {
      text: `The logs show no mail sent afterwards by ${account} or from ${ip}; the logs may not cover everything, so check the mailbox and the account's settings.`,
      time: null,
      confidence: 'likely',
      evidence: [findingLink(auth), { kind: 'ip', ip }],
    };
  }
  const external = detailNumber(after, 'externalRecipients') ?? 0;
  const listed = Array.isArray(after.sessions) ? after.sessions : [];
  const first = listed[0] as Record<string, unknown> | undefined;
  return {
    text: `Afterwards ${plural(sessions, 'SMTP session')} authenticated as ${account} or came from ${ip}, sending to ${plural(detailNumber(after, 'recipients') ?? 0, 'recipient')} (${external} outside the server).`,
    time: first ? stepTimeFromServer(first.start, input.zone) : null,
    confidence: 'confirmed',
    evidence: [
      findingLink(auth),
      { kind: 'ip', ip },
      ...(typeof first?.session === 'string' ? [{ kind: 'session', key: first.session, label: `first SMTP session from ${String(first.ip ?? ip)}` } as EvidenceLink] : []),
    ],
  };
}

export function compromisedAccountChains(input: StoryInput): StoryChain[] {
  const { findings } = input;
  const relays = findings.filter((f) => f.type === 'relay-external-to-external' && relayAccount(f) !== null);
  const spikes = findings.filter((f) => f.type === 'sending-spike');
  const chains: StoryChain[] = [];
  const told = new Set<string>();
  const activity = (account: string): StoryStep[] => [
    ...relaySteps(input, relays.filter((r) => lower(relayAccount(r)) === lower(account)), account),
    ...spikes.filter((s) => lower(s.ref.account) === lower(account)).map((s) => spikeStep(input, s)),
  ];

  for (const auth of findings.filter((f) => f.type === 'auth-after-failures' && f.ref.account && f.ref.ip)) {
    const account = auth.ref.account as string;
    const ip = auth.ref.ip as string;
    const key = lower(account);
    const brute = findings.find((f) => f.type === 'brute-force-source' && f.ref.ip === ip);
    const d = auth.details;
    const failures = detailNumber(d, 'failuresBefore') ?? 0;
    const sent = told.has(key) ? [] : activity(account);
    const steps: StoryStep[] = [
      brute
        ? bruteForceStep(input, brute)
        : {
            text: `${ip} failed to log on ${plural(failures, 'time')} before it got in.`,
            time: stepTimeFromServer(d.firstFailureLocal, input.zone),
            confidence: 'confirmed',
            evidence: [findingLink(auth), { kind: 'ip', ip }],
          },
      ...(told.has(key) ? [] : contextSteps(account, findings)),
      {
        text: `${ip} then logged on as ${account} over ${detailText(d, 'protocol') ?? 'a mail service'}: the password was most likely guessed, and the account is compromised.`,
        time: stepTimeFromUtc(d.successUtc, input.zone) ?? stepTimeFromServer(d.successLocal, input.zone),
        confidence: 'likely',
        evidence: [findingLink(auth), { kind: 'account', address: account }, ...sessionLink(input, d.successLine)],
      },
      ...(sent.length ? sent : [afterwardsStep(input, auth, account, ip)]),
    ];
    told.add(key);
    chains.push({
      kind: 'compromised-account',
      id: `compromised-account:${key}:${ip}`,
      title: `Password guessing from ${ip}, then a logon as ${account}${sent.length ? ', then mail sent with it' : ''}`,
      severity: 'high',
      steps,
    });
  }

  const others = [...new Set(relays.map((r) => lower(relayAccount(r))))].filter((a) => !told.has(a)).sort();
  for (const key of others) {
    const account = relayAccount(relays.find((r) => lower(relayAccount(r)) === key) as StoryFinding) as string;
    chains.push({
      kind: 'compromised-account',
      id: `compromised-account:${key}`,
      title: `Outside mail relayed with the credentials of ${account}`,
      severity: 'high',
      steps: [...contextSteps(account, findings), ...activity(account)],
    });
  }
  return chains;
}
