import { describe, expect, it } from 'vitest';
import { scoreQuotes, speakerMatches, sumScores } from '../../eval/quotes/scoreQuotes.js';

const gold = (quote: string, speaker: string | null, aliases?: string[]) => ({ quote, speaker, kind: 'direct' as const, ...(aliases ? { aliases } : {}) });
const predicted = (quote: string, speaker: string | null) => ({ quote, speaker, kind: 'direct' as const });

describe('scoreQuotes', () => {
  it('matches a prediction covering at least half of the gold words, and no less', () => {
    const score = scoreQuotes([predicted('we will win', 'Ann'), predicted('totally different words here', 'Bob')], [gold('we will win the cup', 'Ann'), gold('nobody expected it at all', 'Bob')]);
    expect([score.matched, score.precision, score.recall]).toEqual([1, 0.5, 0.5]);
  });

  it('matches one-to-one, giving a long prediction to the gold quotation it fits best', () => {
    const score = scoreQuotes(
      [predicted('They need to look at the sensitive information.', 'Adams')],
      [gold('sensitive information', 'Hill'), gold('They need to look at the sensitive information.', 'Adams')],
    );
    expect(score.matched).toBe(1);
    expect(score.missed.map((quote) => quote.quote)).toEqual(['sensitive information']);
    expect(score.speakerAccuracy).toBe(1);
  });

  it('returns zero rates rather than NaN when there is nothing to score', () => {
    expect(scoreQuotes([], [])).toMatchObject({ precision: 0, recall: 0, f1: 0, speakerAccuracy: 0 });
  });
});

describe('speakerMatches', () => {
  it('returns true for a surname, an alias or two unnamed speakers, false for a pronoun', () => {
    expect(speakerMatches('Juppe', gold('x', 'Alain Juppé'))).toBe(true);
    expect(speakerMatches('NIESR', gold('x', 'National Institute', ['NIESR']))).toBe(true);
    expect(speakerMatches(null, gold('x', null))).toBe(true);
    expect(speakerMatches('he', gold('x', 'Alain Juppe'))).toBe(false);
  });
});

describe('sumScores', () => {
  it('returns rates recomputed from the summed counts', () => {
    const a = scoreQuotes([predicted('a b c d', 'X')], [gold('a b c d', 'X')]);
    const b = scoreQuotes([], [gold('e f g h', 'Y')]);
    expect(sumScores([a, b])).toMatchObject({ gold: 2, predicted: 1, matched: 1, precision: 1, recall: 0.5 });
  });
});
