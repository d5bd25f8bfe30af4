import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ASK_SETS, ASK_STYLES, foldAnswer, foldOf, haveResearchCorpora, readAskSet, scoreQuestion, storyCopies, withCopies } from '../../scripts/evalAsk.js';
import type { AskQuestion } from '../../scripts/evalAsk.js';
import { isSkippedFile, loadArticleFile } from '../../src/corpus/index.js';
import { articleText } from '../../src/text/index.js';
import { makeArticle } from '../support/makeArticle.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const research = haveResearchCorpora(projectRoot);

/** Where an expected file lives: `seeds/…` in the repository, `<corpus>/…` in ../shared/corpora (never copied in). */
function fileLocation(file: string): { dir: string; relPath: string } {
  const [top = '', ...rest] = file.split('/');
  return top === 'seeds' ? { dir: path.join(projectRoot, 'seeds'), relPath: rest.join('/') } : { dir: path.resolve(projectRoot, '../shared/corpora', top), relPath: rest.join('/') };
}

/** The expected files of a set that do not hold the question's answer string (or do not load): broken annotations. */
async function answersNotFound(questions: readonly AskQuestion[]): Promise<string[]> {
  const problems: string[] = [];
  for (const entry of questions) {
    if (entry.answer === null) continue;
    for (const file of entry.files) {
      const { dir, relPath } = fileLocation(file);
      const article = await loadArticleFile(dir, relPath);
      if (isSkippedFile(article)) problems.push(`${entry.question}: ${file} does not load (${article.reason})`);
      else if (!foldAnswer(articleText(article)).includes(foldAnswer(entry.answer))) problems.push(`${entry.question}: "${entry.answer}" is not in ${file}`);
    }
  }
  return problems;
}

const onSeeds = (entry: AskQuestion) => entry.files.every((file) => file.startsWith('seeds/'));

describe.each(ASK_SETS)('eval:ask question set %s', (name) => {
  const questions = readAskSet(name, projectRoot);

  it('holds well-formed questions: a known style, off-topic ones with no file and no answer, the others with both', () => {
    for (const entry of questions) {
      expect(ASK_STYLES, entry.question).toContain(entry.style);
      if (entry.style === 'offtopic') expect([entry.files, entry.answer], entry.question).toEqual([[], null]);
      else {
        expect(entry.files.length, entry.question).toBeGreaterThan(0);
        expect(entry.answer?.trim(), entry.question).toBeTruthy();
      }
    }
    expect(new Set(questions.map((entry) => entry.question)).size).toBe(questions.length);
  });

  it('finds each answer string in every expected seed article', async () => {
    expect(await answersNotFound(questions.filter(onSeeds))).toEqual([]);
  });

  it.skipIf(!research)(`finds each answer string in every expected research-corpus article${research ? '' : ' (skipped: ../shared/corpora is absent)'}`, async () => {
    expect(await answersNotFound(questions.filter((entry) => !onSeeds(entry)))).toEqual([]);
  });
});

describe('eval:ask validation set', () => {
  const validation = readAskSet('validation', projectRoot);
  const others = [...readAskSet('dev', projectRoot), ...readAskSet('heldout', projectRoot)];

  it('is about articles that no dev or held-out question uses, and repeats none of their questions', () => {
    const used = new Set(others.flatMap((entry) => entry.files));
    expect(validation.flatMap((entry) => entry.files.filter((file) => used.has(file)).map((file) => `${entry.question}: ${file}`))).toEqual([]);
    const asked = new Set(others.map((entry) => foldAnswer(entry.question)));
    expect(validation.filter((entry) => asked.has(foldAnswer(entry.question))).map((entry) => entry.question)).toEqual([]);
  });

  it('holds at least 110 answerable questions and 25 off-topic ones', () => {
    expect(validation.filter((entry) => entry.answer !== null).length).toBeGreaterThanOrEqual(110);
    expect(validation.filter((entry) => entry.answer === null).length).toBeGreaterThanOrEqual(25);
  });
});

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
