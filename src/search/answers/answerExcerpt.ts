import { escapeMarkdown, highlight } from '../chooseExcerpt.js';
import { insideQuotation, type AnswerSpan } from './recognise.js';

/** One sentence as Markdown: the answer span in bold, the matched words in bold, the rest escaped. */
function render(sentence: string, span: AnswerSpan | null, matched: ReadonlySet<string>): string {
  if (!span || span.end > sentence.length) return highlight(sentence, matched);
  return `${highlight(sentence.slice(0, span.start), matched)}**${escapeMarkdown(span.text)}**${highlight(sentence.slice(span.end), matched)}`;
}

/** Cuts an over-long sentence to a window of about `maxLength` characters around `at`, at word boundaries. */
function cut(sentence: string, at: number, maxLength: number, span: AnswerSpan | null): { text: string; span: AnswerSpan | null } {
  const room = Math.floor(maxLength * 0.6);
  let from = Math.max(0, at - Math.floor(room / 3));
  let to = Math.min(sentence.length, from + room);
  if (from > 0) from = sentence.indexOf(' ', from) + 1 || from;
  if (to < sentence.length) to = Math.max(from + 1, sentence.lastIndexOf(' ', to));
  const prefix = from > 0 ? '… ' : '';
  const text = `${prefix}${sentence.slice(from, to)}${to < sentence.length ? ' …' : ''}`;
  const shift = prefix.length - from;
  const kept = span && span.start >= from && span.end <= to ? { ...span, start: span.start + shift, end: span.end + shift } : null;
  return { text, span: kept };
}

/** An opening that speaks of the sentence before: a pronoun for its subject ("He told the court …"). */
const LEANS_ON_BEFORE = /^["“]?(?:he|she|it|they)\b/iu;

/**
 * Whether the answering sentence needs the one before it to be read: it opens with a pronoun, or it goes on with a
 * quotation that the sentence before opened (its speaker, and often the answer, stand there).
 */
function needsBefore(sentence: string, before: string): boolean {
  return LEANS_ON_BEFORE.test(sentence) || insideQuotation(before, before.length);
}

/**
 * The excerpt that leads with the answer: the answering sentence first, the answer span in bold (and the question's
 * words), then the sentences that follow it (in its paragraph, then in `following`) while they fit in `maxLength`;
 * an `alternative` (the runner-up sentence) comes last, behind " … ", after the next sentence and as much of the
 * following context as leaves room for it. When the answering sentence cannot be read alone (it opens with "He", "She",
 * "It", "They", or goes on with a quotation opened before it), the sentence before it (in its paragraph, else
 * `preceding`, the last sentence of the paragraph before) comes first, when both fit.
 * @example answerExcerpt(['Andren died of pancreatic cancer.', 'He was 61.'], 0, span, new Set(['andren']), 600)
 * // => '**Andren** died of **pancreatic cancer**. He was 61.'
 */
export function answerExcerpt(
  sentences: readonly string[],
  index: number,
  span: AnswerSpan | null,
  matched: ReadonlySet<string>,
  maxLength: number,
  following: readonly string[] = [],
  alternative: string | null = null,
  preceding: string | null = null,
): string {
  const sentence = sentences[index] ?? '';
  let text = render(sentence, span, matched);
  if (text.length > maxLength) {
    const window = cut(sentence, span?.start ?? 0, maxLength, span);
    return render(window.text, window.span, matched).slice(0, maxLength);
  }
  const rest = sentences.slice(index + 1);
  const after = [...rest, ...following];
  const append = (more: string, gap: string): boolean => {
    if (text.length + gap.length + more.length > maxLength) return false;
    text = `${text}${gap}${more}`;
    return true;
  };
  // The next sentence is the answer's context, always before the runner-up; the runner-up is shown last, unless it is
  // one of the next two sentences anyway. The rest of a long paragraph does not crowd it out: on dev, the runner-up
  // (a lede, a close second) held the answer more often than the third sentence on of the answer's paragraph.
  const slot = 1;
  let offered = alternative === null || after.slice(0, slot + 1).includes(alternative);
  const other = offered ? '' : highlight(alternative!, matched);
  for (const [position, sentenceAfter] of after.entries()) {
    if (sentenceAfter === alternative) offered = true;
    const more = highlight(sentenceAfter, matched);
    // Past the next sentence, context is added only while the runner-up still fits after it.
    if (position >= slot && !offered && text.length + 1 + more.length + 3 + other.length > maxLength) break;
    if (!append(more, ' ')) break;
  }
  if (!offered) append(highlight(alternative!, matched), ' … ');
  // Only into room left over: on dev, context before the answer that pushed out context after it lost more answers
  // than it found.
  const before = index > 0 ? sentences[index - 1]! : preceding;
  if (before !== null && before !== alternative && needsBefore(sentence, before)) {
    const context = highlight(before, matched);
    if (context.length + 1 + text.length <= maxLength) text = `${context} ${text}`;
  }
  return text;
}
