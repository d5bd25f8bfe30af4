import { DateTime } from 'luxon';
import type { Article } from '../../corpus/types.js';
import { escapeMarkdown } from '../../search/index.js';
import { isEmbedUrl } from '../reply.js';

/**
 * A printed date for an article: "6 Feb 2012" (with the time when the article gives one: "6 Feb 2012 15:55").
 * @example formatDate('2012-02-06T15:55') // => '6 Feb 2012 15:55'
 */
export function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  const date = DateTime.fromISO(iso, { zone: 'utc' });
  if (!date.isValid) return iso;
  return date.toFormat(iso.length > 10 ? 'd LLL yyyy HH:mm' : 'd LLL yyyy');
}

/**
 * An instant in a time zone, as digests and their status show it: "Sun 1 Jun 2025 08:00".
 * @example formatInZone('2025-06-01T07:00:00.000Z', 'Europe/London') // => 'Sun 1 Jun 2025 08:00'
 */
export function formatInZone(iso: string, timezone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(timezone).toFormat('ccc d LLL yyyy HH:mm');
}

/**
 * A Markdown link to an article's source when its URL is a safe http(s) one, else its file name in the seeds
 * folder, so every excerpt, digest entry and quotation says where it comes from without a bad link.
 * @example sourceLink('https://example.org/a (1)', 'a.md') // => '[source](https://example.org/a%20%281%29)'
 * @example sourceLink('javascript:alert(1)', 'a.md') // => '`a.md`'
 */
export function sourceLink(url: string | null, id: string): string {
  return isEmbedUrl(url) ? `[source](${markdownUrl(url)})` : `\`${id.replace(/`/gu, "'")}\``;
}

/**
 * A URL safe inside a Markdown link: parentheses and white space would end it early (`encodeURIComponent` leaves
 * parentheses as they are, so they are escaped by hand).
 * @example markdownUrl('https://example.org/a (1)') // => 'https://example.org/a%20%281%29'
 */
export function markdownUrl(url: string): string {
  return url.replace(/[()\s]/gu, (char) => (char === '(' ? '%28' : char === ')' ? '%29' : encodeURIComponent(char)));
}

/**
 * An article's section with its tags, as every answer shows it: "Politics and conflicts (Iraq war)"; the tags
 * alone when there is no section; null when there is neither.
 * @example sectionLabel('Politics and conflicts', ['Iraq war']) // => 'Politics and conflicts (Iraq war)'
 */
export function sectionLabel(section: string | null, tags: readonly string[]): string | null {
  const tagText = tags.length ? tags.join(', ') : null;
  if (section && tagText) return `${section} (${tagText})`;
  return section ?? tagText;
}

/**
 * One line saying where an article comes from: date · section (tags) · outlet, then its link (or its file in the seeds
 * folder) and licence, so every excerpt carries its source.
 * @example sourceLine(seed) // => '6 Feb 2012 15:55 · Middle East · Al Jazeera · `000_8ea7bffe1f96b296.txt`'
 */
export function sourceLine(article: Article): string {
  const parts = [formatDate(article.date), sectionLabel(article.section, article.tags), article.source].filter((part): part is string => Boolean(part)).map(escapeMarkdown);
  parts.push(sourceLink(article.url, article.id));
  if (article.license) parts.push(escapeMarkdown(article.license));
  return parts.join(' · ');
}
