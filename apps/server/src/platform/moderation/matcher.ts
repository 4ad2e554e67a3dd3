import { normalizeText, normalizeWord } from './normalize.js';

export type WordAction = 'block' | 'review' | 'mask';
export type DictionaryEntry = { word: string; category: string; action: WordAction };
export type WordHit = DictionaryEntry & { start: number; end: number };

type Node = { next: Map<string, number>; fail: number; out: number[] };

/**
 * Aho-Corasick multi-pattern matcher over normalised text: one pass per text whatever the size
 * of the dictionary. Hits carry positions in the ORIGINAL text (end exclusive).
 */
export class WordMatcher {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];
  private readonly entries: (DictionaryEntry & { length: number })[] = [];

  constructor(entries: readonly DictionaryEntry[]) {
    for (const e of entries) this.add(e);
    this.link();
  }

  get size(): number {
    return this.entries.length;
  }

  private add(entry: DictionaryEntry): void {
    const key = normalizeWord(entry.word);
    if (!key) return;
    let node = 0;
    for (const ch of key) {
      const cur = this.nodes[node];
      if (!cur) throw new Error('matcher node missing');
      let nxt = cur.next.get(ch);
      if (nxt === undefined) {
        nxt = this.nodes.length;
        this.nodes.push({ next: new Map(), fail: 0, out: [] });
        cur.next.set(ch, nxt);
      }
      node = nxt;
    }
    this.nodes[node]?.out.push(this.entries.length);
    this.entries.push({ ...entry, length: [...key].length });
  }

  private link(): void {
    const queue: number[] = [];
    for (const child of this.nodes[0]?.next.values() ?? []) queue.push(child);
    for (let qi = 0; qi < queue.length; qi++) {
      const id = queue[qi] ?? 0;
      const node = this.nodes[id];
      if (!node) continue;
      for (const [ch, child] of node.next) {
        queue.push(child);
        let f = node.fail;
        while (f !== 0 && !this.nodes[f]?.next.has(ch)) f = this.nodes[f]?.fail ?? 0;
        const target = this.nodes[f]?.next.get(ch);
        const childNode = this.nodes[child];
        if (!childNode) continue;
        childNode.fail = target !== undefined && target !== child ? target : 0;
        childNode.out.push(...(this.nodes[childNode.fail]?.out ?? []));
      }
    }
  }

  /**
   * The goto function, completed lazily into a DFA: a transition found through the failure
   * chain is remembered on the node, so each (state, char) pair walks the chain once.
   */
  private step(state: number, ch: string): number {
    const node = this.nodes[state];
    if (!node) return 0;
    const direct = node.next.get(ch);
    if (direct !== undefined) return direct;
    if (state === 0) return 0;
    const target = this.step(node.fail, ch);
    if (target !== 0) node.next.set(ch, target);
    return target;
  }

  /** Every dictionary word found in the text, left to right. */
  scan(input: string): WordHit[] {
    const { text, origin } = normalizeText(input);
    const chars = [...text];
    const hits: WordHit[] = [];
    let state = 0;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i] ?? '';
      state = this.step(state, ch);
      for (const idx of this.nodes[state]?.out ?? []) {
        const e = this.entries[idx];
        if (!e) continue;
        const first = origin[i - e.length + 1] ?? 0;
        const last = origin[i] ?? 0;
        hits.push({
          word: e.word,
          category: e.category,
          action: e.action,
          start: first,
          end: last + ((input.codePointAt(last) ?? 0) > 0xffff ? 2 : 1),
        });
      }
    }
    return hits;
  }
}

/** Replace the letters and digits inside each hit's span with '*'. */
export function maskHits(input: string, hits: readonly WordHit[]): string {
  if (hits.length === 0) return input;
  const chars = input.split('');
  for (const h of hits) for (let i = h.start; i < h.end; i++) if (/[\p{L}\p{N}]/u.test(chars[i] ?? '')) chars[i] = '*';
  return chars.join('');
}
