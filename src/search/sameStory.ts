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
 * Share of their lede words (Jaccard, over distinct folded words) past which two long ledes under one headline tell
 * the same story rewritten: a wire re-files a story with a word changed ("offer its commercial bank creditors" /
 * "offer commercial bank creditors", "as an alternative to" / "instead of"). In BBC 2005 and Reuters-21578, same-headline
 * pairs from 0.8 up are all such re-files (about 20); below, "Canadian money supply rises in week" over two weeks
 * shares 0.66.
 */
const REWRITTEN_LEDE_SHARE = 0.8;

/**
 * The article's headline and the distinct words of its lede, folded: what {@link rewrittenCopies} compares. The lede's
 * words are made only when a headline matches (rare but for copies): a question shows up to 30 articles.
 */
interface StoryTelling {
  readonly headline: string;
  readonly lede: () => ReadonlySet<string>;
}

function storyTelling(article: Article): StoryTelling {
  let lede: ReadonlySet<string> | undefined;
  return { headline: words(article.headline).map(foldTerm).join(' '), lede: () => (lede ??= new Set(ledeWords(article))) };
}

function ledeWords(article: Article): string[] {
  return words(article.paragraphs.find((paragraph) => paragraph.kind === 'body')?.text ?? '').map(foldTerm);
}

/**
 * Whether two articles are one story re-filed with its lede reworded: the same headline, both ledes long enough to be
 * one story's, and nearly all their words shared ({@link REWRITTEN_LEDE_SHARE}).
 * @example rewrittenCopies(storyTelling(a), storyTelling(aWithAWordDropped)) // => true
 */
function rewrittenCopies(a: StoryTelling, b: StoryTelling): boolean {
  if (a.headline !== b.headline) return false;
  const [first, second] = [a.lede(), b.lede()];
  if (first.size < SAME_LEDE_WORDS || second.size < SAME_LEDE_WORDS) return false;
  let shared = 0;
  for (const word of first) if (second.has(word)) shared += 1;
  return shared / (first.size + second.size - shared) >= REWRITTEN_LEDE_SHARE;
}

/**
 * What makes two articles the same story: the first body paragraph, as folded words, when it is long enough to be
 * one story's ({@link SAME_LEDE_WORDS}); with the headline too when it is shorter. A wire story filed twice
 * (Reuters-21578 holds hundreds; BBC 2005 about a hundred) has both alike, often under a reworded headline; a
 * follow-up has another lede.
 * @example
 * storyKey(article) === storyKey(copyOfArticle) // => true
 */
export function storyKey(article: Article): string {
  const lede = ledeWords(article);
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
 * For each article, the index of the first article that is the same story (same headline and lede, as words, or the
 * lede reworded under the same headline), or its own index: a story filed twice is one story to a reader.
 * @example
 * storyOf([a, copyOfA, b]) // => Int32Array [0, 0, 2]
 */
export function storyOf(articles: readonly Article[]): Int32Array {
  const story = new Int32Array(articles.length);
  // Hash → the articles first seen with it (several when different keys share a hash). Keys are not kept (100,000
  // ledes would weigh megabytes): the first article's key is made again when a hash matches, rare but for copies.
  const firsts = new Map<number, number[]>();
  // Headline → the first articles of their stories under it: a lede reworded is the same story (see rewrittenCopies).
  const byHeadline = new Map<string, number[]>();
  articles.forEach((article, index) => {
    const key = storyKey(article);
    const value = hash(key);
    const seen = firsts.get(value);
    const same = seen?.find((first) => storyKey(articles[first]!) === key);
    if (same !== undefined) {
      story[index] = story[same]!;
      return;
    }
    if (seen) seen.push(index);
    else firsts.set(value, [index]);
    const telling = storyTelling(article);
    const under = byHeadline.get(telling.headline);
    const rewritten = under?.find((first) => rewrittenCopies(storyTelling(articles[first]!), telling));
    story[index] = rewritten ?? index;
    if (rewritten !== undefined) return;
    if (under) under.push(index);
    else byHeadline.set(telling.headline, [index]);
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
  const tellings: StoryTelling[] = [];
  for (const item of items) {
    if (kept.length >= limit) break;
    const key = storyKey(articleOf(item));
    if (seen.has(key)) continue;
    // Seen even when it is a rewritten copy: its own copies are the story's too.
    seen.add(key);
    const telling = storyTelling(articleOf(item));
    if (tellings.some((other) => rewrittenCopies(other, telling))) continue;
    tellings.push(telling);
    kept.push(item);
  }
  return kept;
}
