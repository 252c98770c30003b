/**
 * Timeline events picked in the event table tag the item each stands for (its message, else its log session,
 * else its account), on a real case database: the Timeline's tag filter then finds them; events that stand for
 * nothing are counted for the bar; the CSV of the selection is of the events, in the columns given.
 */
import type { Database } from 'sql.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AnnotatedItem } from '../../src/lib/model/annotation.ts';
import { bookmarkItems, tagItems } from '../../src/lib/store/annotations.ts';
import { timelineEventColumns } from '../../src/ui/components/timelineEventColumns.ts';
import type { TimelineEventRow } from '../../src/ui/queries/timeline.ts';
import { CaseTags } from '../../src/ui/state/caseTags.svelte.ts';
import { ListSelection } from '../../src/ui/state/listSelection.svelte.ts';
import { timelineEventItem, untaggableEventsNote } from '../../src/ui/state/timelineEventItem.ts';
import { TimelineModel } from '../../src/ui/state/timelineModel.svelte.ts';
import { emptyCaseDb, sqlClient } from './sqlClient.ts';

const event = (over: Partial<TimelineEventRow>): TimelineEventRow => ({
  id: 1, timeUtc: '2024-03-01T10:00:00.000Z', timeLocal: null, type: 'logon-failed', source: 'test', description: null,
  refMessage: null, refSession: null, account: null, ip: null, ...over,
});

describe('timelineEventItem', () => {
  it('is the message, else the log session, else the account the event names, else nothing', () => {
    expect(timelineEventItem(event({ refMessage: 'Data/a/1.eml', refSession: 's1', account: 'a@x.example' }))).toEqual({ kind: 'message', key: 'Data/a/1.eml' });
    expect(timelineEventItem(event({ refSession: 's1', account: 'a@x.example' }))).toEqual({ kind: 'log-session', key: 's1' });
    expect(timelineEventItem(event({ account: 'a@x.example', ip: '203.0.113.9' }))).toEqual({ kind: 'account', key: 'a@x.example' });
    expect(timelineEventItem(event({ ip: '203.0.113.9', type: 'file-modified' }))).toBeNull();
  });

  it('the bar says how many selected events tagging passes by', () => {
    expect(untaggableEventsNote(0, 5)).toBeNull();
    expect(untaggableEventsNote(1, 5)).toBe('1 of 5 selected events has no message, session or account to tag');
    expect(untaggableEventsNote(2, 1200)).toBe('2 of 1,200 selected events have no message, session or account to tag');
  });
});

describe('a selection of timeline events', () => {
  let db: Database;

  beforeAll(async () => {
    db = await emptyCaseDb();
    const ev = (minute: number, type: string, over: { msg?: string; session?: string; account?: string } = {}) =>
      db.run('INSERT INTO case_timeline VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        `2024-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`, null, type, `src${minute}`, `=${type} ${minute}`,
        over.msg ?? null, over.session ?? null, over.account ?? null, null, 'UTC', null,
      ]);
    ev(0, 'message-received', { msg: 'Data/x/bob/1.eml', account: 'bob@x.example' });
    ev(1, 'logon-failed', { session: 's1', account: 'bob@x.example' });
    ev(2, 'file-modified');
    ev(3, 'account-last-logon', { account: 'carol@x.example' });
    ev(4, 'message-stored', { msg: 'Data/x/bob/1.eml', account: 'bob@x.example' });
    ev(5, 'logon-failed', { session: 's2', account: 'dave@x.example' });
    ev(6, 'file-modified');
  }, 30_000);

  function setUp() {
    const now = '2024-04-01T00:00:00.000Z';
    const client = sqlClient(db, {
      tagItems: vi.fn(async (items: AnnotatedItem[], tag: string) => tagItems(db, items, tag, now)),
      bookmarkItems: vi.fn(async (items: AnnotatedItem[]) => bookmarkItems(db, items, now)),
    });
    const save = vi.fn();
    const selection = new ListSelection<TimelineEventRow>({ itemOf: timelineEventItem, keyOf: (e) => String(e.id), tags: new CaseTags(client), save });
    return { client, save, selection };
  }

  it('tags the items the picked events stand for, each once; the tag filter finds their events; events of nothing are counted', async () => {
    const { client, selection } = setUp();
    const model = new TimelineModel(client);
    await model.open(1);
    const at = (i: number) => model.events.rowAt(i);
    selection.select(0, 'toggle', at);
    selection.select(3, 'range', at);
    selection.select(6, 'toggle', at);
    expect(selection.size).toBe(5);
    expect(selection.untaggable).toBe(2);

    await selection.tag('sweep');
    expect(client.tagItems).toHaveBeenCalledExactlyOnceWith(
      [{ kind: 'message', key: 'Data/x/bob/1.eml' }, { kind: 'log-session', key: 's1' }, { kind: 'account', key: 'carol@x.example' }],
      'sweep',
    );
    await model.setFilter({ tag: 'sweep' });
    const found = Array.from({ length: model.events.total ?? 0 }, (_, i) => model.events.rowAt(i)?.source);
    expect(found, "the picked events, and the other event of the tagged message").toEqual(['src0', 'src1', 'src3', 'src4']);

    await model.setFilter({ tag: '' });
    expect(selection.has(String(model.events.rowAt(6)?.id)), 'a new filter keeps the selection').toBe(true);
    selection.select(2, 'toggle', at);
    selection.select(6, 'toggle', at);
    expect(selection.untaggable).toBe(0);
    await selection.bookmark();
    expect(client.bookmarkItems).toHaveBeenCalledExactlyOnceWith([
      { kind: 'message', key: 'Data/x/bob/1.eml' }, { kind: 'log-session', key: 's1' }, { kind: 'account', key: 'carol@x.example' },
    ]);
  });

  it('exports the picked events, not their items, in the columns given, through the formula guard', async () => {
    const { save, selection } = setUp();
    const model = new TimelineModel(sqlClient(db));
    await model.open(1);
    selection.select(5, 'toggle', (i) => model.events.rowAt(i));
    selection.select(2, 'toggle', (i) => model.events.rowAt(i));
    const [utc, , type, description] = timelineEventColumns('UTC');
    await selection.exportCsv('selected.csv', [description, utc, type]);
    expect(save).toHaveBeenCalledExactlyOnceWith(
      'selected.csv',
      "Description,Time (UTC),Type\r\n'=logon-failed 5,2024-03-01 10:05:00,logon-failed\r\n'=file-modified 2,2024-03-01 10:02:00,file-modified\r\n",
      'text/csv',
    );
  });
});
