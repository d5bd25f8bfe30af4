import type { QuoteIndex, QuoteMatch } from './quoteIndex.js';
import type { SpeakerSummary } from './speakerDirectory.js';

/** What `/quote` was asked: words of a quotation, a speaker, or both, optionally narrowed by subject. */
export interface QuoteRequest {
  text: string | null;
  speaker: string | null;
  about: string | null;
}

/** The answer to a {@link QuoteRequest}. */
export type QuoteLookup =
  /** Neither words nor a speaker were given. */
  | { kind: 'empty' }
  /** Who said it: the best matching quotations (several when it is ambiguous), none when nothing matches. */
  | { kind: 'text'; query: string; matches: QuoteMatch[] }
  /**
   * What someone said: their quotations newest first (narrowed by `about` and the words given), or, when the name
   * is unknown, close names to suggest.
   */
  | { kind: 'speaker'; query: string; about: string | null; speaker: SpeakerSummary | null; matches: QuoteMatch[]; suggestions: string[] };

/** Candidates a "who said it" answer shows. */
const TEXT_MATCHES = 5;
/** Names suggested when a speaker is not found. */
const SPEAKER_SUGGESTIONS = 5;

const clean = (value: string | null): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/**
 * Answers a `/quote` request from the index: by speaker when one is named (the words and `about` narrow their
 * quotations), else by the words of the quotation.
 *
 * @example
 * lookupQuotes(index, { text: null, speaker: 'juppé', about: 'sanctions' })
 * // => { kind: 'speaker', speaker: { name: 'Alain Juppe', … }, matches: [{ quote: { quote: 'Europe will again…' } }], … }
 */
export function lookupQuotes(index: QuoteIndex, request: QuoteRequest): QuoteLookup {
  const text = clean(request.text);
  const speakerName = clean(request.speaker);
  const about = clean(request.about);
  if (speakerName) {
    const speaker = index.findSpeaker(speakerName);
    const subject = [text, about].filter(Boolean).join(' ') || null;
    const quotes = speaker ? index.quotesBy(speaker.name, subject ? { about: subject } : {}) : [];
    const matches = quotes.map((quote) => ({ quote, article: index.articleInfo(quote.articleId)!, score: 1 }));
    const suggestions = speaker ? [] : index.suggestSpeakers(speakerName, SPEAKER_SUGGESTIONS).map((entry) => entry.name);
    return { kind: 'speaker', query: speakerName, about: subject, speaker, matches, suggestions };
  }
  if (text) {
    const query = about ? `${text} ${about}` : text;
    return { kind: 'text', query, matches: index.findByText(query, TEXT_MATCHES) };
  }
  return { kind: 'empty' };
}
