import { describe, expect, it } from 'vitest';
import { composeDigest } from '../../src/digest/composeDigest.js';
import { renderDigest } from '../../src/discord/render/renderDigest.js';
import { EMBED_TOTAL_LENGTH, EMBEDS_PER_MESSAGE, MESSAGE_CONTENT_LENGTH } from '../../src/discord/limits.js';
import { embedsLength } from '../../src/discord/reply.js';
import { makeArticle } from './makeArticle.js';

const until = '2025-06-02T07:00:00.000Z';

function manyArticles(count: number, sections: number) {
  return Array.from({ length: count }, (_, index) =>
    makeArticle(`a${String(index).padStart(3, '0')}.md`, {
      section: `Section ${index % sections}`,
      standfirst: `Standfirst ${index}: ${'words of the summary '.repeat(9)}`,
    }),
  );
}

function headlinesIn(replies: ReturnType<typeof renderDigest>): string[] {
  return replies.flatMap((reply) => (reply.embeds ?? []).flatMap((embed) => (embed.fields ?? []).map((field) => field.name)));
}

describe('renderDigest', () => {
  it('lists each article with its standfirst, date and source link under its section', () => {
    const digest = composeDigest([makeArticle('one.md', { section: 'Science', standfirst: 'A comet came back.' })], {
      since: '2025-06-01T07:00:00.000Z',
      until,
    });
    const [reply, ...rest] = renderDigest(digest, { timezone: 'Europe/London' });
    expect(rest).toEqual([]);
    expect(reply?.content).toBe('**Daily digest**\n1 new article since Sun 1 Jun 2025 08:00 (Europe/London)');
    expect(reply?.embeds?.[0]?.title).toBe('Science');
    expect(reply?.embeds?.[0]?.fields).toEqual([
      { name: 'Headline of one.md', value: 'A comet came back.\n1 Jun 2025 · Test Wire · [source](https://example.org/one.md)' },
    ]);
    expect(reply?.data).toMatchObject({ digest: { articleCount: 1, articleIds: ['one.md'] } });
  });

  it('splits a long digest across messages within 10 embeds and 6000 characters each, losing nothing', () => {
    const articles = manyArticles(80, 12);
    const replies = renderDigest(composeDigest(articles, { since: null, until }), { maxMessages: 50 });
    expect(replies.length).toBeGreaterThan(2);
    for (const reply of replies) {
      expect(reply.embeds!.length).toBeLessThanOrEqual(EMBEDS_PER_MESSAGE);
      expect(embedsLength(reply.embeds!)).toBeLessThanOrEqual(EMBED_TOTAL_LENGTH);
      expect(reply.content!.length).toBeLessThanOrEqual(MESSAGE_CONTENT_LENGTH);
    }
    const headlines = headlinesIn(replies);
    expect(headlines).toHaveLength(80);
    expect(new Set(headlines).size).toBe(80);
    expect(replies[1]?.content).toBe(`**Daily digest** (continued, 2/${replies.length})`);
  });

  it('says how many articles are not shown when the message cap is reached', () => {
    const replies = renderDigest(composeDigest(manyArticles(80, 3), { since: null, until }), { maxMessages: 2 });
    expect(replies).toHaveLength(2);
    const shown = headlinesIn(replies).length;
    expect(shown).toBeLessThan(80);
    expect(replies[1]?.content).toContain(`…and ${80 - shown} more articles not shown: a digest posts at most 2 messages.`);
  });

  it('renders an empty digest as the empty note', () => {
    const replies = renderDigest(composeDigest([], { since: null, until }), { emptyNote: 'No new coverage since the last digest.' });
    expect(replies).toEqual([
      expect.objectContaining({ content: '**Daily digest**\nNo new coverage since the last digest.' }),
    ]);
  });

  it('escapes Markdown in headlines and shows quotes as speaker: quote', () => {
    const digest = composeDigest([makeArticle('q.md', { headline: 'Stocks *soar* on `news`' })], {
      since: null,
      until,
      quotesOf: () => [
        { quote: 'We expect a strong quarter for every one of our shops.', speaker: 'Ann Lee', role: null, kind: 'direct', articleId: 'q.md', paragraphIndex: 0 },
      ],
    });
    const [reply] = renderDigest(digest);
    expect(reply?.embeds?.[0]?.fields?.[0]?.name).toBe('Stocks \\*soar\\* on \\`news\\`');
    expect(reply?.embeds?.[1]?.title).toBe('Quotes');
    expect(reply?.embeds?.[1]?.description).toBe(
      '**Ann Lee**: “We expect a strong quarter for every one of our shops.” — [Stocks \\*soar\\* on \\`news\\`](https://example.org/q.md)',
    );
  });
});
