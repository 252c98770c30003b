import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyPress } from '../../src/ui/keyboardShortcuts.ts';

const press = (key: string, target: KeyPress['target'] = { tagName: 'DIV' }, mods: Partial<KeyPress> = {}): KeyPress => ({
  key, ctrlKey: false, altKey: false, metaKey: false, target, ...mods,
});

describe('shortcutFor', () => {
  it('maps the single keys', () => {
    expect(['/', 'j', 'k', 'b', '?', 'Escape'].map((k) => shortcutFor(press(k)))).toEqual(['search', 'next', 'previous', 'bookmark', 'help', 'close']);
  });
  it('ignores other keys', () => expect(shortcutFor(press('x'))).toBeNull());
  it('never fires while typing in a field', () => {
    for (const target of [{ tagName: 'INPUT', type: 'search' }, { tagName: 'INPUT', type: 'text' }, { tagName: 'TEXTAREA' }, { tagName: 'SELECT' }, { tagName: 'DIV', isContentEditable: true }]) {
      expect(shortcutFor(press('j', target)), JSON.stringify(target)).toBeNull();
    }
  });
  it('still fires on a checkbox or a button', () => {
    expect(shortcutFor(press('j', { tagName: 'INPUT', type: 'checkbox' }))).toBe('next');
    expect(shortcutFor(press('b', { tagName: 'BUTTON' }))).toBe('bookmark');
  });
  it('leaves Ctrl, Alt and Meta combinations to the browser', () => {
    expect(shortcutFor(press('k', null, { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('/', null, { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('b', null, { altKey: true }))).toBeNull();
  });
});
