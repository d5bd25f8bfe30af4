import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeQuestion, answerExcerpt, recognise, selectAnswer, type AnswerQuery } from '../../src/search/answers/index.js';
import { plainText } from '../../src/search/index.js';
import { foldTerm, words } from '../../src/text/index.js';
import { article, hostileText, question } from './arbitraries.js';
import { TimeBudget } from './budget.js';

describe('question analysis and answer selection (fuzz)', () => {
  it('analyses any question without throwing; a speaker is a piece of the question', () => {
    const budget = new TimeBudget(1500);
    fc.assert(
      fc.property(fc.oneof(question, hostileText(400), fc.constant('what did ').chain((start) => hostileText(60).map((x) => `${start}${x} say`))), (text) => {
        const analysis = budget.measure(text, () => analyzeQuestion(text));
        if (analysis.speaker !== null) expect(text.replace(/\s+/gu, ' ')).toContain(analysis.speaker);
        if (analysis.expected === null) expect(analysis.accepts).toEqual([]);
        // What "how many" counts is words of the question.
        for (const word of analysis.counted) expect(text.toLowerCase()).toContain(word);
      }),
      { numRuns: 1500 },
    );
    expect(budget.within, budget.report).toBe(true);
  });

  it('recognises spans that are exactly the text they point at, inside the sentence', () => {
    fc.assert(
      fc.property(hostileText(600), (text) => {
        for (const span of recognise(text)) {
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(span.start, span.end)).toBe(span.text);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('selects, for any article and question, a sentence that exists, and an excerpt within its length holding the answer', () => {
    const budget = new TimeBudget(1500);
    fc.assert(
      fc.property(article({ maxParagraphs: 5 }), question, (chosen, text) => {
        const terms = [...new Set(words(text).map(foldTerm))].slice(0, 8);
        const query: AnswerQuery = {
          terms: terms.map((_, index) => ({ weight: index + 1, known: index % 2 === 0 })),
          match: (folded) => (terms.includes(folded) ? [{ term: terms.indexOf(folded), quality: 1 }] : undefined),
          foldedQuestion: new Set(terms),
          analysis: analyzeQuestion(text),
        };
        const choice = budget.measure(text, () => selectAnswer(chosen, query));
        if (choice === null) return;
        expect(choice.sentences[choice.sentenceIndex]).toBeDefined();
        expect(choice.paragraphIndex).toBeGreaterThanOrEqual(-2);
        expect(choice.paragraphIndex).toBeLessThan(chosen.paragraphs.length);
        expect(choice.coverage).toBeGreaterThanOrEqual(0);
        expect(choice.termShare).toBeLessThanOrEqual(1);
        const excerpt = answerExcerpt(choice.sentences, choice.sentenceIndex, choice.span, choice.matched, 600, choice.following, choice.alternative);
        expect(excerpt.length).toBeLessThanOrEqual(600);
        if (choice.span && excerpt.length < 500) expect(plainText(excerpt)).toContain(choice.span.text);
      }),
      { numRuns: 800 },
    );
    expect(budget.within, budget.report).toBe(true);
  });
});
