import { ABBREVIATIONS } from './abbreviations.js';

/** A possible sentence end: terminal punctuation, optional closing quote or bracket, then white space. */
// The lookbehind makes each run of punctuation a match attempt once: without it, '....x' backtracks quadratically.
const BOUNDARY = /(?<![.!?])[.!?]+["”’')\]]*\s+/gu;

/**
 * Splits a paragraph into sentences at `.`, `!` or `?` followed by white space, except after common
 * abbreviations ("Mr.", "U.S.") and single initials. Linear in the length of the text.
 * @example splitSentences('Mr. Smith left. He said "no." Then he went.')
 * // => ['Mr. Smith left.', 'He said "no."', 'Then he went.']
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + match[0].trimEnd().length;
    // Only the last few characters matter; a bounded slice keeps this linear on huge unbroken text.
    const before = text.slice(Math.max(start, match.index - 12), match.index);
    const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
    const next = text.charAt(match.index + match[0].length);
    const isInitial = /^\p{Lu}$/u.test(lastWord.toUpperCase()) && lastWord.length === 1;
    if (match[0].startsWith('.') && (ABBREVIATIONS.has(lastWord) || isInitial)) continue;
    // "6.5 per cent" has no white space after the dot; a lower-case start means the sentence goes on.
    if (/\p{Ll}/u.test(next)) continue;
    sentences.push(text.slice(start, end).trim());
    start = match.index + match[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}
