import type { Paragraph } from './types.js';
import { isCreditedCaption } from './credits.js';
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

/** A caption is one sentence: a full stop followed by a capital means running text that lost its last stop. */
const SENTENCE_BREAK = /[.!?]["'”’]?\s+["'“‘(]?\p{Lu}/u;
const CAPTION_MAX_CHARS = 250;

/** Crossheads open with a capital, possibly inside quotes ('Non-stop bombing'); table rows and fragments do not. */
const CAPITAL_START = /^["'“‘]?\p{Lu}/u;
/** Colons, semicolons, list stars, runs of dashes and a trailing dash mark table rows and list leftovers. */
const NOT_IN_CROSSHEAD = /[:;*]|--|[-–—]$/;

function isCrosshead(text: string): boolean {
  const chars = text.replace(/ /g, '');
  const digits = chars.replace(/\D/g, '').length;
  return (
    text.split(' ').length <= CROSSHEAD_MAX_WORDS &&
    text.length <= CROSSHEAD_MAX_CHARS &&
    CAPITAL_START.test(text) &&
    !NOT_IN_CROSSHEAD.test(text) &&
    // Figures make a row of a results table, not a heading.
    digits * 5 < chars.length
  );
}

/**
 * Tells a body paragraph from a crosshead or a caption, from the raw lines of one blank-line-separated block.
 * Only text without final punctuation can be a crosshead (short, opening with a capital, not a table row) or a
 * caption (one sentence, indented with a no-break space or naming someone who speaks to / reports from; or any
 * block a photo credit opens or closes).
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
  // A picture's credit ("Getty Images Oli Scarff", "… on Friday. Reuters/Kevin Lamarque") makes its block a caption.
  if (isCreditedCaption(lines)) return { kind: 'caption', text };
  const first = lines[0] ?? '';
  const oneSentence = text.length <= CAPTION_MAX_CHARS && !SENTENCE_BREAK.test(text);
  if (oneSentence && (LEADING_NBSP.test(first) || CAPTION_VERBS.test(text))) return { kind: 'caption', text };
  if (lines.length === 1 && isCrosshead(text)) return { kind: 'crosshead', text };
  return { kind: 'body', text };
}

/** A line that opens an item of a bulleted list: a dash or bullet, a space, then the item (" - Increased spending …"). */
const LIST_BULLET = /^[ \t\u00a0]*[-–•][ \t\u00a0]+(?=\S)/u;

/**
 * The paragraphs of one blank-line-separated block of a plain file. A bulleted list (two or more of the block's lines
 * open with a dash or bullet, as BBC News prints "Main points of the plan:" or "The proposals include:") gives one
 * body paragraph per item, bullet dropped, so that each item is a sentence of its own for excerpts and answers; a line
 * that opens with no bullet continues the item above it, and lines before the first item are a paragraph of their
 * own. Any other block is one paragraph ({@link classifyParagraph}): a dash inside a line ("held back - the time
 * has come") or a lone line opening with one is left as it is.
 *
 * @example
 * blockParagraphs([' - A comprehensive ban', ' - Fines up to £2,500 '])
 * // => [{ kind: 'body', text: 'A comprehensive ban' }, { kind: 'body', text: 'Fines up to £2,500' }]
 */
export function blockParagraphs(lines: readonly string[]): Paragraph[] {
  let bullets = 0;
  for (const line of lines) if (LIST_BULLET.test(line)) bullets += 1;
  if (bullets < 2) return [classifyParagraph(lines)];
  const intro: string[] = [];
  const items: string[][] = [];
  for (const line of lines) {
    const bullet = LIST_BULLET.exec(line);
    if (bullet) items.push([line.slice(bullet[0].length)]);
    else (items[items.length - 1] ?? intro).push(line);
  }
  const paragraphs: Paragraph[] = intro.length > 0 ? [classifyParagraph(intro)] : [];
  for (const item of items) paragraphs.push({ kind: 'body', text: normalizeText(item.join(' ')) });
  return paragraphs;
}
