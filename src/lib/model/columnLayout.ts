/**
 * The examiner's column layout of one table (which columns show, in what order, how wide), saved in the
 * case (case_meta column_layouts) so a reopened case looks as it was left. Keys are the tables' column keys;
 * a key the table no longer has is ignored and a column the layout does not name keeps its default place.
 */
export interface ColumnLayout {
  /** Column keys in the examiner's order; columns not listed follow in the table's own order. */
  order: string[];
  hidden: string[];
  /** Widths in CSS pixels set by dragging or the arrow keys; other columns keep their default track. */
  widths: Record<string, number>;
}

export const EMPTY_COLUMN_LAYOUT: ColumnLayout = { order: [], hidden: [], widths: {} };

export const MIN_COLUMN_PX = 48;
export const MAX_COLUMN_PX = 1200;

const clampWidth = (px: number): number => Math.round(Math.min(MAX_COLUMN_PX, Math.max(MIN_COLUMN_PX, px)));

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** A stored layout, or the empty one when the value is damaged (a case file edited by hand, an old release). */
export function columnLayoutFrom(value: unknown): ColumnLayout {
  if (typeof value !== 'object' || value === null) return EMPTY_COLUMN_LAYOUT;
  const v = value as Record<string, unknown>;
  const widths: Record<string, number> = {};
  if (typeof v.widths === 'object' && v.widths !== null) {
    for (const [key, px] of Object.entries(v.widths)) if (typeof px === 'number' && Number.isFinite(px)) widths[key] = clampWidth(px);
  }
  return { order: isStrings(v.order) ? v.order : [], hidden: isStrings(v.hidden) ? v.hidden : [], widths };
}

/** Every table's layout from the case_meta JSON; damaged entries read as empty, damaged JSON as none. */
export function columnLayoutsFromJson(text: string | null): Record<string, ColumnLayout> {
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  return Object.fromEntries(Object.entries(parsed).map(([table, layout]) => [table, columnLayoutFrom(layout)]));
}

/** The table's keys in layout order: the layout's known keys first, then the rest in the table's order. */
function orderedKeys(keys: readonly string[], layout: ColumnLayout): string[] {
  const known = new Set(keys);
  const first = layout.order.filter((k, i) => known.has(k) && layout.order.indexOf(k) === i);
  const placed = new Set(first);
  return [...first, ...keys.filter((k) => !placed.has(k))];
}

/** The columns to show, in order; a layout that hides every column shows them all rather than an empty table. */
export function arrangeColumns<C extends { key: string }>(columns: readonly C[], layout: ColumnLayout): C[] {
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const ordered = orderedKeys(columns.map((c) => c.key), layout).map((k) => byKey.get(k) as C);
  const shown = ordered.filter((c) => !layout.hidden.includes(c.key));
  return shown.length > 0 ? shown : ordered;
}

/** Every column of the table in layout order with whether it shows: what the column chooser lists. */
export function columnChoices(keys: readonly string[], layout: ColumnLayout): { key: string; shown: boolean }[] {
  return orderedKeys(keys, layout).map((key) => ({ key, shown: !layout.hidden.includes(key) }));
}

/** Moves a column one place earlier (-1) or later (+1) among all of the table's columns. */
export function moveColumn(keys: readonly string[], layout: ColumnLayout, key: string, delta: -1 | 1): ColumnLayout {
  const order = orderedKeys(keys, layout);
  const at = order.indexOf(key);
  const to = at + delta;
  if (at < 0 || to < 0 || to >= order.length) return layout;
  [order[at], order[to]] = [order[to], order[at]];
  return { ...layout, order };
}

/** Shows or hides a column; the last shown column cannot be hidden. */
export function toggleColumn(keys: readonly string[], layout: ColumnLayout, key: string): ColumnLayout {
  if (layout.hidden.includes(key)) return { ...layout, hidden: layout.hidden.filter((k) => k !== key) };
  const shown = keys.filter((k) => !layout.hidden.includes(k));
  if (!keys.includes(key) || (shown.length === 1 && shown[0] === key)) return layout;
  return { ...layout, hidden: [...layout.hidden, key] };
}

export function resizeColumn(layout: ColumnLayout, key: string, px: number): ColumnLayout {
  return { ...layout, widths: { ...layout.widths, [key]: clampWidth(px) } };
}
