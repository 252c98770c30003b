/** Last segment of a Windows or POSIX path (ini values are Windows paths, evidence paths use `/`). */
export function baseName(path: string): string | null {
  const parts = path.split(/[\\/]/).filter((p) => p.length > 0);
  return parts.length > 0 ? parts[parts.length - 1] : null;
}
