/**
 * A deep copy of arrays and plain objects as plain values. Svelte's $state proxies cannot be structured-cloned,
 * so query arguments taken from state (a filter) are copied through this before they cross to a worker.
 */
export function plainData<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => plainData(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainData(v)])) as T;
  }
  return value;
}
