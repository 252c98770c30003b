/** Characters of the body stored in case_messages.body_preview (shown when the evidence is not at hand). */
export const BODY_PREVIEW_CHARS = 512;
