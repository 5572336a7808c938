/**
 * A cache of facts about blocks of an article's text (word counts), so that while an author types only
 * the changed block is computed again. Two generations: a block found in the older one moves to the
 * current one, and when the current one holds its quota of characters it becomes the older one.
 * Blocks still in use survive every turn; memory stays bounded whatever was typed.
 */
import { detached } from '../text/strings';

interface Entry<V> {
  /** The block's text as stored (detached), so that moving it between generations copies nothing. */
  key: string;
  value: V;
}

/** The largest quota a generation grows to (for the longest articles): 8 M characters. */
const MAX_GENERATION_CHARS = 8 * 1024 * 1024;

export class BlockCache<V> {
  private current = new Map<string, Entry<V>>();
  private previous = new Map<string, Entry<V>>();
  private currentChars = 0;

  constructor(
    private generationChars = 512 * 1024,
    /** Longer blocks are computed every time rather than kept. */
    private readonly maxBlockLength = 64 * 1024,
  ) {}

  /**
   * Makes a generation large enough for a text of `length` characters, so that the blocks of one
   * long article do not push each other out on every pass.
   */
  fit(length: number): void {
    this.generationChars = Math.min(MAX_GENERATION_CHARS, Math.max(this.generationChars, 2 * length));
  }

  /** The value for `block`: cached, or made by `compute` (and cached). */
  get(block: string, compute: (block: string) => V): V {
    const cached = this.current.get(block);
    if (cached !== undefined) return cached.value;
    if (block.length > this.maxBlockLength) return compute(block);
    const entry = this.previous.get(block) ?? { key: detached(block), value: compute(block) };
    if (this.currentChars + block.length > this.generationChars) {
      this.previous = this.current;
      this.current = new Map();
      this.currentChars = 0;
    }
    // Detached: the block is a slice of the article, which the cache must not keep alive.
    this.current.set(entry.key, entry);
    this.currentChars += block.length;
    return entry.value;
  }

  clear(): void {
    this.current = new Map();
    this.previous = new Map();
    this.currentChars = 0;
  }
}
