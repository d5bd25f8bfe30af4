import type { Article } from './types.js';
import { ArticleParseError } from './ArticleParseError.js';
import { classifyParagraph } from './classifyParagraph.js';
import { normalizeText, splitBlocks } from './normalizeText.js';
import { parseDate } from './parseDate.js';

/** The dateline of wire/web copy: "Last Modified: 06 Feb 2012 15:55". */
const LAST_MODIFIED = /^Last Modified:\s*(.*)$/i;

/** The dateline sits under section, headline and standfirst, so it appears within the first few lines. */
const DATELINE_MAX_LINE = 6;

/**
 * The credit line closing wire copy: a short outlet name followed by a wire tail, "Al Jazeera and agencies",
 * "Reuters and wires", "BBC with agencies". Group 1 is the outlet.
 */
const CREDIT_LINE = /^(.{2,60}?)\s+(?:and|with|&|\/)\s+(?:agencies|wires|wire services|news agencies)$/i;

/**
 * Index (in `lines`) of the "Last Modified:" line when it is among the first non-blank lines, else -1.
 * This is how a file is recognised as wire copy.
 *
 * @example
 * findDateline(['Middle East', 'Headline', 'Standfirst', 'Last Modified: 06 Feb 2012 15:55'])
 * // => 3
 */
export function findDateline(lines: readonly string[]): number {
  let seen = 0;
  for (let i = 0; i < lines.length && seen < DATELINE_MAX_LINE; i++) {
    const line = normalizeText(lines[i] ?? '');
    if (line === '') continue;
    if (LAST_MODIFIED.test(line)) return i;
    seen++;
  }
  return -1;
}

/**
 * Parses wire/web copy: section, headline and standfirst lines, a "Last Modified:" dateline, body paragraphs
 * separated by blank lines, then a credit line ("X and agencies") after which everything is site chrome.
 *
 * @example
 * parseWire('a.txt', 'World\nHeadline\nSummary.\nLast Modified: 06 Feb 2012 15:55\n\nBody.\n\nAP and agencies\nMore')
 * // => { format: 'wire', section: 'World', headline: 'Headline', date: '2012-02-06T15:55', source: 'AP',
 * //      credit: 'AP and agencies', paragraphs: [{ kind: 'body', text: 'Body.' }], ... }
 */
export function parseWire(id: string, text: string): Article {
  const lines = text.split('\n');
  const dateline = findDateline(lines);
  if (dateline < 0) throw new ArticleParseError(id, 'no "Last Modified:" line in the first lines');

  const header = lines.slice(0, dateline).map(normalizeText).filter((line) => line !== '');
  let section: string | null = null;
  let standfirst: string | null = null;
  let headline: string;
  if (header.length >= 3) {
    [section = null, headline = ''] = header;
    standfirst = header.slice(2).join(' ');
  } else if (header.length === 2) {
    [headline = '', standfirst = null] = header;
  } else if (header.length === 1) {
    headline = header[0] ?? '';
  } else {
    throw new ArticleParseError(id, 'no headline above the "Last Modified:" line');
  }

  const printedDate = LAST_MODIFIED.exec(normalizeText(lines[dateline] ?? ''))?.[1] ?? '';

  const rest = lines.slice(dateline + 1);
  let credit: string | null = null;
  let source: string | null = null;
  let end = rest.length;
  for (let i = 0; i < rest.length; i++) {
    const line = normalizeText(rest[i] ?? '');
    const match = CREDIT_LINE.exec(line);
    if (match) {
      credit = line;
      source = match[1] ?? null;
      end = i;
      break;
    }
  }

  return {
    id,
    headline,
    standfirst,
    section,
    source,
    date: parseDate(printedDate),
    url: null,
    byline: null,
    credit,
    license: null,
    tags: [],
    format: 'wire',
    paragraphs: splitBlocks(rest.slice(0, end).join('\n')).map(classifyParagraph),
  };
}
