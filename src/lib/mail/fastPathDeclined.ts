/**
 * Thrown inside the fast MIME path when a message holds something it cannot decode exactly as
 * postal-mime would; parseMessage then hands the message to postal-mime. The message says why, so
 * the split can be counted by reason.
 */
export class FastPathDeclined extends Error {
  override name = 'FastPathDeclined';
}
