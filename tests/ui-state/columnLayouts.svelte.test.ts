/** The case's column layouts: shown at once, written to the case only when committed, errors kept visible. */
import { describe, expect, it } from 'vitest';
import { EMPTY_COLUMN_LAYOUT } from '../../src/lib/model/columnLayout.ts';
import { ColumnLayouts } from '../../src/ui/state/columnLayouts.svelte.ts';
import { mockClient } from './mockClient.ts';

const wide = { order: [], hidden: [], widths: { subject: 300 } };

describe('ColumnLayouts', () => {
  it('reads the case\'s layouts and gives the empty layout for a table it does not name', async () => {
    const client = mockClient({ columnLayouts: async () => ({ messages: wide }) });
    const layouts = new ColumnLayouts(client);
    await layouts.load();
    expect(layouts.of('messages')).toEqual(wide);
    expect(layouts.of('logs')).toBe(EMPTY_COLUMN_LAYOUT);
  });

  it('shows a drag step without writing it, and writes the committed layout once, moving the revision', async () => {
    const client = mockClient();
    const layouts = new ColumnLayouts(client);
    await layouts.set('messages', wide, false);
    expect(layouts.of('messages')).toEqual(wide);
    expect(client.setColumnLayout).not.toHaveBeenCalled();
    expect(layouts.revision).toBe(0);
    await layouts.set('messages', wide);
    expect(client.setColumnLayout).toHaveBeenCalledExactlyOnceWith('messages', wide);
    expect(layouts.revision).toBe(1);
  });

  it('says when a layout could not be saved in the case, and keeps showing it', async () => {
    const client = mockClient({ setColumnLayout: async () => Promise.reject(new Error('worker gone')) });
    const layouts = new ColumnLayouts(client);
    await layouts.set('messages', wide);
    expect(layouts.error).toMatch(/not saved in the case: worker gone/);
    expect(layouts.of('messages')).toEqual(wide);
    expect(layouts.revision).toBe(0);
  });

  it('gives the columns a table shows in the chosen order, for its CSV; every column for a table it does not name', async () => {
    const columns = [{ key: 'date' }, { key: 'from' }, { key: 'subject' }, { key: 'size' }];
    const layouts = new ColumnLayouts(mockClient());
    await layouts.set('messages', { order: ['subject', 'date'], hidden: ['from'], widths: {} }, false);
    expect(layouts.shown('messages', columns).map((c) => c.key)).toEqual(['subject', 'date', 'size']);
    expect(layouts.shown('accounts', columns)).toEqual(columns);
  });
});
