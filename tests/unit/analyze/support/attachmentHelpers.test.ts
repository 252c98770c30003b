import { describe, expect, it } from 'vitest';
import { extensionOf } from '../../../../src/lib/analyze/support/extensionOf.ts';
import { removalNoticeOriginal } from '../../../../src/lib/analyze/support/removalNoticeOriginal.ts';
import { wildcardMatcher } from '../../../../src/lib/analyze/support/wildcardMatcher.ts';

describe('attachment helpers', () => {
  it.each([
    ['*.exe', 'SETUP.EXE', true], ['*.exe', 'setup.exe.txt', false], ['*.ex?', 'a.exx', true], ['invoice*.pdf', 'invoice-7.pdf', true],
    ['*.[x]', 'a.[x]', true], ['*.exe', 'a.exe ', true],
  ])('wildcardMatcher(%s)(%s) = %s', (pattern, name, expected) => expect(wildcardMatcher(pattern)(name)).toBe(expected));

  it.each([
    ['invoice.pdf.exe', 'exe'], ['Photo.JPG', 'jpg'], ['noext', ''], ['.hidden', ''], ['trailing.exe.', 'exe'], ['dir/sub/a.Js', 'js'],
  ])('extensionOf(%s) = %s', (name, ext) => expect(extensionOf(name)).toBe(ext));

  it('recognises the ATTACHMENT_REMOVED notice only on a .txt part', () => {
    const text = 'The attachment a.exe was blocked for delivery by the e-mail server. Please contact your system administrator.';
    expect(removalNoticeOriginal({ filename: 'a.exe.txt', textPreview: text })).toBe('a.exe');
    expect(removalNoticeOriginal({ filename: 'a.exe.txt', textPreview: 'hello' })).toBeNull();
    expect(removalNoticeOriginal({ filename: 'a.exe', textPreview: text })).toBeNull();
  });
});
