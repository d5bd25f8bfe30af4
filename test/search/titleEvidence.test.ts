import { describe, expect, it } from 'vitest';
import { analyzeQuestion, selectAnswer, type AnswerQuery } from '../../src/search/answers/index.js';
import type { Article } from '../../src/corpus/types.js';
import { SearchIndex } from '../../src/search/index.js';
import { foldTerm, words } from '../../src/text/index.js';
import { makeArticle } from '../support/makeArticle.js';

function article(id: string, headline: string, paragraphs: string[]): Article {
  return makeArticle(paragraphs, { id, headline, source: null });
}

/** A query whose terms match themselves exactly, and `synonyms` (word → term) at synonym quality. */
function query(question: string, terms: string[], synonyms: Record<string, string> = {}): AnswerQuery {
  return {
    terms: terms.map(() => ({ weight: 1, known: true })),
    match: (folded) =>
      terms.includes(folded) ? [{ term: terms.indexOf(folded), quality: 1 }] : synonyms[folded] ? [{ term: terms.indexOf(synonyms[folded]!), quality: 0.8 }] : undefined,
    foldedQuestion: new Set(words(question).map(foldTerm)),
    analysis: analyzeQuestion(question),
  };
}

const titled = (text: string, q: AnswerQuery) => selectAnswer(article('a.txt', 'Board news', [text]), q);

// "Who is X's chief executive" (issue #10): the article naming the holder of the question's title ranks above one that
// shares the words, names someone near them and gives him another title.
describe('SearchIndex: a name holding the question\'s title', () => {
  const others = Array.from({ length: 300 }, (_, i) => article(`n${i}.txt`, 'Other news', [`Weather report number ${i} for the coast.`]));
  const holder = article('a.txt', 'Zentrix shakes up its board', [
    'Zentrix, the soap and food group, is to scrap its two-chairman structure after falling sales.',
    'Under the plans, Anna Berg, the Oslo-based co-chairman, will become group chief executive.',
  ]);
  const words = article('b.txt', 'Zentrix lifts margins and volumes', [
    'Zentrix reported better margins and executive pay growth of five pct, Zentrix chairman Tom Hale said.',
    'Hale told reporters that Zentrix volumes in Europe rose.',
  ]);
  const index = SearchIndex.build([holder, words, ...others]);

  it('puts the article whose name holds the title first', () => {
    const { hits } = index.search("who will be zentrix's chief executive");
    expect(hits.map((hit) => hit.article.id).slice(0, 2)).toEqual(['a.txt', 'b.txt']);
    expect(hits[0]!.answer).toBe('Anna Berg');
  });
});

describe('selectAnswer: the title a name holds', () => {
  const ceo = (question: string) => query(question, ['zentrix', 'chief', 'executive'], { chairman: 'chief' });

  it('reads the title before the name, and after it (an apposition, a verb giving the post)', () => {
    expect(titled('Zentrix chief executive Anna Berg said sales rose.', ceo('who is the zentrix chief executive'))?.titled).toBe(true);
    expect(titled('Sales at Zentrix rose, said Anna Berg, the chief executive.', ceo('who is the zentrix chief executive'))?.titled).toBe(true);
    expect(titled("Sales rose, said Anna Berg, Zentrix's chief executive.", ceo('who is the zentrix chief executive'))?.titled).toBe(true);
    expect(titled('At Zentrix, Anna Berg was named chief executive on Monday.', ceo('who is the zentrix chief executive'))?.titled).toBe(true);
  });

  it('does not count a title of another body, before the name or after it, nor a bare comma for an apposition', () => {
    expect(titled('Zentrix praised Royal Bank chief executive Fred Goodwin.', ceo('who is the zentrix chief executive'))?.titled).toBe(false);
    expect(titled('At Zentrix, Anna Berg, the chief executive of Musiwave, spoke.', ceo('who is the zentrix chief executive'))?.titled).toBe(false);
    expect(titled('However, Zentrix chief executive pay rose.', ceo('who is the zentrix chief executive'))?.titled).toBe(false);
  });

  it('does not count a title in other words (a synonym) as the question\'s title', () => {
    const choice = titled('Zentrix chairman Tom Hale said executive pay rose.', ceo('who is the zentrix chief executive'));
    expect(choice?.span?.text).toBe('Tom Hale');
    expect(choice?.titled).toBe(false);
  });

  it('counts a title only when the sentence or headline holds the rest of the question', () => {
    expect(titled('Chief executive Anna Berg said sales rose.', ceo('who is the zentrix chief executive'))?.titled).toBe(false);
    expect(selectAnswer(article('a.txt', 'Zentrix sales rise', ['Chief executive Anna Berg said sales rose.']), ceo('who is the zentrix chief executive'))?.titled).toBe(true);
  });
});
