/** Rows some of the views' named queries list at most: the store cuts there, and the page says so beside the list. */

/** Relatives listed per message: a mailing-list thread can hold thousands. */
export const RELATED_LIMIT = 200;

/** Rows in each mail-flow top list: enough to see the pattern; the SQL console has the full counts. */
export const TOP_LIMIT = 50;
