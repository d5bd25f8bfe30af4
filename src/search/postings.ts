/** The plain data of {@link Postings}, as persisted: typed arrays only, so it loads without parsing. */
export interface PostingsData {
  /** Term id t's postings are entries offsets[t] … offsets[t + 1] - 1. */
  offsets: Uint32Array;
  /** Document of each entry, ascending within a term. */
  docs: Uint32Array;
  /** How often the term occurs in that document (capped at 255). */
  counts: Uint8Array;
  /** Terms in each document (capped at 65,535), for BM25 length normalisation. */
  lengths: Uint16Array;
}

/**
 * An inverted index in compressed-sparse-row form: for each term, the documents that contain it and how often.
 * Flat typed arrays: some bytes per entry, nothing for the garbage collector to trace.
 * @example
 * const builder = new PostingsBuilder();
 * builder.add([[0, 2], [1, 1]]);
 * builder.finish(Uint32Array.of(0, 1)).documents(0) // => Uint32Array [0]
 */
export class Postings {
  readonly data: PostingsData;
  readonly averageLength: number;

  constructor(data: PostingsData) {
    this.data = data;
    let total = 0;
    for (const length of data.lengths) total += length;
    this.averageLength = data.lengths.length > 0 ? Math.max(1, total / data.lengths.length) : 1;
  }

  get documentCount(): number {
    return this.data.lengths.length;
  }

  /** How many documents contain term `id`. */
  frequency(id: number): number {
    return this.data.offsets[id + 1]! - this.data.offsets[id]!;
  }

  /** The documents containing term `id`, ascending. */
  documents(id: number): Uint32Array {
    return this.data.docs.subarray(this.data.offsets[id]!, this.data.offsets[id + 1]!);
  }
}

/** A typed array that doubles when full. */
class Growable<T extends Uint32Array | Uint8Array | Uint16Array> {
  length = 0;
  constructor(public array: T, private readonly make: (size: number) => T) {}

  push(value: number): void {
    if (this.length === this.array.length) {
      const bigger = this.make(this.array.length * 2);
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length++] = value;
  }

  trimmed(): T {
    return this.array.slice(0, this.length) as T;
  }
}

/** Collects documents one at a time (document-major), then turns them into {@link Postings} (term-major). */
export class PostingsBuilder {
  readonly #terms = new Growable(new Uint32Array(1 << 16), (size) => new Uint32Array(size));
  readonly #counts = new Growable(new Uint8Array(1 << 16), (size) => new Uint8Array(size));
  readonly #starts = new Growable(new Uint32Array(1 << 10), (size) => new Uint32Array(size));
  readonly #lengths = new Growable(new Uint16Array(1 << 10), (size) => new Uint16Array(size));

  /** Adds the next document (ids count up from 0): its distinct terms (provisional ids) and their counts. */
  add(termCounts: Iterable<readonly [number, number]>, length?: number): void {
    this.#starts.push(this.#terms.length);
    let total = 0;
    for (const [term, count] of termCounts) {
      this.#terms.push(term);
      this.#counts.push(Math.min(count, 255));
      total += count;
    }
    this.#lengths.push(Math.min(length ?? total, 65_535));
  }

  /**
   * Adds the next document from a counter: its distinct terms `ids[0…size - 1]` (provisional ids) and each one's count
   * `counts[id]`; {@link add} without a pair per term.
   */
  addCounted(ids: ArrayLike<number>, size: number, counts: ArrayLike<number>, length: number): void {
    this.#starts.push(this.#terms.length);
    for (let i = 0; i < size; i += 1) {
      const id = ids[i]!;
      this.#terms.push(id);
      this.#counts.push(Math.min(counts[id]!, 255));
    }
    this.#lengths.push(Math.min(length, 65_535));
  }

  /** The postings, term ids renumbered through `remap` (provisional id → final id). */
  finish(remap: Uint32Array): Postings {
    const termCount = remap.length;
    const entries = this.#terms.length;
    const terms = this.#terms.array;
    const offsets = new Uint32Array(termCount + 1);
    for (let i = 0; i < entries; i += 1) offsets[remap[terms[i]!]! + 1]! += 1;
    for (let t = 0; t < termCount; t += 1) offsets[t + 1]! += offsets[t]!;
    const next = offsets.slice(0, termCount);
    const docs = new Uint32Array(entries);
    const counts = new Uint8Array(entries);
    const starts = this.#starts.array;
    const documents = this.#starts.length;
    for (let doc = 0; doc < documents; doc += 1) {
      const end = doc + 1 < documents ? starts[doc + 1]! : entries;
      for (let i = starts[doc]!; i < end; i += 1) {
        const slot = next[remap[terms[i]!]!]!++;
        docs[slot] = doc;
        counts[slot] = this.#counts.array[i]!;
      }
    }
    return new Postings({ offsets, docs, counts, lengths: this.#lengths.trimmed() });
  }
}
