import { ABBREVIATIONS } from './abbreviations.js';

/** One sentence of a text: offsets into it, white space trimmed. */
export interface SentenceBounds {
  start: number;
  end: number;
}

/** A stretch of text a sentence never ends inside, such as a quotation (`open` to `end`, offsets into the text). */
export interface UnbrokenRange {
  open: number;
  end: number;
}

/** A possible sentence end: terminal punctuation, optional closing quote or bracket, then white space. */
// The lookbehind makes each run of punctuation a match attempt once: without it, '....x' backtracks quadratically.
const BOUNDARY = /(?<![.!?…])[.!?…]+["”’')\]]*\s+/gu;
/** Initials and initialisms ("J", "L.F", "U.S.A"): a full stop after them does not end a sentence. */
const INITIALISM = /^(?:\p{L}\.)*\p{L}$/u;

/**
 * The sentences of a paragraph as offsets: cut at `.`, `!`, `?` or `…` (with any closing quote or bracket) followed
 * by white space and a word that is not lower case, except after common abbreviations ("Mr.", "U.S.") and initials,
 * and never inside one of `unbroken` (sorted, not overlapping; a quotation and the words attributing it stay
 * together: a quotation ends its sentence only when its own words end with terminal punctuation). Linear in the
 * length of the text.
 * @example sentenceBounds('"Go. Now," he said. Then he went.', [{ open: 0, end: 10 }])
 * // => [{ start: 0, end: 19 }, { start: 20, end: 33 }]
 */
export function sentenceBounds(text: string, unbroken: readonly UnbrokenRange[] = []): SentenceBounds[] {
  const sentences: SentenceBounds[] = [];
  let start = 0;
  let rangeIndex = 0;
  const push = (from: number, to: number) => {
    while (from < to && /\s/u.test(text[from]!)) from += 1;
    while (to > from && /\s/u.test(text[to - 1]!)) to -= 1;
    if (to > from) sentences.push({ start: from, end: to });
  };
  for (const match of text.matchAll(BOUNDARY)) {
    let end = match.index + match[0].trimEnd().length;
    let resume = match.index + match[0].length;
    while (rangeIndex < unbroken.length && unbroken[rangeIndex]!.end <= match.index) rangeIndex += 1;
    const range = unbroken[rangeIndex];
    // Inside a quotation, only punctuation that runs up to its closing mark can end the sentence.
    if (range && match.index >= range.open && end < range.end) {
      // `…stronger than ever. " A judgement …`: a closing mark set off by a space still runs up to it.
      if (resume !== range.end - 1 || !/\s/u.test(text.charAt(range.end))) continue;
      end = range.end;
      resume = range.end;
      while (/\s/u.test(text.charAt(resume))) resume += 1;
    }
    // Only the last few characters matter; a bounded slice keeps this linear on huge unbroken text.
    const before = text.slice(Math.max(start, match.index - 12), match.index);
    const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
    const next = text.charAt(resume);
    if (match[0].startsWith('.') && (ABBREVIATIONS.has(lastWord) || INITIALISM.test(lastWord))) continue;
    // "6.5 per cent" has no white space after the dot; a lower-case start means the sentence goes on.
    if (/\p{Ll}/u.test(next)) continue;
    push(start, end);
    start = resume;
  }
  push(start, text.length);
  return sentences;
}

/**
 * Splits a paragraph into sentences (see {@link sentenceBounds}).
 * @example splitSentences('Mr. Smith left. He said "no." Then he went.')
 * // => ['Mr. Smith left.', 'He said "no."', 'Then he went.']
 */
export function splitSentences(text: string): string[] {
  return sentenceBounds(text).map((sentence) => text.slice(sentence.start, sentence.end));
}
