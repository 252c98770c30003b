import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from '../../../src/lib/database/commonPasswords.ts';
import { findWeakPasswords } from '../../../src/lib/database/findWeakPasswords.ts';
import { readHmailDatabase } from '../../../src/lib/database/readHmailDatabase.ts';
import type { DbAccount, PasswordScheme } from '../../../src/lib/model/hmailDatabase.ts';
import { expectedFindings, hasSamples } from '../../helpers/sharedSamples.ts';
import { referenceCaseDb } from './dbTestKit.ts';

function account(address: string, passwordScheme: PasswordScheme, passwordStored: string, extra: Partial<DbAccount> = {}): DbAccount {
  return {
    id: 1, domainId: 1, address, active: true, isAd: false, adminLevel: 0, maxSizeMb: 0, passwordScheme, passwordStored,
    lastLogon: null, forwardEnabled: false, forwardAddress: '', forwardKeepOriginal: false, vacationOn: false,
    vacationSubject: '', firstName: '', lastName: '', ...extra,
  };
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const salted = (salt: string, s: string) => salt + createHash('sha256').update(salt + s).digest('hex');

describe('findWeakPasswords', () => {
  it('bundles at least 10,000 common passwords', () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThanOrEqual(10_000);
    expect(COMMON_PASSWORDS.slice(0, 2)).toEqual(['123456', 'password']);
  });

  it('matches each scheme the way hMailServer checks it', async () => {
    const weak = await findWeakPasswords([
      account('plain@x.example', 'plain', 'PassWord1'),
      account('md5@x.example', 'md5', md5('letmein')),
      account('salted@x.example', 'sha256-salted', salted('a1b2c3', 'qwerty')),
      account('bob.smith@fabrikam.example', 'md5', md5('Smith2019!')),
      account('jane@contoso.example', 'sha256-salted', salted('0f0f0f', 'Contoso123')),
      account('6fc6f69152ad@x.example', 'blowfish', '0a9f8ad8bf896b501dde74f08efd7e4c'),
      account('strong@x.example', 'plain', 'correct horse battery staple 42'),
      account('ad@x.example', 'plain', 'password', { isAd: true }),
      account('blank@x.example', 'blank', ''),
    ]);
    expect(weak).toEqual([
      { account: 'plain@x.example', scheme: 'plain', matchedBy: 'common-list', password: 'PassWord1' },
      { account: 'md5@x.example', scheme: 'md5', matchedBy: 'common-list', password: 'letmein' },
      { account: 'salted@x.example', scheme: 'sha256-salted', matchedBy: 'common-list', password: 'qwerty' },
      { account: 'bob.smith@fabrikam.example', scheme: 'md5', matchedBy: 'name-variant', password: 'Smith2019!' },
      { account: 'jane@contoso.example', scheme: 'sha256-salted', matchedBy: 'name-variant', password: 'Contoso123' },
      { account: '6fc6f69152ad@x.example', scheme: 'blowfish', matchedBy: 'name-variant', password: '6FC6F69152AD' },
    ]);
  });

  it('stops with the signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(findWeakPasswords([account('a@x.example', 'plain', 'x')], { signal: controller.signal })).rejects.toThrow();
  });
});

describe.skipIf(!hasSamples)('findWeakPasswords on the shared sample', () => {
  it('finds bob and carol weak, alice and dave not (expected-findings.json)', async () => {
    const db = readHmailDatabase(await referenceCaseDb(), 'sqlite', 'x', []);
    const weak = await findWeakPasswords(db.accounts);
    const expected = expectedFindings().findings.filter((f) => f.type === 'weak-password').map((f) => f.ref.account).sort();
    expect(weak.map((w) => w.account).sort()).toEqual(expected);
    expect(weak.map((w) => [w.account, w.scheme, w.matchedBy])).toEqual([
      ['bob@northwind.example', 'md5', 'common-list'],
      ['carol@northwind.example', 'sha256-salted', 'common-list'],
    ]);
  });
});
