import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.js';
import { makeArticle } from '../support/makeArticle.js';
import { renderAsk } from '../../src/discord/render/renderAsk.js';
import { embedsLength, fitReply } from '../../src/discord/reply.js';
import { EMBED_DESCRIPTION_LENGTH, EMBED_TITLE_LENGTH, EMBED_TOTAL_LENGTH, MESSAGE_CONTENT_LENGTH } from '../../src/discord/limits.js';
import { SearchIndex } from '../../src/search/index.js';


describe('renderAsk', () => {
  it('shows each article with its excerpt, headline, date, section, outlet and source, best first', () => {
    const index = SearchIndex.build([article('a.txt', 'Homs shelled', 'Troops shelled Homs on Monday.', { url: 'https://news.example/homs' })]);
    const [page] = renderAsk(index.search('homs shelling'), { question: 'homs shelling', pageSize: 3, ms: 4 });
    const embed = page!.embeds![0]!;
    expect(embed.title).toBe('1. Homs shelled');
    expect(embed.url).toBe('https://news.example/homs');
    expect(embed.description).toContain('**Homs**');
    expect(embed.description).toContain('6 Feb 2012 · World · Test Wire · [source](https://news.example/homs)');
    expect(embed.footer!.text).toBe('1 article matched · 4 ms');
    expect(page!.data).toMatchObject({ results: [{ id: 'a.txt', headline: 'Homs shelled', excerpt: 'Troops shelled Homs on Monday.', date: '2012-02-06', section: 'World', source: 'Test Wire' }] });
  });

  it('splits many results into pages of pageSize articles', () => {
    const articles = Array.from({ length: 8 }, (_, i) => article(`${i}.txt`, `Flood ${i}`, `The flood reached street ${i}.`));
    const pages = renderAsk(SearchIndex.build(articles).search('flood'), { question: 'flood', pageSize: 3, ms: 1 });
    expect([...pages].map((page) => page.embeds!.length)).toEqual([3, 3, 2]);
    expect(pages.at(2)!.embeds![1]!.title).toMatch(/^8\. /u);
  });

  it('reads the excerpts of a page only when that page is read, and data.results only when it is read', () => {
    const result = SearchIndex.build(Array.from({ length: 7 }, (_, i) => article(`${i}.txt`, `Flood ${i}`, `The flood reached street ${i}.`))).search('flood');
    const read = new Set<number>();
    const hits = result.hits.map((hit, index) => ({ ...hit, get excerpt() { read.add(index); return hit.excerpt; } }));
    const pages = renderAsk({ ...result, hits }, { question: 'flood', pageSize: 3, ms: 1 });
    expect(pages.length).toBe(3);
    expect(pages.at(0)!.embeds).toHaveLength(3);
    expect([...read]).toEqual([0, 1, 2]);
    expect(pages.at(2)!.embeds).toHaveLength(1);
    expect([...read]).toEqual([0, 1, 2, 6]);
    expect(pages.at(2)).toBe(pages.at(2));
    expect((pages.at(0)!.data!['results'] as unknown[]).length).toBe(7);
    expect([...read].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('says honestly that nothing matches, with suggestions, and returns empty results', () => {
    const index = SearchIndex.build([article('a.txt', 'Shelling continues', 'Shelling continued in the city.')]);
    const [page] = renderAsk(index.search('sity'), { question: 'sity', pageSize: 3, ms: 1 });
    expect(page!.content).toMatch(/^Nothing in the coverage matches “sity”\. Did you mean: \*\*city\*\*\?$/u);
    expect(page!.data).toMatchObject({ results: [] });
  });

  it('stays within Discord limits for extreme articles and questions', () => {
    const monster = article('m.txt', `${'H'.repeat(5000)} flood`, `${'flood @everyone '.repeat(3000)}.`, {
      url: `https://x.example/${'p'.repeat(3000)}`, section: 'S'.repeat(3000), source: 'O'.repeat(3000),
    });
    const articles = Array.from({ length: 40 }, (_, i) => ({ ...monster, id: `${i}.txt` }));
    const question = `flood ${'q'.repeat(6000)}`;
    for (const page of renderAsk(SearchIndex.build(articles).search('flood'), { question, pageSize: 10, ms: 1 })) {
      const fitted = fitReply(page);
      expect(fitted.content!.length).toBeLessThanOrEqual(MESSAGE_CONTENT_LENGTH);
      for (const embed of fitted.embeds!) {
        expect(embed.title!.length).toBeLessThanOrEqual(EMBED_TITLE_LENGTH);
        expect(embed.description!.length).toBeLessThanOrEqual(EMBED_DESCRIPTION_LENGTH);
      }
      expect(embedsLength(fitted.embeds!)).toBeLessThanOrEqual(EMBED_TOTAL_LENGTH);
    }
  });
});

function article(id: string, headline: string, text: string, extra: Partial<Article> = {}): Article {
  return makeArticle([text], { id, headline, section: 'World', source: 'Test Wire', date: '2012-02-06', ...extra });
}
