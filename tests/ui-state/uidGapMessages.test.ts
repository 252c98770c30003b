/** A uid-gap finding's "open these messages": the UIDs on either side of each hole, in its account and folder. */
import { describe, expect, it } from 'vitest';
import { uidGapMessages } from '../../src/ui/state/uidGapMessages.ts';

const gap = (details: Record<string, unknown>, account?: string) => ({ type: 'uid-gap', ref: account ? { account } : {}, details });

describe('uidGapMessages', () => {
  it('names the UID before and after every hole, once each, in order', () => {
    expect(uidGapMessages(gap({ folder: 'INBOX.Invoices', ranges: ['9-12', '5', '7-7'] }, 'bob@x.example'))).toEqual({
      account: 'bob@x.example', folder: 'INBOX.Invoices', uids: [4, 6, 8, 13],
    });
  });

  it('a hole from UID 1 has nothing before it; a public folder has no account', () => {
    expect(uidGapMessages(gap({ folder: 'Public.Shared', ranges: ['1-3'] }))).toEqual({ folder: 'Public.Shared', uids: [4] });
  });

  it('skips ranges it cannot read, and gives nothing without a folder, without ranges, or for another finding', () => {
    expect(uidGapMessages(gap({ folder: 'INBOX', ranges: ['x', '2-', 5] }, 'a@x'))).toEqual({ account: 'a@x', folder: 'INBOX', uids: [4, 6] });
    expect(uidGapMessages(gap({ folder: 'INBOX', ranges: ['…'] }, 'a@x'))).toBeNull();
    expect(uidGapMessages(gap({ ranges: ['5'] }, 'a@x'))).toBeNull();
    expect(uidGapMessages(gap({ folder: 'INBOX' }, 'a@x'))).toBeNull();
    expect(uidGapMessages({ type: 'missing-file', ref: {}, details: { folder: 'INBOX', ranges: ['5'] } })).toBeNull();
  });
});
