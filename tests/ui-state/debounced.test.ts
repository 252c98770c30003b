import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounced } from '../../src/ui/debounced.ts';

describe('debounced', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once with the last value after typing pauses', () => {
    const run = vi.fn();
    const d = debounced(run, 300);
    d.call('1');
    vi.advanceTimersByTime(200);
    d.call('10');
    vi.advanceTimersByTime(200);
    d.call('10.');
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(run.mock.calls).toEqual([['10.']]);
  });

  it('flush runs a pending call at once, and nothing when none is pending', () => {
    const run = vi.fn();
    const d = debounced(run, 300);
    d.call('a');
    d.flush('a');
    vi.advanceTimersByTime(1000);
    d.flush('a');
    expect(run.mock.calls).toEqual([['a']]);
  });

  it('cancel drops the pending call', () => {
    const run = vi.fn();
    const d = debounced(run, 300);
    d.call('x');
    d.cancel();
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
  });
});
