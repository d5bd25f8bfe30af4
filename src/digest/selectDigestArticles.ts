import type { Article } from '../corpus/types.js';
import type { FirstSeen } from '../state/types.js';

/** The window of first-seen times a digest covers: after `since` (exclusive), up to `until` (inclusive). */
export interface DigestWindow {
  /** Null: from the beginning (still never the baseline). */
  since: string | null;
  until: string;
}

/** The articles a digest carries, and how many others were left out and why (for `/digest status`). */
export interface DigestSelection {
  carried: Article[];
  excluded: {
    /** Already there on the very first start: the baseline is never a scheduled digest's content. */
    baseline: number;
    /** First seen at or before `since`: an earlier digest carried them (or they predate the guild's digest). */
    earlier: number;
    /** First seen after `until`: they go to the next digest. */
    later: number;
    /** Loaded but not yet recorded as seen (the library reloaded a moment ago); they will be. */
    unrecorded: number;
  };
}

/**
 * Picks the articles a digest carries by when newsdesk first saw them, not by their printed date, so a
 * back-dated article that arrives late is still carried once.
 * @example selectDigestArticles(articles, firstSeen, { since: '2025-06-01T08:00:00.000Z', until: '2025-06-02T08:00:00.000Z' }).carried.length // => 3
 */
export function selectDigestArticles(
  articles: readonly Article[],
  firstSeen: ReadonlyMap<string, FirstSeen>,
  window: DigestWindow,
): DigestSelection {
  const selection: DigestSelection = { carried: [], excluded: { baseline: 0, earlier: 0, later: 0, unrecorded: 0 } };
  for (const article of articles) {
    const seen = firstSeen.get(article.id);
    if (!seen) selection.excluded.unrecorded += 1;
    else if (seen.baseline) selection.excluded.baseline += 1;
    else if (window.since !== null && seen.at <= window.since) selection.excluded.earlier += 1;
    else if (seen.at > window.until) selection.excluded.later += 1;
    else selection.carried.push(article);
  }
  return selection;
}
