import { defaults } from '../config.js';
import { foldTerm, splitSentences, WORD } from '../text/index.js';

/** Options of {@link chooseExcerpt}. */
export interface ExcerptOptions {
  /**
   * Longest excerpt, in characters, bold markers included.
   * @default 600
   */
  maxLength?: number;
}

const defaultOptions: Required<ExcerptOptions> = { maxLength: defaults.search.excerptLength };

/**
 * Characters that Discord Markdown gives a meaning to anywhere in a line; escaped in article text.
 * (`#`, `>` and `-` only mean something at the start of a line, handled in {@link escapeMarkdown}.)
 */
const MARKDOWN = /[\\*_~`|[\]]/gu;

/**
 * Escapes Discord Markdown so that article text shows as written.
 * @example escapeMarkdown('a *b* _c_') // => 'a \\*b\\* \\_c\\_'
 */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN, (char) => `\\${char}`).replace(/^(\s*)([#>-])/u, '$1\\$2');
}

/**
 * The excerpt as plain text: bold markers and Markdown escapes removed.
 * @example plainText('**Homs** was \\*shelled\\*') // => 'Homs was *shelled*'
 */
export function plainText(markdown: string): string {
  return markdown.replace(/\*\*/gu, '').replace(/\\(.)/gu, '$1');
}

function countMatches(sentence: string, matched: ReadonlySet<string>): number {
  const found = new Set<string>();
  for (const word of sentence.match(WORD) ?? []) {
    const term = foldTerm(word);
    if (matched.has(term)) found.add(term);
  }
  return found.size;
}

/** Text between two words that needs no escaping: spaces only (the common case, skipped for speed). */
const SPACES = /^\s*$/u;
const escapeGap = (gap: string): string => (SPACES.test(gap) ? gap : escapeMarkdown(gap));

/** Bolds every word whose folded form is in `matched`, escaping the rest. */
export function highlight(text: string, matched: ReadonlySet<string>): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    out += escapeGap(text.slice(last, match.index));
    // A word (letters, digits, apostrophes) holds no Markdown character and cannot start with #, > or -: no escaping.
    const word = match[0];
    out += matched.has(foldTerm(word)) ? `**${word}**` : word;
    last = match.index + word.length;
  }
  return out + escapeGap(text.slice(last));
}

/** Cuts one over-long sentence to a window of words around its first match, marked with "…". */
function window(sentence: string, matched: ReadonlySet<string>, maxLength: number): string {
  const tokens = sentence.split(/\s+/u);
  const first = Math.max(0, tokens.findIndex((token) => (token.match(WORD) ?? []).some((w) => matched.has(foldTerm(w)))));
  let from = Math.max(0, first - 8);
  let to = from;
  let length = 0;
  // Grow to the right, then to the left, while the highlighted text still fits (bold and escapes take room).
  while (to < tokens.length && length + tokens[to]!.length * 1.3 + 6 < maxLength - 4) length += tokens[to++]!.length * 1.3 + 6;
  while (from > 0 && length + tokens[from - 1]!.length * 1.3 + 6 < maxLength - 4) length += tokens[--from]!.length * 1.3 + 6;
  return `${from > 0 ? '… ' : ''}${tokens.slice(from, to).join(' ')}${to < tokens.length ? ' …' : ''}`;
}

/**
 * Chooses the sentence(s) of `paragraph` that best match, cut at sentence boundaries to fit `maxLength`,
 * with the matched words in bold and the rest Markdown-escaped.
 * `matchedTerms` are folded index terms (what the index matched, fuzzy variants included).
 * @example chooseExcerpt('It rained. Homs was shelled today. Calm.', ['homs', 'shelled'])
 * // => '**Homs** was **shelled** today. Calm.'
 */
export function chooseExcerpt(paragraph: string, matchedTerms: Iterable<string>, options: ExcerptOptions = {}): string {
  const { maxLength } = { ...defaultOptions, ...options };
  const matched = new Set(matchedTerms);
  const sentences = splitSentences(paragraph);
  if (sentences.length === 0) return '';
  let best = 0;
  let bestCount = -1;
  sentences.forEach((sentence, index) => {
    const count = countMatches(sentence, matched);
    if (count > bestCount) [best, bestCount] = [index, count];
  });
  let first = best;
  let last = best;
  let text = highlight(sentences[best]!, matched);
  if (text.length > maxLength) return highlight(window(sentences[best]!, matched, maxLength), matched).slice(0, maxLength);
  // Add whole neighbouring sentences while they fit: the following one first, as it usually completes the thought.
  for (;;) {
    const next = last + 1 < sentences.length ? highlight(sentences[last + 1]!, matched) : null;
    if (next !== null && text.length + 1 + next.length <= maxLength) {
      text = `${text} ${next}`;
      last += 1;
      continue;
    }
    const previous = first > 0 ? highlight(sentences[first - 1]!, matched) : null;
    if (previous !== null && text.length + 1 + previous.length <= maxLength) {
      text = `${previous} ${text}`;
      first -= 1;
      continue;
    }
    break;
  }
  return text;
}
