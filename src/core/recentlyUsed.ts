/** A map of bounded size that drops its least recently used entries first: what a lazily read index keeps. */
export class RecentlyUsed<K, V> {
  private readonly entries = new Map<K, V>();
  private total = 0;

  /** Holds entries up to `capacity`, each weighing `weigh(value)` (1 unless said otherwise). */
  constructor(
    private readonly capacity: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Map keeps insertion order: moving the entry to the end marks it as the most recently used.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    const previous = this.entries.get(key);
    if (previous !== undefined) {
      this.total -= this.weigh(previous);
      this.entries.delete(key);
    }
    this.entries.set(key, value);
    this.total += this.weigh(value);
    for (const [oldest, dropped] of this.entries) {
      // The newest entry stays, however much it weighs.
      if (this.total <= this.capacity || oldest === key) break;
      this.entries.delete(oldest);
      this.total -= this.weigh(dropped);
    }
  }
}
