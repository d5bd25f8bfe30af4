import type { Article } from '../../src/corpus/types.js';
import type { Quote } from '../../src/quotes/types.js';

// Text between a pair of double quotation marks (straight or curly) in one paragraph; no nesting, so linear.
const QUOTED = /["“]([^"“”]+)["”]/gu;
// One to three capitalised words: what the baseline takes for a name.
const NAME = /\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2}/gu;

/**
 * The plain-regex baseline the evaluation compares against: every pair of quotation marks in a body paragraph is
 * a direct quotation, spoken by the capitalised name nearest to it in the same paragraph (outside quotations).
 *
 * @example
 * regexBaseline(article('"We won," said Ann Lee.')).map((q) => [q.quote, q.speaker])
 * // => [['We won,', 'Ann Lee']]
 */
export function regexBaseline(article: Article): Quote[] {
  const quotes: Quote[] = [];
  article.paragraphs.forEach((paragraph, paragraphIndex) => {
    if (paragraph.kind !== 'body') return;
    const text = paragraph.text;
    const spans = [...text.matchAll(QUOTED)].map((match) => ({ start: match.index, end: match.index + match[0].length, words: match[1]!.trim() }));
    const outside = spans.reduceRight((masked, span) => masked.slice(0, span.start) + ' '.repeat(span.end - span.start) + masked.slice(span.end), text);
    const names = [...outside.matchAll(NAME)].map((match) => ({ name: match[0], start: match.index, end: match.index + match[0].length }));
    for (const span of spans) {
      let best: string | null = null;
      let distance = Infinity;
      for (const name of names) {
        const gap = name.end <= span.start ? span.start - name.end : name.start - span.end;
        if (gap >= 0 && gap < distance) {
          distance = gap;
          best = name.name;
        }
      }
      quotes.push({ quote: span.words, speaker: best, role: null, kind: 'direct', articleId: article.id, paragraphIndex });
    }
  });
  return quotes;
}
