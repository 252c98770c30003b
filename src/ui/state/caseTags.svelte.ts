/**
 * The case's tags for every view: the list with colours and counts (the tag manager), rename/merge and
 * colour changes, editors for any item's annotation, and a revision that moves on every change of the
 * examiner's work product (lists re-read their stars and tags; the autosave writes).
 */
import type { AnnotatedItem, AnnotationKind, TagSummary } from '../../lib/model/annotation.ts';
import type { TriageClient } from '../triageClient.ts';
import { AnnotationEditor } from './annotationEditor.svelte.ts';

export class CaseTags {
  tags = $state.raw<TagSummary[]>([]);
  /** Moves on every save, removal, bulk tag, rename and colour change. */
  revision = $state(0);
  error = $state<string | null>(null);
  readonly #client: TriageClient;

  constructor(client: TriageClient) {
    this.#client = client;
  }

  clear(): void {
    this.tags = [];
    this.error = null;
  }

  async load(): Promise<void> {
    try {
      this.tags = await this.#client.listTags();
      this.error = null;
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    }
  }

  colourOf(name: string): string | null {
    return this.tags.find((t) => t.name === name)?.colour ?? null;
  }

  /** Keys of the items of one kind that carry the tag (filter by tag in any view). */
  async keysWithTag(kind: AnnotationKind, tag: string): Promise<Set<string>> {
    return new Set((await this.#client.ask('taggedKeys', kind, tag)).rows.map((r) => String(r[0])));
  }

  editor(): AnnotationEditor {
    return new AnnotationEditor(this.#client, () => void this.changed());
  }

  async tagItems(items: AnnotatedItem[], tag: string): Promise<void> {
    if (items.length === 0) return;
    await this.#client.tagItems(items, tag);
    await this.changed();
  }

  async bookmarkItems(items: AnnotatedItem[]): Promise<void> {
    if (items.length === 0) return;
    await this.#client.bookmarkItems(items);
    await this.changed();
  }

  /** Renames a tag; onto an existing name it merges the two. */
  async rename(from: string, to: string): Promise<void> {
    await this.#client.renameTag(from, to);
    await this.changed();
  }

  async setColour(name: string, colour: string | null): Promise<void> {
    await this.#client.setTagColour(name, colour);
    await this.changed();
  }

  /** Work product changed somewhere (also a message bookmark saved by its own view). */
  async changed(): Promise<void> {
    this.revision++;
    await this.load();
  }
}
