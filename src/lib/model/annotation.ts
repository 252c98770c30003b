/** The examiner's annotations as they cross to the page: which item, and the tag list with colours. */
export const ANNOTATION_KINDS = ['message', 'finding', 'log-session', 'account', 'inventory'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export interface AnnotatedItem {
  kind: AnnotationKind;
  /** message and inventory: the path; finding: its id; log-session: its key; account: its address. */
  key: string;
}

export interface TagSummary {
  name: string;
  colour: string | null;
  /** Items carrying the tag, of every kind. */
  count: number;
}
