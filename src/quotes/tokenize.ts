import type { QuoteSpan } from './findQuoteSpans.js';

/**
 * One token of a sentence's frame (the words around its quotations): a word, a punctuation mark, or a whole
 * quotation standing in for its words.
 */
export interface Token {
  kind: 'word' | 'punct' | 'quote';
  text: string;
  /** Lower-cased text, for lookups. */
  lower: string;
  /** Starts with a capital letter (or is an acronym). */
  capitalised: boolean;
  /** Offsets into the paragraph's text. */
  start: number;
  end: number;
  /** For `quote` tokens: the quotation. */
  span?: QuoteSpan;
}

// A word: letters or digits, joined by apostrophes, hyphens or inner full stops ("U.S", "don't", "al-Assad").
// Each repetition must consume a joiner first, so matching stays linear.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’.\-][\p{L}\p{M}\p{N}]+)*/uy;
/** Abbreviated titles whose full stop belongs to the word ("Sen. Tom Harkin"). */
const TITLE_ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'lt', 'gen', 'col', 'capt', 'sgt', 'prof', 'rev', 'st', 'jr', 'sr', 'maj', 'hon']);
/** Initials and initialisms ("J", "L.F", "U.S"): their full stop does not end anything. */
const INITIALS = /^(?:\p{Lu}\.)*\p{Lu}$/u;

/**
 * Tokenises `text[start, end)`, replacing each quotation of `spans` by one `quote` token.
 *
 * @example
 * tokenize('"Go," Ann said.', 0, 15, findQuoteSpans('"Go," Ann said.')).map((t) => t.kind + ':' + t.text)
 * // => ['quote:"Go,"', 'word:Ann', 'word:said', 'punct:.']
 */
export function tokenize(text: string, start: number, end: number, spans: readonly QuoteSpan[]): Token[] {
  const tokens: Token[] = [];
  let spanIndex = 0;
  let index = start;
  while (index < end) {
    const span = spans[spanIndex];
    if (span && index >= span.open) {
      const quoted = text.slice(span.open, span.end);
      tokens.push({ kind: 'quote', text: quoted, lower: quoted.toLowerCase(), capitalised: false, start: span.open, end: span.end, span });
      index = Math.max(index + 1, span.end);
      spanIndex += 1;
      continue;
    }
    const char = text[index]!;
    if (char === ' ') {
      index += 1;
      continue;
    }
    WORD.lastIndex = index;
    const match = WORD.exec(text);
    if (match && match.index === index) {
      const word = match[0];
      let stop = Math.min(index + word.length, span ? span.open : end);
      if (text[stop] === '.' && stop + 1 <= end && (TITLE_ABBREVIATIONS.has(word.toLowerCase()) || INITIALS.test(word))) stop += 1;
      const clipped = text.slice(index, stop);
      tokens.push({
        kind: 'word',
        text: clipped,
        lower: clipped.toLowerCase(),
        capitalised: /^\p{Lu}/u.test(clipped),
        start: index,
        end: stop,
      });
      index = stop;
      continue;
    }
    tokens.push({ kind: 'punct', text: char, lower: char, capitalised: false, start: index, end: index + 1 });
    index += 1;
  }
  return tokens;
}
