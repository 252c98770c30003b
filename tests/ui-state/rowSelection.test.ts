import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, selectModeOf, selectRows, type SelectionState } from '../../src/ui/state/rowSelection.ts';

const keys = ['a', 'b', 'c', 'd', 'e'];
const keyAt = (i: number) => keys[i] ?? null;
const sorted = (s: SelectionState<string>) => [...s.keys].sort();

describe('selectRows', () => {
  it('a plain click selects one row and sets the anchor', () => {
    const s = selectRows(selectRows(EMPTY_SELECTION, 1, 'single', keyAt), 3, 'single', keyAt);
    expect(sorted(s)).toEqual(['d']);
    expect(s.anchor).toBe(3);
  });
  it('Ctrl toggles rows in and out', () => {
    let s = selectRows(EMPTY_SELECTION, 0, 'toggle', keyAt);
    s = selectRows(s, 2, 'toggle', keyAt);
    expect(sorted(s)).toEqual(['a', 'c']);
    s = selectRows(s, 0, 'toggle', keyAt);
    expect(sorted(s)).toEqual(['c']);
  });
  it('Shift adds the range from the anchor, either direction, keeping the anchor', () => {
    let s = selectRows(EMPTY_SELECTION, 3, 'single', keyAt);
    s = selectRows(s, 1, 'range', keyAt);
    expect(sorted(s)).toEqual(['b', 'c', 'd']);
    expect(s.anchor).toBe(3);
    s = selectRows(s, 4, 'range', keyAt);
    expect(sorted(s)).toEqual(['b', 'c', 'd', 'e']);
  });
  it('skips rows whose key is not known yet', () => {
    const gappy = (i: number) => (i === 2 ? null : keyAt(i));
    const s = selectRows(selectRows(EMPTY_SELECTION, 0, 'single', gappy), 3, 'range', gappy);
    expect(sorted(s)).toEqual(['a', 'b', 'd']);
    expect(selectRows(s, 2, 'toggle', gappy)).toBe(s);
  });
  it('reads the mode from the modifier keys', () => {
    expect(selectModeOf({ shiftKey: true, ctrlKey: true, metaKey: false })).toBe('range');
    expect(selectModeOf({ shiftKey: false, ctrlKey: false, metaKey: true })).toBe('toggle');
    expect(selectModeOf({ shiftKey: false, ctrlKey: false, metaKey: false })).toBe('single');
  });
});
