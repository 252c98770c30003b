/**
 * The autosave's shelf in the browser: IndexedDB of this page's origin, one record per set of evidence
 * (workProductKey). It holds only work product (bookmarks, tags, notes, case details), never evidence bytes.
 */
import type { WorkProduct } from '../lib/model/workProduct.ts';

const DB_NAME = 'hmail-triage-autosave';
const STORE = 'workProduct';

export interface SavedWorkProduct {
  key: string;
  savedAt: string;
  work: WorkProduct;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const req = work(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
    });
  } finally {
    db.close();
  }
}

export const workProductStore = {
  get: (key: string) => run<SavedWorkProduct | undefined>('readonly', (s) => s.get(key)),
  put: (record: SavedWorkProduct) => run<IDBValidKey>('readwrite', (s) => s.put(record)).then(() => undefined),
  remove: (key: string) => run<undefined>('readwrite', (s) => s.delete(key)),
};
export type WorkProductStore = typeof workProductStore;
