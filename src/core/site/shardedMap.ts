/**
 * A Map from string keys split into shards by a hash of the key's end. A Map grows by copying all
 * its entries at once: at 65,536 articles the site model's maps doubled in one update, 22 ms with
 * the editor's indexing loop unable to yield (and twice the entries to copy at the next doubling).
 * Split in 16, each shard grows alone, a sixteenth of that, at a different article. Iteration
 * follows the shards, not insertion.
 */
const SHARDS = 16;

/** Paths and lookup keys differ mostly at their end: hash the last characters and the length. */
function shardOf(key: string): number {
  let hash = key.length;
  for (let index = Math.max(0, key.length - 12); index < key.length; index++) hash = (Math.imul(hash, 31) + key.charCodeAt(index)) | 0;
  return (hash ^ (hash >>> 7)) & (SHARDS - 1);
}

export class ShardedMap<V> {
  private readonly shards = Array.from({ length: SHARDS }, () => new Map<string, V>());
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(key: string): V | undefined {
    return this.shards[shardOf(key)].get(key);
  }

  has(key: string): boolean {
    return this.shards[shardOf(key)].has(key);
  }

  set(key: string, value: V): void {
    const shard = this.shards[shardOf(key)];
    const before = shard.size;
    shard.set(key, value);
    this.count += shard.size - before;
  }

  delete(key: string): boolean {
    const deleted = this.shards[shardOf(key)].delete(key);
    if (deleted) this.count--;
    return deleted;
  }

  *keys(): IterableIterator<string> {
    for (const shard of this.shards) yield* shard.keys();
  }

  *values(): IterableIterator<V> {
    for (const shard of this.shards) yield* shard.values();
  }
}
