import { sentenceBounds } from '../text/index.js';
import type { QuoteSpan } from './findQuoteSpans.js';

/** One sentence of a paragraph (offsets into the paragraph's text) and the quotations inside it. */
export interface Sentence {
  start: number;
  end: number;
  spans: QuoteSpan[];
}

/**
 * The sentences of a paragraph, cut by the text layer's splitter without cutting inside a quotation (a quotation
 * and the words attributing it stay together), each with the quotations that open inside it.
 *
 * @example
 * quoteSentences('"Go," he said. "Now."', findQuoteSpans('"Go," he said. "Now."')).map((s) => [s.start, s.end])
 * // => [[0, 14], [15, 21]]
 */
export function quoteSentences(text: string, spans: readonly QuoteSpan[]): Sentence[] {
  const sentences: Sentence[] = sentenceBounds(text, spans).map((bounds) => ({ ...bounds, spans: [] }));
  let index = 0;
  for (const span of spans) {
    while (index < sentences.length - 1 && sentences[index]!.end <= span.open) index += 1;
    sentences[index]?.spans.push(span);
  }
  return sentences;
}
