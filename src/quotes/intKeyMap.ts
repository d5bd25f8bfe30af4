/** Marks an array slot of an {@link IntKeyMap} that holds no entry. */
const ABSENT: unique symbol = Symbol('absent');

/**
 * How far past its array's end an integer key may be and still go in the array (the slots between marked empty); a
 * key further out goes to the hash table, so that one large key does not make a large array.
 */
const MAX_GAP = 1 << 16;

const isIndex = (key: unknown): key is number => typeof key === 'number' && Number.isInteger(key) && key >= 0;

/**
 * A Map whose non-negative integer keys are array slots (the slot's index is the key) rather than hash-table entries;
 * other keys go to the hash table. A V8 Map holding 131,072 entries doubles its table on the next `set`, rehashing
 * every entry in one block: 35 ms of CPU on the bench machine, 70 ms at 262,144. On a reload at 100,000 articles each
 * of MiniSearch's per-document maps of the quotation index (217,000 entries, keyed by short id) was such a block. An
 * array grows by copying its slots: well under a millisecond at that size.
 * Iterates the integer keys of its array in ascending order, then the others (far integers too) in insertion order:
 * for keys set in ascending order (a MiniSearch index's short ids), the order of a Map.
 * @example const map = new IntKeyMap<number, string>(); map.set(2, 'b').set(0, 'a'); [...map.keys()] // => [0, 2]
 */
export class IntKeyMap<K, V> extends Map<K, V> {
  #slots: (V | typeof ABSENT)[] = [];
  /** Entries in the array. */
  #count = 0;

  /** Empty: Map's constructor would add given entries before this class's fields exist. */
  // biome-ignore lint/complexity/noUselessConstructor: it takes no entries, where Map's takes an iterable
  constructor() {
    super();
  }

  /** The slot of `key`, or -1 when it is not in the array (not an integer key, or beyond it). */
  #slot(key: K): number {
    return isIndex(key) && key < this.#slots.length && (super.size === 0 || !super.has(key)) ? key : -1;
  }

  override get(key: K): V | undefined {
    const slot = this.#slot(key);
    if (slot < 0) return super.get(key);
    const value = this.#slots[slot]!;
    return value === ABSENT ? undefined : value;
  }

  override has(key: K): boolean {
    const slot = this.#slot(key);
    return slot < 0 ? super.has(key) : this.#slots[slot] !== ABSENT;
  }

  override set(key: K, value: V): this {
    let slot = this.#slot(key);
    if (slot < 0 && isIndex(key) && key < this.#slots.length + MAX_GAP && !super.has(key)) {
      while (this.#slots.length < key) this.#slots.push(ABSENT);
      this.#slots.push(ABSENT);
      slot = key;
    }
    if (slot < 0) return super.set(key, value);
    if (this.#slots[slot] === ABSENT) this.#count += 1;
    this.#slots[slot] = value;
    return this;
  }

  override delete(key: K): boolean {
    const slot = this.#slot(key);
    if (slot < 0) return super.delete(key);
    if (this.#slots[slot] === ABSENT) return false;
    this.#slots[slot] = ABSENT;
    this.#count -= 1;
    return true;
  }

  override clear(): void {
    this.#slots = [];
    this.#count = 0;
    super.clear();
  }

  override get size(): number {
    return this.#count + super.size;
  }

  override *entries(): MapIterator<[K, V]> {
    for (let key = 0; key < this.#slots.length; key += 1) {
      const value = this.#slots[key]!;
      if (value !== ABSENT) yield [key as K, value];
    }
    yield* super.entries();
  }

  override *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  override *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  override forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}
