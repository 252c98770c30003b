/** A JSON object from a case column; anything else (damaged text, an array) reads as empty, so one bad row cannot stop a report. */
export function parseJsonObject(json: string): Record<string, unknown> {
  try {
    const v = JSON.parse(json || '{}') as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
