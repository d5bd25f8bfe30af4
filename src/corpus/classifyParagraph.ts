import type { Paragraph } from './types.js';
import { normalizeText } from './normalizeText.js';

/** A crosshead is a short line; anything longer without final punctuation is kept as running text. */
const CROSSHEAD_MAX_WORDS = 10;
const CROSSHEAD_MAX_CHARS = 80;

/** Sentence-ending punctuation, optionally followed by closing quotes or brackets. */
const FINAL_PUNCTUATION = /[.!?;:,…][\s"'”’»)\]]*$/u;

/**
 * Video and photo captions on news sites name someone speaking or reporting to/from somewhere
 * ("X speaks to Y", "X reports from Z"), and are printed without a final full stop.
 */
const CAPTION_VERBS = /\b(speaks|spoke|talks|talked|reports|reported)\s+(to|with|from)\b/i;

/** Pasted captions keep the indent of their player box, which survives as a leading no-break space. */
const LEADING_NBSP = /^[ \t]*\u00a0/;

/**
 * Tells a body paragraph from a crosshead or a caption, from the raw lines of one blank-line-separated block.
 * Only text without final punctuation can be a crosshead (short) or a caption (indented with a no-break space,
 * or naming someone who speaks to / reports from).
 *
 * @example
 * classifyParagraph(["'Non-stop bombing'"])
 * // => { kind: 'crosshead', text: "'Non-stop bombing'" }
 * classifyParagraph(['\u00a0Al Jazeera\'s Tony Harris speaks to Danny Abdul Dayem'])
 * // => { kind: 'caption', text: "Al Jazeera's Tony Harris speaks to Danny Abdul Dayem" }
 */
export function classifyParagraph(lines: readonly string[]): Paragraph {
  const text = normalizeText(lines.join(' '));
  if (FINAL_PUNCTUATION.test(text)) return { kind: 'body', text };
  const first = lines[0] ?? '';
  if (LEADING_NBSP.test(first) || CAPTION_VERBS.test(text)) return { kind: 'caption', text };
  const words = text.split(' ').length;
  if (lines.length === 1 && words <= CROSSHEAD_MAX_WORDS && text.length <= CROSSHEAD_MAX_CHARS) {
    return { kind: 'crosshead', text };
  }
  return { kind: 'body', text };
}
