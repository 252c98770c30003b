import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateRawBounded } from '../../../src/lib/ingest/inflateRawBounded.ts';

const text = new TextEncoder().encode('Received: from a\r\n'.repeat(2000));
const deflated = new Uint8Array(deflateRawSync(text));

describe('inflateRawBounded', () => {
  it('gives the bytes zlib deflated when the recorded size is right', () => {
    const outcome = inflateRawBounded(deflated, text.length);
    expect(outcome.ok && Buffer.from(outcome.bytes).equals(Buffer.from(text))).toBe(true);
  });

  it('says longer, without holding more than the recorded size, when the archive records too few bytes', () => {
    const bomb = new Uint8Array(deflateRawSync(new Uint8Array(50_000_000)));
    expect(bomb.length).toBeLessThan(100_000);
    const outcome = inflateRawBounded(bomb, 1000);
    expect(outcome).toMatchObject({ ok: false, problem: 'longer' });
  });

  it('says shorter when the archive records too many bytes', () => {
    expect(inflateRawBounded(deflated, text.length + 1)).toMatchObject({ ok: false, problem: 'shorter' });
  });

  it('says corrupt for truncated or garbled data', () => {
    expect(inflateRawBounded(deflated.subarray(0, deflated.length >> 1), text.length)).toMatchObject({ ok: false, problem: 'corrupt' });
    expect(inflateRawBounded(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 10)).toMatchObject({ ok: false, problem: 'corrupt' });
    expect(inflateRawBounded(new Uint8Array(0), 0)).toMatchObject({ ok: false, problem: 'corrupt' });
  });

  it('reads an empty entry', () => {
    const outcome = inflateRawBounded(new Uint8Array(deflateRawSync(new Uint8Array(0))), 0);
    expect(outcome).toMatchObject({ ok: true });
    expect(outcome.ok && outcome.bytes.length).toBe(0);
  });
});
