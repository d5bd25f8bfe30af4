import type { Article, ArticleFormat } from './types.js';
import { ArticleParseError } from './ArticleParseError.js';
import { cleanSource } from './normalizeText.js';
import { parseMarkdown } from './parseMarkdown.js';
import { findDateline, parseWire } from './parseWire.js';
import { parsePlain } from './parsePlain.js';

/** A headline longer than this is a paragraph that lost its blank line, not a headline: the file is not trusted. */
const HEADLINE_MAX_CHARS = 300;

/** Lines (blank ones included) searched for the "Last Modified:" dateline. */
const DETECT_MAX_LINES = 64;

/**
 * Which layout a file uses: Markdown when it opens with front matter or is named `.md`/`.markdown`, wire copy
 * when a "Last Modified:" line sits in its first lines, plain text otherwise.
 *
 * @example
 * detectFormat('a.txt', 'World\nHeadline\nLast Modified: 06 Feb 2012 15:55\n\nBody.')
 * // => 'wire'
 */
export function detectFormat(id: string, text: string): ArticleFormat {
  if (/^---[ \t]*\n/.test(text) || /\.(md|markdown)$/i.test(id)) return 'markdown';
  // The dateline is near the top: splitting only the head keeps detection cheap on long files.
  if (findDateline(text.split('\n', DETECT_MAX_LINES)) >= 0) return 'wire';
  return 'plain';
}

/**
 * Parses one article file (any of the three layouts, detected per file) into an Article, whitespace normalised.
 * Throws ArticleParseError when the file cannot be trusted: empty, no headline, no body paragraph.
 * An unreadable date does not reject the file: the article gets `date: null`.
 *
 * @example
 * parseArticle('business/001.txt', 'Ad sales boost profit\n\nQuarterly profits jumped.')
 * // => { id: 'business/001.txt', format: 'plain', headline: 'Ad sales boost profit', section: 'business',
 * //      date: null, paragraphs: [{ kind: 'body', text: 'Quarterly profits jumped.' }], ... }
 */
export function parseArticle(id: string, text: string): Article {
  const source = cleanSource(text);
  if (!/\S/.test(source)) throw new ArticleParseError(id, 'empty file');

  const format = detectFormat(id, source);
  const parse = format === 'markdown' ? parseMarkdown : format === 'wire' ? parseWire : parsePlain;
  const article = parse(id, source);

  if (article.headline === '') throw new ArticleParseError(id, 'no headline');
  if (article.headline.length > HEADLINE_MAX_CHARS) {
    throw new ArticleParseError(
      id,
      `headline is ${article.headline.length} characters long (limit ${HEADLINE_MAX_CHARS}): no blank line after it?`,
    );
  }
  if (!article.paragraphs.some((paragraph) => paragraph.kind === 'body')) {
    throw new ArticleParseError(id, 'no body');
  }
  return article;
}
