import { describe, expect, it } from 'vitest';
import { ABBREVIATIONS, articleText, boundedDistance, foldTerm, splitSentences, words } from '../../src/text/index.js';

describe('the text layer', () => {
  it('splits words at anything but letters, digits and in-word apostrophes', () => {
    expect(words("Homs, Syria: 6,000 killed; Juppé's plan")).toEqual(['Homs', 'Syria', '6', '000', 'killed', "Juppé's", 'plan']);
  });

  it('folds a word: lower case, accents and possessive dropped', () => {
    expect(foldTerm("Thaçi's")).toBe('thaci');
  });

  it('does not end a sentence after a listed abbreviation or an initial', () => {
    expect(ABBREVIATIONS.has('mr')).toBe(true);
    expect(splitSentences('Mr. Smith met Seymour M. Hersh. He left.')).toEqual(['Mr. Smith met Seymour M. Hersh.', 'He left.']);
  });

  it('bounds the edit distance at max + 1', () => {
    expect(boundedDistance('shellng', 'shelling', 2)).toBe(1);
    expect(boundedDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  it('joins an article into one text, headline first', () => {
    expect(articleText({ headline: 'H', standfirst: 'S', paragraphs: [{ kind: 'body', text: 'P.' }] })).toBe('H\nS\nP.');
  });
});
