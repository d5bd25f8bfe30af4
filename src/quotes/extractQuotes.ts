import type { Article } from '../corpus/types.js';
import type { Quote, QuoteKind } from './types.js';
import { collectArticleNames, type ResolvedSpeaker } from './articleNames.js';
import { findAttribution, findReportedClaim } from './findAttribution.js';
import type { SpeakerPhrase } from './findSpeakerPhrase.js';
import { findQuoteSpans } from './findQuoteSpans.js';
import { splitSentences } from './splitSentences.js';
import { tokenize, type Token } from './tokenize.js';
import { NAMING_WORDS, PRONOUNS, REPORTING_VERBS, WORK_NOUNS } from './vocabulary.js';

/** A quotation of fewer words with no one named is a scare quote or a title, not a quotation. */
const MIN_UNATTRIBUTED_WORDS = 4;
/** How far back "he"/"she"/"they" look for their speaker. */
const PRONOUN_MEMORY = 8;

/** The speakers named so far in an article, most recent last, for pronouns and continued quotations. */
class SpeakerMemory {
  readonly #recent: ResolvedSpeaker[] = [];

  remember(speaker: ResolvedSpeaker): void {
    const index = this.#recent.findIndex((known) => known.name === speaker.name);
    if (index >= 0) this.#recent.splice(index, 1);
    this.#recent.push(speaker);
    if (this.#recent.length > PRONOUN_MEMORY) this.#recent.shift();
  }

  /** The last speaker a pronoun can stand for; learns the gender "he"/"she" reveals. */
  pronoun(word: string): ResolvedSpeaker | null {
    const wanted = PRONOUNS.get(word);
    for (let i = this.#recent.length - 1; i >= 0; i -= 1) {
      const speaker = this.#recent[i]!;
      if (wanted === 'male' || wanted === 'female') {
        if (speaker.kind !== 'person' || (speaker.gender !== null && speaker.gender !== wanted)) continue;
        speaker.gender = wanted;
        return speaker;
      }
      if (wanted === 'group' && speaker.kind !== 'person') return speaker;
      if (wanted === 'thing' && speaker.kind === 'organisation') return speaker;
    }
    return null;
  }
}

const contentOf = (text: string, token: Token): string => {
  const span = token.span!;
  return text.slice(span.contentStart, span.contentEnd).trim().replace(/[,;:]+$/u, '').trim();
};

const wordCount = (text: string): number => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** Title case with no closing punctuation: the name of a work or a crosshead, not speech ("Non-stop Bombing"). */
function looksLikeTitle(content: string): boolean {
  if (/[.!?]$/.test(content)) return false;
  const words = content.split(/\s+/).filter((word) => /^\p{L}/u.test(word) && word.length > 3);
  return words.length > 0 && words.every((word) => /^\p{Lu}/u.test(word));
}

/** The quotation names something (`a group called "X"`, `the film "X"`) rather than quoting someone. */
function isNamingQuote(tokens: readonly Token[], index: number, content: string): boolean {
  const previous = tokens[index - 1];
  if (previous?.kind === 'word') {
    if (NAMING_WORDS.has(previous.lower) || WORK_NOUNS.has(previous.lower)) return true;
    if (previous.lower === 'as' && /^(known|referred|billed|described)$/.test(tokens[index - 2]?.lower ?? '') && looksLikeTitle(content)) return true;
    if (previous.lower === 'word' || previous.lower === 'term' || previous.lower === 'phrase') return true;
  }
  return looksLikeTitle(content) && previous?.kind !== 'punct';
}

/** `direct` for a whole utterance; `partial` for a fragment woven into the sentence (`a "moral stain"`). */
function kindOf(tokens: readonly Token[], index: number, content: string): QuoteKind {
  const first = content.replace(/^[\s[(…'‘"“.-]+/u, '').charAt(0);
  if (first !== '' && first === first.toLowerCase() && first !== first.toUpperCase()) return 'partial';
  const previous = tokens[index - 1];
  if (!previous || previous.kind === 'quote') return 'direct';
  if (previous.kind === 'punct') return /[:,;—–-]/.test(previous.text) ? 'direct' : 'partial';
  return REPORTING_VERBS.has(previous.lower) ? 'direct' : 'partial';
}

/**
 * Extracts the quotations of one article and attributes each to its speaker: direct quotations (`"…," X said`,
 * `X told Y: "…"`, split quotations, paragraphs that continue the previous speaker's quotation), partial quotations
 * inside reported speech, and reported speech without quotation marks (`indirect`). Speakers are given by their
 * fullest name in the article; a quotation whose speaker the text does not name has `speaker: null`.
 * Headlines, crossheads and captions are not read for quotations.
 *
 * @example
 * extractQuotes(article('Smith said: "We will win."')).map((q) => [q.quote, q.speaker, q.kind])
 * // => [['We will win.', 'Smith', 'direct']]
 */
export function extractQuotes(article: Article): Quote[] {
  const names = collectArticleNames(article);
  const memory = new SpeakerMemory();
  const quotes: Quote[] = [];
  let previousParagraphSpeaker: ResolvedSpeaker | null = null;

  const resolve = (phrase: SpeakerPhrase): ResolvedSpeaker | null =>
    phrase.kind === 'pronoun' ? memory.pronoun(phrase.text) : names.resolve(phrase);

  article.paragraphs.forEach((paragraph, paragraphIndex) => {
    // Crossheads and captions are skipped without breaking a quotation that runs on around them.
    if (paragraph.kind !== 'body') return;
    const text = paragraph.text;
    const sentences = splitSentences(text, findQuoteSpans(text));
    let lastSpeaker: ResolvedSpeaker | null = null;
    const push = (quote: string, speaker: ResolvedSpeaker | null, kind: QuoteKind) => {
      quotes.push({ quote, speaker: speaker?.name ?? null, role: speaker?.role ?? null, kind, articleId: article.id, paragraphIndex });
    };

    sentences.forEach((sentence, sentenceIndex) => {
      const tokens = tokenize(text, sentence.start, sentence.end, sentence.spans);
      if (sentence.spans.length === 0) {
        const claim = findReportedClaim(tokens);
        const speaker = claim ? resolve(claim.phrase) : null;
        if (claim && speaker) {
          push(text.slice(tokens[claim.from]!.start, tokens[claim.to - 1]!.end), speaker, 'indirect');
          memory.remember(speaker);
          lastSpeaker = speaker;
        }
        return;
      }
      const attribution = findAttribution(tokens);
      const attributed = attribution ? resolve(attribution.phrase) : null;
      const bare = tokens.every((token) => token.kind !== 'word');
      const continued = bare ? (lastSpeaker ?? (sentenceIndex === 0 ? previousParagraphSpeaker : null)) : null;
      tokens.forEach((token, index) => {
        if (token.kind !== 'quote') return;
        const content = contentOf(text, token);
        if (wordCount(content) === 0 || isNamingQuote(tokens, index, content)) return;
        const kind = kindOf(tokens, index, content);
        const speaker = attribution ? attributed : continued;
        if (!attribution && !continued && (kind === 'partial' || wordCount(content) < MIN_UNATTRIBUTED_WORDS)) return;
        push(content, speaker, kind);
      });
      const speaker = attributed ?? continued;
      if (speaker) {
        memory.remember(speaker);
        lastSpeaker = speaker;
      }
    });
    previousParagraphSpeaker = lastSpeaker;
  });
  return quotes;
}
