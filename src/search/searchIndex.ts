import { analyzeQuestion, answerExcerpt, asksForInstructions, selectAnswer, type AnswerChoice, type AnswerQuery, type AttributedQuote, type ExpectedAnswer } from './answers/index.js';
import { defaults } from '../config.js';
import type { Article } from '../corpus/types.js';
import type { QuoteIndex } from '../quotes/index.js';
import { foldTerm, words } from '../text/index.js';
import { buildSearchData, type SearchIndexData } from './buildSearchData.js';
import { chooseExcerpt, plainText } from './chooseExcerpt.js';
import { expandTerm, SYNONYM_QUALITY, type Expansion } from './expandTerm.js';
import { collectAcronyms, collectingAcronyms, expandAliases, type AcronymTable } from './aliases.js';
import { articleFilter, type SearchFilters } from './filters.js';
import { indexTerms } from './indexTerms.js';
import { letterCompounds, queryTerms } from './normalize.js';
import { firstOfEachStory } from './sameStory.js';
import { Postings, type PostingsData } from './postings.js';
import { ArticleScorer, type RankedArticle } from './scoreArticles.js';
import { finishInSteps } from './steps.js';
import { TermDictionary } from './termDictionary.js';
import { boundedDistance, MATCH_QUALITY, termMatchQuality } from './termMatch.js';

/** Options of {@link SearchIndex.search}. */
export interface SearchOptions {
  /**
   * Most articles returned.
   * @default 30
   */
  limit?: number;
  /** Narrow to a section, an outlet or a date range. */
  filters?: SearchFilters;
  /**
   * Share of the question's terms an article must match to count as an answer (0-1). Below it, nothing is
   * returned rather than an unrelated article.
   * @default 0.5
   */
  minCoverage?: number;
  /**
   * Longest excerpt, in characters.
   * @default 600
   */
  excerptLength?: number;
  /**
   * The coverage's quote index: "what did X say" then finds X in its speaker directory and answers with the
   * quotations it attributes to X. Without it, such questions are answered from the text alone.
   */
  quotes?: QuoteIndex;
}

const defaultSearchOptions: Required<Omit<SearchOptions, 'filters' | 'quotes'>> = { ...defaults.search };

/** Articles holding the speaker's quotations read for an answer besides the best-ranked ones (bounded: fast). */
const SPEAKER_ARTICLES = 5;
/** Added to the ranking of an article whose answering sentence is a quotation attributed to the question's speaker. */
const ATTRIBUTED_SHARE = 0.2;

/**
 * Added to the ranking of an article, times its {@link AnswerChoice.typedTermShare}: evidence that a sentence holding an
 * answer of the expected type (a number for "how many", a name for "who") also holds the question's terms, which a
 * story sharing the words but stating no such answer near them lacks.
 */
const TYPED_EVIDENCE = 0.5;

/**
 * Added to the ranking of an article whose answer is a name holding the question's words as its title, the rest of the
 * question in its sentence or headline (see AnswerChoice.titled): "who will be Unilever's chief executive" is answered by
 * the story naming him ("Patrick Cescau … will become group chief executive"), not by an older Unilever story that shares
 * the words and names its chairman. As much as a typed answer ({@link TYPED_EVIDENCE}): on dev, 0.3 moved no article,
 * 0.5 to 1 the same one, none lost.
 */
const TITLE_EVIDENCE = 0.5;

/**
 * Added to the ranking of an article, times its {@link AnswerChoice.countedShare}: its answering sentence's number
 * counts what "how many" asks about ("More than 674 million mobiles were sold last year"), which a story stating a
 * number near the question's words ("Four times more mobiles … will be sold") does not. On dev, 0.5 to 1.1 each put
 * two to five right articles first and none behind; 1.5 began to lose some.
 */
const COUNTED_EVIDENCE = 1;

/**
 * Added to the ranking of an article holding a hyphenated word of the question with a one-letter piece as typed
 * ("T-Mobile"): the search saw only its other piece ("mobile"), which every mobile story shares.
 */
const LETTER_COMPOUND_EVIDENCE = 0.5;

/** Whether the headline, standfirst or a paragraph of `article` holds one of `compounds` (folded, see {@link letterCompounds}). */
function holdsCompound(article: Article, compounds: readonly string[]): boolean {
  const texts = [article.headline, article.standfirst ?? '', ...article.paragraphs.map((paragraph) => paragraph.text)];
  return texts.some((text) => text.includes('-') && compounds.some((compound) => text.toLowerCase().includes(compound)));
}

/**
 * Best-ranked articles whose whole text is read for an answer (and re-ranked by it); the others keep their order and
 * their best-matching passage. Bounded so that answering costs the same at 7,000 and at 100,000 articles.
 */
const ANSWER_CANDIDATES = 10;
/** Query terms whose expansions a search index remembers at most (a few MB). */
const MAX_REMEMBERED_EXPANSIONS = 20_000;
/**
 * Weight of the article's search score (relative to the best, 0-1) beside its answering sentence's score (about 0.3 to
 * 2) when re-ranking: 2 gives both the same span, so that what the whole article matches counts as much as how well
 * its best sentence is phrased (at 1, a phrasing bonus overturned a clearly better-matching article).
 */
const SEARCH_SHARE = 2;
/**
 * Taken from the ranking of an article for each paragraph above its answering sentence (up to
 * {@link ANSWER_DEPTH_PARAGRAPHS}): a news story states what it is about near the top, so that of two stories that
 * match and answer about as well, the one stating the answer in its lede is about it and the other mentions it in
 * passing further down. A tie-breaker (a tenth of a point at most, beside search shares of up to 2): on dev, 0.02 to
 * 0.04 per paragraph each put three more right articles first and none behind; 0.05 began to lose some.
 */
const ANSWER_DEPTH = 0.03;
/** Paragraphs past which an answer is no deeper for {@link ANSWER_DEPTH}. */
const ANSWER_DEPTH_PARAGRAPHS = 10;

/** The ranking taken from an article whose answering sentence is in paragraph `paragraphIndex` (headline: -1). */
function answerDepthCost(paragraphIndex: number): number {
  return ANSWER_DEPTH * Math.min(Math.max(paragraphIndex, 0), ANSWER_DEPTH_PARAGRAPHS);
}

/**
 * How many times as often as a query term the coverage must hold a word one or two letters away for the term to be
 * read as that word misspelt (see SearchIndex.#corrected). A hundred, far below the 600 of "goverment" to
 * "government" in the research coverage: a name ten or twenty times rarer than a word one letter away stays as typed.
 */
const MISSPELT_RATIO = 100;
/**
 * Shortest query term read as misspelt: a short word has real neighbours one letter away, a long one seldom ("Ashia"
 * Hansen, 1 passage, beside "Asia", 226, is a name; "goverment" beside "government" is not).
 */
const MISSPELT_LENGTH = 7;

/**
 * Expected answers that the answering sentence must state: "how tall is the Eiffel Tower" is not answered by an
 * article that names the tower and no measure. Keywords naming an amount too ("nationwide savings account interest
 * rate" is not answered by a story on Ford buying First Nationwide Savings that states no rate), unless a sentence holds
 * every word (see {@link holdsEnough}).
 */
const MEASURED = new Set<ExpectedAnswer>(['quantity', 'money', 'percent', 'date', 'amount']);

/**
 * Share of the question's weight (rarer words weigh more) an article that lacks the question's rarest word must match
 * to answer it: "north korea scraps agreements" is answered by "North Korea cancels all … agreements with South
 * Korea" (its rarest word, "scraps", is another verb), "capital of mongolia" is not by an article about a capital.
 * A little over two thirds: "obama budget deficit" with "obama" missing (a third of the weight) stays out.
 */
const MOST_OF_QUESTION = 0.7;

/**
 * Share of the question's weight the answering sentence (with the headline) must cover in an article that lacks the
 * question's rarest word, above the {@link SearchOptions.minCoverage} every answer needs: "rugby world cup 2023 final
 * score" is not answered by a 2005 rugby story that holds every other word, a few here and a few there, and no
 * sentence most of them. 0.7 (as for the article) also turned away three answerable dev questions.
 */
const SENTENCE_WITHOUT_KEY = 0.6;

/**
 * A question's key terms: the words the coverage knows that weigh (are rare) nearly as much as its rarest: an answer
 * must hold them all, not only the rarest ("cheap hotels in singapore" is not answered by an article on cheap
 * Singapore shares: "hotels" is as rare as "singapore"). A misspelt or unknown word is never one (it cannot be held).
 */
const KEY_SHARE = 0.9;

/** Which terms are key (see {@link KEY_SHARE}). */
function keyTerms(terms: readonly { weight: number; known: boolean }[]): boolean[] {
  const rarest = Math.max(0, ...terms.filter((term) => term.known).map((term) => term.weight));
  return terms.map((term) => term.known && term.weight >= KEY_SHARE * rarest);
}

/**
 * How many of a question's terms an answering sentence and its headline must hold: more than half of up to four
 * terms ("capital" alone does not answer "capital of mongolia"), half of longer questions.
 */
function termsNeeded(count: number): number {
  return count <= 4 ? Math.floor(count / 2) + 1 : Math.ceil(count / 2);
}

/**
 * Whether an answering sentence (with the sentence before it and the headline) holds enough of the question's
 * `count` terms: {@link termsNeeded} of them. For a question expecting a measure, in a sentence stating one; or, in a
 * sentence stating none, every term of a question of at least {@link WHOLE_QUESTION} terms: "almost a million jobs in
 * Bangladesh alone being axed", after "Christian Aid condemned the move", holds every word of "how many jobs in
 * bangladesh will be axed says christian aid", whether or not "almost a million" reads as a number; "how tall is the
 * eiffel tower" is still not answered by "the Eiffel Tower opened in Paris", which states no measure and lacks "tall".
 * Keywords naming an amount are answered by a sentence holding every word at any length: "council budget" by "The
 * council approved its budget on Tuesday".
 */
function holdsEnough(choice: Pick<AnswerChoice, 'termShare' | 'typedTermShare'>, expected: ExpectedAnswer | null, count: number): boolean {
  if (expected === null || !MEASURED.has(expected)) return Math.round(choice.termShare * count) >= termsNeeded(count);
  const whole = count >= WHOLE_QUESTION || expected === 'amount';
  return Math.round(choice.typedTermShare * count) >= termsNeeded(count) || (whole && Math.round(choice.termShare * count) === count);
}

/** "How long", "how old": the measure asked, said in the answer by its unit ("nine years", "aged 56"), not by the word. */
const HOW_MEASURE = /\bhow\s+(long|old)\b/iu;

/**
 * The terms without the measure word of "how long" / "how old", which asks for a measure the answering sentence states
 * in its own words: "how long in prison for the spammer jaynes" is answered by "Jaynes was sentenced to nine years",
 * which holds no "long". Kept when it is the only term.
 * @example withoutMeasureWord('how long is the documentary', ['long', 'documentary']) // => ['documentary']
 */
export function withoutMeasureWord(question: string, terms: string[]): string[] {
  const word = HOW_MEASURE.exec(question)?.[1]?.toLowerCase();
  return word && terms.length > 1 ? terms.filter((term) => term !== word) : terms;
}

/** A query term that is a number as typed ("2026", "12"): see SearchIndex.#holdsNumbers. */
const NUMBER_TERM = /^\d+$/u;

/** Fewest terms of a question expecting a measure whose every word answers it without one (see {@link holdsEnough}). */
const WHOLE_QUESTION = 3;

/**
 * Share of the question's weight an article holding every key word must match for an answer of the expected type to
 * answer it from a sentence covering less than {@link SearchOptions.minCoverage} (see {@link answersInOtherWords}).
 */
const TYPED_ARTICLE_COVERAGE = 0.6;
/** The share of {@link SearchOptions.minCoverage} that sentence must still cover (0.4 of the question at 0.5). */
const TYPED_SENTENCE_SHARE = 0.8;

/**
 * Whether an article answers a question asked in other words than its own: it holds every key word and most of the
 * question ({@link TYPED_ARTICLE_COVERAGE}), and a sentence holding an answer of the expected type holds enough of the
 * question's terms ({@link termsNeeded}, with the sentence before and the headline), though the words it says
 * differently ("sack" for "removal") leave its share of the
 * question's weight under the usual minimum. "Which investment funds want to sack the Deutsche Boerse management" is
 * answered by "hedge funds TCI and Atticus were planning to demand the removal of the group's chairman". A question
 * expecting no type of answer (keywords, "what is X") gains nothing: only the found answer stands for the words missing.
 */
function answersInOtherWords(choice: AnswerChoice, entry: RankedArticle, expectsType: boolean, minCoverage: number, count: number): boolean {
  return (
    expectsType &&
    choice.keyCovered &&
    entry.keysCovered &&
    entry.coverage >= TYPED_ARTICLE_COVERAGE &&
    choice.coverage >= TYPED_SENTENCE_SHARE * minCoverage &&
    Math.round(choice.typedTermShare * count) >= termsNeeded(count)
  );
}

/**
 * `fields` as a {@link SearchHit} whose `excerpt` and `answer` are computed by `show` when first read (and kept): a
 * question ranks up to 30 articles, a page shows three. Own enumerable getters, so JSON and spreads still see them;
 * `show` holds the article's text, not the index, so a kept page does not keep a replaced index alive.
 */
function withExcerpt(fields: Omit<SearchHit, 'excerpt' | 'answer'>, show: () => Pick<SearchHit, 'excerpt' | 'answer'>): SearchHit {
  let shown: Pick<SearchHit, 'excerpt' | 'answer'> | undefined;
  const read = () => (shown ??= show());
  return Object.defineProperties(fields, {
    excerpt: { get: () => read().excerpt, enumerable: true },
    answer: { get: () => read().answer, enumerable: true },
  }) as SearchHit;
}

/** One article that answers a question, with its best passage. */
export interface SearchHit {
  article: Article;
  score: number;
  /** Index into `article.paragraphs` of the best passage; -1 when only the headline or standfirst matched. */
  paragraphIndex: number;
  /** The matching sentence(s), Markdown-escaped, matched words in `**bold**`; built when first read. */
  readonly excerpt: string;
  /** The question's terms this article matched. */
  matchedTerms: string[];
  /** The answer itself (a number, a date, a name, a reason, a quotation) as plain text, when one was found. */
  readonly answer: string | null;
}

/** The answer to one question. */
export interface SearchResult {
  hits: SearchHit[];
  /** The question's searchable terms (stop words dropped). */
  terms: string[];
  /** When nothing matched: close terms from the coverage's vocabulary ("did you mean"). */
  suggestions: string[];
}

/**
 * The search index over the coverage: an inverted index of passages (body paragraphs) and one of headlines and
 * standfirsts, over one sorted term dictionary (edit-distance, prefix and word-form matching), in flat typed arrays.
 * Answers a question with the best articles, each with its best passage as an excerpt.
 * @example
 * const index = SearchIndex.build(corpus.articles);
 * index.search('how many were injured in Bab Amr').hits[0].excerpt
 * // => '… There were more than 50 people **injured** in **Bab** **Amr** today.'
 */
export class SearchIndex {
  readonly #articles: readonly Article[];
  readonly #data: SearchIndexData;
  readonly #dictionary: TermDictionary;
  /** Expansions of query terms asked recently (questions share most of their words); cleared when full. */
  readonly #expansions = new Map<string, readonly Expansion[]>();
  readonly #scorer: ArticleScorer;
  /** Acronyms the coverage defines; made by {@link SearchIndex.prepare} or the first question, not at start. */
  #acronyms: AcronymTable | null = null;
  /** Article ids to their index, made by the first "what did X say" question. */
  #byId: Map<string, number> | null = null;

  private constructor(articles: readonly Article[], data: SearchIndexData) {
    this.#articles = articles;
    this.#data = data;
    this.#dictionary = new TermDictionary(data.dictionary);
    this.#scorer = new ArticleScorer({
      passages: new Postings(data.passages),
      heads: new Postings(data.heads),
      passageArticle: data.passageArticle,
      articlePassages: data.articlePassages,
    });
    // The stem map and fuzzy tables are built by prepare() (the bot calls it once ready) or by the first question
    // that needs them: a start from the persisted index does not wait for them (0.2 s at 7,050 articles).
  }

  /** True once the lookup tables built on first use exist (see {@link SearchIndex.prepare}). */
  get prepared(): boolean {
    return this.#dictionary.prepared && this.#acronyms !== null;
  }

  /**
   * Builds now what is otherwise built by the first question that needs it (the stem map of word forms, the fuzzy
   * matching tables), so that no user's first `/ask` pays for it.
   * @example index.prepare(); index.prepared // => true
   */
  prepare(): void {
    this.#dictionary.prepare();
    this.#acronymTable();
  }

  /**
   * {@link prepare} in steps of a few milliseconds, the event loop turning between them: for an index made while the
   * bot answers (a reload), whose tables built in one go would hold the loop for 0.2 s at 7,050 articles.
   * @example await index.prepareInSteps(); index.prepared // => true
   */
  async prepareInSteps(): Promise<void> {
    await finishInSteps(this.#dictionary.preparing());
    if (!this.#acronyms) {
      const acronyms = await finishInSteps(collectingAcronyms(this.#articles));
      this.#acronyms ??= acronyms;
    }
  }

  #acronymTable(): AcronymTable {
    this.#acronyms ??= collectAcronyms(this.#articles);
    return this.#acronyms;
  }

  /** Builds the index over `articles` (body paragraphs are the passages; crossheads and captions are not answers). */
  static build(articles: readonly Article[]): SearchIndex {
    return new SearchIndex(articles, buildSearchData(articles));
  }

  /**
   * Rebuilds an index from {@link SearchIndex.toData}'s output over the same articles, without tokenizing again.
   * @example SearchIndex.fromData(articles, index.toData()).passageCount === index.passageCount // => true
   */
  static fromData(articles: readonly Article[], data: SearchIndexData): SearchIndex {
    if (data.articlePassages.length !== articles.length + 1) {
      throw new Error(`SearchIndex.fromData: the data indexes ${data.articlePassages.length - 1} articles, not ${articles.length}`);
    }
    return new SearchIndex(articles, data);
  }

  /** The index as plain data (typed arrays and a term list) for persisting; see {@link SearchIndex.fromData}. */
  toData(): SearchIndexData {
    return this.#data;
  }

  /** How many articles are indexed. */
  get articleCount(): number {
    return this.#articles.length;
  }

  /** How many passages are indexed. */
  get passageCount(): number {
    return this.#data.passageArticle.length;
  }

  /**
   * Answers `question` with the best-matching articles, best first, grouped by article (its best passage shown).
   * Returns no hits, and suggestions, when no article matches enough of the question.
   */
  search(question: string, options: SearchOptions = {}): SearchResult {
    const { limit, minCoverage, excerptLength } = { ...defaultSearchOptions, ...options };
    const typed = withoutMeasureWord(question, queryTerms(expandAliases(question, (term) => (this.#dictionary.passageFrequency[this.#dictionary.id(term)] ?? 0) > 0)));
    const terms = [...new Set(typed.map((term) => this.#corrected(term)))];
    if (terms.length === 0 || asksForInstructions(question)) return { hits: [], terms, suggestions: [] };
    const filters = options.filters ?? {};
    const keep = Object.values(filters).some(Boolean) ? articleFilter(filters) : null;
    const expansions = terms.map((term) => this.#expand(term));
    const spelledOut = this.#addAcronyms(terms, expansions);
    const weights = terms.map((term) => this.#idf(term));
    const keys = keyTerms(terms.map((term, index) => ({ weight: weights[index]!, known: (this.#dictionary.passageFrequency[this.#dictionary.id(term)] ?? 0) > 0 })));
    const ranked = this.#scorer.rank(
      terms.map((_, index) => ({ expansions: expansions[index]!, weight: weights[index]!, key: keys[index]! })),
      { limit, minCoverage, allowed: keep && ((article) => keep(this.#articles[article]!)) },
    );
    // Which query terms each matching index term answers: to bold it in the excerpt and to list the matched terms.
    const answers = new Map<number, number[]>();
    expansions.forEach((list, index) => {
      for (const { id } of list) (answers.get(id) ?? answers.set(id, []).get(id)!).push(index);
    });
    let previous = Infinity;
    const speaker = options.quotes ? { quotes: options.quotes, allowed: (article: number) => !keep || keep(this.#articles[article]!) } : null;
    // At most `limit`: the speaker's articles read for "what did X say" come on top of the ranked ones. A story filed
    // twice is shown once (its copies rank side by side and would fill the page with the same text).
    const candidates = this.#answer(question, terms, spelledOut, ranked, weights, expansions, options.minCoverage ?? minCoverage, speaker);
    const hits = firstOfEachStory(candidates, ({ entry }) => this.#articles[entry.article]!, limit).map(({ entry, choice, rank }) => {
      // The score shown is the ranking's: never above the one before (answering articles come first).
      previous = Math.min(previous, rank);
      return this.#hit(entry, previous, terms, answers, choice !== null && choice.paragraphIndex !== -1 ? choice : null, excerptLength);
    });
    const suggestions = hits.length > 0 ? [] : this.suggest(terms);
    return { hits, terms, suggestions };
  }

  /**
   * Reads the whole text of the best-ranked articles for the sentence that answers the question, drops those with no
   * answering sentence (one holding the question's rare words and enough of the rest, the headline counting as
   * context), and ranks the others by their search score and the strength of their answer; the rest keep their order.
   * No article answers → nothing, whatever common words the others share.
   */
  #answer(
    question: string,
    terms: string[],
    spelledOut: readonly string[],
    ranked: RankedArticle[],
    weights: number[],
    expansions: Expansion[][],
    minCoverage: number,
    speaker: { quotes: QuoteIndex; allowed: (article: number) => boolean } | null,
  ): { entry: RankedArticle; choice: AnswerChoice | null; rank: number }[] {
    const analysis = analyzeQuestion(question);
    const said = speaker && analysis.speaker ? quotationsBy(speaker.quotes, analysis.speaker, analysis.about) : null;
    if (ranked.length === 0 && !said) return [];
    const byWord = new Map<string, { term: number; quality: number }[]>();
    const offer = (word: string, term: number, quality: number) => {
      const list = byWord.get(word) ?? byWord.set(word, []).get(word)!;
      const known = list.find((entry) => entry.term === term);
      if (!known) list.push({ term, quality });
      else if (quality > known.quality) known.quality = quality;
    };
    expansions.forEach((list, term) => {
      for (const { id, quality } of list) offer(this.#dictionary.terms[id]!, term, quality);
    });
    // An answer may use another form of a word the coverage also has as typed ("die" → "died"): search counts only
    // the typed form, so that several forms do not add up, but a sentence answers with any of them.
    terms.forEach((term, index) => {
      for (const id of this.#dictionary.forms(term)) offer(this.#dictionary.terms[id]!, index, MATCH_QUALITY.variant);
    });
    const query: AnswerQuery = {
      terms: weights.map((weight, index) => ({ weight, known: (this.#dictionary.passageFrequency[this.#dictionary.id(terms[index]!)] ?? 0) > 0 })),
      match: (folded) => byWord.get(folded) ?? suffixForm(folded, byWord),
      foldedQuestion: new Set([...words(question).map(foldTerm), ...spelledOut]),
      analysis,
      ...(said ? { attributed: (articleId: string) => said.byArticle.get(articleId) ?? [] } : {}),
    };
    // The numbers asked ("2026", "iphone 12"): each must be in the article as typed (see #holdsNumbers).
    const numbers = terms.flatMap((term, index) => (NUMBER_TERM.test(term) ? [index] : []));
    const top = ranked[0]?.score ?? 1;
    const read = ranked.slice(0, ANSWER_CANDIDATES);
    const compounds = letterCompounds(question);
    if (said && speaker) read.push(...this.#speakerArticles(said.byArticle, ranked, speaker.allowed));
    const candidates = read.map((entry) => {
      const choice = selectAnswer(this.#articles[entry.article]!, query);
      // A quotation the quote index attributes to the speaker answers "what did X say" (on the subject, when one is asked).
      const quoted = choice?.attributed === true && said?.onSubject === true;
      // The key words: the rarest in the sentence's article (any form or synonym), and every other word nearly as rare
      // in the article, unless one sentence (counting forms of the words) holds most of the question; or most of the
      // question's weight without them.
      // Or the article holds every key word and most of the question, and a sentence states an answer of the expected type.
      const answers =
        quoted ||
        (choice !== null &&
          this.#holdsNumbers(entry.article, numbers.map((index) => ({ term: terms[index]!, expansions: expansions[index]! }))) &&
          ((((choice.keyCovered && (entry.keysCovered || choice.coverage >= MOST_OF_QUESTION)) || (entry.coverage >= MOST_OF_QUESTION && choice.coverage >= SENTENCE_WITHOUT_KEY)) &&
            choice.coverage >= minCoverage &&
            holdsEnough(choice, query.analysis.expected, weights.length)) ||
            answersInOtherWords(choice, entry, query.analysis.expected !== null, minCoverage, weights.length)));
      const typedEvidence = TYPED_EVIDENCE * (choice?.typedTermShare ?? 0);
      const compoundEvidence = compounds.length > 0 && holdsCompound(this.#articles[entry.article]!, compounds) ? LETTER_COMPOUND_EVIDENCE : 0;
      const titleEvidence = choice?.titled ? TITLE_EVIDENCE : 0;
      const depthCost = choice ? answerDepthCost(choice.paragraphIndex) : 0;
      const countedEvidence = COUNTED_EVIDENCE * (choice?.countedShare ?? 0);
      return { entry, choice, answers, rank: SEARCH_SHARE * (entry.score / top) + (choice?.score ?? 0) + typedEvidence + titleEvidence + countedEvidence + compoundEvidence + (quoted ? ATTRIBUTED_SHARE : 0) - depthCost };
    });
    // No answering sentence in any of the best articles: nothing matches, whatever words the others share.
    if (!candidates.some((candidate) => candidate.answers)) return [];
    // Articles with an answering sentence first; those that only share words after them.
    candidates.sort((a, b) => Number(b.answers) - Number(a.answers) || b.rank - a.rank);
    const done = new Set(read.map((entry) => entry.article));
    const rest = ranked.filter((entry) => !done.has(entry.article));
    return [...candidates, ...rest.map((entry) => ({ entry, choice: null, rank: SEARCH_SHARE * (entry.score / top) }))];
  }

  /**
   * Whether `article` holds every number of the question (`numbers`: the query term and its expansions) as typed,
   * another form or a synonym, in its headline or text, or, for a year, as the year it is dated: a number asked names
   * one thing (a year, a model), and no other number nor a number's look-alike ("2020" for "2026", "12,800" for "12")
   * stands for it. "Gold price forecast for 2026" is not answered by a 1987 gold forecast.
   */
  #holdsNumbers(article: number, numbers: readonly { term: string; expansions: readonly Expansion[] }[]): boolean {
    if (numbers.length === 0) return true;
    const { heads, passages, articlePassages } = this.#data;
    const year = this.#articles[article]!.date?.slice(0, 4);
    return numbers.every(({ term, expansions }) => {
      if (term === year) return true;
      return expansions.some(({ id, quality }) => {
        if (quality < SYNONYM_QUALITY) return false;
        if (contains(heads, id, article)) return true;
        for (let passage = articlePassages[article]!; passage < articlePassages[article + 1]!; passage += 1) if (contains(passages, id, passage)) return true;
        return false;
      });
    });
  }

  /**
   * The articles holding the speaker's quotations that are not among the best-ranked ones already read: those the
   * search ranked first, then the newest that pass the filters, at most {@link SPEAKER_ARTICLES}.
   */
  #speakerArticles(byArticle: ReadonlyMap<string, readonly AttributedQuote[]>, ranked: readonly RankedArticle[], allowed: (article: number) => boolean): RankedArticle[] {
    const out: RankedArticle[] = [];
    const taken = new Set(ranked.slice(0, ANSWER_CANDIDATES).map((entry) => entry.article));
    for (const entry of ranked.slice(ANSWER_CANDIDATES)) {
      if (out.length >= SPEAKER_ARTICLES) return out;
      if (byArticle.has(this.#articles[entry.article]!.id)) {
        out.push(entry);
        taken.add(entry.article);
      }
    }
    for (const id of byArticle.keys()) {
      if (out.length >= SPEAKER_ARTICLES) break;
      const article = this.#articleIndex().get(id);
      // The filters asked for (section, outlet, dates) hold for these articles too.
      if (article === undefined || taken.has(article) || !allowed(article)) continue;
      // Found by the speaker, not by the words: only the answering sentence's own key-word check applies.
      out.push({ article, score: 0, coverage: 0, keysCovered: true, passages: [] });
      taken.add(article);
    }
    return out;
  }

  #articleIndex(): Map<string, number> {
    this.#byId ??= new Map(this.#articles.map((article, index) => [article.id, index]));
    return this.#byId;
  }

  /**
   * An article's hit: its answering sentence's paragraph (`choice`) or else the passage that adds most to its headline,
   * the question's terms it matched, and its excerpt, which is built when first read: a page shows a few of the hits.
   */
  #hit({ article: articleIndex, passages }: RankedArticle, score: number, terms: string[], answers: Map<number, number[]>, choice: AnswerChoice | null, excerptLength: number): SearchHit {
    const article = this.#articles[articleIndex]!;
    const { passages: passageIndex, heads, passageParagraph } = this.#data;
    // The postings say which of the matching terms a passage holds: no need to tokenize it again.
    const matching = (postings: PostingsData, doc: number) => [...answers.keys()].filter((id) => contains(postings, id, doc));
    const docTerms = new Set(matching(heads, articleIndex));
    const headline = new Set(indexTerms(article.headline));
    // "homs shellng" on an article headlined "…Homs…" shows the passage about shelling rather than another mention
    // of Homs: most terms the headline lacks, then most of the question, then the best scored.
    let best = -1;
    let bestKey: [number, number] = [-1, -1];
    for (const { passage } of passages) {
      const found = matching(passageIndex, passage);
      for (const id of found) docTerms.add(id);
      const questionTerms = new Set(found.flatMap((id) => answers.get(id)!));
      const key: [number, number] = [found.filter((id) => !headline.has(this.#dictionary.terms[id]!)).length, questionTerms.size];
      if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) [best, bestKey] = [passageParagraph[passage]!, key];
    }
    const answered = new Set([...docTerms].flatMap((id) => answers.get(id)!));
    const fields = { article, score, paragraphIndex: choice ? Math.max(-1, choice.paragraphIndex) : best, matchedTerms: terms.filter((_, index) => answered.has(index)) };
    if (choice) {
      return withExcerpt(fields, () => {
        const excerpt = answerExcerpt(choice.sentences, choice.sentenceIndex, choice.span, choice.matched, excerptLength, choice.following, choice.alternative, choice.preceding);
        return { excerpt, answer: choice.span && plainText(excerpt).includes(choice.span.text) ? choice.span.text : null };
      });
    }
    const text = best >= 0 ? article.paragraphs[best]!.text : (article.standfirst ?? firstBody(article));
    const matchedWords = [...docTerms].map((id) => this.#dictionary.terms[id]!);
    return withExcerpt(fields, () => ({ excerpt: chooseExcerpt(text, matchedWords, { maxLength: excerptLength }), answer: null }));
  }

  /**
   * The word meant by a query term the coverage holds misspelt: the word one or two letters away (a fuzzy match) that
   * it holds {@link MISSPELT_RATIO} times as often or more, with the same first letter; else the term. "goverment" (7
   * passages of the research coverage) is "government" (4,208): as typed, it was the question's rarest word, which
   * every answer had to hold. A misspelling keeps the first letter, a name need not: "iPhone" (1 passage) is not
   * "phone" (292). Nor is a term shorter than {@link MISSPELT_LENGTH}. A term the coverage lacks is left as typed:
   * fuzzy matching stands for it.
   */
  #corrected(term: string): string {
    const { passageFrequency, terms } = this.#dictionary;
    const own = passageFrequency[this.#dictionary.id(term)] ?? 0;
    if (own === 0 || term.length < MISSPELT_LENGTH) return term;
    let meant = term;
    let frequency = own * MISSPELT_RATIO;
    for (const { id } of this.#expand(term)) {
      const word = terms[id]!;
      if (passageFrequency[id]! >= frequency && word[0] === term[0] && termMatchQuality(term, word) === MATCH_QUALITY.fuzzy) [meant, frequency] = [word, passageFrequency[id]!];
    }
    return meant;
  }

  /** {@link expandTerm} of a query term, remembered: the dictionary does not change. A copy, which the query may extend. */
  #expand(term: string): Expansion[] {
    let expansions = this.#expansions.get(term);
    if (!expansions) {
      expansions = expandTerm(term, this.#dictionary);
      if (this.#expansions.size >= MAX_REMEMBERED_EXPANSIONS) this.#expansions.clear();
      this.#expansions.set(term, expansions);
    }
    return expansions.map((expansion) => ({ ...expansion }));
  }

  /**
   * Acronyms both ways: "eu" also matches the rarest word of "European Union" (what a passage that spells it out must
   * hold), and a question spelling out "International Monetary Fund" also matches "imf". Returns the acronyms the
   * question spells out: words of the question too, so that "IMF" is not offered as the answer to a question on it.
   */
  #addAcronyms(terms: readonly string[], expansions: Expansion[][]): string[] {
    const { passageFrequency } = this.#dictionary;
    const add = (index: number, word: string) => {
      const id = this.#dictionary.id(word);
      if (id < 0 || passageFrequency[id] === 0 || expansions[index]!.some((entry) => entry.id === id)) return;
      expansions[index]!.push({ id, quality: MATCH_QUALITY.variant, weight: MATCH_QUALITY.variant });
    };
    const asked = new Set(terms);
    terms.forEach((term, index) => {
      const spelled = this.#acronymTable().get(term);
      if (spelled) {
        const rarest = [...spelled].filter((word) => word.length > 2).sort((a, b) => (passageFrequency[this.#dictionary.id(a)] ?? Infinity) - (passageFrequency[this.#dictionary.id(b)] ?? Infinity))[0];
        if (rarest) add(index, rarest);
      }
    });
    const spelledOut: string[] = [];
    if (terms.length < 2) return spelledOut;
    for (const [acronym, spelled] of this.#acronymTable()) {
      const content = spelled.filter((word) => word.length > 2);
      if (content.length < 2 || !content.every((word) => asked.has(word))) continue;
      for (const word of content) add(terms.indexOf(word), acronym);
      spelledOut.push(acronym);
    }
    return spelledOut;
  }

  /** Inverse passage frequency of a term (all its forms together); a term the coverage lacks weighs most. */
  #idf(term: string): number {
    const frequency = this.#dictionary.forms(term).reduce((sum, id) => sum + this.#dictionary.passageFrequency[id]!, 0);
    return Math.log((this.passageCount + 1) / (frequency + 0.5));
  }

  /**
   * "Did you mean": for each term the coverage does not contain, the closest terms it does contain (fewest edits,
   * then same first letter, then most frequent).
   * @example index.suggest(['shellng']) // => ['shelling']
   */
  suggest(terms: readonly string[]): string[] {
    const { passageFrequency } = this.#dictionary;
    const suggestions = new Set<string>();
    for (const term of terms) {
      // Five are as many as a reply shows; each more term would cost a dictionary scan for nothing.
      if (suggestions.size >= MAX_SUGGESTIONS) break;
      const id = this.#dictionary.id(term);
      if (term.length < 3 || (id >= 0 && passageFrequency[id]! > 0)) continue;
      const close = this.#dictionary
        .fuzzy(term, term.length >= 5 ? 2 : 1)
        .filter((candidate) => passageFrequency[candidate]! > 0)
        .map((candidate) => {
          const word = this.#dictionary.terms[candidate]!;
          return { word, key: [boundedDistance(term, word, 2), word[0] === term[0] ? 0 : 1, -passageFrequency[candidate]!] };
        })
        .sort((a, b) => a.key[0]! - b.key[0]! || a.key[1]! - b.key[1]! || a.key[2]! - b.key[2]!);
      for (const { word } of close.slice(0, 2)) suggestions.add(word);
    }
    return [...suggestions].slice(0, MAX_SUGGESTIONS);
  }
}

/** Most quotations of one speaker read per question (the newest first): bounded, so that answering stays fast. */
const MAX_SPEAKER_QUOTES = 200;

/**
 * The quotations the quote index attributes to the speaker a question names, by article: on the subject when one is
 * asked and the speaker has some on it (`onSubject`), else all of them (`onSubject` false when a subject was asked).
 * Null when the directory knows no such speaker, or finds one that shares no word with the name as typed ("the
 * charities" is nobody, whatever name is spelt closest).
 */
function quotationsBy(quotes: QuoteIndex, typed: string, about: string | null): { byArticle: Map<string, AttributedQuote[]>; onSubject: boolean } | null {
  const speaker = quotes.findSpeaker(typed);
  if (!speaker) return null;
  const typedWords = new Set(words(typed).map(foldTerm));
  const named = [speaker.name, ...speaker.aliases].some((name) => words(name).some((word) => typedWords.has(foldTerm(word))));
  if (!named) return null;
  let list = about ? quotes.quotesBy(speaker.name, { about }) : [];
  const onSubject = about === null || list.length > 0;
  if (list.length === 0) list = quotes.quotesBy(speaker.name);
  const byArticle = new Map<string, AttributedQuote[]>();
  for (const quote of list.slice(0, MAX_SPEAKER_QUOTES)) {
    (byArticle.get(quote.articleId) ?? byArticle.set(quote.articleId, []).get(quote.articleId)!).push({ paragraphIndex: quote.paragraphIndex, quote: quote.quote });
  }
  return { byArticle, onSubject };
}

/** Endings that make another form of a word ("died", "dies" of "die"; "closed" of "close"). */
const ENDINGS = ['s', 'es', 'd', 'ed', 'ing', 'ings'];

/** The question terms that `folded` is another form of, by its ending, at variant quality; undefined when none. */
function suffixForm(folded: string, byWord: ReadonlyMap<string, { term: number; quality: number }[]>): { term: number; quality: number }[] | undefined {
  for (const ending of ENDINGS) {
    if (folded.length <= ending.length + 2 || !folded.endsWith(ending)) continue;
    const found = byWord.get(folded.slice(0, -ending.length));
    // Another form of what the base matches, no better: "phones" is no form of "iphone" because "phone" is close to it.
    if (found) return found.map(({ term, quality }) => ({ term, quality: Math.min(quality, MATCH_QUALITY.variant) }));
  }
  return undefined;
}

/** Most "did you mean" terms offered. */
const MAX_SUGGESTIONS = 5;

function firstBody(article: Article): string {
  return article.paragraphs.find((paragraph) => paragraph.kind === 'body')?.text ?? article.headline;
}

/** Whether document `doc` is in term `id`'s postings (binary search: postings are sorted). */
function contains(postings: PostingsData, id: number, doc: number): boolean {
  let low = postings.offsets[id]!;
  let high = postings.offsets[id + 1]!;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const value = postings.docs[middle]!;
    if (value === doc) return true;
    if (value < doc) low = middle + 1;
    else high = middle;
  }
  return false;
}
