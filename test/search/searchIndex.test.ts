import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import type { Article } from '../../src/corpus/types.js';
import { makeArticle } from '../support/makeArticle.js';
import { plainText, SearchIndex } from '../../src/search/index.js';

interface Expectations {
  article: string;
  ask: { question: string; answer_contains: string }[];
}
const expectations = JSON.parse(readFileSync(new URL('../fixtures/seed-expectations.json', import.meta.url), 'utf8')) as Expectations;
const seedId = expectations.article.replace(/^seeds\//u, '');


describe('SearchIndex over the shipped seeds', () => {
  let index: SearchIndex;
  beforeAll(async () => {
    const corpus = await loadCorpus(new URL('../../seeds', import.meta.url).pathname);
    index = SearchIndex.build(corpus.articles);
  });

  // The seed article is the only one about Homs; each question must find it first, with the answering sentence as
  // the excerpt, among 364 other articles about other conflicts (many mention Syria, sanctions or the UN).
  it.each(expectations.ask)('answers "$question" with the seed article and an excerpt containing the answer', ({ question, answer_contains }) => {
    const { hits } = index.search(question);
    expect(hits[0]?.article.id).toBe(seedId);
    expect(plainText(hits[0]!.excerpt)).toContain(answer_contains);
  });

  it('bolds the matched words, fuzzy matches included', () => {
    const { hits } = index.search('homs shellng');
    expect(hits[0]!.excerpt).toContain('**shelling**');
  });

  it('returns no hits and suggests close terms when nothing in the coverage matches', () => {
    const result = index.search('shellling in Hmos quantum chromodynamics');
    expect(result.hits).toEqual([]);
    const typo = index.search('xylophonist shellling');
    expect(typo.hits).toEqual([]);
    expect(typo.suggestions).toContain('shelling');
  });

  it('does not answer with an article that only shares a common word with the question', () => {
    // "world" is everywhere; "curling" is nowhere: no article answers the question.
    expect(index.search('world curling').hits).toEqual([]);
  });

  it('returns no hits for a question made only of stop words', () => {
    expect(index.search('what is it about?')).toMatchObject({ hits: [], terms: [] });
  });

  it('narrows by source, section and date', () => {
    expect(index.search('Syria killed', { filters: { source: 'al jazeera' } }).hits.map((hit) => hit.article.id)).toEqual([seedId]);
    expect(index.search('Syria killed', { filters: { section: 'middle east' } }).hits.map((hit) => hit.article.id)).toEqual([seedId]);
    expect(index.search('Syria killed', { filters: { since: '2012-02-06', until: '2012-02-06' } }).hits.map((hit) => hit.article.id)).toEqual([seedId]);
    const wikinews = index.search('Syria killed', { filters: { source: 'Wikinews', until: '2008-12-31' } }).hits;
    expect(wikinews.length).toBeGreaterThan(0);
    for (const hit of wikinews) expect(hit.article.date! <= '2008-12-31' && hit.article.source === 'Wikinews').toBe(true);
  });

  it('groups results by article: each article appears once', () => {
    const ids = index.search('iraq election ballots').hits.map((hit) => hit.article.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(1);
  });
});

describe('SearchIndex ranking', () => {
  const articles = [
    article('a.txt', 'Flood warning for the river town', ['Heavy rain fell for three days. The river burst its banks on Tuesday.']),
    article('b.txt', 'Council budget approved', ['The council approved its budget. Rain was not mentioned.']),
    article('c.txt', 'River Thames regatta', ['Rowers raced on the river.', 'A flood of spectators came.']),
  ];
  const index = SearchIndex.build(articles);

  it('ranks the article matching every term above one matching a single term', () => {
    // a.txt has "flood" in its headline and "river" + "rain" in the body; c.txt only has river and a figurative flood.
    const { hits } = index.search('river flood rain');
    expect(hits.map((hit) => hit.article.id)).toEqual(['a.txt', 'c.txt']);
  });

  it('finds a misspelt term through edit-distance matching', () => {
    expect(index.search('councel budjet').hits[0]?.article.id).toBe('b.txt');
  });

  it('takes two letters typed the wrong way round for one slip, but not in a word the coverage uses', () => {
    // "cuoncil" and "bugdet" are two Levenshtein edits from the words; one swap each.
    expect(index.search('cuoncil bugdet').hits[0]?.article.id).toBe('b.txt');
    // "rowers" is used ("Rowers raced"): it is not read as a slip for another word one swap away.
    const swapped = SearchIndex.build([...articles, article('d.txt', 'Flower show', ['The rowres of flowers were judged.'])]);
    expect(swapped.search('rowers').hits.map((hit) => hit.article.id)).toEqual(['c.txt']);
  });

  it('shows the passage that adds to the headline rather than repeating it', () => {
    // "river" is in c.txt's headline: the excerpt should be the paragraph with "flood", the other term asked for.
    const hit = index.search('river flood').hits.find((candidate) => candidate.article.id === 'c.txt')!;
    expect(plainText(hit.excerpt)).toBe('A flood of spectators came.');
  });

  it('builds an excerpt when it is first read, the same one every time, and JSON and spreads see it', () => {
    const [hit] = index.search('river flood').hits;
    expect(Object.getOwnPropertyDescriptor(hit, 'excerpt')?.get).toBeTypeOf('function');
    const excerpt = hit!.excerpt;
    expect(excerpt).toContain('**');
    expect(hit!.excerpt).toBe(excerpt);
    expect({ ...hit }).toMatchObject({ excerpt, answer: hit!.answer });
    expect(JSON.parse(JSON.stringify(hit))).toMatchObject({ excerpt, answer: hit!.answer });
  });

  it('answers from the headline alone when no paragraph matches', () => {
    const hits = index.search('regatta').hits;
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ article: { id: 'c.txt' }, paragraphIndex: -1 });
  });
});

describe('SearchIndex: where in the article the question is matched', () => {
  // Both articles hold the same passage about the strike; a.txt further down, below other news, b.txt as its lede.
  const passage = 'Dock workers began a strike over pay at the port.';
  const other = (n: number) => Array.from({ length: n }, (_, i) => `Other item ${i} about gardens and weather was reported.`);
  const articles = [article('a.txt', 'Town news', [...other(8), passage]), article('b.txt', 'Port news', [passage, ...other(8)])];
  const index = SearchIndex.build(articles);

  it('ranks the article whose lede matches above one that matches as well only further down', () => {
    expect(index.search('dock workers strike pay').hits.map((hit) => hit.article.id)).toEqual(['b.txt', 'a.txt']);
  });
});

describe('SearchIndex: a plural of a word close to the one asked', () => {
  // "iphone" is in the coverage once; "phone" is one edit from it, "phones" two. "phones" is a form of "phone", not of
  // "iphone": the phones article lacks the rarest word asked and is no answer.
  const articles = [
    article('a.txt', 'Apple shows the iPhone', ['Apple showed its iPhone to reporters in a hall.']),
    article('b.txt', 'Mobile phones then and now', ['Early phones cost £2,000 and their battery lasted 20 minutes.']),
    article('c.txt', 'Phone maker hires', ['A phone maker hired staff.']),
    article('d.txt', 'Car sales', ['Car battery prices rose and the cost of steel fell.']),
    article('e.txt', 'Weather', ['Rain fell in the hills.']),
    article('f.txt', 'Council', ['The council met on Monday.']),
  ];
  const index = SearchIndex.build(articles);

  it('does not answer with an article matching the rarest word only through the plural of a close word', () => {
    // b.txt holds "phones", "battery" and "cost"; without the rarest word its other words are not most of the question.
    expect(index.search('iphone battery cost').hits).toEqual([]);
    expect(index.search('phones battery cost').hits[0]?.article.id).toBe('b.txt');
  });
});

describe('SearchIndex: an article lacking the rarest word asked', () => {
  // "scraps" is the rarest word of the question. a.txt says "cancels" instead but matches every other word, most of
  // the question's weight; b.txt holds "scraps" but only two of the other words.
  const filler = (name: string, text: string) => article(name, 'Other news', [text]);
  const articles = [
    article('a.txt', 'North Korea cancels agreements with South Korea', ['North Korea cancelled all agreements with South Korea on Friday.']),
    article('b.txt', 'Chip makers gain', ['Analysts say the deal scraps tariffs for South Korea chip makers.']),
    filler('c.txt', 'The north of the country had snow.'),
    filler('d.txt', 'Trade agreements were signed in the north.'),
    filler('e.txt', 'The agreements cover steel.'),
    filler('f.txt', 'A northern town held a fair on the north bank.'),
    filler('g.txt', 'Farmers in the south want rain.'),
    filler('h.txt', 'Talks on agreements continue.'),
    filler('i.txt', 'The plan scraps a tax on boats.'),
  ];
  const index = SearchIndex.build(articles);

  it('answers with the article matching most of the question, above one holding the rarest word and little else', () => {
    expect(index.search('north korea scraps agreements with south').hits[0]?.article.id).toBe('a.txt');
  });

  it('does not answer with an article that lacks the rarest word and matches little else', () => {
    // "mongolia" is nowhere; "capital" alone is not an answer.
    const capital = SearchIndex.build([...articles, article('m.txt', 'Capital spending', ['Capital spending rose in the north.'])]);
    expect(capital.search('capital of mongolia').hits).toEqual([]);
  });
});

describe('SearchIndex: the question\'s rare words are all key', () => {
  // Among 400 other stories, "cheap" is in one article, "hotels" and "singapore" in two each: nearly as rare, so all
  // three are key words. a.txt holds "cheap" (the rarest) and "singapore", more than half of the question, but an
  // article on cheap Singapore shares does not answer a question about hotels.
  const others = Array.from({ length: 400 }, (_, i) => article(`n${i}.txt`, 'Other news', [`Weather report number ${i} for the coast.`]));
  const articles = [
    article('a.txt', 'Shares rally', ['Investors bought cheap shares in Singapore on Monday.']),
    article('b.txt', 'Hotel plan for Buffalo', ['Two hotels will be built in Buffalo next year.']),
    article('c.txt', 'Tourism', ['The hotels were full in August.']),
    article('d.txt', 'Banks', ['Singapore banks opened late.']),
    ...others,
  ];
  const index = SearchIndex.build(articles);

  it('does not answer with an article lacking one of the rare words asked', () => {
    expect(index.search('cheap hotels in singapore').hits).toEqual([]);
  });

  it('answers when the article holds every rare word', () => {
    expect(index.search('cheap shares in singapore').hits[0]?.article.id).toBe('a.txt');
  });
});

describe('SearchIndex: an article lacking the rarest word, its words spread out', () => {
  // "2023" is the rarest word, in one article (z.txt); the others are in two each. x.txt holds every word but "2023",
  // most of the question's weight, but no sentence of it holds more than "cup" and "final" (and "rugby" in the
  // headline): the words of the question spread over a story are not an answer to it.
  const others = Array.from({ length: 400 }, (_, i) => article(`n${i}.txt`, 'Other news', [`Weather report number ${i} for the coast.`]));
  const articles = [
    article('x.txt', 'Rugby news', ['The cup final was played on Saturday.', 'Fans cheered the score in the rain.']),
    article('z.txt', 'Plans', ['Plans for 2023 were shown.']),
    article('c.txt', 'Other news', ['The cup was lost.']),
    article('d.txt', 'Other news', ['A final offer came.']),
    article('e.txt', 'Other news', ['The score was low.']),
    article('f.txt', 'Other news', ['Rugby clubs met.']),
    ...others,
  ];
  const index = SearchIndex.build(articles);

  it('does not answer when no sentence holds well over half of the question', () => {
    expect(index.search('rugby cup 2023 final score').hits).toEqual([]);
  });

  it('answers the same question without the word it lacks', () => {
    expect(index.search('rugby cup final score').hits[0]?.article.id).toBe('x.txt');
  });
});

describe('SearchIndex: a question expecting a measure, answered by a sentence stating none', () => {
  // "how many" expects a number; c.txt's sentence holds every word of the question but states its measure in words
  // no number reads ("most of the"); d.txt names the tower and no measure, and lacks "tall".
  const others = Array.from({ length: 400 }, (_, i) => article(`n${i}.txt`, 'Other news', [`Weather report number ${i} for the coast.`]));
  const articles = [
    article('c.txt', 'Carmaker to shut plant', ['Most of the workers will be laid off when Renfrew plant shuts, the union said.']),
    article('d.txt', 'Eiffel Tower reopens', ['The Eiffel Tower opened again in Paris on Monday.']),
    article('e.txt', 'Other news', ['Workers at the docks met on Friday.']),
    article('f.txt', 'Other news', ['A tall ship came into Paris.']),
    ...others,
  ];
  const index = SearchIndex.build(articles);

  it('answers with a sentence holding every word of the question', () => {
    expect(index.search('how many renfrew plant workers will be laid off').hits[0]?.article.id).toBe('c.txt');
  });

  it('does not answer with a sentence stating no measure that lacks a word of the question', () => {
    expect(index.search('how tall is the eiffel tower').hits).toEqual([]);
  });
});

describe('SearchIndex: requests for instructions', () => {
  // Each article shares the question's words; none is an answer to a request for instructions.
  const index = SearchIndex.build([
    article('p.txt', 'Passport refused', ['His UK passport would not be renewed, the Home Office said.']),
    article('v.txt', 'Vaccine trial', ['Scientists said the new vaccines work against the strain.']),
    article('o.txt', 'Other news', ['Farmers in the south want rain.']),
  ]);

  it('answers "how to …" and "how do … work" with nothing, whatever words an article shares', () => {
    expect(index.search('how to renew a uk passport').hits).toEqual([]);
    expect(index.search('how do i renew my passport').hits).toEqual([]);
    expect(index.search('how do vaccines work?').hits).toEqual([]);
  });

  it('still answers questions about what happened', () => {
    expect(index.search('was his uk passport renewed').hits[0]?.article.id).toBe('p.txt');
    expect(index.search('how did the vaccines work against the strain').hits[0]?.article.id).toBe('v.txt');
  });
});

describe('SearchIndex.fromData', () => {
  const articles = [
    article('a.txt', 'Flood warning for the river town', ['Heavy rain fell for three days. The river burst its banks on Tuesday.']),
    article('b.txt', 'Council budget approved', ['The council approved its budget.']),
  ];
  const built = () => SearchIndex.build(articles);

  it('returns an index answering as the one it was saved from', () => {
    const built = SearchIndex.build(articles);
    const restored = SearchIndex.fromData(articles, structuredClone(built.toData()));
    expect(restored.search('river flood rain')).toEqual(built.search('river flood rain'));
    expect(restored.passageCount).toBe(built.passageCount);
  });

  it('prepares in steps (the event loop turning when a step runs past its budget: test/search/steps) to the state prepare() makes', async () => {
    const stepped = SearchIndex.fromData(articles, built().toData());
    await stepped.prepareInSteps();
    expect(stepped.prepared).toBe(true);
    const atOnce = SearchIndex.fromData(articles, built().toData());
    atOnce.prepare();
    for (const question of ['river flod', 'council budgets', 'rain']) expect(stepped.search(question)).toEqual(atOnce.search(question));
  });

  it('throws when the data indexes another number of articles', () => {
    expect(() => SearchIndex.fromData(articles.slice(1), SearchIndex.build(articles).toData())).toThrow('SearchIndex.fromData: the data indexes 2 articles, not 1');
  });
});

function article(id: string, headline: string, paragraphs: string[], extra: Partial<Article> = {}): Article {
  return makeArticle(paragraphs, { id, headline, source: null, ...extra });
}
