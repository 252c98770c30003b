import { describe, expect, it, vi } from 'vitest';
import type { WorkProduct } from '../../src/lib/model/workProduct.ts';
import { Autosave } from '../../src/ui/state/autosave.svelte.ts';
import type { SavedWorkProduct, WorkProductStore } from '../../src/ui/workProductStore.ts';
import { mockClient } from './mockClient.ts';

const H = 'c'.repeat(64);
const EMPTY: WorkProduct = { version: 1, bookmarks: [], annotations: [], tags: [], findingNotes: [], caseDetails: null };
const SOME: WorkProduct = { ...EMPTY, bookmarks: [{ path: 'a.eml', tags: 'x', note: '', created: null }] };

function memoryStore(initial: SavedWorkProduct[] = []) {
  const records = new Map(initial.map((r) => [r.key, r]));
  const store: WorkProductStore = {
    get: vi.fn(async (key: string) => records.get(key)),
    put: vi.fn(async (r: SavedWorkProduct) => void records.set(r.key, r)),
    remove: vi.fn(async (key: string) => void records.delete(key)),
  };
  return { store, records };
}

function clientWith(current: WorkProduct) {
  return mockClient({
    query: vi.fn(async () => ({ columns: ['sha256'], rows: [[H]] })),
    workProduct: vi.fn(async () => current),
  });
}

describe('Autosave', () => {
  it('offers the work saved for the same evidence when the case has none, and restores it', async () => {
    const { store } = memoryStore([{ key: `evidence:${H}`, savedAt: '2026-01-01T00:00:00.000Z', work: SOME }]);
    const client = clientWith(EMPTY);
    const restored = vi.fn(async () => {});
    const autosave = new Autosave(client, store, restored);
    await autosave.open();
    expect(autosave.offer).toEqual({ savedAt: '2026-01-01T00:00:00.000Z', size: 1 });
    await autosave.restore();
    expect(client.restoreWorkProduct).toHaveBeenCalledWith(SOME);
    expect(restored).toHaveBeenCalled();
    expect(autosave.offer).toBeNull();
    expect(store.put).toHaveBeenCalledTimes(1);
  });

  it('offers nothing when the case already carries work (a reopened case file) or nothing was saved', async () => {
    const saved = { key: `evidence:${H}`, savedAt: 'x', work: SOME };
    const reopened = new Autosave(clientWith(SOME), memoryStore([saved]).store, async () => {});
    await reopened.open();
    expect(reopened.offer).toBeNull();
    const fresh = new Autosave(clientWith(EMPTY), memoryStore().store, async () => {});
    await fresh.open();
    expect(fresh.offer).toBeNull();
  });

  it('saves under the evidence key, and is unsaved only while a write is pending or after it failed', async () => {
    const { store, records } = memoryStore();
    const autosave = new Autosave(clientWith(SOME), store, async () => {});
    await autosave.open();
    const writing = autosave.save();
    expect(autosave.unsaved).toBe(true);
    await writing;
    expect(autosave.unsaved).toBe(false);
    expect(records.get(`evidence:${H}`)?.work).toEqual(SOME);
    vi.mocked(store.put).mockRejectedValueOnce(new Error('quota exceeded'));
    await autosave.save();
    expect(autosave.error).toBe('Autosave failed: quota exceeded');
    expect(autosave.unsaved).toBe(true);
  });

  it('says so when IndexedDB refuses, and the rest goes on', async () => {
    const { store } = memoryStore();
    vi.mocked(store.get).mockRejectedValueOnce(new Error('denied'));
    const autosave = new Autosave(clientWith(EMPTY), store, async () => {});
    await autosave.open();
    expect(autosave.error).toBe('Autosave unavailable: denied');
    expect(autosave.offer).toBeNull();
  });
});
