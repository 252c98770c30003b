/**
 * Generated story inputs: findings shaped like the analyzers' output (the keys the story reads), built in
 * code so every chain can be tested present and absent without any sample evidence.
 */
import type { Severity } from '../../../../src/lib/model/finding.ts';
import type { StoryFinding, StoryInput, StoryMessage } from '../../../../src/lib/report/story/storyInput.ts';
import type { ServerZone } from '../../../../src/lib/model/serverZone.ts';

export const NEW_YORK: ServerZone = { id: 'America/New_York', fixedOffsetMinutes: null, basis: 'test' };

export function storyCase(findings: Omit<StoryFinding, 'id'>[], messages: Record<string, StoryMessage> = {}, zone = NEW_YORK): StoryInput {
  return {
    findings: findings.map((f, i) => ({ ...f, id: i + 1 })),
    zone,
    messages,
    sessionAt: (file, line) => (file === 'Logs/hmailserver_2024-07-01.log' && line >= 10 && line <= 99 ? { key: `${file}#SMTPD#${line}`, label: `SMTPD session at ${line}` } : null),
  };
}

const f = (type: string, severity: Severity, ref: StoryFinding['ref'], details: Record<string, unknown>, summary = `${type} summary`): Omit<StoryFinding, 'id'> => ({
  type, severity, ref, details, summary,
});

export const bruteForce = (ip: string, accounts: string[]) =>
  f('brute-force-source', 'high', { ip }, {
    failures: 40, accountsTried: accounts, protocols: ['SMTPD'], firstUtc: '2024-07-01T14:00:00.000Z', firstLocal: '2024-07-01 10:00:00',
    lines: [{ file: 'Logs/hmailserver_2024-07-01.log', lineNo: 12 }],
  });

export const authAfterFailures = (account: string, ip: string, sessionsAfter = 0) =>
  f('auth-after-failures', 'high', { account, ip }, {
    failuresBefore: 40, firstFailureLocal: '2024-07-01 10:00:00', successLocal: '2024-07-01 10:05:00', successUtc: '2024-07-01T14:05:00.000Z',
    protocol: 'SMTPD', successLine: { file: 'Logs/hmailserver_2024-07-01.log', lineNo: 50 },
    activityAfter: { smtpSessions: sessionsAfter, recipients: sessionsAfter * 2, externalRecipients: sessionsAfter, sessions: [] },
  });

export const relay = (n: number, account: string | null, basis = 'SMTP session 7 in Logs/x.log authenticated as a') =>
  f('relay-external-to-external', 'high', { message: `Data/relay${n}.eml`, ...(account ? { account } : {}) }, {
    envelopeSender: `spam${n}@bulk.example`, recipients: [`victim${n}@far.example`], createTime: `2024-07-01 10:${String(10 + n).padStart(2, '0')}:00`,
    authenticatedAccount: account, authenticated: account !== null, authenticationBasis: account ? basis : 'no authentication found in the logs or headers',
  }, `Data/relay${n}.eml waits in the delivery queue`);

export const weakPassword = (account: string) => f('weak-password', 'high', { account }, { scheme: 'md5', matchedBy: 'name-variant' });

export const sendingSpike = (account: string) =>
  f('sending-spike', 'medium', { account }, { medianPerHour: 1, spikes: [{ hour: '2024-07-01 15', messages: 300 }] });

export const bodyHashMismatch = (path: string) =>
  f('dkim-body-hash-mismatch', 'high', { message: path }, { signatures: [{ domain: 'bank.example', selector: 's1' }] });

export const signatureInvalid = (path: string) => f('dkim-signature-invalid', 'high', { message: path }, {});

export const signatureValid = (path: string) => f('dkim-signature-valid', 'info', { message: path }, {});

export const replyToMismatch = (path: string) => f('reply-to-mismatch', 'medium', { message: path }, {}, 'Replies go to attacker.example.');

export const forwarding = (account: string, external: boolean) =>
  f('forwarding-configured', 'medium', { account }, { kind: 'account-forward', target: external ? 'drop@free.example' : 'boss@local.example', external }, `Mail to ${account} is forwarded.`);

export const setting = (type: string, name: string) => f(type, 'medium', { setting: name }, {}, `${type} is set.`);

export const attachment = (type: string, path: string) => f(type, 'high', { message: path }, {});
