export function zip64Extra(uncompressed: bigint | number, compressed: bigint | number): Buffer;
export interface RawZipFile {
  name: string;
  data: Uint8Array;
  method?: 0 | 8;
  extra?: Buffer;
  sizes32?: [number, number];
  flags?: number;
}
export interface RawZipRecord {
  name: Buffer;
  extra: Buffer;
  method: number;
  crc: number;
  csize: number;
  usize: number;
  offset: number;
  flags: number;
}
export function buildZip(files: RawZipFile[], options?: { records?: (records: RawZipRecord[]) => RawZipRecord[]; directoryOffsetDelta?: number; entriesInEnd?: number }): Buffer;
export function MESSAGE_TEXT(n: number, extraBody?: string): string;
export function messagePath(n: number): string;
