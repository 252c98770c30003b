import { describe, expect, it } from 'vitest';
import { isSqliteHeader } from '../../../src/lib/ingest/isSqliteHeader.ts';

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('isSqliteHeader', () => {
  it('takes the 16-byte SQLite 3 header and what follows it, nothing shorter or different', () => {
    expect(isSqliteHeader(bytes('SQLite format 3\0\x10\0\x01\x01'))).toBe(true);
    expect(isSqliteHeader(bytes('SQLite format 3\0'))).toBe(true);
    expect(isSqliteHeader(bytes('SQLite format 3'))).toBe(false);
    expect(isSqliteHeader(bytes('SQLite format 3 '))).toBe(false);
    expect(isSqliteHeader(bytes('sqlite format 3\0'))).toBe(false);
    expect(isSqliteHeader(new Uint8Array())).toBe(false);
  });
});
