/**
 * The credential-bearing steps of SMTP AUTH and IMAP AUTHENTICATE (hmailserver.md §4.2): the user names they
 * reveal, and a password that reached the log unmasked reported as an exposed credential.
 */
import { describe, expect, it } from 'vitest';
import { applyLoginPassword, applyLoginUser, applyPlainBlob, exposeCredential } from '../../../src/lib/logs/authExchange.ts';
import { openSession } from '../../../src/lib/logs/sessionState.ts';
import { FILE, line, recordingSink } from './lineKit.ts';

// Base64 of "alice@example.com", of "S3cret!", of NUL "alice@example.com" NUL "S3cret!", and of "admin" NUL "bob@example.com".
const ALICE = 'YWxpY2VAZXhhbXBsZS5jb20=';
const SECRET = 'UzNjcmV0IQ==';
const PLAIN_ALICE = 'AGFsaWNlQGV4YW1wbGUuY29tAFMzY3JldCE=';
const AUTHZ_ADMIN_BOB = 'YWRtaW4AYm9iQGV4YW1wbGUuY29t';

const fresh = () => openSession(line('SMTPD', 'x'), 0);

describe('applyLoginUser', () => {
  it('decodes a Base64 user name', () => {
    const s = fresh();
    applyLoginUser(s, ` ${ALICE} `);
    expect([s.mechanism, s.pendingUser]).toEqual(['AUTH LOGIN', 'alice@example.com']);
  });

  it('keeps a user name that is not Base64 of text as written, and a masked one as unknown', () => {
    const s = fresh();
    applyLoginUser(s, 'alice@example.com');
    expect(s.pendingUser).toBe('alice@example.com');
    applyLoginUser(s, '***');
    expect(s.pendingUser).toBeNull();
  });
});

describe('applyLoginPassword', () => {
  it('reports nothing for a masked or empty password', () => {
    const sink = recordingSink();
    applyLoginPassword(fresh(), line('SMTPD', 'RECEIVED: ***'), '***', sink);
    applyLoginPassword(fresh(), line('SMTPD', 'RECEIVED: '), ' ', sink);
    expect(sink.credentials).toEqual([]);
    expect(sink.events).toEqual([]);
  });

  it('reports a Base64 password written to the log, with the user it belongs to', () => {
    const sink = recordingSink();
    const s = fresh();
    s.pendingUser = 'alice@example.com';
    const l = line('SMTPD', `RECEIVED: ${SECRET}`, { lineNo: 500, localTime: '2024-05-06 10:00:05.000' });
    applyLoginPassword(s, l, SECRET, sink);
    expect(sink.credentials).toEqual([
      { file: FILE, lineNo: 500, localTime: '2024-05-06 10:00:05.000', ip: '203.0.113.9', account: 'alice@example.com', mechanism: 'AUTH LOGIN', secret: 'S3cret!' },
    ]);
    expect(sink.events).toEqual([
      { kind: 'credential-in-log', account: 'alice@example.com', detail: 'AUTH LOGIN: the password of alice@example.com was written to the log unmasked' },
    ]);
  });
});

describe('applyPlainBlob', () => {
  it('reads the user and reports the password of a one-line AUTH PLAIN that 5.6.x logged whole', () => {
    const sink = recordingSink();
    const s = fresh();
    applyPlainBlob(s, line('SMTPD', 'x'), PLAIN_ALICE, sink);
    expect([s.mechanism, s.pendingUser]).toEqual(['AUTH PLAIN', 'alice@example.com']);
    expect(sink.credentials.map((c) => [c.account, c.mechanism, c.secret])).toEqual([['alice@example.com', 'AUTH PLAIN', 'S3cret!']]);
  });

  it('reads the user of a masked blob, Base64 (with its authzid) or plain', () => {
    const sink = recordingSink();
    const s = fresh();
    applyPlainBlob(s, line('SMTPD', 'x'), `${ALICE} ***`, sink);
    expect(s.pendingUser).toBe('alice@example.com');
    applyPlainBlob(s, line('SMTPD', 'x'), `${AUTHZ_ADMIN_BOB} ***`, sink);
    expect(s.pendingUser).toBe('bob@example.com');
    applyPlainBlob(s, line('SMTPD', 'x'), 'carol ***', sink);
    expect(s.pendingUser).toBe('carol');
    expect(sink.credentials).toEqual([]);
  });

  it('forgets the previous user for a fully masked blob and for one that does not decode', () => {
    const sink = recordingSink();
    const s = fresh();
    s.pendingUser = 'earlier@example.com';
    applyPlainBlob(s, line('SMTPD', 'x'), '***', sink);
    expect(s.pendingUser).toBeNull();
    s.pendingUser = 'earlier@example.com';
    applyPlainBlob(s, line('SMTPD', 'x'), 'not base64!', sink);
    expect(s.pendingUser).toBeNull();
    expect(sink.credentials).toEqual([]);
  });
});

describe('exposeCredential', () => {
  it('names a credential without a user "(no user name)"', () => {
    const sink = recordingSink();
    exposeCredential(sink, line('POP3D', 'x'), null, 'POP3 PASS', 'pw');
    expect(sink.credentials[0].account).toBe('(no user name)');
    expect(sink.events[0].detail).toBe('POP3 PASS: the password of (no user name) was written to the log unmasked');
  });
});
