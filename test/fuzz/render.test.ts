import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord-api-types/v10';
import type { Article } from '../../src/corpus/types.js';
import {
  ACTION_ROWS_PER_MESSAGE,
  EMBED_AUTHOR_NAME_LENGTH,
  EMBED_DESCRIPTION_LENGTH,
  EMBED_FIELD_COUNT,
  EMBED_FIELD_NAME_LENGTH,
  EMBED_FIELD_VALUE_LENGTH,
  EMBED_FOOTER_TEXT_LENGTH,
  EMBED_TITLE_LENGTH,
  EMBED_TOTAL_LENGTH,
  EMBEDS_PER_MESSAGE,
  MESSAGE_CONTENT_LENGTH,
} from '../../src/discord/limits.js';
import { renderAbout } from '../../src/discord/render/renderAbout.js';
import { renderAsk } from '../../src/discord/render/renderAsk.js';
import { renderHelp, type HelpEntry } from '../../src/discord/render/renderHelp.js';
import { renderQuotes } from '../../src/discord/render/renderQuotes.js';
import { embedsLength, fitReply, type Reply } from '../../src/discord/reply.js';
import { toMessageOptions } from '../../src/discord/sendable.js';
import type { Library } from '../../src/library.js';
import { QuoteIndex, type QuoteLookup, type QuoteMatch } from '../../src/quotes/index.js';
import { SearchIndex, type FacetValue, type SearchHit, type SearchResult } from '../../src/search/index.js';
import { commands } from '../../commands/index.js';
import { article, date, hostileText, url } from './arbitraries.js';
import { TimeBudget } from './budget.js';

const NO_MENTIONS = { parse: [], users: [], roles: [], repliedUser: false };

/** Everything Discord checks on a message before accepting it, as far as the bot controls it. */
function checkSendable(reply: Reply): void {
  const options = toMessageOptions(reply);
  expect(options.allowedMentions).toEqual(NO_MENTIONS);
  const content = options.content ?? '';
  const embeds = (options.embeds ?? []) as APIEmbed[];
  expect(content.length).toBeLessThanOrEqual(MESSAGE_CONTENT_LENGTH);
  // Discord refuses a message with neither content nor embeds.
  expect(content.length > 0 || embeds.length > 0).toBe(true);
  expect(embeds.length).toBeLessThanOrEqual(EMBEDS_PER_MESSAGE);
  expect(options.components?.length ?? 0).toBeLessThanOrEqual(ACTION_ROWS_PER_MESSAGE);
  for (const embed of embeds) {
    if (embed.title !== undefined) {
      expect(embed.title.length).toBeGreaterThan(0);
      expect(embed.title.length).toBeLessThanOrEqual(EMBED_TITLE_LENGTH);
    }
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(EMBED_DESCRIPTION_LENGTH);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(EMBED_FOOTER_TEXT_LENGTH);
    expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(EMBED_AUTHOR_NAME_LENGTH);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(EMBED_FIELD_COUNT);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(EMBED_FIELD_NAME_LENGTH);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(EMBED_FIELD_VALUE_LENGTH);
    }
  }
  expect(embedsLength(embeds)).toBeLessThanOrEqual(EMBED_TOTAL_LENGTH);
}

/** Discord rejects the whole message when an embed's `url` is not an http(s) URL ("Not a well formed URL"). */
function checkEmbedUrls(reply: Reply): void {
  for (const embed of (toMessageOptions(reply).embeds ?? []) as APIEmbed[]) {
    if (embed.url === undefined) continue;
    const parsed = URL.canParse(embed.url) ? new URL(embed.url) : null;
    expect(parsed !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:'), `embed url ${JSON.stringify(embed.url.slice(0, 80))}`).toBe(true);
    expect(embed.url.length).toBeLessThanOrEqual(2048);
  }
}

const hit: fc.Arbitrary<SearchHit> = article({ maxParagraphs: 4 }).chain((chosen: Article) =>
  fc.record({
    article: fc.constant(chosen),
    score: fc.double({ min: 0, max: 1e6, noNaN: true }),
    paragraphIndex: fc.integer({ min: -1, max: Math.max(-1, chosen.paragraphs.length - 1) }),
    excerpt: fc.oneof(hostileText(600), fc.integer({ min: 1, max: 8000 }).map((n) => '*'.repeat(n))),
    matchedTerms: fc.array(hostileText(12), { maxLength: 5 }),
    answer: fc.option(hostileText(300)),
  }),
);

const searchResult: fc.Arbitrary<SearchResult> = fc.record({
  hits: fc.array(hit, { maxLength: 40 }),
  terms: fc.array(hostileText(20), { maxLength: 10 }),
  suggestions: fc.array(hostileText(40), { maxLength: 10 }),
});

const askOptions = fc.record({
  question: fc.oneof(hostileText(300), hostileText(6000)),
  pageSize: fc.integer({ min: 1, max: 10 }),
  ms: fc.double({ min: 0, max: 1e7, noNaN: true }),
});

describe('renderAsk → toMessageOptions (fuzz)', () => {
  it('keeps every page within Discord limits with no mention able to fire, for any result', () => {
    const budget = new TimeBudget(1000);
    fc.assert(
      fc.property(searchResult, askOptions, (result, options) => {
        const pages = budget.measure(result.hits.length, () => [...renderAsk(result, options)]);
        expect(pages.length).toBeGreaterThan(0);
        expect(pages.length).toBeLessThanOrEqual(10);
        for (const page of pages) checkSendable(page);
      }),
      { numRuns: 600 },
    );
    expect(budget.within, budget.report).toBe(true);
  });

  // Found by this suite: an article's `url` (any string in front matter) used to become the embed's `url` unchecked,
  // and Discord rejects the whole message for a malformed one, so one bad seed file broke every /ask that found it.
  // Now only http(s) URLs of at most 2048 characters are used (isEmbedUrl, also applied by fitEmbed).
  it('gives embeds only http(s) URLs Discord accepts, whatever url an article carries', () => {
    fc.assert(
      fc.property(searchResult, askOptions, (result, options) => {
        for (const page of renderAsk(result, options)) checkEmbedUrls(page);
      }),
      { numRuns: 300 },
    );
  });
});

describe('fitReply / toMessageOptions (fuzz)', () => {
  const embed: fc.Arbitrary<APIEmbed> = fc.record(
    {
      title: fc.oneof(hostileText(300), fc.integer({ min: 0, max: 9000 }).map((n) => 'T'.repeat(n))),
      description: fc.oneof(hostileText(600), fc.integer({ min: 0, max: 9000 }).map((n) => '😀'.repeat(n))),
      footer: fc.record({ text: fc.oneof(hostileText(100), fc.integer({ min: 0, max: 5000 }).map((n) => 'f'.repeat(n))) }),
      author: fc.record({ name: fc.oneof(hostileText(100), fc.integer({ min: 0, max: 1000 }).map((n) => 'a'.repeat(n))) }),
      fields: fc.array(
        fc.record({
          name: fc.oneof(hostileText(60), fc.integer({ min: 0, max: 600 }).map((n) => 'n'.repeat(n))),
          value: fc.oneof(hostileText(200), fc.integer({ min: 0, max: 3000 }).map((n) => 'v'.repeat(n))),
          inline: fc.boolean(),
        }),
        { maxLength: 40 },
      ),
    },
    { requiredKeys: [] },
  );
  const reply: fc.Arbitrary<Reply> = fc.record(
    {
      content: fc.oneof(hostileText(300), fc.integer({ min: 1, max: 9000 }).map((n) => '@everyone '.repeat(n))),
      embeds: fc.array(embed, { minLength: 1, maxLength: 14 }),
      ephemeral: fc.boolean(),
    },
    { requiredKeys: ['embeds'] },
  );

  it('fits any reply (oversized texts, 40 fields, 14 embeds, surrogate pairs) within every Discord limit', () => {
    const budget = new TimeBudget(1000);
    fc.assert(
      fc.property(reply, (given) => {
        budget.measure(given, () => fitReply(given));
        checkSendable(given);
      }),
      { numRuns: 1000 },
    );
    expect(budget.within, budget.report).toBe(true);
  });

  it('never cuts a surrogate pair in half', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2001, max: 6000 }), fc.integer({ min: 0, max: 1 }), (length, offset) => {
        const content = `${'x'.repeat(offset)}${'😀'.repeat(length)}`;
        const fitted = fitReply({ content, embeds: [{ title: content, description: content }] });
        for (const text of [fitted.content!, fitted.embeds![0]!.title!, fitted.embeds![0]!.description!]) {
          // In unicode mode a pair is one code point, so `\p{Cs}` only matches a lone half.
          expect(text).not.toMatch(/\p{Cs}/u);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('renderHelp → toMessageOptions (fuzz)', () => {
  const option: fc.Arbitrary<NonNullable<HelpEntry['options']>[number]> = fc.record({
    name: hostileText(40),
    description: hostileText(120),
    type: fc.integer({ min: 1, max: 11 }),
    required: fc.boolean(),
    options: fc.array(fc.record({ name: hostileText(40), description: hostileText(120), type: fc.integer({ min: 3, max: 11 }), required: fc.boolean() }), { maxLength: 25 }),
  });
  const entry: fc.Arbitrary<HelpEntry> = fc.record({ name: hostileText(40), description: hostileText(200), options: fc.array(option, { maxLength: 25 }) });

  it('fits any list of commands (up to 100, 25 options each) within Discord limits', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 100 }), (entries) => checkSendable(renderHelp(entries))),
      { numRuns: 300 },
    );
  });

  it('fits the help of the real commands', () => {
    checkSendable(renderHelp(commands.map((command) => command.data.toJSON() as HelpEntry)));
  });
});

describe('renderAbout → toMessageOptions (fuzz)', () => {
  const empty = { search: SearchIndex.build([]), quotes: QuoteIndex.fromArticles([]) };
  const facetValues: fc.Arbitrary<FacetValue[]> = fc.array(
    fc.record({ name: fc.oneof(hostileText(60), fc.integer({ min: 1, max: 2000 }).map((n) => 'S'.repeat(n))), count: fc.nat() }),
    { maxLength: 300 },
  );
  const library: fc.Arbitrary<Library> = fc
    .record({
      sections: facetValues,
      sources: facetValues,
      dateRange: fc.option(fc.record({ first: date, last: date }), { nil: null }),
      undated: fc.nat(),
      skipped: fc.array(fc.record({ file: hostileText(60), reason: hostileText(60) }), { maxLength: 50 }),
      loadedAt: fc.date({ noInvalidDate: true }),
      buildMs: fc.double({ min: 0, max: 1e9, noNaN: true }),
    })
    .map(({ sections, sources, dateRange, undated, skipped, loadedAt, buildMs }) => ({
      corpus: { articles: [], skipped },
      articles: new Map(),
      ...empty,
      facets: { sections, sources, dateRange, undated },
      loadedAt,
      buildMs,
      fromCache: false,
    }));

  it('fits any coverage (hundreds of outlets and sections, long names, odd dates) within Discord limits', () => {
    fc.assert(
      fc.property(library, (given) => checkSendable(renderAbout(given))),
      { numRuns: 500 },
    );
  });
});

describe('renderQuotes → toMessageOptions (fuzz)', () => {
  const match: fc.Arbitrary<QuoteMatch> = fc.record({
    quote: fc.record({
      quote: fc.oneof(hostileText(400), fc.integer({ min: 1, max: 6000 }).map((n) => '"'.repeat(n))),
      speaker: fc.option(hostileText(80), { nil: null }),
      role: fc.option(hostileText(120), { nil: null }),
      kind: fc.constantFrom('direct', 'partial', 'indirect'),
      articleId: hostileText(40),
      paragraphIndex: fc.nat(50),
    }),
    article: fc.record({ headline: hostileText(400), date: fc.option(date, { nil: null }), source: fc.option(hostileText(40), { nil: null }), url: fc.option(url, { nil: null }) }),
    score: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  const lookup: fc.Arbitrary<QuoteLookup> = fc.oneof(
    fc.constant({ kind: 'empty' as const }),
    fc.record({ kind: fc.constant('text' as const), query: hostileText(400), matches: fc.array(match, { maxLength: 12 }) }),
    fc.record({
      kind: fc.constant('speaker' as const),
      query: hostileText(200),
      about: fc.option(hostileText(400), { nil: null }),
      speaker: fc.option(
        fc.record({ name: hostileText(200), key: hostileText(40), count: fc.nat(), roles: fc.array(hostileText(40), { maxLength: 3 }), aliases: fc.array(hostileText(40), { maxLength: 3 }) }),
        { nil: null },
      ),
      matches: fc.array(match, { maxLength: 60 }),
      suggestions: fc.array(hostileText(100), { maxLength: 5 }),
    }),
  );

  it('keeps every page within Discord limits with no mention able to fire, for any lookup', () => {
    fc.assert(
      fc.property(lookup, (given) => {
        const pages = renderQuotes(given);
        expect(pages.length).toBeGreaterThan(0);
        for (const page of pages) checkSendable(page);
      }),
      { numRuns: 500 },
    );
  });
});
