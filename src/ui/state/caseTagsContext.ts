/** Hands the one CaseTags down to any view or row without threading it through every component's props. */
import { getContext, setContext } from 'svelte';
import type { CaseTags } from './caseTags.svelte.ts';

const KEY = Symbol('caseTags');

export const provideCaseTags = (tags: CaseTags): CaseTags => setContext(KEY, tags);
export const useCaseTags = (): CaseTags => getContext<CaseTags>(KEY);
