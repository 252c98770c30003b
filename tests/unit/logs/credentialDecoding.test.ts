/** SASL PLAIN and Base64 user names as they appear in logs, and how a recovered secret is masked. */
import { describe, expect, it } from 'vitest';
import { decodeAuthPlain } from '../../../src/lib/logs/decodeAuthPlain.ts';
import { decodeBase64Text } from '../../../src/lib/logs/decodeBase64Text.ts';
import { maskSecret } from '../../../src/lib/logs/maskSecret.ts';

describe('decodeAuthPlain', () => {
  it('splits authzid NUL authcid NUL password (RFC 4616)', () => {
    expect(decodeAuthPlain(btoa('\u0000dave@fabrikam.example\u0000S3cure!Passphrase#2024'))).toEqual({
      authzid: '', user: 'dave@fabrikam.example', password: 'S3cure!Passphrase#2024', separator: 'NUL',
    });
    expect(decodeAuthPlain(btoa('admin@x.example\u0000\u0000pw'))?.user).toBe('admin@x.example');
  });

  it('decodes UTF-8 passwords', () => {
    const bytes = new TextEncoder().encode('\u0000anna@x.example\u0000Grüße€');
    expect(decodeAuthPlain(btoa(String.fromCharCode(...bytes)))?.password).toBe('Grüße€');
  });

  it('is null for what is not a PLAIN blob', () => {
    expect(decodeAuthPlain('***')).toBeNull();
    expect(decodeAuthPlain(btoa('just-a-user'))).toBeNull();
    expect(decodeAuthPlain('not base64!')).toBeNull();
  });
});

describe('decodeBase64Text', () => {
  it('decodes the AUTH LOGIN user line and refuses tokens that are not printable text', () => {
    expect(decodeBase64Text('Ym9iQG5vcnRod2luZC5leGFtcGxl')).toBe('bob@northwind.example');
    expect(decodeBase64Text('YWRtaW5AZXhhbXBsZS5jb20=')).toBe('admin@example.com');
    expect(decodeBase64Text('admin')).toBeNull();
    expect(decodeBase64Text('//79')).toBeNull();
    expect(decodeBase64Text('***')).toBeNull();
  });
});

describe('maskSecret', () => {
  it('shows two characters of a long secret and never its length', () => {
    expect(maskSecret('S3cure!Passphrase#2024')).toBe('S3*******');
    expect(maskSecret('P@ssword')).toBe('P@*******');
    expect(maskSecret('short')).toBe('*******');
    expect(maskSecret('')).toBe('*******');
  });
});
