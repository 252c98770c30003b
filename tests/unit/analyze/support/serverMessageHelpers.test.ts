import { describe, expect, it } from 'vitest';
import { containerNote } from '../../../../src/lib/analyze/support/containerNote.ts';
import { localDomains } from '../../../../src/lib/analyze/support/localDomains.ts';
import { removalNoticeOriginal } from '../../../../src/lib/analyze/support/removalNoticeOriginal.ts';
import { serverMessagePattern } from '../../../../src/lib/analyze/support/serverMessagePattern.ts';
import { serverMessageText } from '../../../../src/lib/analyze/support/serverMessageText.ts';
import { database, domain } from '../caseBuilder.ts';

const withMessages = (serverMessages: Record<string, string>) => database({ serverMessages });

describe('serverMessageText', () => {
  it('finds a template case-insensitively and is null without it or without a database', () => {
    expect(serverMessageText(withMessages({ Attachment_Removed: 'x' }), 'ATTACHMENT_REMOVED')).toBe('x');
    expect(serverMessageText(withMessages({}), 'ATTACHMENT_REMOVED')).toBeNull();
    expect(serverMessageText(null, 'ATTACHMENT_REMOVED')).toBeNull();
  });
});

describe('serverMessagePattern', () => {
  const pattern = (text: string) => serverMessagePattern(withMessages({ MESSAGE_FILE_MISSING: text }), 'MESSAGE_FILE_MISSING');

  it('matches the expanded template: macros are wildcards, blanks any whitespace, the file captured', () => {
    const re = pattern('Die Datei %MACRO_FILE% fehlt auf dem Server.\r\n\r\nIhr Administrator (%MACRO_TO%)');
    const m = re?.exec('Die Datei D:\\Data\\a b\\{X}.eml fehlt auf dem Server.\nIhr   Administrator (alice@northwind.example)');
    expect(m?.groups?.file).toBe('D:\\Data\\a b\\{X}.eml');
    expect(re?.test('Die Datei x.eml fehlt auf dem Rechner.')).toBe(false);
  });

  it('regex characters in the template are literal', () => {
    const re = pattern('Gone (file %MACRO_FILE%)? Ask [IT].');
    expect(re?.test('Gone (file a.eml)? Ask [IT].')).toBe(true);
    expect(re?.test('Gone file a.eml? Ask I.')).toBe(false);
  });

  it('a leading macro is skipped, a trailing file macro runs to the end of the line', () => {
    const re = pattern('%MACRO_TO%: the message file is gone: %MACRO_FILE%\r\n');
    expect(re?.exec('bob@x.example: the message file is gone: C:\\m\\{Y}.eml\r\nmore')?.groups?.file).toBe('C:\\m\\{Y}.eml');
  });

  it('a template with too few fixed words, or none at all, gives no pattern', () => {
    expect(pattern('%MACRO_FILE%')).toBeNull();
    expect(pattern('File: %MACRO_FILE%')).toBeNull();
    expect(pattern('')).toBeNull();
    expect(serverMessagePattern(withMessages({}), 'MESSAGE_FILE_MISSING')).toBeNull();
    expect(serverMessagePattern(null, 'MESSAGE_FILE_MISSING')).toBeNull();
  });
});

describe('removalNoticeOriginal with a customised notice', () => {
  const custom = serverMessagePattern(withMessages({ ATTACHMENT_REMOVED: 'Der Anhang %MACRO_FILE% wurde vom Mailserver entfernt.' }), 'ATTACHMENT_REMOVED');

  it('recognises the custom wording and still the default one', () => {
    expect(removalNoticeOriginal({ filename: 'a.exe.txt', textPreview: 'Der Anhang a.exe wurde vom Mailserver entfernt.' }, custom)).toBe('a.exe');
    expect(removalNoticeOriginal({ filename: 'a.exe.txt', textPreview: 'The attachment a.exe was blocked for delivery by the e-mail server.' }, custom)).toBe('a.exe');
  });

  it('other text, or the custom wording without the pattern, is not a notice', () => {
    expect(removalNoticeOriginal({ filename: 'a.exe.txt', textPreview: 'Der Anhang a.exe ist schön.' }, custom)).toBeNull();
    expect(removalNoticeOriginal({ filename: 'a.exe.txt', textPreview: 'Der Anhang a.exe wurde vom Mailserver entfernt.' })).toBeNull();
  });
});

describe('containerNote', () => {
  it('names the attached message, or says nothing', () => {
    expect(containerNote({ container: 'fwd.eml' })).toBe(' inside the attached message fwd.eml');
    expect(containerNote({})).toBe('');
  });
});

describe('localDomains', () => {
  const db = database({ domains: [domain(1, 'Northwind.example')], domainAliases: [{ domainId: 1, alias: 'Northwind-Traders.example.' }] });

  it('counts domain aliases as local unless asked not to', () => {
    expect([...localDomains({ database: db, links: [] })].sort()).toEqual(['northwind-traders.example', 'northwind.example']);
    expect([...localDomains({ database: db, links: [] }, { aliases: false })]).toEqual(['northwind.example']);
  });
});
