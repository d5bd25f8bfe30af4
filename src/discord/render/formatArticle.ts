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
 * One line saying where an article comes from: date · section · outlet, then its link (or its file in the seeds
 * folder) and licence, so every excerpt carries its source.
 * @example sourceLine(seed) // => '6 Feb 2012 15:55 · Middle East · Al Jazeera · `000_8ea7bffe1f96b296.txt`'
 */
export function sourceLine(article: Article): string {
  const parts = [formatDate(article.date), article.section, article.source].filter((part): part is string => Boolean(part)).map(escapeMarkdown);
  parts.push(isEmbedUrl(article.url) ? `[source](${article.url.replace(/[()\s]/gu, encodeURIComponent)})` : `\`${article.id.replace(/`/gu, "'")}\``);
  if (article.license) parts.push(escapeMarkdown(article.license));
  return parts.join(' · ');
}
