import { describe, expect, it } from 'vitest';
import { foldOf, readAskSet, scoreQuestion, storyOf } from '../../scripts/evalAsk.js';
import { makeArticle } from '../support/makeArticle.js';

describe('eval:ask folds', () => {
  it('puts a question in the same fold every time', () => {
    expect(foldOf('what is the ECGD')).toBe(foldOf('what is the ECGD'));
  });

  it('splits the dev set into two folds of about half each, every style in both', () => {
    const dev = readAskSet('dev');
    const inA = dev.filter((entry) => foldOf(entry.question) === 'A');
    expect(inA.length / dev.length).toBeGreaterThan(0.4);
    expect(inA.length / dev.length).toBeLessThan(0.6);
    for (const style of new Set(dev.map((entry) => entry.style))) {
      const folds = new Set(dev.filter((entry) => entry.style === style).map((entry) => foldOf(entry.question)));
      expect(folds, style).toEqual(new Set(['A', 'B']));
    }
  });
});

describe('eval:ask stories filed twice', () => {
  it('finds the copies of a story by headline and lede, whatever the rest', () => {
    const lede = 'The council approved its budget on Monday.';
    const articles = [
      makeArticle([lede, 'More detail.'], { id: 'a', headline: 'Budget approved' }),
      makeArticle([lede, 'Other detail.'], { id: 'b', headline: 'Budget approved' }),
      makeArticle(['The council rejected its budget on Monday.'], { id: 'c', headline: 'Budget approved' }),
    ];
    expect([...storyOf(articles)]).toEqual([0, 0, 2]);
  });
});

describe('eval:ask scoring', () => {
  it('counts the answer in the first excerpt whatever the article as any@1, not as ans@1', () => {
    const entry = { question: 'q', style: 'fact' as const, files: ['right'], answer: '6,000 people' };
    const outcome = scoreQuestion(entry, () => [{ id: 'other', excerpt: 'At least 6,000 people have died.' }]);
    expect(outcome).toMatchObject({ first: false, answerFirst: false, answerFirstAny: true });
  });
});
