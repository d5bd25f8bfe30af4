import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { composeDigest, latestArticles, oneLine, OTHER_SECTION } from '../../src/digest/composeDigest.js';
import { pickNotableQuotes } from '../../src/digest/pickNotableQuotes.js';
import { selectDigestArticles } from '../../src/digest/selectDigestArticles.js';
import type { Quote } from '../../src/quotes/types.js';
import type { FirstSeen } from '../../src/state/types.js';
import { makeArticle } from './makeArticle.js';

function quote(articleId: string, text: string, overrides: Partial<Quote> = {}): Quote {
  return { quote: text, speaker: 'A Speaker', role: null, kind: 'direct', articleId, paragraphIndex: 0, ...overrides };
}

describe('selectDigestArticles', () => {
  const articles = ['base.md', 'old.md', 'new.md', 'later.md', 'unnoted.md'].map((id) => makeArticle(id));
  const firstSeen = new Map<string, FirstSeen>([
    ['base.md', { at: '2025-06-01T00:00:00.000Z', baseline: true }],
    ['old.md', { at: '2025-06-01T07:00:00.000Z', baseline: false }],
    ['new.md', { at: '2025-06-01T12:00:00.000Z', baseline: false }],
    ['later.md', { at: '2025-06-02T09:00:00.000Z', baseline: false }],
  ]);

  it('carries the articles first seen inside the window and counts the others by reason', () => {
    const selection = selectDigestArticles(articles, firstSeen, {
      since: '2025-06-01T08:00:00.000Z',
      until: '2025-06-02T08:00:00.000Z',
    });
    expect(selection.carried.map((article) => article.id)).toEqual(['new.md']);
    expect(selection.excluded).toEqual({ baseline: 1, earlier: 1, later: 1, unrecorded: 1 });
  });

  it('never carries the baseline even with no lower bound', () => {
    const selection = selectDigestArticles(articles, firstSeen, { since: null, until: '2025-06-03T00:00:00.000Z' });
    expect(selection.carried.map((article) => article.id)).toEqual(['old.md', 'new.md', 'later.md']);
  });

  it('carries a back-dated article by when it was first seen, not by its printed date', () => {
    const backDated = makeArticle('backdated.md', { date: '1999-01-01' });
    const seen = new Map([['backdated.md', { at: '2025-06-01T12:00:00.000Z', baseline: false }]]);
    const selection = selectDigestArticles([backDated], seen, { since: '2025-06-01T08:00:00.000Z', until: '2025-06-02T08:00:00.000Z' });
    expect(selection.carried).toHaveLength(1);
  });
});

describe('composeDigest', () => {
  it('groups by section, largest first and Other last, newest first within a section', () => {
    const digest = composeDigest(
      [
        makeArticle('a', { section: 'business', date: '2025-05-01' }),
        makeArticle('b', { section: 'Middle East', date: '2025-05-02' }),
        makeArticle('c', { section: 'Middle East', date: '2025-05-03' }),
        makeArticle('d', { section: null }),
      ],
      { since: null, until: '2025-06-02T08:00:00.000Z' },
    );
    expect(digest.sections.map((section) => [section.name, section.items.map((item) => item.id)])).toEqual([
      ['Middle East', ['c', 'b']],
      ['business', ['a']],
      [OTHER_SECTION, ['d']],
    ]);
    expect(digest.articleCount).toBe(4);
  });

  it('uses the standfirst as the one-line summary, else the opening of the first body paragraph', () => {
    const digest = composeDigest(
      [
        makeArticle('with', { standfirst: 'A short standfirst.' }),
        makeArticle('without', { paragraphs: [{ kind: 'caption', text: 'A photo.' }, { kind: 'body', text: 'Body text here.' }] }),
      ],
      { since: null, until: '2025-06-02T08:00:00.000Z' },
    );
    const items = digest.sections.flatMap((section) => section.items);
    expect(items.find((item) => item.id === 'with')?.standfirst).toBe('A short standfirst.');
    expect(items.find((item) => item.id === 'without')?.standfirst).toBe('Body text here.');
  });

  it('carries no quotes when no quote source is given', () => {
    expect(composeDigest([makeArticle('a')], { since: null, until: '2025-06-02T08:00:00.000Z' }).quotes).toEqual([]);
  });

  it('takes the notable quotes of the carried articles from the injected quote source', () => {
    const quotes: Record<string, Quote[]> = {
      a: [quote('a', 'We will rebuild every school that was damaged by the storm.', { speaker: 'Jane Doe' })],
      b: [quote('b', 'short', { speaker: null, kind: 'partial' })],
    };
    const digest = composeDigest([makeArticle('a'), makeArticle('b')], {
      since: null,
      until: '2025-06-02T08:00:00.000Z',
      quotesOf: (id) => quotes[id] ?? [],
      maxQuotes: 1,
    });
    expect(digest.quotes).toEqual([
      {
        speaker: 'Jane Doe',
        quote: 'We will rebuild every school that was damaged by the storm.',
        articleId: 'a',
        headline: 'Headline of a',
        url: 'https://example.org/a',
      },
    ]);
  });
});

describe('pickNotableQuotes', () => {
  it('prefers direct quotes with a speaker and a readable length, one per article', () => {
    const picked = pickNotableQuotes(
      [
        quote('a', 'a fragment', { kind: 'partial', speaker: null }),
        quote('a', 'This is a direct quote of a readable length, said by someone.'),
        quote('a', 'Another direct quote of a readable length from the same article.'),
        quote('b', 'The commission said that fifteen people were killed overnight.', { kind: 'indirect' }),
      ],
      { max: 5 },
    );
    expect(picked.map((q) => [q.articleId, q.quote.slice(0, 20)])).toEqual([
      ['a', 'This is a direct quo'],
      ['b', 'The commission said '],
    ]);
  });
});

describe('latestArticles', () => {
  it('returns the newest articles by printed date, undated last', () => {
    const latest = latestArticles(
      [makeArticle('x', { date: null }), makeArticle('y', { date: '2012-02-06T15:55' }), makeArticle('z', { date: '2011-01-01' })],
      2,
    );
    expect(latest.map((article) => article.id)).toEqual(['y', 'z']);
  });
});

describe('oneLine', () => {
  it('cuts at a word boundary with an ellipsis', () => {
    expect(oneLine('The quick brown fox jumps', 16)).toBe('The quick brown…');
    expect(oneLine('The quick brown fox jumps', 15)).toBe('The quick…');
    expect(oneLine('short\n text', 50)).toBe('short text');
  });
});

describe('composeDigest on the shipped seeds', () => {
  it('groups the Wikinews articles under their two real sections, with their tags', async () => {
    const { articles } = await loadCorpus(fileURLToPath(new URL('../../seeds', import.meta.url)));
    const digest = composeDigest(articles, { since: null, until: '2025-06-01T08:00:00.000Z' });
    expect(digest.sections.map((section) => [section.name, section.items.length])).toEqual([
      ['Politics and conflicts', 218],
      ['Economy and business', 146],
      ['Middle East', 1],
    ]);
    const tagged = digest.sections.flatMap((section) => section.items).find((item) => item.id.endsWith('colombian-constitutional-court-passes-presidential-re-election.md'));
    expect(tagged?.tags).toEqual(['Colombian armed conflict']);
  });
});
