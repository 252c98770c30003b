/** The passwords people derive from their own account, tried offline against its hash. */
import { describe, expect, it } from 'vitest';
import { passwordNameVariants } from '../../../src/lib/database/passwordNameVariants.ts';

const john = { address: 'John.Smith@Example.com', firstName: 'John', lastName: 'Smith' };

describe('passwordNameVariants', () => {
  it('builds on the address, its pieces, the domain label and the names, in three cases', () => {
    const v = new Set(passwordNameVariants(john));
    for (const p of ['john.smith@example.com', 'john.smith', 'john', 'John', 'JOHN', 'smith', 'Smith', 'example', 'Example.com', 'johnsmith', 'Johnsmith']) {
      expect(v.has(p), p).toBe(true);
    }
    expect(v.has('com')).toBe(false);
    expect(v.has('John.Smith@Example.com')).toBe(false);
  });

  it('appends the usual digits, "!" and the years 1990 to 2030 in four spellings', () => {
    const v = new Set(passwordNameVariants(john));
    for (const p of ['john1', 'john123456', 'John!', 'Smith123!', 'JOHN007', 'john#1', 'john@123', 'john1990', 'John2030!', 'smith@2024', 'john24', 'John24!']) {
      expect(v.has(p), p).toBe(true);
    }
    expect(v.has('john1989')).toBe(false);
    expect(v.has('john2031')).toBe(false);
  });

  it('adds the common words with the same endings', () => {
    const v = new Set(passwordNameVariants(john));
    for (const p of ['Password1', 'welcome123', 'Summer2024!', 'LETMEIN', 'changeme!']) expect(v.has(p), p).toBe(true);
  });

  it('lists each candidate once: 19 bases × 3 spellings × 217 distinct endings', () => {
    // Bases: address, local part, john, smith, domain, example, johnsmith and the 12 words. Endings: 14 fixed and 5 per
    // year for 41 years, less "12" and "01", which the two-digit years 2012 and 2001 repeat.
    const v = passwordNameVariants(john);
    expect(new Set(v).size).toBe(v.length);
    expect(v.length).toBe(19 * 3 * 217);
  });

  it('skips one-letter pieces and blank names', () => {
    const v = new Set(passwordNameVariants({ address: 'j.doe@x.org', firstName: ' ', lastName: '' }));
    expect(v.has('j')).toBe(false);
    expect(v.has('J1')).toBe(false);
    expect(v.has('x')).toBe(false);
    expect(v.has('doe2020')).toBe(true);
    expect(v.has('X.org')).toBe(true);
  });
});
