import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/index.js';
import { makeArticle } from '../support/makeArticle.js';

const speakers = (paragraphs: string[]) => extractQuotes(makeArticle(paragraphs)).filter((q) => q.kind !== 'indirect').map(({ quote, speaker }) => [quote, speaker]);

describe('extractQuotes: names with joined Arabic articles and surnames that are titles', () => {
  it('returns the full name for a surname written with or without "al-"', () => {
    expect(speakers([
      'Prime Minister Nouri al-Maliki has been in Basra since Monday.',
      '"Otherwise, they will face the most severe penalties," Maliki said in a televised statement.',
    ])).toEqual([['Otherwise, they will face the most severe penalties', 'Nouri al-Maliki']]);
  });

  it('returns a name that opens with "al-" after its role in an appositive or after "according to"', () => {
    expect(speakers([
      '"There are ongoing negotiations," Harith al-Ithari, head of al-Sadr\'s Basra office, told Reuters.',
      'According to Iraqi political analyst Hazem al-Nuaeimi, Sadr is a thorn in the side of other groups. "There is a need to act," he said.',
    ])).toEqual([['There are ongoing negotiations', 'Harith al-Ithari'], ['There is a need to act', 'Hazem al-Nuaeimi']]);
  });

  it('returns the person for a surname that is also a title ("King says") once the article named them', () => {
    expect(speakers([
      'JK, also known as Jason King, takes over the show.',
      '"The advantage is ours," King says. "So listeners will win," says King, 30.',
    ])).toEqual([['The advantage is ours', 'Jason King'], ['So listeners will win', 'Jason King']]);
    // Without a name, a title alone is still no one.
    expect(speakers(['"We will act," the King said.'])).toEqual([['We will act', null]]);
  });
});
