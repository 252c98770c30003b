/** Hands the one ColumnLayouts down to every VirtualTable that names its table, without threading props. */
import { getContext, setContext } from 'svelte';
import type { ColumnLayouts } from './columnLayouts.svelte.ts';

const KEY = Symbol('columnLayouts');

export const provideColumnLayouts = (layouts: ColumnLayouts): ColumnLayouts => setContext(KEY, layouts);
/** Undefined outside the app (a table rendered on its own keeps its default columns). */
export const useColumnLayouts = (): ColumnLayouts | undefined => getContext<ColumnLayouts | undefined>(KEY);
