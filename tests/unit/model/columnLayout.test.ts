import { describe, expect, it } from 'vitest';
import {
  arrangeColumns, columnChoices, columnLayoutsFromJson, EMPTY_COLUMN_LAYOUT, MAX_COLUMN_PX, MIN_COLUMN_PX, moveColumn, resizeColumn,
  toggleColumn, type ColumnLayout,
} from '../../../src/lib/model/columnLayout.ts';

const columns = ['date', 'from', 'to', 'subject'].map((key) => ({ key, label: key.toUpperCase() }));
const keys = columns.map((c) => c.key);
const layout = (over: Partial<ColumnLayout>): ColumnLayout => ({ ...EMPTY_COLUMN_LAYOUT, ...over });
const shownKeys = (l: ColumnLayout) => arrangeColumns(columns, l).map((c) => c.key);

describe('column layout', () => {
  it('keeps the table order without a layout', () => {
    expect(shownKeys(EMPTY_COLUMN_LAYOUT)).toEqual(keys);
  });

  it('puts the layout order first, then the columns it does not name, ignoring keys the table no longer has', () => {
    expect(shownKeys(layout({ order: ['subject', 'gone', 'from', 'subject'] }))).toEqual(['subject', 'from', 'date', 'to']);
  });

  it('hides chosen columns but never all of them', () => {
    expect(shownKeys(layout({ hidden: ['to'] }))).toEqual(['date', 'from', 'subject']);
    expect(shownKeys(layout({ hidden: [...keys] }))).toEqual(keys);
  });

  it('moves a column one place either way, and not past the ends', () => {
    const moved = moveColumn(keys, EMPTY_COLUMN_LAYOUT, 'to', -1);
    expect(shownKeys(moved)).toEqual(['date', 'to', 'from', 'subject']);
    expect(shownKeys(moveColumn(keys, moved, 'to', 1))).toEqual(keys);
    expect(moveColumn(keys, EMPTY_COLUMN_LAYOUT, 'date', -1)).toBe(EMPTY_COLUMN_LAYOUT);
    expect(moveColumn(keys, EMPTY_COLUMN_LAYOUT, 'subject', 1)).toBe(EMPTY_COLUMN_LAYOUT);
  });

  it('toggles a column, refusing to hide the last one shown', () => {
    const hidden = toggleColumn(keys, EMPTY_COLUMN_LAYOUT, 'from');
    expect(columnChoices(keys, hidden)).toEqual([
      { key: 'date', shown: true }, { key: 'from', shown: false }, { key: 'to', shown: true }, { key: 'subject', shown: true },
    ]);
    expect(toggleColumn(keys, hidden, 'from').hidden).toEqual([]);
    const one = layout({ hidden: ['date', 'from', 'to'] });
    expect(toggleColumn(keys, one, 'subject')).toBe(one);
  });

  it('clamps widths to a usable range', () => {
    expect(resizeColumn(EMPTY_COLUMN_LAYOUT, 'from', 3).widths.from).toBe(MIN_COLUMN_PX);
    expect(resizeColumn(EMPTY_COLUMN_LAYOUT, 'from', 1e6).widths.from).toBe(MAX_COLUMN_PX);
    expect(resizeColumn(EMPTY_COLUMN_LAYOUT, 'from', 200.4).widths.from).toBe(200);
  });

  it('reads damaged stored layouts as empty rather than failing the case', () => {
    expect(columnLayoutsFromJson(null)).toEqual({});
    expect(columnLayoutsFromJson('{not json')).toEqual({});
    expect(columnLayoutsFromJson('[1]')).toEqual({});
    expect(columnLayoutsFromJson('{"messages":5,"logs":{"order":"x","hidden":[1],"widths":{"a":"wide","b":90}}}')).toEqual({
      messages: EMPTY_COLUMN_LAYOUT,
      logs: { order: [], hidden: [], widths: { b: 90 } },
    });
  });
});
