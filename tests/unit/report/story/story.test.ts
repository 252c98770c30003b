import { describe, expect, it } from 'vitest';
import { buildStory } from '../../../../src/lib/report/story/buildStory.ts';
import { stepTimeFromServer, stepTimeFromUtc } from '../../../../src/lib/report/story/stepTime.ts';
import type { StoryChain } from '../../../../src/lib/report/story/storyChain.ts';
import { fixedZone } from '../../../../src/lib/time/serverZone.ts';
import {
  NEW_YORK, attachment, authAfterFailures, bodyHashMismatch, bruteForce, forwarding, relay, replyToMismatch, sendingSpike, setting,
  signatureInvalid, signatureValid, storyCase, weakPassword,
} from './storyCase.ts';

const kinds = (chains: StoryChain[]) => chains.map((c) => c.kind);
const ofKind = (chains: StoryChain[], kind: StoryChain['kind']) => chains.filter((c) => c.kind === kind);

describe('step times', () => {
  it('gives the server time of a UTC instant in the zone, daylight saving applied', () => {
    expect(stepTimeFromUtc('2024-07-01T14:05:00.000Z', NEW_YORK)).toEqual({ utc: '2024-07-01T14:05:00.000Z', server: '2024-07-01 10:05:00', zone: 'America/New_York' });
    expect(stepTimeFromUtc('2024-01-15T14:05:00.250Z', NEW_YORK)?.server).toBe('2024-01-15 09:05:00.250');
  });

  it('gives the UTC instant of a server time, and nothing for placeholders or junk', () => {
    expect(stepTimeFromServer('2024-07-01 10:05:00', fixedZone(120, 't'))).toEqual({ utc: '2024-07-01T08:05:00.000Z', server: '2024-07-01 10:05:00', zone: 'UTC+02:00' });
    expect(stepTimeFromServer('1901-01-01 00:00:00', NEW_YORK)).toBeNull();
    expect(stepTimeFromUtc('not a time', NEW_YORK)).toBeNull();
    expect(stepTimeFromUtc(undefined, NEW_YORK)).toBeNull();
  });
});

describe('compromised account chain', () => {
  it('tells brute force, weak password, the logon and the relayed mail, in both clocks, with evidence', () => {
    const chains = buildStory(storyCase([bruteForce('198.51.100.9', ['a@x.example']), weakPassword('a@x.example'), authAfterFailures('a@x.example', '198.51.100.9'), relay(1, 'a@x.example')]));
    const [chain] = ofKind(chains, 'compromised-account');
    expect(chain.title).toBe('Password guessing from 198.51.100.9, then a logon as a@x.example, then mail sent with it');
    expect(chain.steps.map((s) => s.confidence)).toEqual(['confirmed', 'confirmed', 'likely', 'confirmed']);
    expect(chain.steps[0].text).toContain('failed to log on 40 times over SMTPD, trying 1 account (a@x.example)');
    expect(chain.steps[0].time).toEqual({ utc: '2024-07-01T14:00:00.000Z', server: '2024-07-01 10:00:00', zone: 'America/New_York' });
    expect(chain.steps[0].evidence).toContainEqual({ kind: 'session', key: 'Logs/hmailserver_2024-07-01.log#SMTPD#12', label: 'SMTPD session at 12' });
    expect(chain.steps[1].text).toContain('variant of the account name');
    expect(chain.steps[2].evidence).toContainEqual({ kind: 'account', address: 'a@x.example' });
    expect(chain.steps[2].evidence).toContainEqual({ kind: 'session', key: 'Logs/hmailserver_2024-07-01.log#SMTPD#50', label: 'SMTPD session at 50' });
    expect(chain.steps[3].text).toContain('spam1@bulk.example');
    expect(chain.steps[3].time).toEqual({ utc: '2024-07-01T14:11:00.000Z', server: '2024-07-01 10:11:00', zone: 'America/New_York' });
    expect(chain.steps[3].evidence).toContainEqual({ kind: 'message', path: 'Data/relay1.eml' });
  });

  it('marks relays authenticated only by a nearby logon as likely, and summarises many relays in one step', () => {
    const nearby = 'last successful logon from 198.51.100.9 before it';
    const one = buildStory(storyCase([relay(1, 'a@x.example', nearby)]));
    expect(one[0].steps[0].confidence).toBe('likely');
    const many = buildStory(storyCase([authAfterFailures('a@x.example', '198.51.100.9'), ...[1, 2, 3, 4, 5, 6, 7].map((n) => relay(n, 'a@x.example'))]));
    const steps = ofKind(many, 'compromised-account')[0].steps;
    expect(steps).toHaveLength(3);
    expect(steps[2].text).toMatch(/^7 messages from outside senders to 7 outside recipients were relayed or queued with the credentials of a@x\.example, the last at 2024-07-01 14:17:00 UTC/);
    expect(steps[2].evidence.filter((e) => e.kind === 'message')).toHaveLength(5);
  });

  it('without a brute-force finding tells the failures of the logon finding, and what the logs show afterwards', () => {
    const chains = buildStory(storyCase([authAfterFailures('a@x.example', '198.51.100.9'), sendingSpike('b@x.example')]));
    const steps = ofKind(chains, 'compromised-account')[0].steps;
    expect(steps[0].text).toBe('198.51.100.9 failed to log on 40 times before it got in.');
    expect(steps[0].time?.utc).toBe('2024-07-01T14:00:00.000Z');
    expect(steps[2].text).toContain('The logs show no mail sent afterwards');
    expect(buildStory(storyCase([authAfterFailures('a@x.example', '198.51.100.9', 3)]))[0].steps[2].text).toContain('3 SMTP sessions');
  });

  it('adds the sending spike of the compromised account', () => {
    const steps = buildStory(storyCase([authAfterFailures('a@x.example', '198.51.100.9'), sendingSpike('a@x.example')]))[0].steps;
    expect(steps[2].text).toBe('a@x.example sent 300 messages in one hour against a median of 1 per hour: far above its own habit.');
    expect(steps[2].time).toEqual({ utc: '2024-07-01T15:00:00.000Z', server: '2024-07-01 11:00:00', zone: 'America/New_York' });
  });

  it('is absent when nobody logged on after failures and no mail was relayed with an account', () => {
    const chains = buildStory(storyCase([bruteForce('198.51.100.9', ['a@x.example']), weakPassword('a@x.example'), relay(1, null), sendingSpike('a@x.example')]));
    expect(ofKind(chains, 'compromised-account')).toEqual([]);
  });

  it('tells relays with an account that no brute force preceded as their own chain', () => {
    const chains = buildStory(storyCase([relay(1, 'c@x.example')]));
    expect(chains.map((c) => c.title)).toEqual(['Outside mail relayed with the credentials of c@x.example']);
  });
});

describe('altered message chain', () => {
  const messages = { 'Data/pay.eml': { subject: 'Payment advice', from: 'ap@bank.example', dateUtc: '2024-07-01T12:00:00.000Z' } };

  it('tells the signature, the change after signing and the other findings on the message', () => {
    const chains = buildStory(storyCase([replyToMismatch('Data/pay.eml'), bodyHashMismatch('Data/pay.eml'), signatureInvalid('Data/pay.eml')], messages));
    const [chain] = ofKind(chains, 'altered-message');
    expect(chain.title).toBe('"Payment advice" was altered after it was signed');
    expect(chain.steps[0].text).toContain('from ap@bank.example carries a DKIM signature (d=bank.example)');
    expect(chain.steps[0].time).toEqual({ utc: '2024-07-01T12:00:00.000Z', server: '2024-07-01 08:00:00', zone: 'America/New_York' });
    expect(chain.steps.map((s) => s.text.slice(0, 20))).toEqual(['"Payment advice" fro', 'Its body no longer m', 'The signature does n', 'It also shows this: ']);
    expect(chain.steps[1].evidence).toEqual([{ kind: 'finding', findingId: 2, type: 'dkim-body-hash-mismatch' }, { kind: 'message', path: 'Data/pay.eml' }]);
  });

  it('is absent for valid signatures and for forgery without any signature problem', () => {
    expect(ofKind(buildStory(storyCase([signatureValid('Data/pay.eml'), replyToMismatch('Data/pay.eml')], messages)), 'altered-message')).toEqual([]);
  });
});

describe('mail leaving the server', () => {
  it('tells external forwards, and suspects the intruder when the account was taken over', () => {
    const chains = buildStory(storyCase([forwarding('a@x.example', true), authAfterFailures('a@x.example', '198.51.100.9')]));
    const [chain] = ofKind(chains, 'mail-leaves-server');
    expect(chain.title).toBe('Mail to a@x.example leaves the server for drop@free.example');
    expect(chain.steps[1]).toMatchObject({ confidence: 'possible' });
    expect(chain.steps[1].text).toContain('set up by the intruder');
  });

  it('is absent for forwards that stay on the server', () => {
    expect(buildStory(storyCase([forwarding('a@x.example', false)]))).toEqual([]);
  });
});

describe('risky setting chains', () => {
  it('tells a risky setting only when the incident it allowed is in the case', () => {
    const settings = [setting('autoban-disabled', 'AutoBanOnLogonFailureEnabled'), setting('open-relay-range', 'Internet'), setting('attachment-blocking-disabled', 'enableattachmentblocking')];
    expect(buildStory(storyCase(settings))).toEqual([]);
    const chains = buildStory(storyCase([...settings, bruteForce('198.51.100.9', []), relay(1, null), attachment('double-extension', 'Data/inv.eml'), attachment('blocked-attachment', 'Data/inv.eml')]));
    expect(ofKind(chains, 'risky-setting').map((c) => c.title)).toEqual([
      'Auto-ban was off while passwords were being guessed',
      'An open relay range let outsiders send mail through the server',
      'Attachment blocking was off while dangerous attachments arrived',
    ]);
    const attachments = chains.find((c) => c.title.startsWith('Attachment'));
    expect(attachments?.steps[1].text).toBe('1 message with dangerous attachments reached mailboxes unchanged.');
    expect(attachments?.steps[1].evidence).toEqual([{ kind: 'message', path: 'Data/inv.eml' }]);
  });
});

describe('the whole story', () => {
  it('is empty for a case without findings', () => {
    expect(buildStory(storyCase([]))).toEqual([]);
  });

  it('puts the most severe chains first, compromise before altered mail before leaks before settings', () => {
    const chains = buildStory(storyCase([
      setting('autoban-disabled', 'AutoBanOnLogonFailureEnabled'), forwarding('z@x.example', true), bodyHashMismatch('Data/pay.eml'),
      bruteForce('198.51.100.9', ['a@x.example']), authAfterFailures('a@x.example', '198.51.100.9'),
    ]));
    expect(kinds(chains)).toEqual(['compromised-account', 'altered-message', 'mail-leaves-server', 'risky-setting']);
  });

  it('tolerates findings whose details lack the keys it reads', () => {
    const bare = ['brute-force-source', 'auth-after-failures', 'relay-external-to-external', 'dkim-body-hash-mismatch', 'forwarding-configured', 'sending-spike']
      .map((type) => ({ type, severity: 'high' as const, ref: { ip: '192.0.2.1', account: 'a@x.example', message: 'Data/m.eml' }, details: {}, summary: 's' }));
    const chains = buildStory(storyCase(bare));
    expect(chains.length).toBeGreaterThan(0);
    for (const c of chains) for (const s of c.steps) expect(s.text).not.toMatch(/undefined|NaN|\[object/);
  });
});
