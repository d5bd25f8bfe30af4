import { describe, expect, it } from 'vitest';
import {
  ABBREVIATIONS,
  articleText,
  boundedDistance,
  compoundWordAt,
  foldTerm,
  foldText,
  sentenceBounds,
  splitSentences,
  TITLE_ABBREVIATIONS,
  wordAt,
  words,
} from '../../src/text/index.js';

describe('the text layer', () => {
  it('splits words at anything but letters, digits and in-word apostrophes', () => {
    expect(words("Homs, Syria: 6,000 killed; Juppé's plan")).toEqual(['Homs', 'Syria', '6', '000', 'killed', "Juppé's", 'plan']);
  });

  it('folds a word: lower case, accents and possessive dropped', () => {
    expect(foldTerm("Thaçi's")).toBe('thaci');
  });

  it('folds a text word by word with the same fold: one normalisation for names and quotations', () => {
    expect(foldText('  Mr Juppé\'s "moral stain", ')).toBe('mr juppe moral stain');
    expect(foldText("O'Brien")).toBe(foldText('OBrien'));
    expect(foldText('Leigh-Pemberton')).toBe('leigh pemberton');
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

  it('reads the compound word at an offset: words joined by apostrophes, hyphens and inner full stops', () => {
    expect(compoundWordAt('said al-Assad.', 5)).toBe('al-Assad');
    expect(compoundWordAt('the U.S. and', 4)).toBe('U.S');
    expect(compoundWordAt('the U.S. and', 3)).toBeNull();
    expect(words('al-Assad')).toEqual(['al', 'Assad']);
  });

  it('reads the word at an offset as words() splits text', () => {
    expect(wordAt('674 million mobiles were sold', 12)).toBe('mobiles');
    expect(wordAt('an 80-room hotel', 6)).toBe('room');
    expect(wordAt("the firm's shares", 4)).toBe("firm's");
    expect(wordAt('the U.S. and', 3)).toBeNull();
  });

  it('keeps the title abbreviations inside the one abbreviation list', () => {
    expect(TITLE_ABBREVIATIONS.has('sen')).toBe(true);
    expect(TITLE_ABBREVIATIONS.has('inc')).toBe(false);
    for (const title of TITLE_ABBREVIATIONS) expect(ABBREVIATIONS.has(title)).toBe(true);
  });

  it('does not end a sentence after an initialism or inside an unbroken range, but at a range that ends one', () => {
    expect(splitSentences('He moved to the U.S.A. Then he left.')).toEqual(['He moved to the U.S.A. Then he left.']);
    const text = '"Go. Now," said Sen. Tom Harkin. "Yes." Then he went.';
    const quotations = [
      { open: 0, end: 10 },
      { open: 33, end: 39 },
    ];
    expect(sentenceBounds(text, quotations).map((bounds) => text.slice(bounds.start, bounds.end))).toEqual([
      '"Go. Now," said Sen. Tom Harkin.',
      '"Yes."',
      'Then he went.',
    ]);
    expect(splitSentences(text)).toEqual(['"Go.', 'Now," said Sen. Tom Harkin.', '"Yes."', 'Then he went.']);
  });
});
