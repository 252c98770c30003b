/**
 * The Messages tab's search tools beside the filter bar: what the current search found (or why it is not
 * a valid query), saved searches, a keyword list's hits per term and per message, and the hash sets
 * checked against the case. Everything is asked of the case database; answers for an older case or query
 * are dropped.
 */
import type { HashSetVerdict } from '../../lib/hashset/hashSetFinding.ts';
import type { HashSetSummary } from '../../lib/store/hashSetHits.ts';
import type { KeywordTermHits } from '../../lib/store/keywordHits.ts';
import type { SearchOutcome } from '../../lib/store/searchHits.ts';
import { asNumber, asText, queryRows } from '../queries/queryRows.ts';
import type { TriageClient } from '../triageClient.ts';

export interface SavedSearch {
  name: string;
  query: string;
}

export interface KeywordMessage {
  path: string;
  subject: string;
  terms: string;
}

export interface LoadedHashSet {
  name: string;
  verdict: HashSetVerdict;
  format: string;
  hashes: number;
  hits: number;
}

/** Messages shown under a keyword list (the CSV export has them all). */
export const KEYWORD_MESSAGES_SHOWN = 200;

export class SearchTools {
  outcome = $state.raw<SearchOutcome | null>(null);
  saved = $state.raw<SavedSearch[]>([]);
  keywordTerms = $state.raw<KeywordTermHits[]>([]);
  keywordMessages = $state.raw<KeywordMessage[]>([]);
  /** Terms left out of the last list (above MAX_KEYWORDS). */
  keywordsDropped = $state(0);
  hashSets = $state.raw<LoadedHashSet[]>([]);
  lastHashSet = $state.raw<HashSetSummary | null>(null);
  busy = $state(false);
  readonly #client: TriageClient;
  readonly #onFindingsChange: () => void;
  #query = '';

  /** onFindingsChange hears that a hash set added or removed findings. */
  constructor(client: TriageClient, onFindingsChange: () => void = () => {}) {
    this.#client = client;
    this.#onFindingsChange = onFindingsChange;
  }

  /** A new case: forgets the previous one's results and reads this one's saved searches and hash sets. */
  async open(): Promise<void> {
    this.outcome = null;
    this.keywordTerms = [];
    this.keywordMessages = [];
    this.keywordsDropped = 0;
    this.lastHashSet = null;
    await Promise.all([this.#loadSaved(), this.#loadHashSets()]);
  }

  /** Asks what the search box's query found; the newest query wins. */
  async describe(query: string): Promise<void> {
    this.#query = query;
    const q = query.trim();
    const outcome = q ? await this.#client.searchOutcome(q) : null;
    if (this.#query === query) this.outcome = outcome;
  }

  async saveSearch(name: string, query: string): Promise<void> {
    await this.#client.saveSearch(name.trim(), query.trim());
    await this.#loadSaved();
  }

  async deleteSaved(name: string): Promise<void> {
    await this.#client.deleteSavedSearch(name);
    await this.#loadSaved();
  }

  /** Runs the list pasted or loaded (one term per line) over the case. */
  async runKeywords(text: string): Promise<void> {
    this.busy = true;
    try {
      const list = await this.#client.runKeywordList(text);
      this.keywordTerms = list.terms;
      this.keywordsDropped = list.dropped;
      const rows = queryRows(await this.#client.ask('keywordMessages', KEYWORD_MESSAGES_SHOWN));
      this.keywordMessages = rows.map((r) => ({ path: asText(r.path), subject: asText(r.subject), terms: asText(r.terms) }));
    } finally {
      this.busy = false;
    }
  }

  keywordCsv(): Promise<string> {
    return this.#client.keywordHitsCsv();
  }

  async loadHashSet(file: File, verdict: HashSetVerdict): Promise<void> {
    this.busy = true;
    try {
      this.lastHashSet = await this.#client.loadHashSet(file.name, verdict, file);
      await this.#loadHashSets();
      this.#onFindingsChange();
    } finally {
      this.busy = false;
    }
  }

  async removeHashSet(name: string): Promise<void> {
    await this.#client.removeHashSet(name);
    if (this.lastHashSet?.name === name) this.lastHashSet = null;
    await this.#loadHashSets();
    this.#onFindingsChange();
  }

  async #loadSaved(): Promise<void> {
    this.saved = queryRows(await this.#client.ask('savedSearches')).map((r) => ({ name: asText(r.name), query: asText(r.query) }));
  }

  async #loadHashSets(): Promise<void> {
    this.hashSets = queryRows(await this.#client.ask('hashSets')).map((r) => ({
      name: asText(r.name),
      verdict: asText(r.verdict) === 'good' ? 'good' : 'bad',
      format: asText(r.format),
      hashes: asNumber(r.hashes) ?? 0,
      hits: asNumber(r.hits) ?? 0,
    }));
  }
}
