import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { IntKeyMap } from '../../src/quotes/intKeyMap.js';
import { JsonPartsError, toParts } from '../../src/quotes/jsonParts.js';
import { restoreTextIndex, restoringTextIndex } from '../../src/quotes/restoreTextIndex.js';

const options = { fields: ['quote'], storeFields: ['quote'] };
const quotes = [
  'We will not give up on the people of Syria',
  'The sanctions are a moral stain on all of us',
  'Nobody will give up',
  'A stain that will not wash out',
  'People of goodwill have spoken',
];
const built = () => {
  const index = new MiniSearch<{ id: number; quote: string }>(options);
  index.addAll(quotes.map((quote, id) => ({ id: id * 10, quote })));
  // A removal leaves dirt behind and a gap in the short ids: both must come back as they were.
  index.discard(20);
  return index;
};
const answers = (index: MiniSearch) => ['give up', 'stain', 'people syria', 'peple'].map((query) => index.search(query, { fuzzy: 0.2, prefix: true }));

describe('restoringTextIndex', () => {
  it('restores the index MiniSearch.loadJS restores, from small parts', () => {
    const index = built();
    const parts = toParts(index.toJSON(), 30);
    expect(parts.length).toBeGreaterThan(10);
    const restored = restoreTextIndex(parts, options);
    expect(restored.toJSON()).toEqual(MiniSearch.loadJS(index.toJSON(), options).toJSON());
    expect(answers(restored)).toEqual(answers(index));
    expect(restored.documentCount).toBe(4);
    expect(restored.has(30)).toBe(true);
    expect(restored.has(20)).toBe(false);
    // Its per-document maps are array-backed: a Map of 131,072+ entries rehashes in one long block as it grows.
    const fields = restored as unknown as Record<'_documentIds' | '_idToShortId' | '_fieldLength' | '_storedFields', Map<unknown, unknown>>;
    for (const name of ['_documentIds', '_idToShortId', '_fieldLength', '_storedFields'] as const) expect(fields[name]).toBeInstanceOf(IntKeyMap);
    // And it takes documents added after it was restored, as MiniSearch adds them.
    restored.add({ id: 50, quote: 'A new stain' });
    expect(restored.search('stain').map((result) => result.id)).toContain(50);
  });

  it('pauses within a part, not only between parts', () => {
    const many = new MiniSearch<{ id: number; quote: string }>(options);
    many.addAll(Array.from({ length: 3_000 }, (_, id) => ({ id, quote: `word${id % 7} common` })));
    const parts = toParts(many.toJSON());
    const steps = restoringTextIndex(parts, options);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses += 1;
    // 3,000 documents in each of three maps, and 3,000 postings of "common": far more pauses than parts.
    expect(pauses).toBeGreaterThan(parts.length + 5);
    expect(step.value.toJSON()).toEqual(MiniSearch.loadJS(many.toJSON(), options).toJSON());
  });

  it('reads an index saved whole, as an older version wrote it', () => {
    const index = built();
    expect(answers(restoreTextIndex(JSON.stringify(index), options))).toEqual(answers(index));
  });

  it('names a part that does not fit the first one', () => {
    const [head] = toParts(built().toJSON());
    const parts = [head!, '{"documentIds":[1]}'];
    expect(() => restoreTextIndex(parts, options)).toThrow(JsonPartsError);
    expect(() => restoreTextIndex(parts, options)).toThrow('part for "documentIds"');
  });
});
