import { randomUUID } from 'node:crypto';
import { defaults } from '../config.js';
import type { Article } from '../corpus/types.js';
import { deliverRun, type DeliveryResult, type SendOptions } from '../delivery/deliverRun.js';
import type { Follow } from '../state/followStore.js';
import type { FollowStateStore } from '../state/liveStateStores.js';
import type { AnyStateStore } from '../state/asyncStateStore.js';
import { matchTopics } from './matchTopics.js';

/** What one alert post carries: the follow and its new matching articles (one or a burst), as data. */
export interface AlertPost {
  follow: Follow;
  /** The articles, in the order they matched; ids of articles no longer in the coverage are in `missing`. */
  articles: Article[];
  missing: string[];
}

/** What the service needs; the composition root passes in the renderer and the sender (Discord or a test). */
export interface AlertServiceDeps<M> {
  /** Follows and matches: the SQLite state file, or PostgreSQL with DATABASE_URL. */
  follows: FollowStateStore;
  /** The digest's state store: alert posts are delivery runs like digests, with their guarantees. */
  runs: AnyStateStore;
  /** The current coverage's articles by id. */
  article(id: string): Article | null;
  /** Turns a post into messages: one for a single article, one summary for a burst. */
  render(post: AlertPost): M[];
  /** Posts one message; `options.nonce` makes a re-send after a crash the same message (see `deliverRun`). */
  send(channelId: string, message: M, options?: SendOptions): Promise<void>;
  now?: () => Date;
  /** Identifies this process in run claims. @default a random id */
  owner?: string;
  /** How long a claim holds, in ms. @default defaults.alerts.leaseMinutes (10 minutes) */
  leaseMs?: number;
  /** A failed post (missing channel or permission) is retried after this long, in ms. @default defaults.alerts.retryMinutes (5 minutes) */
  retryMs?: number;
}

/** Runs of a follow are keyed `follow:<id>` in the runs table, apart from every guild's digest runs. */
export const followRunKey = (followId: number) => `follow:${followId}`;

/**
 * Topic alerts: matches new articles against the followed topics (percolator-style) and posts each follow's
 * matches through the digest's delivery path (`deliverRun`): claimed in a transaction, each message recorded,
 * marked done only after the last, retried on failure, never posted twice, never skipped.
 */
export class AlertService<M> {
  readonly #deps: AlertServiceDeps<M>;
  readonly #owner: string;
  readonly #now: () => Date;
  readonly #leaseMs: number;
  readonly #retryMs: number;

  constructor(deps: AlertServiceDeps<M>) {
    this.#leaseMs = deps.leaseMs ?? defaults.alerts.leaseMinutes * 60_000;
    this.#retryMs = deps.retryMs ?? defaults.alerts.retryMinutes * 60_000;
    this.#deps = deps;
    this.#owner = deps.owner ?? `alerts-${randomUUID()}`;
    this.#now = deps.now ?? (() => new Date());
  }

  /**
   * Matches articles that just entered the coverage against every follow and records the matches (posted by
   * `deliverDue`). Returns how many matches were new.
   * @example await service.noteNewArticles([article]) // => 1
   */
  async noteNewArticles(articles: readonly Article[]): Promise<number> {
    const follows = await this.#deps.follows.list(null);
    const matches = matchTopics(follows.map((f) => ({ id: f.id, topic: f.topic })), articles);
    return this.#deps.follows.addMatches(matches.map((m) => ({ followId: m.topicId, articleId: m.articleId })), this.#now());
  }

  /**
   * Posts every follow's unposted matches, one post per follow (a burst is one summary). A follow whose channel is
   * gone or forbidden records the error and is retried later; the others go on.
   * @example await service.deliverDue() // => [{ followId: 1, outcome: 'posted', messages: 1 }]
   */
  deliverDue(): Promise<({ followId: number } & (DeliveryResult | { outcome: 'not-now'; reason: string }))[]> {
    // One delivery at a time in this process: claims keep processes apart, but this process's own claims are
    // re-entrant, so a tick and an immediate post must not run side by side.
    const run = this.#delivering.then(() => this.#deliverOnce());
    this.#delivering = run.catch(() => undefined);
    return run;
  }

  #delivering: Promise<unknown> = Promise.resolve();

  async #deliverOnce(): Promise<({ followId: number } & (DeliveryResult | { outcome: 'not-now'; reason: string }))[]> {
    const results: ({ followId: number } & (DeliveryResult | { outcome: 'not-now'; reason: string }))[] = [];
    for (const follow of await this.#deps.follows.list(null)) {
      const pending = await this.#deps.follows.pending(follow.id);
      if (pending === null) continue;
      const now = this.#now();
      const claim = await this.#deps.runs.claimRun({
        guildId: followRunKey(follow.id),
        // The batch is named by its first match: a retry after a crash claims the same run and resumes it.
        slot: `batch:${String(pending.firstId).padStart(12, '0')}`,
        kind: 'scheduled',
        channelId: follow.channelId,
        owner: this.#owner,
        now,
        leaseMs: this.#leaseMs,
        plan: () => ({ since: null, until: now.toISOString(), articleIds: pending.articleIds }),
      });
      if (!claim.claimed) {
        // Done but not marked (the process stopped in between): mark now, so the next batch starts after it.
        if (claim.reason === 'done') await this.#deps.follows.markDelivered(follow.id, claim.run.articleIds, claim.run.id, now);
        results.push({ followId: follow.id, outcome: 'not-now', reason: claim.reason });
        continue;
      }
      const run = claim.run;
      const articles = run.articleIds.map((id) => this.#deps.article(id));
      const post: AlertPost = {
        follow,
        articles: articles.filter((a): a is Article => a !== null),
        missing: run.articleIds.filter((_, i) => articles[i] === null),
      };
      let result: DeliveryResult;
      try {
        result = await deliverRun({
          store: this.#deps.runs, run, owner: this.#owner, channelId: run.channelId ?? follow.channelId, messages: this.#deps.render(post),
          send: this.#deps.send, now: this.#now, leaseMs: this.#leaseMs, retryMs: this.#retryMs,
        });
      } catch (error) {
        result = { outcome: 'failed', error: error instanceof Error ? error.message : String(error), status: null, retryAt: now, cause: error };
      }
      if (result.outcome === 'posted') await this.#deps.follows.markDelivered(follow.id, run.articleIds, run.id, this.#now());
      if (result.outcome === 'failed') await this.#deps.follows.recordError(follow.id, result.error, this.#now());
      results.push({ followId: follow.id, ...result });
    }
    return results;
  }

  /**
   * The guild's follows with their pending matches and last error (`/follow list`).
   * @example await service.list('g1') // => [{ id: 1, topic: 'ferry', channelId: 'c1', pending: 0, lastError: null, … }]
   */
  async list(guildId: string): Promise<Follow[]> {
    return this.#deps.follows.list(guildId);
  }

  /** Follows a topic in a channel; `created` is false when it was already followed there. */
  async add(guildId: string, channelId: string, topic: string): Promise<{ follow: Follow; created: boolean }> {
    return this.#deps.follows.add(guildId, channelId, topic.trim().replace(/\s+/gu, ' '), this.#now());
  }

  /** Stops following; false when the guild has no follow with that id. */
  async remove(guildId: string, id: number): Promise<boolean> {
    return this.#deps.follows.remove(guildId, id);
  }
}

/**
 * The alerts tick: every minute, post what matched and retry what failed.
 * @example alertsJob(service).schedule // => '* * * * *'
 */
export function alertsJob(service: { deliverDue(): Promise<unknown> }): { name: string; schedule: string; run(): Promise<unknown> } {
  return { name: 'alerts', schedule: '* * * * *', run: () => service.deliverDue() };
}
