/**
 * The one multi-select of every list: keys kept across pages, rows captured when picked (or read as they are now),
 * bulk tag and bookmark through the case's annotations, and the CSV of the selection in the columns given.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Column } from '../../src/ui/components/tableColumn.ts';
import { CaseTags } from '../../src/ui/state/caseTags.svelte.ts';
import { ListSelection } from '../../src/ui/state/listSelection.svelte.ts';
import { MessageSelection } from '../../src/ui/state/messageSelection.svelte.ts';
import { mockClient } from './mockClient.ts';

interface Session {
  key: string;
  ip: string;
  user: string;
}

const sessions: Session[] = ['a', 'b', 'c', 'd', 'e'].map((k, i) => ({ key: k, ip: `198.51.100.${i + 1}`, user: `=cmd|${k}` }));
const COLUMNS: Column<Session>[] = [
  { key: 'ip', label: 'Client IP', value: (r) => r.ip },
  { key: 'user', label: 'AUTH user', value: (r) => r.user },
];

function setUp(current?: (keys: ReadonlySet<string>) => Session[]) {
  const client = mockClient();
  const save = vi.fn();
  const selection = new ListSelection<Session>({ kind: 'log-session', keyOf: (r) => r.key, tags: new CaseTags(client), save, current });
  return { client, save, selection };
}

describe('ListSelection', () => {
  it('toggles and extends by list position, counts the keys and keeps the rows picked', async () => {
    const { selection } = setUp();
    const at = (i: number) => sessions[i];
    selection.select(1, 'toggle', at);
    selection.select(3, 'range', at);
    selection.select(0, 'toggle', at);
    expect(selection.size).toBe(4);
    expect(selection.has('c')).toBe(true);
    expect(selection.has('e')).toBe(false);
    selection.select(2, 'toggle', at);
    expect((await selection.rows()).map((r) => r.key)).toEqual(['b', 'd', 'a']);
    selection.clear();
    expect(selection.size).toBe(0);
    expect(await selection.rows()).toEqual([]);
  });

  it('a row not loaded yet is skipped, and one picked earlier stays when its page is gone', async () => {
    const { selection } = setUp();
    selection.select(0, 'toggle', (i) => sessions[i]);
    selection.select(3, 'range', (i) => (i === 0 || i === 2 ? undefined : sessions[i]));
    expect((await selection.rows()).map((r) => r.key)).toEqual(['a', 'b', 'd']);
  });

  it('tags and bookmarks every selected item through the case annotations, and the tag list is read again', async () => {
    const { client, selection } = setUp();
    selection.select(0, 'toggle', (i) => sessions[i]);
    selection.select(1, 'range', (i) => sessions[i]);
    await selection.tag('brute');
    expect(client.tagItems).toHaveBeenCalledExactlyOnceWith([{ kind: 'log-session', key: 'a' }, { kind: 'log-session', key: 'b' }], 'brute');
    await selection.bookmark();
    expect(client.bookmarkItems).toHaveBeenCalledExactlyOnceWith([{ kind: 'log-session', key: 'a' }, { kind: 'log-session', key: 'b' }]);
    expect(client.listTags).toHaveBeenCalledTimes(2);
  });

  it('exports the selected rows as CSV in the columns given, through the formula guard', async () => {
    const { save, selection } = setUp();
    selection.select(4, 'toggle', (i) => sessions[i]);
    selection.select(2, 'toggle', (i) => sessions[i]);
    await selection.exportCsv('selected.csv', [COLUMNS[1], COLUMNS[0]]);
    expect(save).toHaveBeenCalledExactlyOnceWith('selected.csv', "AUTH user,Client IP\r\n'=cmd|e,198.51.100.5\r\n'=cmd|c,198.51.100.3\r\n", 'text/csv');
  });

  it('exports the rows as they are now when the list can give them', async () => {
    const { save, selection } = setUp((keys) => sessions.filter((r) => keys.has(r.key)).map((r) => ({ ...r, ip: 'now' })));
    selection.select(1, 'toggle', (i) => sessions[i]);
    await selection.exportCsv('selected.csv', [COLUMNS[0]]);
    expect(save).toHaveBeenCalledExactlyOnceWith('selected.csv', 'Client IP\r\nnow\r\n', 'text/csv');
  });
});

describe('MessageSelection', () => {
  it('is keyed by path, and a new pick or a clear drops the last export note', async () => {
    const client = mockClient({ ask: vi.fn(async () => ({ columns: ['path'], rows: [['m/1.eml']] })) as never, exportMessagesZip: vi.fn(async () => new Uint8Array([1])) });
    const save = vi.fn();
    const selection = new MessageSelection(client, new CaseTags(client), save);
    const rows = [{ path: 'm/1.eml' }, { path: 'm/2.eml' }] as never[];
    selection.select(0, 'toggle', (i) => rows[i]);
    selection.select(1, 'range', (i) => rows[i]);
    expect(selection.has('m/2.eml')).toBe(true);
    await selection.exportZip();
    expect(client.exportMessagesZip).toHaveBeenCalledExactlyOnceWith(['m/1.eml']);
    expect(selection.note).toBe('1 message exported; 1 database row without a file left out (no bytes to export).');
    selection.select(1, 'toggle', (i) => rows[i]);
    expect(selection.note).toBeNull();
    expect(selection.size).toBe(1);
  });
});
