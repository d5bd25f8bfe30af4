import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/search/index.js';
import { synonymsOf } from '../../src/text/index.js';
import { makeArticle } from '../support/makeArticle.js';

const article = (id: string, headline: string, paragraphs: string[]) => makeArticle(paragraphs, { id, headline });

describe('synonymsOf', () => {
  it('gives the words news copy uses for a word, in either direction', () => {
    expect(synonymsOf('jobless')).toContain('unemployment');
    expect(synonymsOf('unemployment')).toContain('jobless');
    expect(synonymsOf('quit')).toContain('resigned');
  });

  it('finds the group from any form of a word', () => {
    expect(synonymsOf('quitting')).toContain('resign');
    expect(synonymsOf('firms')).toContain('company');
  });

  it('does not list forms of the word itself', () => {
    expect(synonymsOf('quit')).not.toContain('quits');
  });

  it('maps a country to its people and back, and British to American spelling', () => {
    expect(synonymsOf('sweden')).toContain('swedish');
    expect(synonymsOf('swede')).toContain('sweden');
    expect(synonymsOf('privatisation')).toContain('privatization');
  });

  it('reads "chairs" as the chairman\'s post (issue #10: "who chairs the rubber talks" / "conference chairman X")', () => {
    expect(synonymsOf('chairs')).toContain('chairman');
    expect(synonymsOf('chairman')).toContain('chaired');
  });

  it('has nothing for a word outside the table', () => {
    expect(synonymsOf('mongolia')).toEqual([]);
  });
});

describe('SearchIndex: a question in the reader\'s own words', () => {
  // The copy says "company", "cut", "jobs", "resigned", "unemployment"; the questions say "firm", "laying off", "staff",
  // "quit", "jobless". Fillers share common words so that the answering article has to win on the rare ones.
  const articles = [
    article('insurer.txt', 'Insurer cuts jobs', ['US insurance company Marsh is to cut 2,500 jobs after a loss.']),
    article('bank.txt', 'Bank chief resigned', ['The chief executive of Norbank resigned on Monday after an inquiry.']),
    article('dole.txt', 'Unemployment falls', ['Unemployment in Wales fell to 4.2% in March, official figures show.']),
    article('f1.txt', 'Weather', ['Rain fell across the north on Monday.']),
    article('f2.txt', 'Council news', ['The council met on Monday to discuss the park.']),
    article('f3.txt', 'Festival', ['A loss of power hit the festival in March.']),
    article('f4.txt', 'Gardens', ['Gardeners show roses at the summer fair.']),
  ];
  const index = SearchIndex.build(articles);

  it('finds the article that says it with other words', () => {
    expect(index.search('how many staff is the insurance firm laying off').hits[0]?.article.id).toBe('insurer.txt');
    expect(index.search('why did the norbank boss quit').hits[0]?.article.id).toBe('bank.txt');
    expect(index.search('welsh jobless rate').hits[0]?.article.id).toBe('dole.txt');
  });

  it('answers "who chairs X" with the name the copy calls its chairman', () => {
    const talks = SearchIndex.build([
      ...articles,
      article('talks.txt', 'Cocoa pact talks stall', ['Cocoa pact talks made slow progress, conference chairman Ivo Brandt said.']),
      article('pact.txt', 'Cocoa pact talks open', ['Cocoa pact talks opened in Geneva with forty delegates, the cocoa pact secretariat said.']),
    ]);
    const first = talks.search('who chairs the cocoa pact talks').hits[0];
    expect(first?.article.id).toBe('talks.txt');
    expect(first?.excerpt).toContain('Ivo Brandt');
  });

  it('shows the answer from the sentence that says it with other words', () => {
    const hit = index.search('how many staff is the insurance firm laying off').hits[0];
    expect(hit?.answer).toContain('2,500');
  });

  it('ranks an article in the typed words above one in their synonyms', () => {
    const both = SearchIndex.build([
      ...articles,
      article('typed.txt', 'Insurance firm to lay off staff', ['An insurance firm in Leeds will lay off staff, it said.']),
    ]);
    expect(both.search('insurance firm staff').hits[0]?.article.id).toBe('typed.txt');
  });

  it('still answers nothing when the question\'s rare word is nowhere, whatever synonyms the rest has', () => {
    expect(index.search('jobless in mongolia').hits).toEqual([]);
  });
});
