/**
 * The bookmark, tags and note of one listed item (a finding, a log session, an account, an inventory row,
 * or a message): read from the case database, written through TriageClient; answers for an item no longer
 * shown are dropped.
 */
import type { AnnotatedItem } from '../../lib/model/annotation.ts';
import { queryRows } from '../queries/queryRows.ts';
import type { TriageClient } from '../triageClient.ts';

export interface Annotation {
  tags: string[];
  note: string;
  created: string | null;
}

const splitTags = (text: string): string[] => text.split(',').map((t) => t.trim()).filter(Boolean);

export class AnnotationEditor {
  item = $state.raw<AnnotatedItem | null>(null);
  current = $state.raw<Annotation | null>(null);
  error = $state<string | null>(null);
  readonly #client: TriageClient;
  readonly #onChange: () => void;
  #token = 0;

  /** onChange hears every save or removal (work product changed: autosave, lists re-read). */
  constructor(client: TriageClient, onChange: () => void = () => {}) {
    this.#client = client;
    this.#onChange = onChange;
  }

  async show(item: AnnotatedItem | null): Promise<void> {
    const token = ++this.#token;
    this.item = item;
    this.current = null;
    this.error = null;
    if (item) await this.#read(item, token);
  }

  async save(tags: string, note: string): Promise<void> {
    const item = this.item;
    if (!item) return;
    await this.#client.setAnnotation(item, tags, note);
    this.#onChange();
    await this.#read(item, this.#token);
  }

  async remove(): Promise<void> {
    const item = this.item;
    if (!item) return;
    await this.#client.removeAnnotation(item);
    this.#onChange();
    if (item === this.item) this.current = null;
  }

  async #read(item: AnnotatedItem, token: number): Promise<void> {
    try {
      const [row] = queryRows(await this.#client.ask('annotation', item));
      if (token !== this.#token) return;
      this.current = row ? { tags: splitTags(String(row.tags ?? '')), note: String(row.note ?? ''), created: row.created_utc === null ? null : String(row.created_utc) } : null;
    } catch (err) {
      if (token === this.#token) this.error = err instanceof Error ? err.message : String(err);
    }
  }
}
