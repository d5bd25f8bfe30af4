import type { Article } from '../corpus/types.js';

/**
 * The whole text of an article as one string: headline, standfirst and paragraphs, one per line.
 * @example articleText({ headline: 'Homs shelled', standfirst: null, paragraphs: [{ kind: 'body', text: 'It rained.' }] })
 * // => 'Homs shelled\nIt rained.'
 */
export function articleText(article: Pick<Article, 'headline' | 'standfirst' | 'paragraphs'>): string {
  return [article.headline, ...(article.standfirst ? [article.standfirst] : []), ...article.paragraphs.map((paragraph) => paragraph.text)].join('\n');
}
