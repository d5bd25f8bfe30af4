import { foldName, sameSpeaker } from '../../src/quotes/speakerName.js';
import type { QuoteKind } from '../../src/quotes/types.js';

/** One annotated quotation: the words and who said them (null when the text names no one). */
export interface GoldQuote {
  quote: string;
  speaker: string | null;
  /** Other names for the speaker that are equally right ("NIESR" for the National Institute …). */
  aliases?: string[];
  kind: QuoteKind;
  role?: string;
}

/** One quotation as an extractor reports it. */
export interface PredictedQuote {
  quote: string;
  speaker: string | null;
  kind: QuoteKind;
}

/** Counts and rates of one comparison (or of several, summed). */
export interface QuoteScore {
  gold: number;
  predicted: number;
  /** Gold quotations matched one-to-one by a predicted one covering at least half of their words. */
  matched: number;
  /** Matched quotations whose predicted speaker is right. */
  speakerCorrect: number;
  precision: number;
  recall: number;
  f1: number;
  /** Share of matched quotations with the right speaker. */
  speakerAccuracy: number;
  missed: GoldQuote[];
  spurious: PredictedQuote[];
  wrongSpeaker: { gold: GoldQuote; predicted: PredictedQuote }[];
}

/** Share of a gold quotation's words a prediction must contain to match it. */
const MIN_COVERAGE = 0.5;

const words = (text: string): string[] => foldName(text).split(' ').filter((word) => word !== '');

/** Share of `gold`'s words (with repeats) found in `predicted`. */
function coverage(gold: readonly string[], predicted: readonly string[]): number {
  if (gold.length === 0) return 0;
  const available = new Map<string, number>();
  for (const word of predicted) available.set(word, (available.get(word) ?? 0) + 1);
  let found = 0;
  for (const word of gold) {
    const left = available.get(word) ?? 0;
    if (left > 0) {
      found += 1;
      available.set(word, left - 1);
    }
  }
  return found / gold.length;
}

/**
 * True when a predicted speaker is right for a gold quotation: both unnamed, or the names (or surnames, or one
 * of the gold aliases) agree once case, accents and titles are set aside. An unresolved pronoun is wrong.
 * @example speakerMatches('Mr Juppe', { quote: '…', speaker: 'Alain Juppé', kind: 'direct' }) // => true
 */
export function speakerMatches(predicted: string | null, gold: GoldQuote): boolean {
  if (gold.speaker === null) return predicted === null;
  if (predicted === null) return false;
  return [gold.speaker, ...(gold.aliases ?? [])].some((name) => sameSpeaker(predicted, name) || foldName(predicted) === foldName(name));
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

function rates(counts: Omit<QuoteScore, 'precision' | 'recall' | 'f1' | 'speakerAccuracy'>): QuoteScore {
  const precision = ratio(counts.matched, counts.predicted);
  const recall = ratio(counts.matched, counts.gold);
  return {
    ...counts,
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    speakerAccuracy: ratio(counts.speakerCorrect, counts.matched),
  };
}

/**
 * Scores predicted quotations against gold ones: pairs with the most word coverage are matched first, each
 * quotation at most once; a pair matches when the prediction covers at least half of the gold quotation's words.
 *
 * @example
 * scoreQuotes([{ quote: 'moral stain', speaker: 'Juppe', kind: 'partial' }],
 *             [{ quote: 'moral stain', speaker: 'Alain Juppe', kind: 'partial' }])
 * // => { matched: 1, precision: 1, recall: 1, f1: 1, speakerAccuracy: 1, … }
 */
export function scoreQuotes(predicted: readonly PredictedQuote[], gold: readonly GoldQuote[]): QuoteScore {
  const goldWords = gold.map((quote) => words(quote.quote));
  const predictedWords = predicted.map((quote) => words(quote.quote));
  const pairs: { g: number; p: number; cover: number; fit: number }[] = [];
  goldWords.forEach((g, gi) => {
    predictedWords.forEach((p, pi) => {
      const cover = coverage(g, p);
      // `fit` breaks ties: a two-word gold quotation inside a long prediction must not take it from its own gold.
      if (cover >= MIN_COVERAGE) pairs.push({ g: gi, p: pi, cover, fit: coverage(p, g) });
    });
  });
  pairs.sort((a, b) => b.cover - a.cover || b.fit - a.fit || a.g - b.g || a.p - b.p);
  const goldTaken = new Set<number>();
  const predictedTaken = new Set<number>();
  let speakerCorrect = 0;
  const wrongSpeaker: QuoteScore['wrongSpeaker'] = [];
  for (const pair of pairs) {
    if (goldTaken.has(pair.g) || predictedTaken.has(pair.p)) continue;
    goldTaken.add(pair.g);
    predictedTaken.add(pair.p);
    const g = gold[pair.g]!;
    const p = predicted[pair.p]!;
    if (speakerMatches(p.speaker, g)) speakerCorrect += 1;
    else wrongSpeaker.push({ gold: g, predicted: p });
  }
  return rates({
    gold: gold.length,
    predicted: predicted.length,
    matched: goldTaken.size,
    speakerCorrect,
    missed: gold.filter((_, index) => !goldTaken.has(index)),
    spurious: predicted.filter((_, index) => !predictedTaken.has(index)),
    wrongSpeaker,
  });
}

/**
 * Adds several scores up (micro-average: rates recomputed from the summed counts).
 * @example sumScores([a, b]).matched === a.matched + b.matched // => true
 */
export function sumScores(scores: readonly QuoteScore[]): QuoteScore {
  return rates({
    gold: scores.reduce((sum, score) => sum + score.gold, 0),
    predicted: scores.reduce((sum, score) => sum + score.predicted, 0),
    matched: scores.reduce((sum, score) => sum + score.matched, 0),
    speakerCorrect: scores.reduce((sum, score) => sum + score.speakerCorrect, 0),
    missed: scores.flatMap((score) => score.missed),
    spurious: scores.flatMap((score) => score.spurious),
    wrongSpeaker: scores.flatMap((score) => score.wrongSpeaker),
  });
}
