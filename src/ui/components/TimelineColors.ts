/**
 * Colours of the timeline's event types (histogram stacks and legend): distinct, readable on white,
 * assigned by the type's position in the case's type list so they stay put while zooming.
 */

const PALETTE = [
  '#1f5fbf', '#d9480f', '#2b8a3e', '#c2255c', '#7048e8', '#0b7285', '#e67700', '#5c940d',
  '#862e9c', '#364fc7', '#a61e4d', '#087f5b', '#495057', '#b08900', '#1864ab', '#c92a2a',
];

export function timelineColor(index: number): string {
  return PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length];
}
