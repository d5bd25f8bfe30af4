import type { Article } from '../corpus/types.js';
import type { SearchIndexData } from '../search/index.js';

type PostingsData = SearchIndexData['passages'];

/** The search data one worker built over its share of the articles (`buildSearchData(share.articles)`). */
export interface SearchShare {
  /** The share's articles, in the order its data numbers them (sorted by id, as `loadCorpusFiles` returns them). */
  articles: readonly Article[];
  data: SearchIndexData;
}

/**
 * The search data of the whole corpus put together from the data of its shares, exactly what `buildSearchData` over
 * `articles` gives: terms merged in sorted order, documents renumbered into the corpus's order, postings merged by
 * document. Lets each worker that parsed a share tokenize it too (the bulk of building the index), on both cores,
 * leaving this thread only typed-array work. null when the shares do not fit `articles` (an article missing or
 * twice, or a share in another order): the caller then builds the index itself.
 * @example mergeSearchData([{ articles: a, data: buildSearchData(a) }, { articles: b, data: buildSearchData(b) }], all) // => deep-equal to buildSearchData(all)
 */
export function mergeSearchData(shares: readonly SearchShare[], articles: readonly Article[]): SearchIndexData | null {
  const articleMaps = articleOrder(shares, articles);
  if (!articleMaps) return null;
  const { articlePassages, passageMaps, passageArticle, passageParagraph } = passageOrder(shares, articleMaps, articles.length);
  const { terms, termMaps } = mergeTerms(shares.map((share) => share.data.dictionary.terms));
  const passageFrequency = new Uint32Array(terms.length);
  shares.forEach((share, s) => {
    const frequency = share.data.dictionary.passageFrequency;
    const map = termMaps[s]!;
    for (let t = 0; t < map.length; t += 1) passageFrequency[map[t]!]! += frequency[t]!;
  });
  return {
    dictionary: { terms, passageFrequency },
    passages: mergePostings(
      shares.map((share) => share.data.passages),
      termMaps,
      passageMaps,
      terms.length,
      passageArticle.length,
    ),
    heads: mergePostings(
      shares.map((share) => share.data.heads),
      termMaps,
      articleMaps,
      terms.length,
      articles.length,
    ),
    passageArticle,
    passageParagraph,
    articlePassages,
  };
}

/** Per share, the corpus position of each of its articles; null unless every article is in exactly one share, in order. */
function articleOrder(shares: readonly SearchShare[], articles: readonly Article[]): Uint32Array[] | null {
  const position = new Map(articles.map((article, index) => [article.id, index]));
  const seen = new Uint8Array(articles.length);
  let total = 0;
  const maps: Uint32Array[] = [];
  for (const share of shares) {
    if (share.data.articlePassages.length !== share.articles.length + 1) return null;
    const map = new Uint32Array(share.articles.length);
    let previous = -1;
    for (const [local, article] of share.articles.entries()) {
      const at = position.get(article.id);
      // Documents renumbered in increasing order keep every posting list ascending without a sort.
      if (at === undefined || at <= previous || seen[at]) return null;
      seen[at] = 1;
      map[local] = previous = at;
    }
    total += share.articles.length;
    maps.push(map);
  }
  return total === articles.length ? maps : null;
}

/** The corpus's passage numbering (article by article, as `buildSearchData` counts them) and each share's map into it. */
function passageOrder(shares: readonly SearchShare[], articleMaps: readonly Uint32Array[], articleCount: number) {
  const articlePassages = new Uint32Array(articleCount + 1);
  shares.forEach((share, s) => {
    const local = share.data.articlePassages;
    const map = articleMaps[s]!;
    for (let a = 0; a < map.length; a += 1) articlePassages[map[a]! + 1] = local[a + 1]! - local[a]!;
  });
  for (let a = 0; a < articleCount; a += 1) articlePassages[a + 1]! += articlePassages[a]!;
  const passageCount = articlePassages[articleCount]!;
  const passageArticle = new Uint32Array(passageCount);
  const passageParagraph = new Uint32Array(passageCount);
  const passageMaps = shares.map((share, s) => {
    const local = share.data.articlePassages;
    const map = new Uint32Array(share.data.passageArticle.length);
    const articleMap = articleMaps[s]!;
    for (let a = 0; a < articleMap.length; a += 1) {
      const global = articleMap[a]!;
      for (let p = local[a]!, into = articlePassages[global]!; p < local[a + 1]!; p += 1, into += 1) {
        map[p] = into;
        passageArticle[into] = global;
        passageParagraph[into] = share.data.passageParagraph[p]!;
      }
    }
    return map;
  });
  return { articlePassages, passageMaps, passageArticle, passageParagraph };
}

/** The sorted union of sorted term lists (compared as `buildSearchData` sorts them), and each list's map into it. */
function mergeTerms(lists: readonly (readonly string[])[]): { terms: string[]; termMaps: Uint32Array[] } {
  const terms: string[] = [];
  const termMaps = lists.map((list) => new Uint32Array(list.length));
  const next = lists.map(() => 0);
  for (;;) {
    let smallest: string | null = null;
    for (const [s, list] of lists.entries()) {
      const term = list[next[s]!];
      if (term !== undefined && (smallest === null || term < smallest)) smallest = term;
    }
    if (smallest === null) break;
    const id = terms.length;
    terms.push(smallest);
    for (const [s, list] of lists.entries()) {
      if (list[next[s]!] === smallest) termMaps[s]![next[s]!++] = id;
    }
  }
  return { terms, termMaps };
}

/** The shares' postings as one: term ids through `termMaps`, documents through `docMaps`, merged by document. */
function mergePostings(
  parts: readonly PostingsData[],
  termMaps: readonly Uint32Array[],
  docMaps: readonly Uint32Array[],
  termCount: number,
  docCount: number,
): PostingsData {
  const offsets = new Uint32Array(termCount + 1);
  // For each merged term, the share's own term id (-1 where the share lacks the term).
  const localTerms = parts.map((part, s) => {
    const local = new Int32Array(termCount).fill(-1);
    const map = termMaps[s]!;
    for (let t = 0; t < map.length; t += 1) {
      local[map[t]!] = t;
      offsets[map[t]! + 1]! += part.offsets[t + 1]! - part.offsets[t]!;
    }
    return local;
  });
  for (let t = 0; t < termCount; t += 1) offsets[t + 1]! += offsets[t]!;
  const docs = new Uint32Array(offsets[termCount]!);
  const counts = new Uint8Array(docs.length);
  const lengths = new Uint16Array(docCount);
  parts.forEach((part, s) => {
    const map = docMaps[s]!;
    for (let d = 0; d < map.length; d += 1) lengths[map[d]!] = part.lengths[d]!;
  });
  const cursors = new Uint32Array(parts.length);
  const ends = new Uint32Array(parts.length);
  for (let t = 0; t < termCount; t += 1) {
    for (let s = 0; s < parts.length; s += 1) {
      const local = localTerms[s]![t]!;
      cursors[s] = local < 0 ? 0 : parts[s]!.offsets[local]!;
      ends[s] = local < 0 ? 0 : parts[s]!.offsets[local + 1]!;
    }
    // A k-way merge by renumbered document; each share's list is ascending already (see articleOrder).
    for (let slot = offsets[t]!; slot < offsets[t + 1]!; slot += 1) {
      let best = -1;
      let bestDoc = 0;
      for (let s = 0; s < parts.length; s += 1) {
        if (cursors[s]! >= ends[s]!) continue;
        const doc = docMaps[s]![parts[s]!.docs[cursors[s]!]!]!;
        if (best < 0 || doc < bestDoc) {
          best = s;
          bestDoc = doc;
        }
      }
      docs[slot] = bestDoc;
      counts[slot] = parts[best]!.counts[cursors[best]!]!;
      cursors[best]! += 1;
    }
  }
  return { offsets, docs, counts, lengths };
}
