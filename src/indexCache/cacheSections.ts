import { close, closeSync, fstat, fstatSync, open, read as readAt, readSync, type Stats } from 'node:fs';
import { promisify } from 'node:util';
import type { PackedSnapshot } from './packSnapshot.js';

/**
 * The cache file's layout (issue #15): the packed snapshot's plain values as one JSON header, and its typed arrays'
 * bytes in three sections after it, each read back into a buffer of its own and the arrays made views into it (no
 * `v8.deserialize`, no copy):
 * - `library`: the search index's arrays, the articles' string ids, the string table and the chunks of the other
 *   strings (article fields, search terms): kept as long as the search index;
 * - `text`: the chunks of paragraph text, decoded when an article's paragraphs are first read, freed once all are;
 * - `quotes`: the quotations' ids and string chunks, unpacked when the quote index is first read, freed then.
 *
 * Bytes 0-7 are {@link MAGIC}, 8-11 the header's length (UTF-8 bytes, little-endian), then the header; each section
 * starts at a multiple of 8 bytes, as does each array inside it.
 */
const MAGIC = Buffer.from('newsdesk', 'latin1');
const PREFIX = MAGIC.length + 4;

/** The sections of a cache file (see above). */
export type CacheSection = 'library' | 'text' | 'quotes';
/** Every section, in the file's order. */
export const ALL_SECTIONS: readonly CacheSection[] = ['library', 'text', 'quotes'];

/** What the header holds beside the packed snapshot's plain values: where each section and typed array is. */
interface Header {
  /** Per section, its offset from the first (which starts after the header, at a multiple of 8) and its length in bytes. */
  sections: Record<CacheSection, [offset: number, length: number]>;
  /** Per typed array: its section, its offset in that section, its type and its length in elements. */
  arrays: [section: CacheSection, offset: number, type: ArrayType, length: number][];
  /** The packed snapshot, each typed array replaced by `{ [ARRAY_REF]: its index in arrays }`. */
  value: unknown;
}

const ARRAY_TYPES = { Uint8Array, Uint16Array, Uint32Array, Int32Array, Float64Array } as const;
type ArrayType = keyof typeof ARRAY_TYPES;
type Typed = InstanceType<(typeof ARRAY_TYPES)[ArrayType]>;
const ARRAY_REF = '\u0000array';

const align8 = (n: number): number => (n + 7) & ~7;

/** The type name a typed array is stored under (a Buffer is stored as a Uint8Array). */
function arrayType(view: ArrayBufferView): ArrayType {
  if (view instanceof Uint8Array) return 'Uint8Array';
  for (const name of Object.keys(ARRAY_TYPES) as ArrayType[]) if (view instanceof ARRAY_TYPES[name]) return name;
  throw new Error(`cache file: cannot store a ${view.constructor.name}`);
}

/** The section each typed array of `packed` goes to: the quotations' and the paragraph text's apart, the rest in `library`. */
function sectionsOf(packed: PackedSnapshot): Map<ArrayBufferView, CacheSection> {
  const sections = new Map<ArrayBufferView, CacheSection>();
  for (const chunk of packed.strings.chunks) if (chunk.group) sections.set(chunk.bytes, chunk.group);
  sections.set(packed.quotes, 'quotes');
  for (const json of [packed.quoteIndex.text, packed.quoteIndex.speakers]) if (json) sections.set(json.ids, 'quotes');
  return sections;
}

/**
 * The bytes of the cache file of `packed`, in order (header, then each section's arrays with their padding): for a
 * vectored write, not one copy of it all.
 * @example Buffer.concat(encodeCacheFile(packed)).subarray(0, 8).toString() // => 'newsdesk'
 */
export function encodeCacheFile(packed: PackedSnapshot): Uint8Array[] {
  const sectionOf = sectionsOf(packed);
  const parts: Record<CacheSection, Uint8Array[]> = { library: [], text: [], quotes: [] };
  const lengths: Record<CacheSection, number> = { library: 0, text: 0, quotes: 0 };
  const arrays: Header['arrays'] = [];
  const value: unknown = JSON.parse(
    JSON.stringify(packed, function (this: Record<string, unknown>, key, replaced: unknown) {
      // The holder's own value, not what toJSON made of it (a Buffer's toJSON lists its bytes).
      const raw = this[key];
      if (!ArrayBuffer.isView(raw)) return replaced;
      const section = sectionOf.get(raw) ?? 'library';
      const offset = lengths[section];
      const bytes = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
      parts[section].push(bytes);
      const padding = align8(bytes.byteLength) - bytes.byteLength;
      if (padding > 0) parts[section].push(new Uint8Array(padding));
      lengths[section] = offset + bytes.byteLength + padding;
      arrays.push([section, offset, arrayType(raw), (raw as Typed).length]);
      return { [ARRAY_REF]: arrays.length - 1 };
    }),
  );
  const sections = {} as Header['sections'];
  let at = 0;
  for (const section of ALL_SECTIONS) {
    sections[section] = [at, lengths[section]];
    at += lengths[section];
  }
  const header = Buffer.from(JSON.stringify({ sections, arrays, value } satisfies Header), 'utf8');
  const prefix = Buffer.alloc(PREFIX);
  MAGIC.copy(prefix);
  prefix.writeUInt32LE(header.byteLength, MAGIC.length);
  const gap = new Uint8Array(align8(PREFIX + header.byteLength) - PREFIX - header.byteLength);
  return [prefix, header, gap, ...ALL_SECTIONS.flatMap((section) => parts[section])];
}

/** A cache file read back (see {@link readCacheFile}): its header and the sections read so far. */
export interface CacheFileRead {
  file: string;
  header: Header;
  buffers: Partial<Record<CacheSection, Buffer>>;
  /** Where its sections start in the file. */
  first: number;
  /**
   * The file, kept open while a section is unread: a section read later comes from the file read first, whatever was
   * written over its path since (a reload writes a newer index by renaming over it). Null once closed.
   */
  fd: number | null;
  /** The file's size when read: a file cut short or grown in place since (not renamed over) is not read. */
  identity: string;
  /** Arrays of sections not read yet, to put in place once read: the object holding each, its key and its array index. */
  deferred: [holder: Record<string, unknown>, key: string, array: number][];
}

const identityOf = (stats: Stats): string => String(stats.size);
const openFile = promisify(open);
const readFileAt = promisify(readAt);
const closeFile = promisify(close);
const statFile = promisify(fstat);

/**
 * The files of reads whose sections were never all read (a library replaced before its quotations were used) are
 * closed once the read is collected.
 */
const openReads = new FinalizationRegistry<number>((fd) => close(fd, () => undefined));

/** Closes the file of `read` once every section is read. */
function closeWhenRead(read: CacheFileRead): void {
  if (read.fd === null || !ALL_SECTIONS.every((section) => read.buffers[section])) return;
  openReads.unregister(read);
  closeSync(read.fd);
  read.fd = null;
}

/**
 * Reads the cache file `file`: its header, then the `sections` asked for into a buffer each (on the thread pool, at
 * once); the others are read on first use ({@link completeSection}), the file kept open for them. The one read of a
 * cache file, for a persisted start (its library section only) and a worker's reload (all of them). Rejects when it
 * is not a cache file of this layout, is cut short, or an array lies outside its section.
 * @example (await readCacheFile('.newsdesk/cache/library.v8', ['library'])).buffers.library?.byteLength // => 11_456_552
 */
export async function readCacheFile(file: string, sections: readonly CacheSection[] = ALL_SECTIONS): Promise<CacheFileRead> {
  const fd = await openFile(file, 'r');
  let kept: CacheFileRead | null = null;
  try {
    const readExactly = async (length: number, position: number): Promise<Buffer> => {
      // Not from Buffer's shared pool: the arrays made views of it may be transferred to another thread.
      const buffer = Buffer.allocUnsafeSlow(length);
      const { bytesRead } = await readFileAt(fd, buffer, 0, length, position);
      if (bytesRead !== length) throw new Error('cache file: cut short');
      return buffer;
    };
    const stats = statFile(fd);
    const prefix = await readExactly(PREFIX, 0);
    if (!prefix.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('cache file: not a newsdesk index');
    const headerLength = prefix.readUInt32LE(MAGIC.length);
    const header = JSON.parse((await readExactly(headerLength, PREFIX)).toString('utf8')) as Header;
    const first = align8(PREFIX + headerLength);
    checkArrays(header);
    const buffers: CacheFileRead['buffers'] = {};
    await Promise.all(
      sections.map(async (section) => {
        const [offset, length] = header.sections[section];
        buffers[section] = await readExactly(length, first + offset);
      }),
    );
    // A file cut short in a section not read now is as damaged as one cut short in the others.
    const end = first + Math.max(...ALL_SECTIONS.map((section) => header.sections[section][0] + header.sections[section][1]));
    if ((await stats).size !== end) throw new Error('cache file: not of the length its header gives');
    const read: CacheFileRead = { file, header, buffers, first, fd, identity: identityOf(await stats), deferred: [] };
    if (ALL_SECTIONS.some((section) => !buffers[section])) {
      openReads.register(read, fd, read);
      kept = read;
    }
    return read;
  } finally {
    if (!kept) await closeFile(fd);
  }
}

/** Throws when an array of the header lies outside its section (a damaged file), read now or later. */
function checkArrays(header: Header): void {
  for (const [section, offset, type, length] of header.arrays) {
    const Type = ARRAY_TYPES[type];
    const size = header.sections[section]?.[1];
    if (!Type || size === undefined || offset % 8 !== 0 || offset + length * Type.BYTES_PER_ELEMENT > size) throw new Error('cache file: an array outside its section');
  }
}

/**
 * Reads `section` of a cache file read back without it, now (synchronously: for a value made on first read) from the
 * file read first, and puts its arrays in place in the packed snapshot made of it ({@link packedOf}). False, with
 * nothing changed, when it cannot be read or its size changed since (then the next call tries again).
 * @example completeSection(read, 'quotes') // => true; packed.quotes is now the quotations' ids
 */
export function completeSection(read: CacheFileRead, section: CacheSection): boolean {
  if (read.buffers[section]) return true;
  if (read.fd === null) return false;
  const [offset, length] = read.header.sections[section];
  const buffer = Buffer.allocUnsafeSlow(length);
  try {
    if (identityOf(fstatSync(read.fd)) !== read.identity) return false;
    if (readSync(read.fd, buffer, 0, length, read.first + offset) !== length) return false;
  } catch {
    return false;
  }
  read.buffers[section] = buffer;
  const arrays = read.header.arrays;
  read.deferred = read.deferred.filter(([holder, key, index]) => {
    if (arrays[index]![0] !== section) return true;
    holder[key] = arrayOf(read, index);
    return false;
  });
  closeWhenRead(read);
  return true;
}

/** Typed array `index` of the header, a view into its section's buffer; throws when it lies outside it. */
function arrayOf({ header, buffers }: CacheFileRead, index: number): Typed {
  const [section, offset, type, length] = header.arrays[index]!;
  const buffer = buffers[section]!;
  const Type = ARRAY_TYPES[type];
  if (!Type || offset % 8 !== 0 || offset + length * Type.BYTES_PER_ELEMENT > buffer.byteLength) throw new Error('cache file: an array outside its section');
  return new Type(buffer.buffer as ArrayBuffer, buffer.byteOffset + offset, length);
}

/**
 * The packed snapshot of a cache file read back, its typed arrays views into the section buffers; an array of a
 * section not read yet is empty until {@link completeSection} reads it. Throws when an array lies outside its section
 * (a damaged file).
 * @example packedOf(await readCacheFile(file)).key // => '9f2c…'
 */
export function packedOf(read: CacheFileRead): PackedSnapshot {
  const { header, buffers } = read;
  const revive = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i += 1) value[i] = revive(value[i]);
      return value;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      const index = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[ARRAY_REF] : undefined;
      if (typeof index !== 'number') record[key] = revive(item);
      else if (!header.arrays[index]) throw new Error('cache file: an unknown array');
      else if (buffers[header.arrays[index][0]]) record[key] = arrayOf(read, index);
      else {
        record[key] = new ARRAY_TYPES[header.arrays[index][2]](0);
        read.deferred.push([record, key, index]);
      }
    }
    return record;
  };
  return revive(header.value) as PackedSnapshot;
}
