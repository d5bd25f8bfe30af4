import type { Config } from '../config.js';
import { defaults } from '../config.js';
import type { FeedStateStore } from '../state/liveStateStores.js';
import { HostGate } from './hostGate.js';
import { isPublicAddress } from './isPublicAddress.js';
import type { PollContext } from './pollFeed.js';
import { ExtractorPool } from './ExtractorPool.js';

/**
 * Builds the poll context from the validated configuration: the address policy (public only unless
 * FEEDS_ALLOW_PRIVATE), User-Agent, deadline, body cap and redirect limit.
 * @example createPollContext(config, store, 'seeds', (level, message) => log[level](message)).fetch.maxRedirects // => 5
 */
export function createPollContext(config: Config, store: FeedStateStore, seedsDir: string, log: PollContext['log']): PollContext {
  return {
    store,
    seedsDir,
    gate: new HostGate(),
    fetch: {
      userAgent: config.feeds.userAgent,
      timeoutMs: config.feeds.timeoutSeconds * 1000,
      maxBytes: config.feeds.maxBytes,
      maxRedirects: defaults.feeds.maxRedirects,
      allowAddress: config.feeds.allowPrivate ? () => true : isPublicAddress,
    },
    maxFailures: config.feeds.maxFailures,
    // Pages are parsed in a worker thread: a poll of many feeds must not hold up /ask.
    extract: (() => {
      const pool = new ExtractorPool();
      return (html: string, url: string) => pool.extract(html, url);
    })(),
    now: () => new Date(),
    random: Math.random,
    log,
  };
}
