import type { APIEmbed } from 'discord-api-types/v10';
import type { QuoteLookup, QuoteMatch } from '../../quotes/index.js';
import { escapeMarkdown } from '../../search/index.js';
import { EMBED_DESCRIPTION_LENGTH, EMBED_TITLE_LENGTH, EMBEDS_PER_MESSAGE } from '../limits.js';
import { isEmbedUrl, truncate, type Reply } from '../reply.js';
import { plural, texts } from '../texts.js';
import { formatDate, sourceLink } from './formatArticle.js';

/** Embed colour of quotations. */
const QUOTE_COLOUR = 0x805ad5;
/** Quotations per page of a speaker's list. */
const PAGE_SIZE = 5;
/** Pages at most; the footer says how many quotations there were in all. */
const MAX_PAGES = 10;
/** Longest quotation shown in full; longer ones are cut with "…". */
const MAX_QUOTE_CHARS = 1200;

const kindLabel = { direct: 'quote', partial: 'partial quote', indirect: 'reported speech' } as const;

/** The machine-readable results every reply carries (console `--json`). */
function resultsData(matches: readonly QuoteMatch[]): Record<string, unknown> {
  return {
    results: matches.map(({ quote, article }) => ({
      quote: quote.quote,
      speaker: quote.speaker,
      role: quote.role,
      kind: quote.kind,
      id: quote.articleId,
      headline: article.headline,
    })),
  };
}

/** One quotation as an embed: the words (Markdown escaped), who said them, and the article they come from. */
function quoteEmbed(match: QuoteMatch, number: number | null): APIEmbed {
  const { quote, article } = match;
  const words = escapeMarkdown(truncate(quote.quote, MAX_QUOTE_CHARS));
  const body = quote.kind === 'indirect' ? `*(reported)* ${words}` : `“${words}”`;
  const who = quote.speaker ? `**${escapeMarkdown(quote.speaker)}**${quote.role ? `, ${escapeMarkdown(quote.role)}` : ''}` : '*speaker not named*';
  const source = [formatDate(article.date), article.source].filter((part): part is string => Boolean(part)).map(escapeMarkdown);
  source.push(sourceLink(article.url, quote.articleId));
  return {
    color: QUOTE_COLOUR,
    title: truncate(`${number === null ? '' : `${number}. `}${article.headline}`, EMBED_TITLE_LENGTH),
    ...(isEmbedUrl(article.url) ? { url: article.url } : {}),
    description: truncate(`${body}\n— ${who} (${kindLabel[quote.kind]})\n\n${source.join(' · ')}`, EMBED_DESCRIPTION_LENGTH),
  };
}

/**
 * Renders the answer to `/quote` as pages (one `Reply` each): "who said it" answers on one page (the best match
 * first, then other candidates), a speaker's quotations newest first, `PAGE_SIZE` a page; an honest refusal
 * when nothing matches, with close names when the speaker is unknown. Every page carries `data.results`.
 *
 * @example
 * renderQuotes({ kind: 'text', query: 'moral stain', matches: [match] })[0].data
 * // => { results: [{ quote: 'moral stain', speaker: 'Alain Juppe', role: '…', kind: 'partial', id: '000_….txt', headline: '…' }] }
 */
export function renderQuotes(lookup: QuoteLookup): Reply[] {
  if (lookup.kind === 'empty') return [{ content: texts.quoteUsage, ephemeral: true, data: { results: [] } }];
  const data = resultsData(lookup.matches);
  if (lookup.kind === 'text') {
    if (lookup.matches.length === 0) return [{ content: texts.quoteNoTextMatch(lookup.query), data }];
    const heading =
      lookup.matches.length === 1
        ? `**Who said** “${escapeMarkdown(truncate(lookup.query, 200))}”`
        : `**Who said** “${escapeMarkdown(truncate(lookup.query, 200))}” — ${lookup.matches.length} candidates, best first`;
    const embeds = lookup.matches.slice(0, EMBEDS_PER_MESSAGE).map((match, index) => quoteEmbed(match, lookup.matches.length > 1 ? index + 1 : null));
    return [{ content: heading, embeds, data }];
  }
  if (!lookup.speaker) return [{ content: texts.quoteNoSpeaker(lookup.query, lookup.suggestions), data }];
  const name = lookup.speaker.name;
  if (lookup.matches.length === 0) return [{ content: texts.quoteNoSpeakerMatch(name, lookup.about ?? ''), data }];

  const shown = lookup.matches.slice(0, PAGE_SIZE * MAX_PAGES);
  const pages: Reply[] = [];
  const about = lookup.about ? ` about “${escapeMarkdown(truncate(lookup.about, 100))}”` : '';
  for (let start = 0; start < shown.length; start += PAGE_SIZE) {
    const embeds = shown.slice(start, start + PAGE_SIZE).map((match, index) => quoteEmbed(match, start + index + 1));
    const more = lookup.matches.length > shown.length ? ` (showing the newest ${shown.length})` : '';
    embeds[embeds.length - 1]!.footer = {
      text: `${plural(lookup.matches.length, 'quotation')} by ${name}${more}, newest first`,
    };
    pages.push({ content: truncate(`**What ${escapeMarkdown(name)} said**${about}`, 300), embeds, data });
  }
  return pages;
}
