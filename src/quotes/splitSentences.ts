import type { QuoteSpan } from './findQuoteSpans.js';

/** One sentence of a paragraph (offsets into the paragraph's text) and the quotations inside it. */
export interface Sentence {
  start: number;
  end: number;
  spans: QuoteSpan[];
}

/** Words a full stop follows without ending the sentence (lower-cased, without the stop). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sr', 'jr', 'gen', 'lt', 'col', 'capt', 'sgt', 'maj', 'rep', 'sen', 'gov',
  'rev', 'hon', 'inc', 'corp', 'co', 'ltd', 'no', 'vs', 'etc', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'fig', 'approx', 'est', 'dept', 'univ', 'mt', 'ft',
]);

const OPENING_MARKS = new Set(['"', '“', "'", '‘', '„']);

function startsNewSentence(text: string, index: number): boolean {
  let next = index;
  while (next < text.length && text[next] === ' ') next += 1;
  if (next >= text.length) return true;
  if (next === index) return false;
  const char = text[next]!;
  return OPENING_MARKS.has(char) || /[\p{Lu}\p{N}]/u.test(char);
}

function isAbbreviation(text: string, stop: number): boolean {
  let start = stop;
  while (start > 0 && /[\p{L}.]/u.test(text[start - 1]!)) start -= 1;
  const word = text.slice(start, stop).toLowerCase();
  // Initials ("J. Smith", "U.S.") and known abbreviations do not end sentences.
  return /^(?:\p{L}\.)*\p{L}$/u.test(word) || ABBREVIATIONS.has(word);
}

/**
 * Splits a paragraph into sentences without cutting inside a quotation: a quotation and the words that attribute
 * it stay together, and a quotation ending in `.`, `!` or `?` ends its sentence when a capital or a new quotation
 * follows.
 *
 * @example
 * splitSentences('"Go," he said. "Now."', findQuoteSpans('"Go," he said. "Now."')).map((s) => [s.start, s.end])
 * // => [[0, 14], [15, 21]]
 */
export function splitSentences(text: string, spans: readonly QuoteSpan[]): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  let current: QuoteSpan[] = [];
  let spanIndex = 0;
  const close = (end: number) => {
    let from = start;
    while (from < end && text[from] === ' ') from += 1;
    if (end > from) sentences.push({ start: from, end, spans: current });
    current = [];
    start = end;
  };
  let index = 0;
  while (index < text.length) {
    const span = spans[spanIndex];
    if (span && index >= span.open) {
      current.push(span);
      spanIndex += 1;
      index = Math.max(index + 1, span.end);
      const lastChar = text[span.contentEnd - 1] ?? '';
      if (/[.!?…]/.test(lastChar) && startsNewSentence(text, index)) close(index);
      continue;
    }
    const char = text[index]!;
    if ((char === '.' || char === '!' || char === '?') && startsNewSentence(text, index + 1)) {
      if (char !== '.' || !isAbbreviation(text, index)) close(index + 1);
    }
    index += 1;
  }
  close(text.length);
  return sentences;
}
