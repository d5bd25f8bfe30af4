/**
 * How a quotation appears in the text:
 * - `direct`: a full quoted utterance, `"…," X said`;
 * - `partial`: a quoted fragment inside reported speech, `X described the veto as a "moral stain"`;
 * - `indirect`: reported speech without quotation marks, `The commission said that 15 people were killed`.
 */
export type QuoteKind = 'direct' | 'partial' | 'indirect';

/** One quotation found in an article and who said it. */
export interface Quote {
  /** The quoted words, without the surrounding quotation marks. For `indirect`, the reported claim. */
  quote: string;
  /** The speaker's fullest name in the article ("Alain Juppe"), an organisation or group; null when the text names none. */
  speaker: string | null;
  /** The speaker's role from an appositive or description ("the French foreign minister"), when given. */
  role: string | null;
  kind: QuoteKind;
  /** The article's id (path relative to the seeds folder). */
  articleId: string;
  /** Index into the article's `paragraphs`. */
  paragraphIndex: number;
}
