import { describe, expect, it } from 'vitest';
import { joinedWordPart, movedLetterVariants } from '../../src/search/expandTerm.js';
import { TermDictionary } from '../../src/search/termDictionary.js';
import { MATCH_QUALITY } from '../../src/search/termMatch.js';
import { dictionary, expanded } from '../support/expandedTerms.js';

describe('expandTerm', () => {
  it('matches a short word with a letter left out to the words one letter longer only', () => {
    const dict = dictionary(['duff', 'dug', 'due', 'ellen', 'elena', 'eden', 'faked', 'fake']);
    expect(expanded('duf', dict)).toEqual([['duff', MATCH_QUALITY.fuzzy]]);
    expect(expanded('elen', dict)).toEqual([['elena', MATCH_QUALITY.fuzzy], ['ellen', MATCH_QUALITY.fuzzy]]);
    // "faked" is one letter longer; "fake", its other form, comes with it.
    expect(expanded('fakd', dict)).toEqual([['fake', MATCH_QUALITY.fuzzy], ['faked', MATCH_QUALITY.fuzzy]]);
  });

  it('does not look for a left-out letter in a word the coverage uses, nor in two letters', () => {
    const dict = dictionary(['duff', 'duf', 'jcb']);
    expect(expanded('duf', dict)).toEqual([['duf', MATCH_QUALITY.exact]]);
    expect(expanded('jc', dict)).toEqual([]);
  });

  it('matches a word with a letter typed one or two places out of order', () => {
    const dict = dictionary(['spyware', 'price', 'castle']);
    expect(expanded('spywear', dict)).toEqual([['spyware', MATCH_QUALITY.fuzzy]]);
    expect(expanded('pirce', dict)).toEqual([['price', MATCH_QUALITY.fuzzy]]);
    expect(expanded('castel', dict)).toEqual([['castle', MATCH_QUALITY.fuzzy]]);
  });

  it('offers the other forms of a word the coverage uses, as little as a near spelling (issue #10)', () => {
    // "replaced" is answered by "his replacement" too, below the word as typed.
    const dict = dictionary(['replaced', 'replacement', 'replica']);
    expect(expanded('replaced', dict)).toEqual([
      ['replaced', MATCH_QUALITY.exact],
      ['replacement', MATCH_QUALITY.fuzzy],
    ]);
  });

  it('does not take a word the coverage uses for a slip of another', () => {
    const dict = dictionary(['trails', 'trials']);
    expect(expanded('trails', dict)).toEqual([['trails', MATCH_QUALITY.exact]]);
  });

  it('matches a misspelt word to the forms the coverage has of the word meant', () => {
    const dict = dictionary(['recommended', 'recommends', 'recommendation', 'record']);
    expect(expanded('recomendation', dict)).toEqual([
      ['recommendation', MATCH_QUALITY.fuzzy],
      ['recommended', MATCH_QUALITY.fuzzy],
      ['recommends', MATCH_QUALITY.fuzzy],
    ]);
  });
});

describe('movedLetterVariants', () => {
  it('returns the words with one letter moved one or two places, the word itself excluded', () => {
    expect(movedLetterVariants('abc').sort()).toEqual(['acb', 'bac', 'bca', 'cab']);
  });

  it('moves no letter three places', () => {
    expect(movedLetterVariants('abcd')).not.toContain('bcda');
  });
});

describe('joinedWordPart', () => {
  /** `words` with their passage counts; stop words ("by") are never terms. */
  function counted(words: Record<string, number>): TermDictionary {
    const terms = Object.keys(words).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return new TermDictionary({ terms, passageFrequency: Uint32Array.from(terms, (term) => words[term]!) });
  }
  const dict = counted({ mobile: 40, election: 90, cyber: 3, security: 80, wine: 9, maker: 30, bitcoin: 0, coin: 5 });
  const part = (word: string) => dict.terms[joinedWordPart(word, dict)];

  it('reads a word joined to an initial or a stop word as that word', () => {
    expect(part('tmobile')).toBe('mobile');
    expect(part('byelection')).toBe('election');
  });

  it('reads two words run together as the rarer of them', () => {
    expect(part('cybersecurity')).toBe('cyber');
    expect(part('winemaker')).toBe('wine');
  });

  it('returns -1 when a part is neither a word of 4+ letters the coverage uses nor a dropped word', () => {
    expect(joinedWordPart('bitcoin', dict)).toBe(-1);
    expect(joinedWordPart('mobilexy', dict)).toBe(-1);
  });
});

describe('expandTerm on a run-together word', () => {
  it('offers its part only when nothing else answers it', () => {
    expect(expanded('cybersecurity', dictionary(['cyber', 'security']))).toEqual([['cyber', MATCH_QUALITY.variant]]);
    // Another form of the word itself is the likelier reading.
    expect(expanded('cybersecurity', dictionary(['cyber', 'security', 'cybersecurities']))).toEqual([['cybersecurities', MATCH_QUALITY.variant]]);
  });
});
