/** SQL Server's binary datetime: 4 bytes signed days since 1900-01-01, 4 bytes 1/300-second ticks. */
export function sqlServerDateTime(bytes: Uint8Array, type: string): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let ms: number;
  if (type === 'datetime' && bytes.length === 8) {
    ms = view.getInt32(0) * 86_400_000 + Math.round((view.getUint32(4) * 1000) / 300);
  } else if (type === 'smalldatetime' && bytes.length === 4) {
    ms = view.getUint16(0) * 86_400_000 + view.getUint16(2) * 60_000;
  } else {
    return null;
  }
  const d = new Date(Date.UTC(1900, 0, 1) + ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}
