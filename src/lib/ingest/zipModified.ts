/**
 * Last-modified time of a zip entry. UTC extra fields (extended timestamp 0x5455, NTFS 0x000A) give an
 * ISO UTC string. The classic DOS field is the creating machine's wall-clock time in an unrecorded zone,
 * so it is returned as naive ISO without a zone (`2024-05-13T09:00:00`), never shifted by a guess.
 */
import type { EntryMetaData } from '@zip.js/zip.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function dosTime(raw: number): string | null {
  const date = raw >>> 16;
  const time = raw & 0xffff;
  const year = 1980 + (date >>> 9);
  const month = (date >>> 5) & 0x0f;
  const day = date & 0x1f;
  const hour = time >>> 11;
  const minute = (time >>> 5) & 0x3f;
  const second = (time & 0x1f) * 2;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

const validIso = (d: Date | undefined): string | null => (d && !Number.isNaN(d.getTime()) ? d.toISOString() : null);

export function zipModified(entry: Pick<EntryMetaData, 'rawLastModDate' | 'extraFieldExtendedTimestamp' | 'extraFieldNTFS'>): string | null {
  const utc = validIso(entry.extraFieldExtendedTimestamp?.lastModDate) ?? validIso(entry.extraFieldNTFS?.lastModDate);
  if (utc) return utc;
  return typeof entry.rawLastModDate === 'number' ? dosTime(entry.rawLastModDate) : null;
}
