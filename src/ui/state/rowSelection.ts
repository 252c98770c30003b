/**
 * Multi-select in a list, as file managers do it: a plain click selects one row, Ctrl/Cmd+click toggles a
 * row, Shift+click selects the range from the last clicked row. Pure, so the rules are unit-tested.
 */
export type SelectMode = 'single' | 'toggle' | 'range';

export interface SelectionState<K> {
  keys: ReadonlySet<K>;
  /** The row index a Shift+click extends from. */
  anchor: number | null;
}

export const EMPTY_SELECTION: SelectionState<never> = { keys: new Set(), anchor: null };

/** keyAt gives the key of a row index, or null when the row is not known (not loaded): it is skipped. */
export function selectRows<K>(prev: SelectionState<K>, index: number, mode: SelectMode, keyAt: (i: number) => K | null): SelectionState<K> {
  const key = keyAt(index);
  if (key === null) return prev;
  if (mode === 'single') return { keys: new Set([key]), anchor: index };
  if (mode === 'toggle') {
    const keys = new Set(prev.keys);
    if (keys.has(key)) keys.delete(key);
    else keys.add(key);
    return { keys, anchor: index };
  }
  const from = prev.anchor ?? index;
  const keys = new Set(prev.keys);
  for (let i = Math.min(from, index); i <= Math.max(from, index); i++) {
    const k = keyAt(i);
    if (k !== null) keys.add(k);
  }
  return { keys, anchor: prev.anchor ?? index };
}

/** The mode a pointer or key event asks for. */
export function selectModeOf(e: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): SelectMode {
  if (e.shiftKey) return 'range';
  return e.ctrlKey || e.metaKey ? 'toggle' : 'single';
}
