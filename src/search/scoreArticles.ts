import { type Expansion, SYNONYM_QUALITY } from './expandTerm.js';
import type { Postings } from './postings.js';

/** What {@link ArticleScorer.rank} needs of the index. */
export interface ScoringTables {
  passages: Postings;
  heads: Postings;
  passageArticle: Uint32Array;
  articlePassages: Uint32Array;
}

/** How a ranked article was scored, and its matching passages (best first) for choosing the excerpt. */
export interface RankedArticle {
  article: number;
  score: number;
  coverage: number;
  /** Whether the article holds every key term of the question (see {@link ScoredTerm.key}) as typed, another form or a synonym. */
  keysCovered: boolean;
  passages: { passage: number; score: number }[];
}

/** One query term: the index terms that answer it, and its weight in the coverage (rarer weighs more). */
export interface ScoredTerm {
  expansions: Expansion[];
  weight: number;
  /** A key term: one of the question's rarest words, which an answering article must hold (not a fuzzy or prefix match of it). */
  key?: boolean;
}

/** Relative weight of a headline or standfirst match against a passage match. */
const HEADLINE_WEIGHT = 0.6;
/**
 * A match in the lede (the first body paragraph) counts this much more: a news story says what it is about at the
 * top, so that an article whose lede matches the question ranks above one that matches as well only in passing,
 * further down. A bonus rather than a decay with depth: a deep sentence that answers ("at least 6,000 people have now
 * been killed in Syria", paragraph 8) keeps its full score. 0.2 helps fold A and holds fold B; 0.3 loses one in B.
 */
const LEDE_BONUS = 0.2;
/** BM25+ constants (MiniSearch's defaults). */
const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;

/**
 * Scores articles against a question by walking the postings of its terms once, into flat per-passage and per-article
 * arrays reused across questions (no allocation per posting). An article's score is its best passage's BM25+ (the
 * lede's a fifth more) plus 0.6 × its headline's, times coverage²: coverage is the share of the
 * question's weight the article answers, each term counted at its best match quality. Not re-entrant: one question
 * at a time (search is synchronous).
 * @example new ArticleScorer(tables).rank(terms, { limit: 30, minCoverage: 0.5, allowed: () => true })[0].article // => 12
 */
export class ArticleScorer {
  readonly #tables: ScoringTables;
  readonly #termPassage: Float32Array;
  readonly #passageScore: Float32Array;
  readonly #termHead: Float32Array;
  readonly #headScore: Float32Array;
  readonly #termQuality: Float32Array;
  readonly #covered: Float32Array;
  readonly #bestPassage: Float32Array;
  /** Per article, how many of the question's key terms it holds. */
  readonly #keys: Uint8Array;
  /** Passages, headlines and articles touched by the current term / question: preallocated stacks. */
  readonly #termPassages: Stack;
  readonly #termHeads: Stack;
  readonly #termArticles: Stack;
  readonly #passages: Stack;
  readonly #candidates: Stack;

  constructor(tables: ScoringTables) {
    this.#tables = tables;
    const passages = tables.passages.documentCount;
    const articles = tables.heads.documentCount;
    this.#termPassage = new Float32Array(passages);
    this.#passageScore = new Float32Array(passages);
    this.#termHead = new Float32Array(articles);
    this.#headScore = new Float32Array(articles);
    this.#termQuality = new Float32Array(articles);
    this.#covered = new Float32Array(articles);
    this.#bestPassage = new Float32Array(articles);
    this.#keys = new Uint8Array(articles);
    this.#termPassages = new Stack(passages);
    this.#passages = new Stack(passages);
    this.#termHeads = new Stack(articles);
    this.#termArticles = new Stack(articles);
    this.#candidates = new Stack(articles);
  }

  /** The best `limit` articles answering at least `minCoverage` of the question, best first; `allowed` null keeps all. */
  rank(terms: readonly ScoredTerm[], options: { limit: number; minCoverage: number; allowed: ((article: number) => boolean) | null }): RankedArticle[] {
    const { passageArticle, articlePassages } = this.#tables;
    const passageScore = this.#passageScore;
    const termPassage = this.#termPassage;
    const covered = this.#covered;
    const termQuality = this.#termQuality;
    const touched = this.#passages;
    const candidates = this.#candidates;
    touched.length = 0;
    candidates.length = 0;
    for (const term of terms) {
      this.#termPassages.length = 0;
      this.#termHeads.length = 0;
      this.#termArticles.length = 0;
      for (const expansion of term.expansions) {
        this.#walkPassages(expansion);
        this.#walkHeads(expansion);
      }
      // A term adds its best match per passage and per headline, once: forms of one word do not add up.
      const termPassages = this.#termPassages.items;
      for (let i = 0; i < this.#termPassages.length; i += 1) {
        const passage = termPassages[i]!;
        if (passageScore[passage] === 0) touched.push(passage);
        passageScore[passage]! += termPassage[passage]!;
        termPassage[passage] = 0;
      }
      const termHeads = this.#termHeads.items;
      for (let i = 0; i < this.#termHeads.length; i += 1) {
        const article = termHeads[i]!;
        this.#headScore[article]! += this.#termHead[article]!;
        this.#termHead[article] = 0;
      }
      const termArticles = this.#termArticles.items;
      for (let i = 0; i < this.#termArticles.length; i += 1) {
        const article = termArticles[i]!;
        if (covered[article] === 0) candidates.push(article);
        covered[article]! += termQuality[article]! * term.weight;
        if (term.key && termQuality[article]! >= SYNONYM_QUALITY) this.#keys[article]! += 1;
        termQuality[article] = 0;
      }
    }

    const bestPassage = this.#bestPassage;
    for (let i = 0; i < touched.length; i += 1) {
      const passage = touched.items[i]!;
      const article = passageArticle[passage]!;
      const weighted = passage === articlePassages[article]! ? passageScore[passage]! * (1 + LEDE_BONUS) : passageScore[passage]!;
      if (weighted > bestPassage[article]!) bestPassage[article] = weighted;
    }
    const totalWeight = terms.reduce((sum, term) => sum + term.weight, 0);
    const keyCount = terms.filter((term) => term.key).length;
    const threshold = options.minCoverage * totalWeight;
    const top: Top[] = [];
    for (let i = 0; i < candidates.length; i += 1) {
      const article = candidates.items[i]!;
      if (covered[article]! < threshold || (options.allowed && !options.allowed(article))) continue;
      const coverage = covered[article]! / totalWeight;
      const score = (bestPassage[article]! + HEADLINE_WEIGHT * this.#headScore[article]!) * coverage * coverage;
      if (top.length === options.limit && !better(score, article, top[top.length - 1]!)) continue;
      insertSorted(top, { article, score, coverage, keysCovered: this.#keys[article]! >= keyCount }, options.limit);
    }

    const ranked = top.map((entry): RankedArticle => ({ ...entry, passages: collect(entry.article) }));
    for (let i = 0; i < touched.length; i += 1) passageScore[touched.items[i]!] = 0;
    for (let i = 0; i < candidates.length; i += 1) {
      const article = candidates.items[i]!;
      covered[article] = 0;
      this.#headScore[article] = 0;
      bestPassage[article] = 0;
      this.#keys[article] = 0;
    }
    return ranked;

    function collect(article: number): RankedArticle['passages'] {
      const passages: RankedArticle['passages'] = [];
      for (let passage = articlePassages[article]!; passage < articlePassages[article + 1]!; passage += 1) {
        if (passageScore[passage]! > 0) passages.push({ passage, score: passageScore[passage]! });
      }
      return passages.sort((a, b) => b.score - a.score || a.passage - b.passage);
    }
  }

  /** Adds one expansion's passages: BM25+ per passage (kept if best for the term), match quality per article. */
  #walkPassages(expansion: Expansion): void {
    this.#walk(expansion, this.#tables.passages, this.#termPassage, this.#termPassages, this.#tables.passageArticle);
  }

  /** Adds one expansion's headlines (a headline's document id is its article's). */
  #walkHeads(expansion: Expansion): void {
    this.#walk(expansion, this.#tables.heads, this.#termHead, this.#termHeads, null);
  }

  /**
   * Scores one expansion's postings with BM25+, keeping each document's best score for the term in `termScore`
   * (`touched` lists the documents scored) and each article's best match quality; `articleOf` maps a document to its
   * article (null: the document is the article).
   */
  #walk(expansion: Expansion, postings: Postings, termScore: Float32Array, touched: Stack, articleOf: Uint32Array | null): void {
    const { offsets, docs, counts, lengths } = postings.data;
    const from = offsets[expansion.id]!;
    const to = offsets[expansion.id + 1]!;
    if (from === to) return;
    const termQuality = this.#termQuality;
    const articles = this.#termArticles;
    const quality = expansion.quality;
    const idf = expansion.weight * Math.log(1 + (postings.documentCount - (to - from) + 0.5) / (to - from + 0.5));
    const norm = K1 * (1 - B);
    const perLength = (K1 * B) / postings.averageLength;
    for (let i = from; i < to; i += 1) {
      const doc = docs[i]!;
      const count = counts[i]!;
      const score = idf * (DELTA + (count * (K1 + 1)) / (count + norm + perLength * lengths[doc]!));
      const previous = termScore[doc]!;
      if (previous === 0) touched.push(doc);
      if (score > previous) termScore[doc] = score;
      const article = articleOf === null ? doc : articleOf[doc]!;
      const had = termQuality[article]!;
      if (had === 0) articles.push(article);
      if (quality > had) termQuality[article] = quality;
    }
  }
}

/** A ranked article before its passages are collected. */
type Top = Omit<RankedArticle, 'passages'>;

/** A stack of ids over a preallocated typed array. */
class Stack {
  readonly items: Uint32Array;
  length = 0;
  constructor(capacity: number) {
    this.items = new Uint32Array(Math.max(1, capacity));
  }

  push(value: number): void {
    this.items[this.length++] = value;
  }
}

function better(score: number, article: number, than: { article: number; score: number }): boolean {
  return score > than.score || (score === than.score && article < than.article);
}

/** Inserts into `top` (best first), keeping at most `limit` entries. */
function insertSorted(top: Top[], entry: Top, limit: number): void {
  let at = top.length;
  while (at > 0 && better(entry.score, entry.article, top[at - 1]!)) at -= 1;
  top.splice(at, 0, entry);
  if (top.length > limit) top.pop();
}
