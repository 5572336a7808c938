/**
 * Typed slots that the layers above the parse fill in: a parsed version, its body and a document's
 * state each carry one `Cache`, and each module that computes something keeps it under a `CacheKey`
 * of its own, so the parse needs to know nothing of what is cached.
 */

/** A slot of a `Cache`; `T` is the type of the value it holds. */
export class CacheKey<T> {
  /** Only to tie `T` to the key; never set. */
  declare private readonly valueType: T;
  constructor(readonly name: string) {}
}

export class Cache {
  private readonly values = new Map<CacheKey<unknown>, unknown>();

  get<T>(key: CacheKey<T>): T | undefined {
    return this.values.get(key) as T | undefined;
  }

  set<T>(key: CacheKey<T>, value: T): T {
    this.values.set(key, value);
    return value;
  }

  /** The value under `key`, made by `create` the first time it is asked for. */
  ensure<T>(key: CacheKey<T>, create: () => T): T {
    if (this.values.has(key)) return this.values.get(key) as T;
    const value = create();
    this.values.set(key, value);
    return value;
  }
}
