import { parseFeed } from 'feedsmith';
import { FeedFetchError } from './FeedError.js';

/** One item of a feed, whatever its format, with links made absolute and the date read. */
export interface FeedItem {
  /** The item's own id (RSS guid, Atom id, JSON Feed id, RDF about), or null when it has none. */
  guid: string | null;
  /** Absolute link to the article page, or null. */
  url: string | null;
  /** Headline as plain text. */
  title: string;
  /** The feed's body for the item (HTML): full content when given, else the summary. */
  html: string;
  /** ISO 8601 UTC, or null when absent or unreadable. */
  published: string | null;
  author: string | null;
  categories: string[];
}

/** A parsed feed: its format, own title and items. */
export interface FeedDocument {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  items: FeedItem[];
}

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

/** A string at `node[key]`, or its `.value` (feedsmith gives Atom text constructs as `{ value, type }`). */
function text(node: unknown, ...keys: string[]): string | null {
  let current: unknown = node;
  for (const key of keys) current = isNode(current) ? current[key] : undefined;
  if (isNode(current)) current = current.value;
  if (typeof current === 'number') return String(current);
  return typeof current === 'string' && current.trim() !== '' ? current.trim() : null;
}

/** Tags out and entities decoded, for headlines given as HTML ("Mill reopens &lt;i&gt;after&lt;/i&gt; fire"). */
export function plainText(html: string): string {
  return html
    // `[^<>]`, not `[^>]`: a '<' never closed would otherwise rescan to the end from each '<' (quadratic on a 5 MB body).
    .replace(/<[^<>]*>/gu, '')
    .replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos|nbsp);/giu, (entity, code: string) => {
      const lower = code.toLowerCase();
      if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16) || 32);
      if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)) || 32);
      return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' } as Record<string, string>)[lower] ?? entity;
    })
    .replace(/\s+/gu, ' ')
    .trim();
}

function absolute(link: string | null, base: string): string | null {
  if (link === null) return null;
  try {
    const url = new URL(link, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** RFC 822, RFC 850, ISO 8601 and most of what real feeds print, as ISO UTC; null when unreadable. */
export function readFeedDate(value: string | null): string | null {
  if (value === null) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

function atomLink(entry: unknown): string | null {
  const links = list(isNode(entry) ? entry.links : undefined).filter(isNode);
  const alternate = links.find((link) => link.rel === undefined || link.rel === 'alternate') ?? links[0];
  return text(alternate, 'href');
}

function names(value: unknown): string | null {
  const all = list(value).map((author) => (typeof author === 'string' ? author : text(author, 'name'))).filter((name): name is string => name !== null);
  return all.length > 0 ? all.join(', ') : null;
}

function normalise(format: FeedDocument['format'], feed: Node, base: string): FeedDocument {
  const xmlBase = text(feed, 'xml', 'base');
  const root = xmlBase ? (absolute(xmlBase, base) ?? base) : base;
  const raw = format === 'atom' ? list(feed.entries) : list(feed.items);
  const items = raw.filter(isNode).map((item): FeedItem => {
    const dc = isNode(item.dc) ? item.dc : {};
    switch (format) {
      case 'atom':
        return {
          guid: text(item, 'id'),
          url: absolute(atomLink(item), root),
          title: plainText(text(item, 'title') ?? ''),
          html: text(item, 'content') ?? text(item, 'summary') ?? '',
          published: readFeedDate(text(item, 'published') ?? text(item, 'updated')),
          author: names(item.authors),
          categories: list(item.categories).map((c) => text(c, 'label') ?? text(c, 'term')).filter((c): c is string => c !== null),
        };
      case 'json':
        return {
          guid: text(item, 'id'),
          url: absolute(text(item, 'url') ?? text(item, 'external_url'), root),
          title: plainText(text(item, 'title') ?? ''),
          html: text(item, 'content_html') ?? text(item, 'content_text') ?? text(item, 'summary') ?? '',
          published: readFeedDate(text(item, 'date_published') ?? text(item, 'date_modified')),
          author: names(item.authors) ?? names(item.author),
          categories: list(item.tags).filter((t): t is string => typeof t === 'string'),
        };
      default:
        return {
          guid: text(item, 'guid') ?? text(item, 'rdf', 'about'),
          url: absolute(text(item, 'link') ?? (isNode(item.guid) && item.guid.isPermaLink !== false ? text(item, 'guid') : null), root),
          title: plainText(text(item, 'title') ?? ''),
          html: text(item, 'content', 'encoded') ?? text(item, 'description') ?? '',
          published: readFeedDate(text(item, 'pubDate') ?? (list(dc.dates).find((d) => typeof d === 'string') as string | undefined) ?? null),
          author: names(item.authors) ?? names(dc.creators),
          categories: [...list(item.categories).map((c) => text(c, 'name')), ...list(dc.subjects)].filter((c): c is string => typeof c === 'string' && c !== ''),
        };
    }
  });
  return { format, title: format === 'json' ? text(feed, 'title') : plainText(text(feed, 'title') ?? '') || null, items };
}

/**
 * Parses RSS 2.0, RSS 1.0 (RDF), Atom 1.0 or JSON Feed 1.1 text with feedsmith (its XML parser leaves DTD entities
 * unexpanded, so neither "billion laughs" nor external entities are read) and normalises the items.
 * Throws a {@link FeedFetchError} of kind `parse` when the text is no feed.
 * @example parseFeedDocument('<rss version="2.0"><channel><title>T</title><item><title>A</title><link>/a</link></item></channel></rss>', 'https://x.org/rss')
 * // => { format: 'rss', title: 'T', items: [{ title: 'A', url: 'https://x.org/a', guid: null, … }] }
 */
export function parseFeedDocument(body: string, feedUrl: string): FeedDocument {
  let parsed: { format: string; feed: unknown };
  try {
    parsed = parseFeed(body) as { format: string; feed: unknown };
  } catch (error) {
    throw new FeedFetchError(feedUrl, 'parse', `not a readable RSS, Atom, RDF or JSON feed (${error instanceof Error ? error.message : String(error)})`);
  }
  const format = parsed.format;
  if ((format !== 'rss' && format !== 'atom' && format !== 'rdf' && format !== 'json') || !isNode(parsed.feed)) {
    throw new FeedFetchError(feedUrl, 'parse', `unsupported feed format ${format}`);
  }
  return normalise(format, parsed.feed, feedUrl);
}
