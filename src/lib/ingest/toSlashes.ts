/** Inventory paths use forward slashes whatever the archive or the browser wrote. */
export const toSlashes = (path: string) => path.replace(/\\/g, '/');
