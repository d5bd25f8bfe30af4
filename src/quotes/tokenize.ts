import { compoundWordAt, TITLE_ABBREVIATIONS } from '../text/index.js';
import type { QuoteSpan } from './findQuoteSpans.js';
import { ORGANISATION_WORDS } from './vocabulary.js';

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

/** Initials and initialisms ("J", "L.F", "U.S"): their full stop does not end anything. */
const INITIALS = /^(?:\p{Lu}\.)*\p{Lu}$/u;

/**
 * An Irish surname prefix written apart from its name, as some corpora print it ("Rory O' Neill"): one word.
 * Only "O" and "D" before an apostrophe, a space and a capital, so a closing quotation mark is never taken.
 */
const SPACED_PREFIX = /^['’] \p{Lu}/u;

/** A plural's apostrophe before a capitalised word: "Musicians' Union" (from the plural's last letter on). */
const PLURAL_POSSESSIVE_IN_NAME = /^s['’] \p{Lu}/u;

/** A name after a joined lower-case Arabic article: "al-Maliki", "el-Baradei". */
const ARTICLE_PREFIXED = /^(?:al|el)-\p{Lu}/u;

/**
 * True when a word can be part of a name: a capital first letter, or a joined Arabic article before one ("al-Sadr").
 * @example isNameWord('al-Sadr') // => true
 */
export const isNameWord = (word: string): boolean => isCapital(word.charCodeAt(0), word);

/** Upper-case first letter; the ASCII test first because it is by far the most common case. */
function isCapital(code: number, word: string): boolean {
  if (code >= 65 && code <= 90) return true;
  // "al-Sadr", "el-Baradei": an Arabic article joined to a capitalised name is part of the name.
  if ((code === 97 || code === 101) && ARTICLE_PREFIXED.test(word)) return true;
  if (code < 128) return false;
  return /^\p{Lu}/u.test(word);
}

/**
 * The tokens of one sentence, `[start, end)`, cut from its paragraph's tokens (see {@link tokenize} without
 * spans), with each quotation of `spans` collapsed into one `quote` token: the paragraph is tokenised only once.
 *
 * @example
 * sentenceTokens(text, tokenize(text, 0, text.length, []), 0, 15, spans)
 * // => the same tokens as tokenize(text, 0, 15, spans)
 */
export function sentenceTokens(text: string, paragraph: readonly Token[], start: number, end: number, spans: readonly QuoteSpan[]): Token[] {
  const tokens: Token[] = [];
  let spanIndex = 0;
  // Binary search for the first token at or after `start`.
  let low = 0;
  let high = paragraph.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (paragraph[mid]!.end <= start) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < paragraph.length; i += 1) {
    const token = paragraph[i]!;
    if (token.start >= end) break;
    while (spanIndex < spans.length && spans[spanIndex]!.end <= token.start) spanIndex += 1;
    const span = spans[spanIndex];
    if (span && token.end > span.open && token.start < span.end) {
      if (tokens[tokens.length - 1]?.span !== span) {
        const quoted = text.slice(span.open, span.end);
        tokens.push({ kind: 'quote', text: quoted, lower: quoted, capitalised: false, start: span.open, end: span.end, span });
      }
      continue;
    }
    tokens.push(token);
  }
  return tokens;
}

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
    // A word is the text layer's compound word ("U.S", "don't", "al-Assad"); a title's full stop joins it.
    const word = compoundWordAt(text, index);
    if (word !== null) {
      let stop = Math.min(index + word.length, span ? span.open : end);
      if ((word === 'O' || word === 'D') && SPACED_PREFIX.test(text.slice(stop, stop + 3))) {
        const surname = compoundWordAt(text, stop + 2);
        if (surname !== null && stop + 2 + surname.length <= (span ? span.open : end)) stop += 2 + surname.length;
      }
      if (text[stop] === '.' && stop + 1 <= end && (TITLE_ABBREVIATIONS.has(word.toLowerCase()) || INITIALS.test(word))) stop += 1;
      // "the Musicians' Union", "Music Managers' Forum": a plural possessive before an organisation's head is one
      // name with it ("Financial Times' China correspondent" is not).
      else if ((text[stop] === "'" || text[stop] === '’') && stop + 2 < end && PLURAL_POSSESSIVE_IN_NAME.test(text.slice(stop - 1, stop + 3)) &&
        isCapital(word.charCodeAt(0), word) && ORGANISATION_WORDS.has(compoundWordAt(text, stop + 2)?.toLowerCase() ?? '')) stop += 1;
      const clipped = text.slice(index, stop);
      tokens.push({
        kind: 'word',
        text: clipped,
        lower: clipped.toLowerCase(),
        capitalised: isCapital(clipped.charCodeAt(0), clipped),
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
