import type { Article } from '../corpus/types.js';
import { foldTerm, words } from '../text/index.js';

/**
 * Words of a lede that no two different stories share: a lede this long, word for word, is one story's, whatever its
 * headline ("Umaga ready for Lions" and "Umaga ready for \"fearsome\" Lions" over one lede). BBC 2005 re-files about
 * 40 stories and Reuters-21578 about 50 under a reworded headline; the shortest such ledes run to 12 words. A shorter
 * lede ("Shr 10 cts vs 12 cts", a dateline, a byline) can open different stories, which then need the same headline.
 */
const SAME_LEDE_WORDS = 12;

/**
 * What makes two articles the same story: the first body paragraph, as folded words, when it is long enough to be
 * one story's ({@link SAME_LEDE_WORDS}); with the headline too when it is shorter. A wire story filed twice
 * (Reuters-21578 holds hundreds; BBC 2005 about a hundred) has both alike, often under a reworded headline; a
 * follow-up has another lede.
 * @example
 * storyKey(article) === storyKey(copyOfArticle) // => true
 */
export function storyKey(article: Article): string {
  const lede = words(article.paragraphs.find((paragraph) => paragraph.kind === 'body')?.text ?? '').map(foldTerm);
  if (lede.length >= SAME_LEDE_WORDS) return lede.join(' ');
  return `${words(article.headline).map(foldTerm).join(' ')}\n${lede.join(' ')}`;
}

/** FNV-1a over the key's UTF-16 code units: a cheap first comparison, confirmed on the keys themselves. */
function hash(key: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) value = Math.imul(value ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return value;
}

/**
 * For each article, the index of the first article that is the same story (same headline and lede, as words), or its
 * own index: a story filed twice is one story to a reader.
 * @example
 * storyOf([a, copyOfA, b]) // => Int32Array [0, 0, 2]
 */
export function storyOf(articles: readonly Article[]): Int32Array {
  const story = new Int32Array(articles.length);
  // Hash → the articles first seen with it (several when different keys share a hash). Keys are not kept (100,000
  // ledes would weigh megabytes): the first article's key is made again when a hash matches, rare but for copies.
  const firsts = new Map<number, number[]>();
  articles.forEach((article, index) => {
    const key = storyKey(article);
    const value = hash(key);
    const seen = firsts.get(value);
    const same = seen?.find((first) => storyKey(articles[first]!) === key);
    story[index] = same ?? index;
    if (same !== undefined) return;
    if (seen) seen.push(index);
    else firsts.set(value, [index]);
  });
  return story;
}

/**
 * The items in order without the later copies of a story already listed, at most `limit` of them: a story filed
 * twice is shown once, and the next story takes the second place. Keys are made only for the items looked at.
 * @example
 * firstOfEachStory([a, copyOfA, b], (x) => x, 2) // => [a, b]
 */
export function firstOfEachStory<T>(items: readonly T[], articleOf: (item: T) => Article, limit: number): T[] {
  const kept: T[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (kept.length >= limit) break;
    const key = storyKey(articleOf(item));
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(item);
  }
  return kept;
}
