import { listenNewArticles, type ArticleSubscription } from '../state/articleChannel.js';
import { IngestLeader } from '../state/ingestLeader.js';
import { syncArticles, type ArticleSource } from './articleReplica.js';

/** What `IngestRole.start` needs; the composition root passes the configuration's values. */
export interface IngestRoleOptions {
  /** DATABASE_URL: where the lock, the stored articles and the announcements are. */
  databaseUrl: string;
  /** The stored article files (`PostgresStateStore#feeds()`). */
  source: ArticleSource;
  /** This host's seeds folder, where announced files are written. */
  seedsDir: string;
  /**
   * This process's feed polling, or null when it has no feeds file: then it never becomes the ingester (it would
   * hold the lock and poll nothing), but still receives every article.
   */
  feeds: { pollDue(): Promise<unknown> } | null;
  /** Told of the files written from the database, to index them (a background reload). */
  onArticles: (files: string[]) => void | Promise<void>;
  /** Told of what an operator should know: leadership gained or lost, the database away. */
  log: (level: 'info' | 'warn', message: string) => void;
  /** How long to wait before trying again to lead, and to listen again after the database went away, in ms. @default 5000 */
  retryMs: number;
  /** The advisory lock's key. @default 7303 (IngestLeader's) */
  lockKey?: number;
}

/**
 * The feed side of a deployment on several hosts (DATABASE_URL): one process at a time is the ingester (it holds
 * `IngestLeader`'s lock and polls; another takes over when it dies), the others only receive. Every process writes
 * the articles the ingester stored into its own seeds folder, announced over LISTEN/NOTIFY, and on start and after
 * the database was away it catches up with whatever it missed; its library indexes them in the background.
 * Operator files in `seeds/` are untouched: each host keeps reading its own.
 * @example const role = await IngestRole.start({ databaseUrl, source: state.feeds(), seedsDir, feeds, onArticles: () => library.reload(), log, retryMs: 5000 });
 */
export class IngestRole {
  #leader: IngestLeader | null = null;
  #subscription: ArticleSubscription | null = null;
  #stopped = false;
  #retry: NodeJS.Timeout | null = null;
  /** Syncs run one after another, so two never write the same file at once. */
  #syncing: Promise<unknown> = Promise.resolve();

  private constructor(private readonly options: IngestRoleOptions) {}

  /** Starts listening (and catching up), and, when this process has feeds, trying to become the ingester. */
  static async start(options: IngestRoleOptions): Promise<IngestRole> {
    const role = new IngestRole(options);
    await role.#listen();
    if (options.feeds) {
      role.#leader = IngestLeader.start(options.databaseUrl, {
        retryMs: options.retryMs,
        ...(options.lockKey === undefined ? {} : { lockKey: options.lockKey }),
        onAcquired: () => {
          options.log('info', 'this process is the feed ingester now');
          // At once, not at the next minute: a takeover must not leave the feeds unpolled.
          options.feeds!.pollDue().catch((error: unknown) => options.log('warn', `feed poll after taking over failed: ${String(error)}`));
        },
        onLost: (error) => options.log('warn', `no longer the feed ingester${error ? `: ${error.message}` : ''}; another process takes over`),
      });
    }
    return role;
  }

  /** Whether this process polls the feeds now (only the ingester does). */
  isLeader(): boolean {
    return this.#leader?.isLeader() ?? false;
  }

  /** Waits for the syncs queued so far (tests, shutdown). */
  async settled(): Promise<void> {
    await this.#syncing;
  }

  /** Gives up leadership and stops listening. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#retry) clearTimeout(this.#retry);
    await this.#leader?.stop();
    await this.#subscription?.stop();
    await this.#syncing;
  }

  #sync(files: string[] | null): void {
    this.#syncing = this.#syncing.then(async () => {
      if (this.#stopped) return;
      try {
        const written = await syncArticles(this.options.source, this.options.seedsDir, files);
        if (written.length > 0) await this.options.onArticles(written);
      } catch (error) {
        this.options.log('warn', `could not copy new feed articles from the database: ${error instanceof Error ? error.message : String(error)}; retried when it is back`);
      }
    });
  }

  async #listen(): Promise<void> {
    if (this.#stopped) return;
    try {
      this.#subscription = await listenNewArticles(this.options.databaseUrl, (files) => this.#sync(files), {
        onEnd: () => {
          this.#subscription = null;
          this.options.log('warn', 'lost the connection that receives new feed articles; listening again shortly');
          this.#listenLater();
        },
      });
      // Whatever was announced before (or while away) is caught up now.
      this.#sync(null);
    } catch {
      this.#listenLater();
    }
  }

  #listenLater(): void {
    if (this.#stopped) return;
    this.#retry = setTimeout(() => void this.#listen(), this.options.retryMs);
  }
}
