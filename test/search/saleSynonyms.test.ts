import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/search/index.js';
import { synonymsOf } from '../../src/text/index.js';
import { makeArticle } from '../support/makeArticle.js';

describe('a sale answers a question about the purchase', () => {
  const coverage = () =>
    SearchIndex.build([
      makeArticle(
        [
          'Ukraine is to review the privatisation of its biggest steel mill.',
          'The mill, Krivorizhstal, was sold in June 2004 for $800m to a group including Viktor Pinchuk, well below other offers.',
        ],
        { id: 'mill', headline: 'Ukraine steel sale to be reviewed' },
      ),
      makeArticle(['Shoppers bought more clothes in December, the figures showed.'], { id: 'shops', headline: 'Retail sales rise' }),
    ]);

  it('"who bought krivorizhstal" finds "Krivorizhstal was sold … to …", not "nothing matches"', () => {
    expect(coverage().search('who bought krivorizhstal').hits[0]?.article.id).toBe('mill');
  });

  it('puts "sold" and "bought" in one group', () => {
    expect(synonymsOf('bought')).toContain('sold');
  });
});
