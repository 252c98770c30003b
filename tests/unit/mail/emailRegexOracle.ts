/** The regex extractIocs used to run over the whole body, kept as the oracle of emailsInText. */
const EMAIL_RE = /[a-z0-9][a-z0-9._%+-]{0,63}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\b/gi;

export function emailsViaRegex(text: string): string[] {
  return [...text.matchAll(EMAIL_RE)].map((m) => m[0]);
}
