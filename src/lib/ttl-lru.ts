/**
 * A bounded in-memory map whose entries expire: at most `maxEntries` entries and (optionally) a
 * total weight, evicting the least recently used first. The render cache and the listing cache
 * keep their entries in one each. Runtime-neutral; one per app instance.
 */
export class TtlLru<V> {
  // A Map iterates in insertion order; a hit re-inserts its key, so the first key is the least recently used.
  private readonly store = new Map<string, { value: V; expiresAt: number }>();
  private weight = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxWeight = Infinity,
    private readonly weightOf: (value: V) => number = () => 0,
  ) {}

  /** The value under `key` if it has not expired at `now` (ms), marking it as recently used. */
  get(key: string, now: number): V | undefined {
    const e = this.store.get(key);
    if (!e || e.expiresAt <= now) return undefined;
    this.store.delete(key);
    this.store.set(key, e);
    return e.value;
  }

  /** Stores `value` until `expiresAt` (ms), then evicts until both bounds hold. */
  set(key: string, value: V, expiresAt: number): void {
    this.delete(key);
    this.store.set(key, { value, expiresAt });
    this.weight += this.weightOf(value);
    while (this.store.size > this.maxEntries || this.weight > this.maxWeight) this.delete(this.store.keys().next().value as string);
  }

  /** Removes `key`, or only while it still holds `value` when that is given. */
  delete(key: string, value?: V): void {
    const e = this.store.get(key);
    if (!e || (value !== undefined && e.value !== value)) return;
    this.weight -= this.weightOf(e.value);
    this.store.delete(key);
  }
}
