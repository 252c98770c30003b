/**
 * A finding's key details as a small table of label → value: its references, then the first few plain
 * values of its details (texts, numbers, flags, short lists). Nested structures and long lists stay in
 * findings.json, so no finding prints as a JSON dump.
 */
import type { ReportFinding } from './reportModel.ts';

/** Rows shown per finding; findings.json holds the rest. */
const MAX_ROWS = 7;
/** List items shown in one cell. */
const MAX_LIST = 5;
/** Characters of one value; evidence text can be arbitrarily long. */
const MAX_VALUE = 180;

const REF_LABELS: Record<string, string> = { message: 'Message', account: 'Account', ip: 'IP address', file: 'File', setting: 'Setting' };

const TIME_TEXT = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/;

/**
 * "failuresBefore" → "Failures before"; "successUtc" → "Success (UTC)"; "firstLocal" → "First (server time)"
 * (the clock named only when the value is a time: "fromIsLocal" is a flag).
 */
export function detailLabel(key: string, value?: unknown): string {
  const isTime = typeof value === 'string' && TIME_TEXT.test(value);
  const zone = isTime && /Utc$/.test(key) ? ' (UTC)' : isTime && /Local$/.test(key) ? ' (server time)' : '';
  const words = (zone ? key.replace(/(Utc|Local)$/, '') : key).replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}${zone}`;
}

const clip = (text: string) => (text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text);

function plainValue(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return clip(value);
  if (typeof value === 'number') return value.toLocaleString('en-US');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    const shown = value.slice(0, MAX_LIST).map(String).join(', ');
    return clip(value.length > MAX_LIST ? `${shown} and ${value.length - MAX_LIST} more` : shown);
  }
  return null;
}

export function findingKeyDetails(f: ReportFinding): [string, string][] {
  const rows: [string, string][] = Object.entries(f.ref).map(([k, v]) => [REF_LABELS[k] ?? detailLabel(k), v]);
  for (const [key, value] of Object.entries(f.details)) {
    if (rows.length >= MAX_ROWS) break;
    const text = plainValue(value);
    if (text !== null && !Object.values(f.ref).includes(text)) rows.push([detailLabel(key, value), text]);
  }
  return rows;
}
