/**
 * The examples of issue #10, tried as a new user would on the shipped seeds: the answering sentence comes first, the
 * answer is in bold, unrelated articles are not passed off as answers, and "brexit" finds the EU referendum.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLibrary, type Library } from '../../../src/library.js';
import { plainText } from '../../../src/search/index.js';

let library: Library;
beforeAll(async () => {
  library = await buildLibrary('seeds');
});

/** The first sentence of the first result's excerpt, as plain text. */
function firstSentence(question: string): string {
  const [first] = library.search.search(question).hits;
  expect(first, `a result for "${question}"`).toBeDefined();
  return plainText(first!.excerpt).split(/(?<=[.!?])\s/u)[0]!;
}

describe('/ask answers the question (issue #10, on the shipped seeds)', () => {
  it('"what did Peter Andren die of?" leads with the sentence naming pancreatic cancer', () => {
    const [first] = library.search.search('what did Peter Andren die of?').hits;
    expect(first!.article.headline).toMatch(/Peter Andren/u);
    expect(firstSentence('what did Peter Andren die of?')).toContain('pancreatic cancer');
  });

  it('"how much is the Nike deal with Chelsea worth" answers £60 million, in bold, not the Adidas deal', () => {
    const [first] = library.search.search('how much is the Nike deal with Chelsea worth').hits;
    expect(first!.answer).toBe('£60 million');
    expect(first!.excerpt).toContain('**£60 million**');
    expect(firstSentence('how much is the Nike deal with Chelsea worth')).not.toContain('Adidas');
  });

  it('"who is the prime minister of Kosovo?" answers Hashim Thaçi first, not the deputy prime minister', () => {
    const [first] = library.search.search('who is the prime minister of Kosovo?').hits;
    expect(first!.answer).toBe('Hashim Thaçi');
    expect(firstSentence('who is the prime minister of Kosovo?')).not.toMatch(/deputy/iu);
  });

  it('"why did european airspace close?" puts the Iceland volcano ash articles first, not 9/11', () => {
    const hits = library.search.search('why did european airspace close?').hits.slice(0, 2);
    expect(hits).toHaveLength(2);
    for (const hit of hits) expect(hit.article.paragraphs.map((p) => p.text).join(' ')).toMatch(/volcan\w* in Iceland/u);
  });

  it.each(['what is the capital of Mongolia?', 'bitcoin price crash'])('"%s" answers that nothing matches', (question) => {
    expect(library.search.search(question).hits).toEqual([]);
  });

  it('"brexit" finds "Britain votes to leave the European Union"', () => {
    const [first] = library.search.search('brexit').hits;
    expect(first!.article.headline).toBe('Britain votes to leave the European Union');
  });
});
