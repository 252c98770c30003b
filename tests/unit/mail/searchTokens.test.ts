import { describe, expect, it } from 'vitest';
import { messageSearchTokens, type SearchableMessage } from '../../../src/lib/mail/searchTokens.ts';

function message(text: string): SearchableMessage {
  return { path: '', subject: '', from: null, sender: null, replyTo: [], to: [], cc: [], bcc: [], headers: [], text, attachments: [] };
}

/** The rule written as a regex, for ASCII text: words, and runs joined by . @ + ' - with their words. */
function oracle(text: string): Set<string> {
  const out = new Set<string>();
  const cut = (t: string) => t.slice(0, 64);
  for (const run of text.toLowerCase().match(/[a-z0-9_]+(?:[.@+'-][a-z0-9_]+)*/g) ?? []) {
    const words = run.split(/[.@+'-]/);
    for (const w of words) out.add(cut(w));
    if (words.length > 1) out.add(cut(run));
  }
  return out;
}

function randomText(random: () => number, length: number): string {
  const alphabet = "abcXYZ019_.@+'- \t\n,;:!?()[]<>\"/=";
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(random() * alphabet.length)];
  return s;
}

function seeded(seed: number): () => number {
  let x = seed;
  return () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

/** The scan's own word hash, to build two words that share it. */
function wordHash(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h & 0x3fffffff;
}

describe('messageSearchTokens', () => {
  it('gives exactly the words and joined runs the rule names, on random ASCII text', () => {
    const random = seeded(7);
    for (let round = 0; round < 300; round++) {
      const text = randomText(random, 1 + Math.floor(random() * 400));
      expect(new Set(messageSearchTokens(message(text)))).toEqual(oracle(text));
    }
  });

  it('keeps both of two different words that share a hash', () => {
    const random = seeded(11);
    const byHash = new Map<number, string>();
    let pair: [string, string] | null = null;
    while (!pair) {
      const word = Array.from({ length: 7 }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 26)]).join('');
      const other = byHash.get(wordHash(word));
      if (other !== undefined && other !== word) pair = [other, word];
      else byHash.set(wordHash(word), word);
    }
    const tokens = messageSearchTokens(message(`${pair[0]} ${pair[1]} ${pair[0]} ${pair[1]}`));
    expect(tokens.sort()).toEqual([...pair].sort());
  });

  it('reads letters and digits of any script, and cuts long tokens to their beginning', () => {
    const tokens = messageSearchTokens(message(`Grüße aus Zürich: café-straße ${'x'.repeat(100)}`));
    expect(tokens).toEqual(expect.arrayContaining(['grüße', 'aus', 'zürich', 'café', 'straße', 'café-straße', 'x'.repeat(64)]));
    expect(tokens).not.toContain('x'.repeat(100));
  });
});
