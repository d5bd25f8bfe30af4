import type { Article } from '../../corpus/types.js';
import { foldSearchWord, foldTerm, joinInitialisms, splitSentences, WORD, wordAt } from '../../text/index.js';
import { SYNONYM_QUALITY } from '../expandTerm.js';
import { MATCH_QUALITY } from '../termMatch.js';
import { STOP_WORDS } from '../normalize.js';
import type { QuestionAnalysis } from './analyzeQuestion.js';
import { countsWordAt, insideQuotation, isStatedPurpose, isWeakReason, MAX_SENTENCE_LENGTH, recognise, type AnswerSpan, type SpanType } from './recognise.js';

/** One term of the question as answer selection sees it. */
export interface AnswerTerm {
  /** Rarer terms weigh more (inverse passage frequency). */
  weight: number;
  /** Whether the coverage uses the term as typed (a misspelt or unknown word is not: it cannot be a key term). */
  known: boolean;
}

/** What answer selection needs to know of the question besides its analysis. */
export interface AnswerQuery {
  terms: readonly AnswerTerm[];
  /** Which question terms a folded word of the text answers, and how well (1 exact … 0.6 prefix); undefined: none. */
  match: (folded: string) => readonly { term: number; quality: number }[] | undefined;
  /** The question, folded as words are, to leave out answers the question itself contains. */
  foldedQuestion: ReadonlySet<string>;
  analysis: QuestionAnalysis;
  /**
   * For "what did X say": the quotations the quote index attributes to X in an article (by its id), each with the
   * paragraph it is in; none when the question names no speaker the index knows.
   */
  attributed?: (articleId: string) => readonly AttributedQuote[];
}

/** A quotation the quote index attributes to the question's speaker. */
export interface AttributedQuote {
  /** Index into the article's `paragraphs`. */
  paragraphIndex: number;
  /** The quoted (or reported) words. */
  quote: string;
}

/** The sentence of an article that best answers a question. */
export interface AnswerChoice {
  /** Index into `article.paragraphs`; -1 for the headline, -2 for the standfirst. */
  paragraphIndex: number;
  /** The paragraph's sentences and the index of the answering one among them. */
  sentences: string[];
  sentenceIndex: number;
  /** The sentences of the next body paragraphs (context shown after the answer when it fits). */
  following: string[];
  /** How well the sentence answers (share of the question's weight covered, plus the evidence bonuses). */
  score: number;
  /** The most of the question's weight that one sentence and the headline cover together (0-1). */
  coverage: number;
  /** The most of the question's terms (by count) that one sentence, the sentence before it and the headline hold (0-1). */
  termShare: number;
  /** The same, among sentences holding an answer of the expected type (0 when the question expects none). */
  typedTermShare: number;
  /** Whether the key term of the question (its rarest known word) is somewhere in the article (any form or synonym of it, not a fuzzy or prefix match). */
  keyCovered: boolean;
  /** The answer itself within the sentence, when one of the expected type was found. */
  span: AnswerSpan | null;
  /** Folded words of the article that answer a question term (to bold). */
  matched: Set<string>;
  /** Whether the sentence holds a quotation the quote index attributes to the question's speaker. */
  attributed: boolean;
  /**
   * Whether the answer is a name holding the question's own words as its title, the rest of the question in its
   * sentence or the headline ("Irish Finance Minister Ray MacSharry" for "who is the irish finance minister").
   */
  titled: boolean;
  /**
   * When the answer's number counts a word of the question ("674 million mobiles" for "how many mobiles were sold"),
   * the share of the question's weight its sentence holds (0-1): the evidence is as good as the sentence is about the
   * question ("two nominations for best actress" counts nominations, not the Aviator's); 0 when it counts none.
   */
  countedShare: number;
  /**
   * The runner-up: the best-scoring sentence elsewhere in the article (neither the answering sentence nor the one after
   * it), shown after the answer when it scores close to it; null when none does.
   */
  alternative: string | null;
  /** The last sentence of the body paragraph before the answering one (context for an answer opening with "He …"). */
  preceding: string | null;
}

/** Tunables of answer selection; measured on the dev half of `npm run eval:ask`. */
const WEIGHTS = {
  /** Headline terms count as context of every sentence, at this share. */
  headline: 0.5,
  /** A sentence holding an answer of the expected type the question lacks. */
  typed: 0.5,
  /** The same, for an answer of an accepted but not preferred type. */
  typedOther: 0.2,
  /**
   * The same, for an answer that only looks the part: a reason after a weak cue ("a record for Christmas Day"), a bare
   * count for "how often", any name for "what is X called" (issue #10).
   */
  typedWeak: 0.1,
  /** The question's rarest word, missing from the sentence, earlier in its paragraph or in the next sentence (a referent). */
  keyNear: 0.15,
  /** Matched words close together. */
  proximity: 0.1,
  /** "Who VERB …": a name right before the question's verb (its subject); more than the lede, which may say it passively. */
  subject: 0.4,
  /**
   * "Who is / chairs the X": a name standing with the question's words as its title ("Armed Services Chairman Les
   * Aspin", "nominated producers are Michael Mann", "Oxfam's Barbara Stocking").
   */
  title: 0.3,
  /** The lede's first sentence; the rest of the first paragraph and the second paragraph's first sentence get half. */
  lede: 0.35,
  /** "What did X say": a quotation, and X (a word of the name) in it or in the sentence before. */
  quote: 0.1,
  reported: 0.1,
  speaker: 0.3,
  /** A quotation the quote index attributes to the question's speaker: the answer to "what did X say". */
  attributed: 0.2,
} as const;

/** Characters of an attributed quotation looked for in a sentence (its start; quotes may span sentences). */
const QUOTE_PROBE = 40;
/** Where a sentence of a quotation ends ("Rockets are falling. There are …"). */
const SENTENCE_END = /(?<=[.!?])\s/u;

/** Where an attributed quotation starts in `sentence`, as an answer span to its end (or the sentence's); null: not there. */
function attributedSpan(sentence: string, quotes: readonly AttributedQuote[]): AnswerSpan | null {
  for (const { quote } of quotes) {
    // A quotation of several sentences ("Rockets are falling. There are massive explosions …"): each of its sentences
    // is found where the text splits it, each an answer to "what did X say".
    for (const piece of quote.trim().slice(0, MAX_SENTENCE_LENGTH).split(SENTENCE_END)) {
      const text = piece.trim();
      if (text.length < 3) continue;
      const start = sentence.indexOf(text.slice(0, QUOTE_PROBE));
      if (start < 0) continue;
      const end = Math.min(sentence.length, start + text.length);
      return { type: 'quote', start, end, text: sentence.slice(start, end) };
    }
  }
  return null;
}

/** A quantity measured in a unit of length ("508m tall", "12 feet", "3,000 metres"). */
const LENGTH = /\d\s?(?:m|km|cm|mm|ft)\b|\b(?:metres?|meters?|kilometres?|kilometers?|centimetres?|feet|foot|miles?|inches|yards?)\b/iu;

/** Verbs that report speech. */
const REPORTING = /\b(?:said|says|say|told|tells|stated|added|warned|according to|declared|announced|insisted|argued)\b/iu;
/** A runner-up sentence is offered when it scores at least this share of the answering sentence's score. */
const ALTERNATIVE_SHARE = 0.8;
/** Scores this close to the runner-up's count as a tie, which a sentence holding a typed answer wins. */
const RUNNER_UP_TIE = 0.05;
/** Paragraphs after the answering one offered as context. */
const FOLLOWING_PARAGRAPHS = 2;
/** Sentences read per article at most: the answer of a news article is near its top. */
const MAX_SENTENCES = 120;

interface Unit {
  paragraphIndex: number;
  sentences: string[];
}

/** A body sentence's score, where it is, and whether it holds an answer of the expected type. */
interface Scored {
  score: number;
  unit: number;
  sentence: number;
  typed: boolean;
}

/** The headline, the standfirst and the body paragraphs, split into sentences. */
function units(article: Article): Unit[] {
  const out: Unit[] = [{ paragraphIndex: -1, sentences: [article.headline] }];
  if (article.standfirst) out.push({ paragraphIndex: -2, sentences: splitSentences(article.standfirst) });
  article.paragraphs.forEach((paragraph, index) => {
    if (paragraph.kind === 'body') out.push({ paragraphIndex: index, sentences: splitSentences(paragraph.text) });
  });
  return out;
}

interface Scan {
  /** Per question term, its best match quality in the sentence (0: absent). */
  quality: Float64Array;
  /** Character offsets of the matched words. */
  positions: number[];
  /** Word count of the sentence. */
  words: number;
  /** Ordinals (word index) of the matched words. */
  ordinals: number[];
}

/** Folded form of each word seen: words repeat endlessly across articles and folding is slow. */
const foldedWords = new Map<string, string>();
/** The cache is dropped when it grows past this many words, so text of unique tokens cannot exhaust memory. */
const MAX_FOLDED = 200_000;

function fold(word: string): string {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    folded = foldSearchWord(word);
    if (foldedWords.size >= MAX_FOLDED) foldedWords.clear();
    foldedWords.set(word, folded);
  }
  return folded;
}

/** A sentence's words (the first {@link MAX_SENTENCE_LENGTH} characters), folded, with their character offsets. */
interface SentenceWords {
  folded: string[];
  offsets: number[];
}

function sentenceWords(sentence: string): SentenceWords {
  const text = sentence.length > MAX_SENTENCE_LENGTH ? sentence.slice(0, MAX_SENTENCE_LENGTH) : sentence;
  const folded: string[] = [];
  const offsets: number[] = [];
  // Read as search reads it ("U.S." and "US" are the word "usa"); the same length, so offsets hold.
  for (const match of joinInitialisms(text).matchAll(WORD)) {
    folded.push(fold(match[0]));
    offsets.push(match.index);
  }
  return { folded, offsets };
}

/** An article split into sentences, each sentence's words folded on first read: what every question reads of it. */
interface ReadArticle {
  units: Unit[];
  words: (SentenceWords | undefined)[][];
}

/**
 * Articles read recently, most recent last: the same articles answer question after question (at 100 /ask per second,
 * splitting and folding them again was a fifth of an answer's time). Bounded: the least recent goes first.
 */
const readArticles = new Map<Article, ReadArticle>();
const MAX_READ_ARTICLES = 2_000;

function readArticle(article: Article): ReadArticle {
  const cached = readArticles.get(article);
  if (cached) {
    readArticles.delete(article);
    readArticles.set(article, cached);
    return cached;
  }
  const all = units(article);
  const entry: ReadArticle = { units: all, words: all.map(() => []) };
  if (readArticles.size >= MAX_READ_ARTICLES) readArticles.delete(readArticles.keys().next().value!);
  readArticles.set(article, entry);
  return entry;
}

/** The folded words of sentence `s` of unit `u`, made on first use. */
function wordsOf(article: ReadArticle, u: number, s: number): SentenceWords {
  const words = article.words[u]!;
  return (words[s] ??= sentenceWords(article.units[u]!.sentences[s]!));
}

/** A paragraph that opens with a pronoun ("He told BBC Radio 4's Today programme: …") speaks of the paragraph before. */
const OPENING_PRONOUN = /^["“]?(?:he|she)\b/iu;

/**
 * Whether a word of the speaker's name is in sentence `s` of unit `u` or an earlier sentence of the same paragraph,
 * or, when the paragraph opens with "He"/"She", in the body paragraph before it (issue #10).
 */
function speakerNamed(article: ReadArticle, u: number, s: number, speakerWords: ReadonlySet<string>): boolean {
  // X named inside someone's quotation ("I am a little older than Shahid …," she said) is spoken of, not speaking.
  const names = (unit: number, sentence: number) => {
    const { folded, offsets } = wordsOf(article, unit, sentence);
    const text = article.units[unit]!.sentences[sentence]!;
    return folded.some((word, index) => speakerWords.has(word) && !insideQuotation(text, offsets[index]!));
  };
  for (let k = s; k >= 0; k -= 1) if (names(u, k)) return true;
  const before = article.units[u - 1];
  if (!before || before.paragraphIndex < 0 || !OPENING_PRONOUN.test(article.units[u]!.sentences[0] ?? '')) return false;
  for (let k = before.sentences.length - 1; k >= 0; k -= 1) if (names(u - 1, k)) return true;
  return false;
}

function scan(sentence: SentenceWords, query: AnswerQuery, matched: Set<string>): Scan {
  const quality = new Float64Array(query.terms.length);
  const positions: number[] = [];
  const ordinals: number[] = [];
  const { folded, offsets } = sentence;
  for (let index = 0; index < folded.length; index += 1) {
    const word = folded[index]!;
    const found = query.match(word);
    if (found) {
      for (const { term, quality: q } of found) if (q > quality[term]!) quality[term] = q;
      positions.push(offsets[index]!);
      ordinals.push(index);
      matched.add(word);
    }
  }
  return { quality, positions, words: folded.length, ordinals };
}

/** Cuts question words off both ends of a name ("Prime Minister Hashim Thaçi" → "Hashim Thaçi"); null when none left. */
function trimQuestionWords(span: AnswerSpan, query: AnswerQuery): AnswerSpan | null {
  const words = [...span.text.matchAll(/\S+/gu)];
  let from = 0;
  const to = words.length;
  const isQuestionWord = (word: string) => query.foldedQuestion.has(foldTerm(word.replace(/[^\p{L}\p{N}'’]+/gu, '')));
  while (from < to && isQuestionWord(words[from]![0])) from += 1;
  // "UN Security Council" for "security council": the name qualifies the question's words, it does not answer them.
  if (to > from && isQuestionWord(words[to - 1]![0])) return null;
  if (from === to) return null;
  const start = span.start + words[from]!.index;
  const last = words[to - 1]!;
  const end = span.start + last.index + last[0].length;
  return { ...span, start, end, text: span.text.slice(start - span.start, end - span.start) };
}

/** The answer of an accepted type in `sentence` nearest the matched words, not given by the question itself. */
/** How a name stands to the question's words: its subject, the agent after "by", or the holder of their title. */
type NameRole = 'subject' | 'agent' | 'title';

/** What may stand between a title and the name that holds it: "'s", a comma, "is", "are", "was", "were". */
const TITLE_GAP = /^(?:['’]s)?[\s,:]*(?:(?:is|are|was|were)\s+)?$/u;
/** A word at a character offset. */
const WORD_AT = /^[\p{L}\p{N}'’-]+/u;

/** Two words of a title: nothing but a space or "'s" between them ("rugby union captain", "Oxfam's director"). */
const TITLE_JOIN = /^(?:['’]s)?\s+$/u;

/** The start of the question's word ending where `gap` (from the word's end to `at`) is allowed; -1: none. */
function matchedWordBefore(sentence: string, at: number, positions: readonly number[], gap: RegExp): number {
  for (const position of positions) {
    if (position >= at) continue;
    const word = WORD_AT.exec(sentence.slice(position, at))?.[0] ?? '';
    if (gap.test(sentence.slice(position + word.length, at))) return position;
  }
  return -1;
}

/**
 * How a name stands to the question's words: `subject` when the next word is one of the question's in a "who did"
 * question ("Russia and China blocked a resolution" for "who blocked the resolution"), `agent` after "<question word>
 * by" ("was blocked by Russia and China"), `title` when two of the question's words right before it name it ("House
 * Armed Services Chairman Les Aspin", "nominated producers are Michael Mann"; one word is not enough: "UK firm Tibbett
 * & Britten" does not answer "which firm is tipped to bid") or right after it (see {@link titleRun}), else null.
 */
function roleOf(sentence: string, span: AnswerSpan, positions: readonly number[], whoDid: boolean): NameRole | null {
  const gap = /^\s+/u.exec(sentence.slice(span.end))?.[0].length ?? -1;
  if (whoDid && gap > 0 && positions.includes(span.end + gap)) return 'subject';
  const before = /(\p{L}+)\s+by\s+$/u.exec(sentence.slice(Math.max(0, span.start - 40), span.start));
  if (whoDid && before && positions.includes(span.start - before[0].length)) return 'agent';
  return titleRun(sentence, span, positions) ? 'title' : null;
}

/**
 * Where the title a name holds stands in `sentence` (from its first to the end of its last word, the question's words
 * that make it): before the name ("House Armed Services Chairman Les Aspin") unless another body's word qualifies it
 * (see {@link otherBodyBefore}), or after it (see {@link titleAfter}); null when the name holds no title of the question.
 */
function titleRun(sentence: string, span: AnswerSpan, positions: readonly number[]): readonly [number, number] | null {
  const last = matchedWordBefore(sentence, span.start, positions, TITLE_GAP);
  if (last >= 0 && matchedWordBefore(sentence, last, positions, TITLE_JOIN) >= 0) {
    const start = titleStart(sentence, last, positions);
    return otherBodyBefore(sentence, start) ? null : [start, wordEnd(sentence, last)];
  }
  return titleAfter(sentence, span, positions);
}

/** The end of the word starting at `at`. */
function wordEnd(sentence: string, at: number): number {
  return at + (WORD_AT.exec(sentence.slice(at, at + MAX_WORD_READ))?.[0].length ?? 0);
}

/** Characters read for one word (see {@link wordEnd}): no word is longer. */
const MAX_WORD_READ = 60;

/**
 * Whether the title a name holds (see {@link titleRun}) is the question's own words, each as typed or another form of
 * it: "Unilever's chief executive" for "unilever chief executive", not the synonyms of "the commission's chief
 * economist" (for "sec chairman") or "the world's fifth biggest producer" (for "largest producer").
 */
function ownWordsTitle(sentence: string, span: AnswerSpan, positions: readonly number[], query: AnswerQuery): boolean {
  const run = titleRun(sentence, span, positions);
  if (!run) return false;
  return (sentence.slice(run[0], run[1]).match(WORD) ?? []).every((word) => (query.match(fold(word)) ?? []).some(({ quality }) => quality >= MATCH_QUALITY.variant));
}

/** Most words of a title read (a title is a few words: "Irish Finance Minister"); bounds the scans on any text. */
const TITLE_WORDS = 6;

/** The start of the run of the question's words, joined by {@link TITLE_JOIN}, that ends with the word at `last`. */
function titleStart(sentence: string, last: number, positions: readonly number[]): number {
  let start = last;
  for (let words = 1; words < TITLE_WORDS; words += 1) {
    const before = matchedWordBefore(sentence, start, positions, TITLE_JOIN);
    if (before < 0) break;
    start = before;
  }
  return start;
}

/** Characters read before a title for the word qualifying it. */
const QUALIFIER_REACH = 40;
/** The capitalised word right before a title ("Musiwave" of "Musiwave chief executive"), "'s" or not. */
const QUALIFIER_BEFORE = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}\p{N}&.-]*)(?:['’]s)?\s+$/u;

/**
 * Whether a capitalised word the question lacks qualifies the title starting at `start`: "Royal Bank of Scotland chief
 * executive Fred Goodwin" holds the title of another body than "who is Unilever's chief executive" asks about, as
 * "England coach Andy Robinson" does for "who is the Ireland coach". The sentence's first word and a stop word ("The")
 * qualify nothing.
 */
function otherBodyBefore(sentence: string, start: number): boolean {
  const from = Math.max(0, start - QUALIFIER_REACH);
  const qualifier = QUALIFIER_BEFORE.exec(sentence.slice(from, start));
  if (!qualifier || sentence.slice(0, from + qualifier.index).trim() === '') return false;
  return !STOP_WORDS.has(foldTerm(qualifier[1]!));
}

/**
 * What may stand between a name and the title it holds when the title follows: an apposition opening with a
 * determiner ("X, the former chief executive"), or a verb giving the post, after an apposition or not ("Patrick
 * Cescau, the UK-based co-chairman, will become group chief executive"; "Smith was named chief executive"). Not a bare
 * comma: "However, Deutsche Boerse told …" is no apposition. Bounded pieces, no nested repetition: linear on any text.
 */
const TITLE_AFTER =
  /^(?:,\s+(?:the|a|an|its|their|his|her)\s+(?:[\p{L}\p{N}'’.-]{1,30}\s+){0,2}|(?:,[^,]{1,60},)?\s+(?:(?:will|would|is\s+to|was\s+to|has|had|have)\s+)?(?:be|become|becomes|became|been|is|was|named|appointed|made)\s+(?:(?:named|appointed|made|as)\s+)?(?:(?:the|a|an|its|their|group)\s+)?(?:[\p{L}\p{N}'’.-]{1,30}\s+)?)$/u;

/** ", Oxfam's director": an apposition opening with the question's word in the possessive. */
const POSSESSIVE_APPOSITION = /^,\s+$/u;

/**
 * A title that goes on with "of", "in", "at" or "for" and a word the question lacks is another body's or place's ("chief
 * executive of mobile music firm Musiwave", "the biggest copper producer in the world").
 */
const OF_AFTER = /^\s+(?:of|in|at|for)\s+(?:the\s+)?(?=\S)/u;

/** Longest stretch read after a name for the title it holds (see {@link TITLE_AFTER}). */
const TITLE_AFTER_REACH = 120;

/**
 * Whether two of the question's words, nothing but a space or "'s" between them, follow the name as its title: after
 * an apposition or a verb giving the post (see {@link TITLE_AFTER}), and not going on as another body's title.
 */
function titleAfter(sentence: string, span: AnswerSpan, positions: readonly number[]): readonly [number, number] | null {
  // The first two of the question's words standing together after the name: an apposition may hold one on its own
  // ("Patrick Cescau, the UK-based co-chairman, will become group chief executive").
  for (let first = positions.findIndex((position) => position >= span.end); first >= 0 && first + 1 < positions.length; first += 1) {
    const at = positions[first]!;
    const next = positions[first + 1]!;
    if (at - span.end > TITLE_AFTER_REACH) return null;
    const join = sentence.slice(wordEnd(sentence, at), next);
    if (!TITLE_JOIN.test(join)) continue;
    const gap = sentence.slice(span.end, at);
    const possessive = /^['’]s/u.test(join) || /['’]s$/u.test(sentence.slice(at, wordEnd(sentence, at)));
    if (!TITLE_AFTER.test(gap) && !(POSSESSIVE_APPOSITION.test(gap) && possessive)) return null;
    // The run goes on while the question's words stand together ("the Irish finance minister").
    let last = first + 1;
    while (last + 1 < positions.length && last - first + 1 < TITLE_WORDS && TITLE_JOIN.test(sentence.slice(wordEnd(sentence, positions[last]!), positions[last + 1]!))) last += 1;
    const end = wordEnd(sentence, positions[last]!);
    const of = OF_AFTER.exec(sentence.slice(end, end + 12));
    return !of || positions.includes(end + of[0].length) ? [at, end] : null;
  }
  return null;
}

/** Copulas: "who is the president of X" asks for a name by its title, not for the doer of an action. */
const COPULAS = ['is', 'was', 'are', 'were', 'be'];

/** Whether the question asks who did something ("who blocked the resolution"), not who someone is. */
function asksWhoDid(query: AnswerQuery): boolean {
  return query.analysis.expected === 'person' && !COPULAS.some((word) => query.foldedQuestion.has(word));
}

/** Whether the question asks for a name ("who …", "which analyst …"): a name's place among its words then counts. */
function asksName(query: AnswerQuery): boolean {
  return query.analysis.expected === 'person' || query.analysis.expected === 'name';
}

/** The question terms that what "how many" counts answers, per query (see {@link isCounted}). */
const countedTerms = new WeakMap<AnswerQuery, ReadonlySet<number>>();

/**
 * Whether the word at offset `at` of `sentence` is one of what the question counts ("how many mobile phones": mobiles,
 * phones), or any of its words when it counts nothing named ("how much is the yukos tax demand").
 */
function isCounted(sentence: string, at: number, query: AnswerQuery): boolean {
  if (query.analysis.counted.length === 0) return true;
  let terms = countedTerms.get(query);
  if (!terms) {
    terms = new Set(query.analysis.counted.flatMap((word) => (query.match(fold(word)) ?? []).map(({ term }) => term)));
    countedTerms.set(query, terms);
  }
  const word = wordAt(sentence, at);
  const found = word === null ? undefined : query.match(fold(word));
  return found?.some(({ term }) => terms.has(term)) === true;
}

/** How well a typed answer answers: of the preferred type, of another accepted type, or only in look (a weak cue). */
type Strength = 'preferred' | 'other' | 'weak';

/** "called TNT", "known as RipGuard", "named Activase": the words that give a name, right before it. */
const NAMING_CUE = /\b(?:called|known\s+as|named|renamed|dubbed|nicknamed|titled|entitled|branded(?:\s+as)?|billed\s+as|under\s+the\s+name(?:\s+of)?)\s+(?:the\s+)?["“']?$/iu;

/**
 * Words from a matched word of the question to a weak reason cue that still tie the cue to it: "arrested yesterday
 * for suspected embezzlement", "attendant suspended over …" (not "setting a new record for Christmas Day").
 */
const CUE_REACH = 2;

/** Whether a matched word of the question stands at most {@link CUE_REACH} words before `at`. */
function questionWordBefore(sentence: string, at: number, positions: readonly number[]): boolean {
  return positions.some((position) => position < at && sentence.slice(position, at).trim().split(/\s+/u).length <= CUE_REACH);
}

/** How strong an answer of an accepted type (`rank` in `accepts`) is for the question. */
function strengthOf(sentence: string, span: AnswerSpan, rank: number, positions: readonly number[], query: AnswerQuery): Strength {
  if (isWeakReason(span) && !isStatedPurpose(span, sentence) && !questionWordBefore(sentence, span.start, positions)) return 'weak';
  if (query.analysis.naming && span.type === 'name') return NAMING_CUE.test(sentence.slice(Math.max(0, span.start - 40), span.start)) ? 'preferred' : 'weak';
  if (query.analysis.measure === 'frequency' && span.type !== 'frequency') return 'weak';
  // Keywords naming an amount ask for no kind of figure: "£546m", "almost 85%" and "the first 50,000 people" alike.
  if (query.analysis.expected === 'amount') return 'preferred';
  return rank === 0 ? 'preferred' : 'other';
}

/** Strongest first: the key of a strength when choosing among a sentence's answers. */
const STRENGTH_RANK: Record<Strength, number> = { preferred: 0, other: 1, weak: 2 };

/** A typed answer of a sentence: how strong it is, how a name stands to the question's words, whether a number counts one. */
interface TypedAnswer {
  span: AnswerSpan;
  strength: Strength;
  role: NameRole | null;
  /** A count or a sum right before a word of the question ("674 million mobiles", "$27.5bn tax demand"): see {@link countsWordAt}. */
  counts: boolean;
  /** A name holding the question's own words as its title: see {@link ownWordsTitle}. */
  ownTitle: boolean;
}

/** Span types whose number can count a word of the question. */
const COUNTS: ReadonlySet<SpanType> = new Set(['quantity', 'money']);

function typedAnswer(sentence: string, positions: readonly number[], query: AnswerQuery): TypedAnswer | null {
  const { accepts } = query.analysis;
  if (accepts.length === 0) return null;
  let best: (Omit<TypedAnswer, 'ownTitle'> & { key: number }) | null = null;
  const recognised = recognise(sentence);
  const dates = recognised.filter((span) => span.type === 'date');
  for (const raw of recognised) {
    const rank = accepts.indexOf(raw.type);
    if (rank < 0) continue;
    if (query.analysis.measure === 'length' && (raw.type !== 'quantity' || !LENGTH.test(raw.text))) continue;
    // The 13 of "Sunday 13 November" is a date, not a quantity.
    if (raw.type === 'quantity' && dates.some((date) => date.start < raw.end && raw.start < date.end)) continue;
    const span = raw.type === 'name' || raw.type === 'definition' ? trimQuestionWords(raw, query) : raw;
    if (!span) continue;
    // What the question's words leave of a name, one word ("Sevens World Cups" → "Cups", "South African" → "African"),
    // is a piece of the name the question gives, not another name.
    if (raw.type === 'name' && span.start > raw.start && !/\s/u.test(span.text)) continue;
    const words = span.text.match(WORD) ?? [];
    if (words.length === 0 || words.every((word) => query.foldedQuestion.has(foldTerm(word)))) continue;
    const role = raw.type === 'name' && asksName(query) ? roleOf(sentence, span, positions, asksWhoDid(query)) : null;
    const counts = COUNTS.has(span.type) && positions.some((position) => countsWordAt(sentence, span, position) && isCounted(sentence, position, query));
    // The doer of the question's verb is the answer to "who …", and the number counting the question's word the answer
    // to "how many", wherever other names or numbers stand: before a number holding another of the question's words
    // ("3 mill sites" for "how many workers did the mill cut").
    const near = positions.length === 0 ? sentence.length : Math.min(...positions.map((p) => (p < span.start ? span.start - p : p > span.end ? p - span.end : 0)));
    const distance = role !== null || counts ? 0 : COUNTS.has(span.type) ? near + 1 : near;
    // The strongest first (preferred type, then others, then weak cues), then nearest the question's words.
    const strength = strengthOf(sentence, span, rank, positions, query);
    const key = (STRENGTH_RANK[strength] * 10 + rank) * 10_000 + distance;
    if (!best || key < best.key) best = { span, strength, key, role, counts };
  }
  if (!best) return null;
  // "3.83 trillion" inside "$3.83 trillion": the whole amount is the answer.
  const chosen = best.span;
  const enclosing = recognised.find((span) => accepts.includes(span.type) && span.start <= chosen.start && span.end >= chosen.end && span.end - span.start > chosen.end - chosen.start && span.type !== 'name' && span.type !== 'reason');
  return { span: enclosing ?? chosen, strength: best.strength, role: best.role, counts: best.counts, ownTitle: best.role === 'title' && ownWordsTitle(sentence, chosen, positions, query) };
}

/** The best-scoring sentence other than the answer and the sentence after it, when it scores close to the answer. */
function runnerUp(all: readonly Unit[], scored: readonly Scored[], bestUnit: number, best: AnswerChoice): string | null {
  const next = best.sentenceIndex + 1 < best.sentences.length ? { unit: bestUnit, sentence: best.sentenceIndex + 1 } : { unit: bestUnit + 1, sentence: 0 };
  const others = scored.filter((entry) => !(entry.unit === bestUnit && entry.sentence === best.sentenceIndex) && !(entry.unit === next.unit && entry.sentence === next.sentence));
  let found: Scored | null = null;
  for (const entry of others) if (!found || entry.score > found.score) found = entry;
  // A near tie goes to the sentence holding an answer of the expected type: "The plan totals €6.5 billion" over the
  // lede that only names the plan (issue #10).
  if (found && !found.typed) {
    const floor = found.score - RUNNER_UP_TIE;
    for (const entry of others) if (entry.typed && entry.score >= floor && (!found.typed || entry.score > found.score)) found = entry;
  }
  if (!found || found.score < ALTERNATIVE_SHARE * best.score) return null;
  return all[found.unit]!.sentences[found.sentence] ?? null;
}

/**
 * Reads the whole text of `article` and picks the sentence that best answers the question: how much of the question
 * it covers (rare words weigh more; the headline counts as context), how close its matched words are, whether it holds
 * an answer of the expected type that the question does not contain, its place (a news lede carries the key facts),
 * and for "what did X say" whether it quotes X. Null when no sentence matches any term.
 * @example selectAnswer(article, query)?.span?.text // => 'pancreatic cancer' … or '£60 million'
 */
export function selectAnswer(article: Article, query: AnswerQuery): AnswerChoice | null {
  const totalWeight = query.terms.reduce((sum, term) => sum + term.weight, 0);
  if (totalWeight <= 0) return null;
  // The key term: the rarest word of the question that the coverage knows ("mongolia" in "capital of mongolia").
  const known = query.terms.filter((term) => term.known);
  const maxWeight = Math.max(...known.map((term) => term.weight));
  const key = query.terms.map((term) => term.known && term.weight >= maxWeight);
  const matched = new Set<string>();
  const text = readArticle(article);
  const all = text.units;
  const headline = scan(wordsOf(text, 0, 0), query, matched);
  const speakerWords = query.analysis.speaker
    ? new Set((query.analysis.speaker.match(WORD) ?? []).map(foldTerm).filter((word) => word.length > 2 && !STOP_WORDS.has(word)))
    : null;
  const saidHere = new Map<number, AttributedQuote[]>();
  for (const quote of query.attributed?.(article.id) ?? []) (saidHere.get(quote.paragraphIndex) ?? saidHere.set(quote.paragraphIndex, []).get(quote.paragraphIndex)!).push(quote);
  let best: AnswerChoice | null = null;
  const seen = new Float64Array(query.terms.length);
  let read = 0;
  let bodyOrdinal = 0;
  let bestUnit = -1;
  const scored: Scored[] = [];
  let headlineScore = -Infinity;
  let headlineChoice: AnswerChoice | null = null;
  let mostCoverage = 0;
  let mostTerms = 0;
  let mostTypedTerms = 0;
  const hasKey = (found: Scan) => key.some((isKey, index) => isKey && found.quality[index]! > 0);
  // Every sentence read is scanned first: the sentence before each (across paragraph breaks) is read for the gate.
  const allScans: Scan[][] = [];
  for (const unit of all) {
    const count = Math.min(unit.sentences.length, Math.max(0, MAX_SENTENCES - read));
    read += count;
    const scans: Scan[] = [];
    for (let sentence = 0; sentence < count; sentence += 1) scans.push(unit.paragraphIndex === -1 ? headline : scan(wordsOf(text, allScans.length, sentence), query, matched));
    allScans.push(scans);
  }
  /** The sentence of the text before sentence `s` of unit `u`, across a paragraph break; the headline is not one. */
  const previous = (u: number, s: number): Scan | undefined => {
    if (s > 0) return allScans[u]![s - 1];
    const scans = allScans[u - 1];
    return !scans || all[u - 1]!.paragraphIndex === -1 ? undefined : scans[scans.length - 1];
  };
  for (const [unitIndex, unit] of all.entries()) {
    const scans = allScans[unitIndex]!;
    const count = scans.length;
    for (let s = 0; s < count; s += 1) {
      const sentence = unit.sentences[s]!;
      const found = scans[s]!;
      const ordinal = unit.paragraphIndex >= 0 ? bodyOrdinal++ : -1;
      const quotes = saidHere.get(unit.paragraphIndex);
      const said = quotes ? attributedSpan(sentence, quotes) : null;
      const before = unit.paragraphIndex === -1 ? undefined : previous(unitIndex, s);
      // "Why": a sentence holding none of the question's words but a reason after a strong cue speaks of the sentence
      // before it ("It is 16 times faster than the average broadband package. | The service is possible due to a new
      // regime …"): read with that sentence's words as its context, as the headline's are (issue #10).
      const carried = found.positions.length === 0 && !said && query.analysis.expected === 'reason' && before !== undefined && before.positions.length > 0;
      if (found.positions.length === 0 && !said && !carried) continue;
      let covered = 0;
      let context = 0;
      let termCount = 0;
      // The terms a reader finds with the answer count for the gate: the sentence, the headline and the sentence before
      // it, where a referent stands ("…after Portsmouth claimed a draw at Anfield. | Dudek fumbled a cross before Lomana
      // LuaLua headed home an injury-time equaliser" answers "who scored portsmouth's equaliser at anfield"). Not the
      // sentence after: that one let more off-topic questions of common words through on dev, for no answer more.
      query.terms.forEach((term, index) => {
        const own = found.quality[index]!;
        const head = headline.quality[index]!;
        seen[index] = Math.max(seen[index]!, own);
        covered += term.weight * own;
        if (own === 0) context += term.weight * (carried ? Math.max(head, before!.quality[index]!) : head);
        if (own > 0 || head > 0 || (before?.quality[index] ?? 0) > 0) termCount += 1;
      });
      // The gate's figures are the sentences' own: a carried sentence adds nothing the sentence before did not.
      if (!carried) {
        mostCoverage = Math.max(mostCoverage, (covered + context) / totalWeight);
        mostTerms = Math.max(mostTerms, termCount);
      }
      let score = (covered + WEIGHTS.headline * context) / totalWeight;
      const distinct = found.quality.filter((q) => q > 0).length;
      if (distinct >= 2) {
        const spread = found.ordinals[found.ordinals.length - 1]! - found.ordinals[0]! + 1;
        score += WEIGHTS.proximity * Math.min(1, distinct / spread);
      }
      // The rarest word next door: "Chelsea would receive £60 million" follows a sentence naming Nike; the
      // sentence about Adidas' deal, with more of the question's common words, names no Nike near it.
      if (unit.paragraphIndex >= 0 && !hasKey(found) && [...scans.slice(0, s), scans[s + 1]].some((near) => near !== undefined && hasKey(near))) score += WEIGHTS.keyNear;
      // The lede's weight grows with how much of the question the sentence itself holds: a lede sharing one word
      // does not outweigh a later sentence holding the answer. Keywords ("skype source code leak") too: they ask what
      // the story is, and a news story says that first.
      const own = covered / totalWeight;
      if (ordinal === 0) score += WEIGHTS.lede * own;
      else if (ordinal > 0 && ordinal <= 3) score += (WEIGHTS.lede / 2) * own;
      if (query.analysis.expected === 'quote') {
        // Reported speech answers too ("Muldoon said the currency is 10 pct overvalued"), a quotation a little more.
        if (/["“”]/u.test(sentence)) score += WEIGHTS.quote;
        if (REPORTING.test(sentence)) score += WEIGHTS.reported;
        // X named in this sentence or earlier in its paragraph: a paragraph of quotations is its speaker's ("Simon Hart
        // has questioned how … | "The definitions are so blurred … | "You can hunt a rat, but not a mouse," he said.").
        if (speakerWords && speakerNamed(text, unitIndex, s, speakerWords)) score += WEIGHTS.speaker;
      }
      // Recognising answers is the costly part: only for a sentence that could still come out best.
      if (said) score += WEIGHTS.attributed;
      const recognising: boolean = query.analysis.accepts.length > 0 && (!best || score + WEIGHTS.typed + (asksName(query) ? Math.max(WEIGHTS.subject, WEIGHTS.title) : 0) > best.score || termCount > mostTypedTerms);
      const recognised: ReturnType<typeof typedAnswer> = recognising ? typedAnswer(sentence, found.positions, query) : null;
      // Only a reason said outright answers for the sentence before it.
      if (carried && recognised?.strength !== 'preferred') continue;
      if (recognised) score += recognised.strength === 'preferred' ? WEIGHTS.typed : recognised.strength === 'other' ? WEIGHTS.typedOther : WEIGHTS.typedWeak;
      // "Russia and China blocked a resolution" says who blocked it in the question's own order.
      if (recognised?.role === 'subject') score += WEIGHTS.subject;
      // "Armed Services Chairman Les Aspin" names the holder of the title the question asks about.
      if (recognised?.role === 'title') score += WEIGHTS.title;
      // The attributed quotation is the answer shown, whatever else the sentence holds.
      const typed: { span: AnswerSpan } | null = said ? { span: said } : recognised;
      if (typed) mostTypedTerms = Math.max(mostTypedTerms, termCount);
      // The headline is shown above the excerpt anyway: when it answers best, the excerpt is the best sentence of the
      // text ("Japan to hunt 950 whales" is answered again by the lede's "940 minke whales"), its score the headline's.
      // The article-wide figures (coverage, term shares, key) are filled in once every sentence has been read.
      const choice = (attributed: boolean): AnswerChoice => ({
        paragraphIndex: unit.paragraphIndex,
        sentences: unit.sentences,
        sentenceIndex: s,
        following: [],
        score,
        coverage: 0,
        termShare: 0,
        typedTermShare: 0,
        keyCovered: false,
        span: typed?.span ?? null,
        matched,
        attributed,
        titled: recognised?.ownTitle === true && query.terms.every((_, index) => found.quality[index]! > 0 || headline.quality[index]! > 0),
        countedShare: !said && recognised?.counts === true ? own : 0,
        alternative: null,
        preceding: null,
      });
      if (unit.paragraphIndex >= 0) scored.push({ score, unit: unitIndex, sentence: s, typed: typed !== null });
      if (unit.paragraphIndex === -1) {
        headlineScore = score;
        headlineChoice = choice(false);
      } else if (!best || score > best.score) {
        bestUnit = unitIndex;
        best = choice(said !== null);
      }
    }
  }
  if (best) best.alternative = runnerUp(all, scored, bestUnit, best);
  if (!best) best = headlineChoice;
  else best.score = Math.max(best.score, headlineScore);
  if (best) {
    // The key word as typed, another form of it or a synonym: a word the coverage knows, typed as it spells it, is no
    // slip, so an edit-distance or prefix match is another word ("iphone" is not "phone", "leaking" not "leading").
    best.keyCovered = key.every((isKey, index) => !isKey || seen[index]! >= SYNONYM_QUALITY);
    best.coverage = mostCoverage;
    best.termShare = mostTerms / query.terms.length;
    best.typedTermShare = mostTypedTerms / query.terms.length;
    const before = all[bestUnit - 1];
    best.preceding = best.sentenceIndex === 0 && before && before.paragraphIndex >= 0 ? (before.sentences[before.sentences.length - 1] ?? null) : null;
    best.following = all.slice(bestUnit + 1, bestUnit + 1 + FOLLOWING_PARAGRAPHS).filter((unit) => unit.paragraphIndex >= 0).flatMap((unit) => unit.sentences);
  }
  return best;
}
