import { describe, expect, it } from 'vitest';
import { PostingsBuilder } from '../../src/search/postings.js';

describe('PostingsBuilder.finish', () => {
  it('returns each term\'s documents in ascending order with their counts, under the remapped ids', () => {
    const builder = new PostingsBuilder();
    builder.add([[0, 2], [1, 1]]);
    builder.add([[1, 3]]);
    builder.add([[2, 300], [0, 1]]);
    // Provisional ids 0, 1, 2 become 2, 0, 1.
    const postings = builder.finish(Uint32Array.of(2, 0, 1));
    expect([...postings.documents(2)]).toEqual([0, 2]);
    expect([...postings.documents(0)]).toEqual([0, 1]);
    expect([...postings.documents(1)]).toEqual([2]);
    expect(postings.frequency(0)).toBe(2);
    expect([...postings.data.counts.subarray(postings.data.offsets[1]!, postings.data.offsets[2]!)]).toEqual([255]);
    // Lengths count every occurrence; only a single count is capped to fit a byte.
    expect([...postings.data.lengths]).toEqual([3, 3, 301]);
  });
});
