import { describe, expect, it } from 'vitest';
import { buildThreads } from '../../../src/lib/mail/buildThreads.ts';
import type { ParsedMessage } from '../../../src/lib/model/message.ts';

function msg(path: string, fields: Partial<ParsedMessage>): ParsedMessage {
  return {
    path, size: 0, md5: '', sha256: '', guid: null, headers: [], messageId: null, inReplyTo: null, references: [], from: null,
    sender: null, replyTo: [], returnPath: null, deliveredTo: null, to: [], cc: [], bcc: [], subject: '', date: null, received: [],
    authResults: [], spam: { flagged: false, score: null, reasons: [] }, dkim: [], attachments: [], text: '', hasHtml: false,
    defects: [], parseError: null, parsedBy: 'postal-mime', ...fields,
  };
}

describe('buildThreads', () => {
  const messages = [
    msg('c/3.eml', { messageId: '<r2@x>', inReplyTo: '<R1@X>', references: ['<root@x>', '<r1@x>'], date: '2024-05-03T00:00:00.000Z' }),
    msg('a/1.eml', { messageId: '<root@x>', date: '2024-05-01T00:00:00.000Z' }),
    msg('b/2.eml', { messageId: '<r1@x>', inReplyTo: '<root@x>', date: '2024-05-02T00:00:00.000Z' }),
    msg('z/other.eml', { messageId: '<solo@y>', date: '2024-04-01T00:00:00.000Z' }),
    msg('d/orphan-a.eml', { messageId: '<oa@z>', inReplyTo: '<missing-parent@z>', date: '2024-06-01T00:00:00.000Z' }),
    msg('d/orphan-b.eml', { messageId: '<ob@z>', references: ['<missing-parent@z>'], date: '2024-06-02T00:00:00.000Z' }),
    msg('e/undated.eml', { messageId: '<u@z>' }),
    msg('f/dup.eml', { messageId: '<solo@y>', date: '2024-04-05T00:00:00.000Z' }),
    msg('0/no-ids.eml', {}),
  ];

  it('groups by Message-ID / In-Reply-To / References and numbers by earliest date, then path', () => {
    const threads = buildThreads(messages);
    expect(Object.fromEntries(threads)).toEqual({
      'z/other.eml': 1,
      'f/dup.eml': 1,
      'a/1.eml': 2,
      'b/2.eml': 2,
      'c/3.eml': 2,
      'd/orphan-a.eml': 3,
      'd/orphan-b.eml': 3,
      '0/no-ids.eml': 4,
      'e/undated.eml': 5,
    });
  });

  it('does not depend on input order', () => {
    const a = Object.fromEntries(buildThreads(messages));
    const b = Object.fromEntries(buildThreads([...messages].reverse()));
    expect(b).toEqual(a);
  });
});
