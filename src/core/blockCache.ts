/**
 * A cache of facts about blocks of an article's text (word counts, keyword matches), so that while an
 * author types only the changed block is computed again. Two generations: a block found in the older
 * one moves to the current one, and when the current one holds `generationChars` characters it becomes
 * the older one. Blocks still in use survive every turn; memory stays bounded whatever was typed.
 */
import { detached } from './strings';

export class BlockCache<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();
  private currentChars = 0;

  constructor(
    private readonly generationChars = 512 * 1024,
    /** Longer blocks are computed every time rather than kept. */
    private readonly maxBlockLength = 64 * 1024,
  ) {}

  /** The value for `block`: cached, or made by `compute` (and cached). */
  get(block: string, compute: (block: string) => V): V {
    let value = this.current.get(block);
    if (value !== undefined) return value;
    if (block.length > this.maxBlockLength) return compute(block);
    value = this.previous.get(block) ?? compute(block);
    if (this.currentChars + block.length > this.generationChars) {
      this.previous = this.current;
      this.current = new Map();
      this.currentChars = 0;
    }
    // Detached: the block is a slice of the article, which the cache must not keep alive.
    this.current.set(detached(block), value);
    this.currentChars += block.length;
    return value;
  }

  clear(): void {
    this.current = new Map();
    this.previous = new Map();
    this.currentChars = 0;
  }
}
