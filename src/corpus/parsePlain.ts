import type { Article } from './types.js';
import { ArticleParseError } from './ArticleParseError.js';
import { blockParagraphs } from './classifyParagraph.js';
import { normalizeText, splitBlocks } from './normalizeText.js';

/**
 * The folder holding the file names its section ("business/001.txt" → "business"); files at the top level have
 * none. The nearest folder is used so that a collection dropped in whole ("bbc/business/001.txt") still reads
 * "business".
 */
function sectionFromId(id: string): string | null {
  const parts = id.split('/');
  return parts.length > 1 ? (parts[parts.length - 2] ?? null) : null;
}

/**
 * Parses plain text: the headline on line 1, then body paragraphs separated by blank lines (the layout of the
 * BBC News 2005 and Reuters-21578 collections), a bulleted list one paragraph per item ({@link blockParagraphs}).
 * Headlines are kept as printed, ALL CAPS included.
 *
 * @example
 * parsePlain('business/001.txt', 'Ad sales boost profit\n\nQuarterly profits jumped.')
 * // => { format: 'plain', headline: 'Ad sales boost profit', section: 'business',
 * //      paragraphs: [{ kind: 'body', text: 'Quarterly profits jumped.' }], ... }
 */
export function parsePlain(id: string, text: string): Article {
  const blocks = splitBlocks(text);
  const first = blocks.shift();
  if (first === undefined) throw new ArticleParseError(id, 'no headline');
  const [headlineLine = '', ...restOfFirst] = first;
  // A headline run straight into the text (no blank line after it) still leaves the rest as a paragraph.
  if (restOfFirst.length > 0) blocks.unshift(restOfFirst);

  return {
    id,
    headline: normalizeText(headlineLine),
    standfirst: null,
    section: sectionFromId(id),
    source: null,
    date: null,
    url: null,
    byline: null,
    credit: null,
    license: null,
    tags: [],
    format: 'plain',
    paragraphs: blocks.flatMap(blockParagraphs),
  };
}
