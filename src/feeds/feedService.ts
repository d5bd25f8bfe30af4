import { statSync } from 'node:fs';
import type { FeedHealth } from '../state/feedStore.js';
import { loadFeedsFile, type FeedDefaults, type FeedSpec } from './feedConfig.js';
import { pollFeeds, type PollContext, type PollReport } from './pollFeed.js';

/** One feed as `/feeds status` shows it. */
export interface FeedStatus {
  url: string;
  /** The configured name, else the feed's own title, else null before the first poll. */
  name: string | null;
  /** `paused` (until resumed), `failing` (backing off), `ok`, or `new` (never polled). */
  state: 'paused' | 'failing' | 'ok' | 'new';
  everyMinutes: number;
  lastSuccess: string | null;
  lastError: string | null;
  failures: number;
  itemsSeen: number;
  /** When it is polled next; null for a paused feed, or "at the next tick" for a new one. */
  nextPoll: string | null;
  pausedReason: string | null;
}

/** Where the feeds come from and what to do with what they bring. */
export interface FeedServiceOptions {
  /** The feeds file (FEEDS_FILE). */
  file: string;
  /** A missing file is an error (FEEDS_FILE was set) rather than no feeds. */
  fileRequired: boolean;
  defaults: FeedDefaults;
  context: PollContext;
  /** Called after each poll that wrote or rewrote files (the composition root re-indexes, alerts follow). */
  onWritten?: (reports: PollReport[]) => void | Promise<void>;
  /**
   * Whether this process may poll now. With DATABASE_URL only the ingester may (`IngestRole#isLeader`); the others
   * poll nothing and receive the articles. @default always
   */
  mayPoll?: () => boolean;
}

/**
 * Polling inside the bot: re-reads the feeds file when it changes (a bad edit keeps the previous list and is
 * logged), polls the feeds that are due, and answers `/feeds status|poll|resume`. Polls never overlap.
 */
export class FeedService {
  #specs: FeedSpec[];
  #mtimeMs: number | null;
  #running: Promise<PollReport[]> | null = null;

  /**
   * Reads the feeds file once; throws a FeedConfigError naming the file and key when it is invalid.
   * @example new FeedService({ file: 'feeds.yaml', fileRequired: false, defaults: { everyMinutes: 15 }, context }).feeds.length // => 4
   */
  constructor(private readonly options: FeedServiceOptions) {
    this.#specs = loadFeedsFile(options.file, options.defaults, options.fileRequired);
    this.#mtimeMs = this.#mtime();
  }

  /** The feeds as currently configured. */
  get feeds(): readonly FeedSpec[] {
    return this.#specs;
  }

  #mtime(): number | null {
    try {
      return statSync(this.options.file).mtimeMs;
    } catch {
      return null;
    }
  }

  /** Re-reads the file when its modification time changed; a bad edit keeps the previous feeds. */
  #refresh(): void {
    const mtime = this.#mtime();
    if (mtime === this.#mtimeMs) return;
    try {
      this.#specs = loadFeedsFile(this.options.file, this.options.defaults, this.options.fileRequired);
      this.#mtimeMs = mtime;
      this.options.context.log('info', `feeds file ${this.options.file} re-read: ${this.#specs.length} feeds`);
    } catch (error) {
      this.#mtimeMs = mtime;
      this.options.context.log('warn', `${error instanceof Error ? error.message : String(error)}; keeping the previous ${this.#specs.length} feeds`);
    }
  }

  /** Whether this process polls the feeds (see `FeedServiceOptions.mayPoll`). */
  mayPoll(): boolean {
    return this.options.mayPoll?.() ?? true;
  }

  async #poll(select: (spec: FeedSpec, health: FeedHealth | null, now: Date) => boolean): Promise<PollReport[]> {
    if (!this.mayPoll()) return [];
    while (this.#running) await this.#running.catch(() => undefined);
    const run = (async () => {
      this.#refresh();
      const now = this.options.context.now();
      const healths = await Promise.all(this.#specs.map((spec) => this.options.context.store.health(spec.url)));
      const chosen = this.#specs.filter((spec, index) => select(spec, healths[index] ?? null, now));
      const reports = await pollFeeds(chosen, this.options.context);
      if (reports.some((r) => r.new > 0 || r.updated > 0)) await this.options.onWritten?.(reports);
      return reports;
    })();
    this.#running = run;
    try {
      return await run;
    } finally {
      if (this.#running === run) this.#running = null;
    }
  }

  /**
   * Polls the feeds whose next poll has come (and those never polled); paused feeds wait. The bot's minute tick.
   * @example await service.pollDue() // => [] when nothing is due
   */
  pollDue(): Promise<PollReport[]> {
    return this.#poll((spec, health, now) => {
      if (health === null || health.specHash !== spec.specHash) return true;
      if (health.pausedReason !== null) return false;
      return health.nextPoll === null || Date.parse(health.nextPoll) <= now.getTime();
    });
  }

  /**
   * Polls every feed now (`/feeds poll`), due or not; paused feeds are reported as paused, not fetched.
   * @example (await service.pollNow()).map((r) => r.status) // => ['ok', 'paused']
   */
  pollNow(): Promise<PollReport[]> {
    return this.#poll(() => true);
  }

  /**
   * Unpauses the feeds whose URL or name contains `which` (every paused feed when null). Returns the URLs resumed.
   * @example await service.resume('gazette') // => ['https://gazette.example/rss']
   */
  async resume(which: string | null): Promise<string[]> {
    this.#refresh();
    const needle = which?.trim().toLowerCase() ?? '';
    const chosen = (await this.status()).filter(
      (feed) => feed.state === 'paused' && (needle === '' || feed.url.toLowerCase().includes(needle) || (feed.name ?? '').toLowerCase().includes(needle)),
    );
    const resumed: string[] = [];
    for (const feed of chosen) if (await this.options.context.store.resume(feed.url)) resumed.push(feed.url);
    return resumed;
  }

  /**
   * Every configured feed with its health and next poll, in file order.
   * @example (await service.status())[0] // => { url: 'https://…/rss', name: 'Harbour Gazette', state: 'ok', nextPoll: '2026-11-30T10:15:00.000Z', … }
   */
  async status(): Promise<FeedStatus[]> {
    this.#refresh();
    const specs = this.#specs;
    const healths = await Promise.all(specs.map((spec) => this.options.context.store.health(spec.url)));
    return specs.map((spec, index) => {
      const health = healths[index] ?? null;
      const paused = health?.pausedReason != null && health.specHash === spec.specHash;
      const state: FeedStatus['state'] = health === null || (health.lastSuccess === null && health.failures === 0) ? 'new' : paused ? 'paused' : health.failures > 0 ? 'failing' : 'ok';
      return {
        url: spec.url,
        name: spec.name ?? health?.title ?? null,
        state,
        everyMinutes: spec.everyMinutes,
        lastSuccess: health?.lastSuccess ?? null,
        lastError: health?.lastError ?? null,
        failures: health?.failures ?? 0,
        itemsSeen: health?.itemsSeen ?? 0,
        nextPoll: paused ? null : (health?.nextPoll ?? null),
        pausedReason: paused ? health!.pausedReason : null,
      };
    });
  }
}

/**
 * The feeds tick: every minute, poll what is due. Each feed keeps its own interval (with jitter and backoff), so
 * the tick only decides who is due.
 * @example feedsJob(service).schedule // => '* * * * *'
 */
export function feedsJob(service: { pollDue(): Promise<unknown> }): { name: string; schedule: string; run(): Promise<unknown> } {
  return { name: 'feeds', schedule: '* * * * *', run: () => service.pollDue() };
}
