import { describe, expect, it } from 'vitest';
import { foldOf, readAskSet, scoreQuestion, storyCopies, withCopies } from '../../scripts/evalAsk.js';
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
  it('counts every copy of an expected story as the right article', () => {
    const lede = 'The council approved its budget on Monday.';
    const articles = [
      makeArticle([lede], { id: 'a', headline: 'Budget approved' }),
      makeArticle([lede], { id: 'b', headline: 'Budget approved' }),
      makeArticle(['Another story.'], { id: 'c', headline: 'Other' }),
    ];
    const entry = { question: 'when was the budget approved', style: 'when' as const, files: ['b'], answer: 'Monday' };
    const outcome = scoreQuestion(withCopies(entry, storyCopies(articles)), () => [{ id: 'a', excerpt: lede }]);
    expect(outcome).toMatchObject({ first: true, answerFirst: true });
    expect(withCopies({ ...entry, files: ['c'] }, storyCopies(articles)).files).toEqual(['c']);
  });
});

describe('eval:ask scoring', () => {
  it('counts the answer in the first excerpt whatever the article as any@1, not as ans@1', () => {
    const entry = { question: 'q', style: 'fact' as const, files: ['right'], answer: '6,000 people' };
    const outcome = scoreQuestion(entry, () => [{ id: 'other', excerpt: 'At least 6,000 people have died.' }]);
    expect(outcome).toMatchObject({ first: false, answerFirst: false, answerFirstAny: true });
  });
});
