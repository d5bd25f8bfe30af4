import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { LibraryStore } from './library.js';
import type { RateLimiter } from './rateLimiter.js';
import type { PageStore } from './discord/pageStore.js';
import type { DigestService } from './digest/digestService.js';
import type { FeedService } from './feeds/feedService.js';
import type { AlertService } from './alerts/alertService.js';
import type { Reply } from './discord/reply.js';

/** The services every command handler receives; built once in `src/main.ts` (the composition root). */
export interface AppContext {
  config: Config;
  log: Logger;
  /** The loaded coverage: articles, search index and quote index. `library.current` swaps atomically on reload. */
  library: LibraryStore;
  /** Per-user and per-guild cooldowns on the expensive commands. */
  limiter: RateLimiter;
  /** Result pages behind the "More"/"Back" buttons. */
  pages: PageStore;
  /** Scheduled digests; null when the digest is not configured (e.g. console mode without a state file). */
  digest: DigestService | null;
  /** The news feeds being polled; absent or null when no feeds file is configured. */
  feeds?: FeedService | null;
  /** Followed topics and their alerts; absent or null without a state file. */
  alerts?: AlertService<Reply> | null;
  /** The time now; tests pass a controlled clock. */
  now(): Date;
}
