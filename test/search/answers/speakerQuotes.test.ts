/**
 * "What did X say": X is recognised through the quote index's speaker directory, and the quotations the index
 * attributes to X are the answers (on the shipped seeds, asked as the bot asks: with the quote index).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../../src/search/answers/index.js';
import { buildLibrary, type Library } from '../../../src/library.js';
import { foldName } from '../../../src/quotes/index.js';
import { plainText } from '../../../src/search/index.js';

let library: Library;
beforeAll(async () => {
  library = await buildLibrary('seeds');
});

/** Whether `text` holds the start of a quotation the quote index attributes to `speaker`. */
function quotesSpeaker(text: string, speaker: string): boolean {
  const folded = foldName(text);
  return library.quotes.quotesBy(speaker).some((quote) => folded.includes(foldName(quote.quote.slice(0, 40))));
}

describe('"what did X say" answers with the quotations the quote index attributes to X', () => {
  it('reads the subject of "what did X say about Y"', () => {
    expect(analyzeQuestion('what did Barack Obama say about Osama bin Laden?').about).toBe('Osama bin Laden');
    expect(analyzeQuestion('What did Gordon Brown tell the Labour spring conference?').about).toBe('the Labour spring conference');
    expect(analyzeQuestion('what did Barack Obama say').about).toBeNull();
  });

  it('"what did Obama say about Osama bin Laden" finds Barack Obama by surname and shows his words first', () => {
    const speaker = library.quotes.findSpeaker('Obama');
    expect(speaker?.name).toMatch(/Obama/u);
    const [first] = library.search.search('what did Obama say about Osama bin Laden', { quotes: library.quotes }).hits;
    expect(first).toBeDefined();
    expect(first!.answer).not.toBeNull();
    expect(quotesSpeaker(first!.answer!, speaker!.name)).toBe(true);
    expect(plainText(first!.excerpt).startsWith(first!.answer!) || plainText(first!.excerpt).includes(first!.answer!)).toBe(true);
  });

  it('returns at most `limit` articles, the speaker\'s read besides the ranked ones included', () => {
    const asked = { quotes: library.quotes, limit: 30 };
    expect(library.search.search('what did Obama say the conference?', asked).hits.length).toBeLessThanOrEqual(30);
    expect(library.search.search('what did Obama say the conference?', { ...asked, limit: 3 }).hits.length).toBeLessThanOrEqual(3);
  });

  it('does not take a speaker the directory spells closest but who shares no word with the name asked', () => {
    // "Nobodyknown" is nobody in the seeds: the answer comes from the text alone, as without the quote index.
    const question = 'what did Nobodyknown say about the Nike deal with Chelsea';
    const summary = (hits: { article: { id: string }; answer: string | null }[]) => hits.map((hit) => [hit.article.id, hit.answer]);
    expect(summary(library.search.search(question, { quotes: library.quotes }).hits)).toEqual(summary(library.search.search(question).hits));
  });
});

describe('a length is what "how tall" asks for', () => {
  it('"how tall is the eiffel tower" is not answered by the article naming the tower and "thousands of police"', () => {
    expect(library.search.search('how tall is the eiffel tower', { quotes: library.quotes }).hits).toEqual([]);
  });
});
