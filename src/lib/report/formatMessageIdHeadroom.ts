/**
 * How close hm_messages.messageid is to the 32-bit limits. The column is bigint since 4.0, but code and
 * clients that keep it in a 32-bit integer break at these values, so the Overview and the report show what is left.
 */

export const INT32_MAX = 2_147_483_647;
export const UINT32_MAX = 4_294_967_295;

export interface Headroom {
  limit: 'signed' | 'unsigned';
  max: number;
  left: number;
  /** Share of the range already used, 0..100 (may exceed 100 when the limit is already passed). */
  usedPercent: number;
}

export function messageIdHeadroom(maxMessageId: number): Headroom[] {
  return [
    { limit: 'signed', max: INT32_MAX },
    { limit: 'unsigned', max: UINT32_MAX },
  ].map(({ limit, max }) => ({
    limit: limit as Headroom['limit'],
    max,
    left: max - maxMessageId,
    usedPercent: (maxMessageId / max) * 100,
  }));
}

/** "1,045 (2,147,482,602 left to the signed 32-bit limit, < 0.01% used)": the Overview's and the report's wording. */
export function formatMessageIdHeadroom(maxMessageId: number): string {
  const signed = messageIdHeadroom(maxMessageId)[0];
  const used = signed.usedPercent < 0.01 ? '< 0.01' : signed.usedPercent.toFixed(2);
  return `${maxMessageId.toLocaleString('en-US')} (${signed.left.toLocaleString('en-US')} left to the signed 32-bit limit, ${used}% used)`;
}
