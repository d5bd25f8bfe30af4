import type { Article } from '../corpus/types.js';
import type { Quote } from '../quotes/types.js';
import { pickNotableQuotes } from './pickNotableQuotes.js';

/** One article as a digest lists it. */
export interface DigestItem {
  id: string;
  headline: string;
  /** One line: the standfirst, or the opening of the first body paragraph when there is none. */
  standfirst: string | null;
  date: string | null;
  url: string | null;
  source: string | null;
  /** The article's tags (its section is the section it is listed under). */
  tags: string[];
}

/** The articles of one section, newest first. */
export interface DigestSection {
  /** The article's section, or `OTHER_SECTION` when it has none. */
  name: string;
  items: DigestItem[];
}

/** One notable quote and the article it comes from. */
export interface DigestQuote {
  speaker: string | null;
  quote: string;
  articleId: string;
  headline: string;
  url: string | null;
}

/** A digest as plain data: what `renderDigest` turns into messages. */
export interface Digest {
  /** The first-seen window it covers (null `since`: from the start). */
  since: string | null;
  until: string;
  sections: DigestSection[];
  quotes: DigestQuote[];
  /** How many articles it carries (the sum of the sections' items). */
  articleCount: number;
}

/** Options of `composeDigest`. */
export interface ComposeDigestOptions {
  /** The window the articles were selected for; carried into the digest for its header. */
  since: string | null;
  until: string;
  /** The quotes of an article (the quote extractor's index); none when absent. @default () => [] */
  quotesOf: (articleId: string) => readonly Quote[];
  /** How many quotes the digest shows at most. @default 5 */
  maxQuotes: number;
  /** How long a one-line standfirst may be, in characters. @default 200 */
  standfirstLength: number;
}

const defaultComposeOptions: Omit<ComposeDigestOptions, 'since' | 'until'> = {
  quotesOf: () => [],
  maxQuotes: 5,
  standfirstLength: 200,
};

/** The section name for articles that have none; listed last. */
export const OTHER_SECTION = 'Other';

/**
 * Cuts text to one line of at most `max` characters, at a word boundary, with "…" when cut.
 * @example oneLine('The quick brown fox jumps', 16) // => 'The quick brown…'
 */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  // The cut already ends a word when the next character is a space.
  const space = flat[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/** Newest first by printed date (undated last), then by headline, so the order is stable. */
function byDateDescending(a: Article, b: Article): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.headline.localeCompare(b.headline) || a.id.localeCompare(b.id);
}

function toItem(article: Article, standfirstLength: number): DigestItem {
  const lead = article.standfirst ?? article.paragraphs.find((paragraph) => paragraph.kind === 'body')?.text ?? null;
  return {
    id: article.id,
    headline: article.headline,
    standfirst: lead ? oneLine(lead, standfirstLength) : null,
    date: article.date,
    url: article.url,
    source: article.source,
    tags: article.tags,
  };
}

/**
 * Composes a digest from the articles it carries: grouped by section (largest first, `Other` last), each
 * section newest first, with the most notable quotes of those articles.
 * @example composeDigest(articles, { since: null, until: '2025-06-02T08:00:00.000Z' }).sections.map((s) => s.name)
 * // => ['Middle East', 'business', 'Other']
 */
export function composeDigest(
  articles: readonly Article[],
  options: Pick<ComposeDigestOptions, 'since' | 'until'> & Partial<ComposeDigestOptions>,
): Digest {
  const resolved = { ...defaultComposeOptions, ...options };
  const bySection = new Map<string, Article[]>();
  for (const article of articles) {
    const name = article.section?.trim() || OTHER_SECTION;
    const list = bySection.get(name) ?? [];
    list.push(article);
    bySection.set(name, list);
  }
  const sections: DigestSection[] = [...bySection.entries()]
    .sort(([nameA, listA], [nameB, listB]) => {
      if ((nameA === OTHER_SECTION) !== (nameB === OTHER_SECTION)) return nameA === OTHER_SECTION ? 1 : -1;
      return listB.length - listA.length || nameA.localeCompare(nameB);
    })
    .map(([name, list]) => ({
      name,
      items: [...list].sort(byDateDescending).map((article) => toItem(article, resolved.standfirstLength)),
    }));
  const ordered = sections.flatMap((section) => section.items.map((item) => item.id));
  const byId = new Map(articles.map((article) => [article.id, article]));
  const quotes = pickNotableQuotes(
    ordered.flatMap((id) => resolved.quotesOf(id)),
    { max: resolved.maxQuotes },
  ).map((quote) => ({
    speaker: quote.speaker,
    quote: quote.quote,
    articleId: quote.articleId,
    headline: byId.get(quote.articleId)?.headline ?? quote.articleId,
    url: byId.get(quote.articleId)?.url ?? null,
  }));
  return { since: resolved.since, until: resolved.until, sections, quotes, articleCount: articles.length };
}

/**
 * The latest `count` articles by printed date, for "/digest now" when nothing is new.
 * @example latestArticles(articles, 3).map((a) => a.date) // => ['2012-02-06', '2011-12-01', '2011-11-30']
 */
export function latestArticles(articles: readonly Article[], count: number): Article[] {
  return [...articles].sort(byDateDescending).slice(0, Math.max(0, count));
}
