/**
 * The page's single-key shortcuts and when they apply: never while the examiner types in a field, and never
 * with Ctrl, Alt or Meta held (those belong to the browser). Pure, so the rules are unit-tested.
 */
export type ShortcutAction = 'search' | 'next' | 'previous' | 'bookmark' | 'help' | 'close';

export const SHORTCUTS: { keys: string; action: ShortcutAction; what: string }[] = [
  { keys: '/', action: 'search', what: 'Search in the current view' },
  { keys: 'j', action: 'next', what: 'Next message' },
  { keys: 'k', action: 'previous', what: 'Previous message' },
  { keys: 'b', action: 'bookmark', what: 'Bookmark or un-bookmark the open message' },
  { keys: 'Esc', action: 'close', what: 'Close the open message' },
  { keys: '?', action: 'help', what: 'Show these shortcuts' },
];

/** What a keydown needs to be judged: the key, its modifiers and where focus is. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** The focused element: its tag name, input type and whether it is content-editable. */
  target: { tagName?: string; type?: string; isContentEditable?: boolean } | null;
}

const TYPED_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'datetime-local', 'month', 'week', 'time', '']);

function isTyping(target: KeyPress['target']): boolean {
  if (!target) return false;
  const tag = (target.tagName ?? '').toUpperCase();
  if (target.isContentEditable || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && TYPED_INPUTS.has((target.type ?? '').toLowerCase());
}

const BY_KEY: Record<string, ShortcutAction> = { '/': 'search', j: 'next', k: 'previous', b: 'bookmark', '?': 'help', Escape: 'close' };

/** The shortcut a key press stands for, or null when it is typing or belongs to the browser. */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  if (isTyping(press.target)) return null;
  return Object.hasOwn(BY_KEY, press.key) ? BY_KEY[press.key] : null;
}

/** The parts of a DOM keydown that shortcutFor judges (its fields are prototype getters: no spreading). */
export function pressOf(event: KeyboardEvent): KeyPress {
  const t = event.target instanceof HTMLElement ? event.target : null;
  return {
    key: event.key,
    ctrlKey: event.ctrlKey,
    altKey: event.altKey,
    metaKey: event.metaKey,
    target: t && { tagName: t.tagName, type: t instanceof HTMLInputElement ? t.type : undefined, isContentEditable: t.isContentEditable },
  };
}
