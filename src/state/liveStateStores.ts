import type { FeedHealth, StoredItem } from './feedStore.js';
import type { Follow } from './followStore.js';
import type { StateWarning } from './types.js';

/** A result now (SQLite, synchronous) or later (PostgreSQL); callers always `await` it, so both work. */
export type Awaitable<T> = T | Promise<T>;

/**
 * What newsdesk may ask of the feeds' state: each feed's health and the identity of every item written. Two
 * implementations: `FeedStore` (SQLite, the state file; synchronous) and `PostgresFeedStore` (`DATABASE_URL`, shared
 * by every host). Every method means what `FeedStore`'s method of the same name documents;
 * `test/state/liveContract.test.ts` runs one suite against both.
 */
export interface FeedStateStore {
  readonly warnings: readonly StateWarning[];
  close(): Awaitable<void>;
  health(url: string): Awaitable<FeedHealth | null>;
  allHealth(): Awaitable<FeedHealth[]>;
  ensureFeed(url: string, specHash: string): Awaitable<FeedHealth>;
  recordSuccess(url: string, result: { at: Date; nextPoll: Date; title?: string | null; etag: string | null; lastModified: string | null; newItems: number }): Awaitable<void>;
  recordFailure(url: string, failure: { at: Date; nextPoll: Date; error: string; pause: boolean }): Awaitable<number>;
  pause(url: string, reason: string, at: Date): Awaitable<void>;
  resume(url: string): Awaitable<boolean>;
  findItem(keys: { guid: string | null; url: string | null; contentHash: string | null }): Awaitable<StoredItem | null>;
  addItem(item: Omit<StoredItem, 'id'>): Awaitable<void>;
  /** Whether any stored item names this file (a file on disk that none names was left by a poll that failed). */
  fileKnown(file: string): Awaitable<boolean>;
  unannouncedFiles(): Awaitable<string[]>;
  markAnnounced(files: readonly string[]): Awaitable<void>;
  updateItem(id: number, change: { itemHash: string; contentHash: string | null; url: string | null; at: Date }): Awaitable<void>;
  /**
   * Keeps the text of an article file just written (new or corrected) where every host can read it, and tells them.
   * SQLite: nothing to do, the file in the seeds folder is the record. PostgreSQL: stored and announced (NOTIFY) in
   * one transaction.
   */
  storeArticle(file: string, text: string, at: Date): Awaitable<void>;
}

/**
 * What newsdesk may ask of the followed topics and their matches. `FollowStore` (SQLite) and `PostgresFollowStore`
 * implement it; every method means what `FollowStore`'s method of the same name documents.
 */
export interface FollowStateStore {
  close(): Awaitable<void>;
  add(guildId: string, channelId: string, topic: string, now: Date): Awaitable<{ follow: Follow; created: boolean }>;
  remove(guildId: string, id: number): Awaitable<boolean>;
  list(guildId: string | null): Awaitable<Follow[]>;
  addMatches(matches: readonly { followId: number; articleId: string }[], now: Date): Awaitable<number>;
  pending(followId: number): Awaitable<{ firstId: number; articleIds: string[] } | null>;
  markDelivered(followId: number, articleIds: readonly string[], runId: number, now: Date): Awaitable<void>;
  recordError(followId: number, error: string, now: Date): Awaitable<void>;
}
