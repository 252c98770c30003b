import { describe, expect, it } from 'vitest';
import { authTranscript } from '../../src/ui/queries/authTranscript.ts';

const line = (text: string) => `"SMTPD"\t4532\t401\t"2024-05-12 10:14:09.000"\t"203.0.113.9"\t"RECEIVED: ${text}"`;
const sent = (text: string) => `"SMTPD"\t4532\t401\t"2024-05-12 10:14:09.000"\t"203.0.113.9"\t"SENT: ${text}"`;
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('authTranscript', () => {
  it('decodes the AUTH LOGIN user name line and lists every user tried once', () => {
    const lines = [
      line('EHLO kali'), line('AUTH LOGIN'), sent('334 VXNlcm5hbWU6'), line(b64('bob@x.example')), line('***'), sent('535 Authentication failed.'),
      line('AUTH LOGIN'), line(b64('alice@x.example')), line('***'),
      line('AUTH LOGIN'), line(b64('bob@x.example')), line('***'),
    ];
    const t = authTranscript(lines);
    expect(t.users).toEqual(['bob@x.example', 'alice@x.example']);
    expect(t.decoded[3]).toBe('bob@x.example');
    expect(t.decoded[4]).toBeNull();
    expect(t.decoded.filter(Boolean)).toHaveLength(3);
  });

  it('takes an initial response on the AUTH line and a PLAIN blob without revealing its password', () => {
    const t = authTranscript([line(`AUTH LOGIN ${b64('carol@x.example')}`), line(`AUTH PLAIN ${b64('\0dave@x.example\0s3cret')}`), line('AUTH PLAIN'), line(b64('admin\0erin@x.example\0pw'))]);
    expect(t.users).toEqual(['carol@x.example', 'dave@x.example', 'erin@x.example']);
    expect(t.decoded.join(' ')).not.toContain('s3cret');
  });

  it('leaves lines that are not Base64 user names alone', () => {
    const t = authTranscript([line('AUTH LOGIN'), line('not base64!'), line('MAIL FROM:<a@b>'), line('AUTH LOGIN'), line('***'), line(b64('\u0001\u0002binary'))]);
    expect(t.users).toEqual([]);
    expect(t.decoded.every((d) => d === null)).toBe(true);
  });
});
