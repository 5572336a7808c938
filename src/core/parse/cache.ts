/**
 * Typed slots that the layers above the parse fill in: a parsed version, its body and a document's
 * state each carry one `Cache`, and each module that computes something keeps it under a `CacheKey`
 * of its own, so the parse needs to know nothing of what is cached.
 */

let nextSlot = 0;

/** A slot of a `Cache`; `T` is the type of the value it holds (never undefined: absent is undefined). */
export class CacheKey<T extends {} | null> {
  /** Only to tie `T` to the key; never set. */
  declare private readonly valueType: T;
  /** The key's index in every cache: an array read, not a map lookup, on the hot paths. */
  readonly slot = nextSlot++;
  constructor(readonly name: string) {}
}

export class Cache {
  private readonly values: unknown[] = [];

  get<T extends {} | null>(key: CacheKey<T>): T | undefined {
    return this.values[key.slot] as T | undefined;
  }

  set<T extends {} | null>(key: CacheKey<T>, value: T): T {
    this.values[key.slot] = value;
    return value;
  }

  /** The value under `key`, made by `create` the first time it is asked for. */
  ensure<T extends {} | null>(key: CacheKey<T>, create: () => T): T {
    const known = this.values[key.slot] as T | undefined;
    if (known !== undefined) return known;
    const value = create();
    this.values[key.slot] = value;
    return value;
  }
}
