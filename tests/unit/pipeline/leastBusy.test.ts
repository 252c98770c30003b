import { describe, expect, it } from 'vitest';
import { createLeastBusy } from '../../../src/lib/pipeline/leastBusy.ts';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createLeastBusy', () => {
  it('sends each task to the worker with the fewest in flight, not in turn', async () => {
    const pool = createLeastBusy(['a', 'b']);
    const slow = deferred();
    const picked: string[] = [];
    const first = pool.run(async (w) => {
      picked.push(w);
      await slow.promise;
    });
    // 'a' is busy with the slow task: the next three quick ones all go to 'b', one after another.
    for (let i = 0; i < 3; i++) await pool.run(async (w) => void picked.push(w));
    expect(picked).toEqual(['a', 'b', 'b', 'b']);
    expect(pool.load).toEqual([1, 0]);
    slow.resolve();
    await first;
    expect(pool.load).toEqual([0, 0]);
  });

  it('frees the slot when a task fails', async () => {
    const pool = createLeastBusy([1]);
    await expect(pool.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(pool.load).toEqual([0]);
  });
});
