import { describe, expect, it } from 'vitest';
import { firstOfEachStory, SearchIndex, storyOf } from '../../src/search/index.js';
import { makeArticle } from '../support/makeArticle.js';

const lede = 'The council approved its budget of 4 million pounds on Monday.';

describe('stories filed twice', () => {
  it('finds the copies of a story by headline and lede, whatever the rest', () => {
    const articles = [
      makeArticle([lede, 'More detail.'], { id: 'a', headline: 'Budget approved' }),
      makeArticle([lede, 'Other detail.'], { id: 'b', headline: 'Budget approved' }),
      makeArticle(['The council rejected its budget on Monday.'], { id: 'c', headline: 'Budget approved' }),
    ];
    expect([...storyOf(articles)]).toEqual([0, 0, 2]);
  });

  it('takes a long lede filed again under a reworded headline for the same story, not a short one', () => {
    const long = 'All Blacks captain Tama Umaga has warned the British and Irish Lions will be his most fearsome opponents yet ahead of their summer tour.';
    const short = 'Shr 10 cts vs 12 cts.';
    const articles = [
      makeArticle([long, 'He told BBC Sport the Lions would be tough.'], { id: 'a', headline: 'Umaga ready for Lions' }),
      makeArticle([long, 'He backed New Zealand to win the series.'], { id: 'b', headline: 'Umaga ready for "fearsome" Lions' }),
      makeArticle([short], { id: 'c', headline: 'Acme Corp 1st qtr' }),
      makeArticle([short], { id: 'd', headline: 'Widget Inc 1st qtr' }),
    ];
    expect([...storyOf(articles)]).toEqual([0, 0, 2, 3]);
  });

  it('takes a long lede reworded under the same headline for the same story, not another under that headline', () => {
    const filed = 'The city will offer its bus drivers a new pay plan that will make overtime payments through extra leave as an alternative to cash, the local paper said.';
    const refiled = 'The city will offer bus drivers a new pay plan that will make overtime payments through extra leave as an alternative to cash, the paper said.';
    const nextWeek = 'The city will offer its train drivers a pay plan next week after talks with the unions broke down over overtime, officials said on Monday.';
    const articles = [
      makeArticle([filed], { id: 'a', headline: 'City to offer drivers pay plan' }),
      makeArticle([refiled], { id: 'b', headline: 'CITY TO OFFER DRIVERS PAY PLAN' }),
      makeArticle([nextWeek], { id: 'c', headline: 'City to offer drivers pay plan' }),
      makeArticle([refiled], { id: 'd', headline: 'Drivers offered leave for overtime' }),
    ];
    expect([...storyOf(articles)]).toEqual([0, 0, 2, 0]);
    expect(firstOfEachStory(articles, (article) => article, 4).map((article) => article.id)).toEqual(['a', 'c']);
  });

  it('keeps the first copy of each story, in order, up to the limit', () => {
    const a = makeArticle([lede], { id: 'a', headline: 'Budget approved' });
    const copy = makeArticle([lede], { id: 'copy', headline: 'BUDGET APPROVED' });
    const b = makeArticle(['Something else.'], { id: 'b', headline: 'Other' });
    const c = makeArticle(['A third thing.'], { id: 'c', headline: 'Third' });
    expect(firstOfEachStory([a, copy, b, c], (article) => article, 2).map((article) => article.id)).toEqual(['a', 'b']);
  });

  it('shows a story filed twice once, so the next story takes the second place', () => {
    const index = SearchIndex.build([
      makeArticle([lede, 'Councillors voted nine to two.'], { id: 'first', headline: 'Council budget approved' }),
      makeArticle([lede, 'Councillors voted nine to two.'], { id: 'copy', headline: 'Council budget approved' }),
      makeArticle(['The council budget for schools rose by 4 million pounds.'], { id: 'schools', headline: 'Council budget for schools' }),
    ]);
    const ids = index.search('council budget 4 million').hits.map((hit) => hit.article.id);
    expect(ids).toHaveLength(2);
    expect(ids).toContain('schools');
    expect(ids.filter((id) => id === 'first' || id === 'copy')).toHaveLength(1);
  });
});
