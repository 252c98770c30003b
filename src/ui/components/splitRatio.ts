/** The share of the width the list takes in a SplitPane: kept between bounds so neither pane vanishes. */
export const SPLIT_MIN = 0.2;
export const SPLIT_MAX = 0.8;
/** How far one arrow key press moves the separator. */
export const SPLIT_STEP = 0.05;

export function clampSplit(ratio: number): number {
  if (!Number.isFinite(ratio)) return 0.5;
  return Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, ratio));
}
