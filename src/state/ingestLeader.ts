import pg from 'pg';

/** Options of {@link IngestLeader.start}. */
export interface IngestLeaderOptions {
  /** The advisory lock that makes one process the ingester. @default 7303 */
  lockKey: number;
  /** How often a process that is not the ingester tries to become it, in ms. @default 5000 */
  retryMs: number;
  /** Called when this process becomes the ingester (start polling feeds here). @default nothing */
  onAcquired: () => void;
  /** Called when it stops being the ingester: its connection broke (stop polling; another process takes over). @default nothing */
  onLost: (error: Error | null) => void;
}

const defaultIngestLeaderOptions: IngestLeaderOptions = { lockKey: 7303, retryMs: 5000, onAcquired: () => undefined, onLost: () => undefined };

/**
 * With `DATABASE_URL`, feed polling must run in one process at a time. The ingester is the process holding a
 * session-level PostgreSQL advisory lock on its own connection: when that process dies, its connection closes,
 * PostgreSQL releases the lock, and the next process to retry takes over. Every process starts one; the seam where
 * feed polling (issue #12) plugs in is `onAcquired` / `onLost`.
 * @example const leader = IngestLeader.start(url, { onAcquired: () => feeds.start(), onLost: () => feeds.stop() });
 */
export class IngestLeader {
  private client: pg.Client | null = null;
  private leading = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly url: string,
    private readonly options: IngestLeaderOptions,
  ) {}

  /** Starts trying to become the ingester at once, then every `retryMs` while another process is. */
  static start(url: string, options: Partial<IngestLeaderOptions> = {}): IngestLeader {
    const leader = new IngestLeader(url, { ...defaultIngestLeaderOptions, ...options });
    void leader.attempt();
    return leader;
  }

  /** Whether this process is the ingester now. */
  isLeader(): boolean {
    return this.leading;
  }

  /** Gives the lock up (closing its connection) and stops trying. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    this.leading = false;
    await client?.end().catch(() => undefined);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.attempt(), this.options.retryMs);
  }

  private async attempt(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5000 });
    // A broken connection ends leadership: the lock went with it.
    client.on('error', (error) => this.lose(client, error));
    client.on('end', () => this.lose(client, null));
    try {
      await client.connect();
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [this.options.lockKey]);
      if (this.stopped || !rows[0]?.locked) {
        client.removeAllListeners('end');
        await client.end();
        this.schedule();
        return;
      }
      this.client = client;
      this.leading = true;
      this.options.onAcquired();
    } catch {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      this.schedule();
    }
  }

  private lose(client: pg.Client, error: Error | null): void {
    if (this.client !== client) return;
    this.client = null;
    if (this.leading) {
      this.leading = false;
      this.options.onLost(error);
    }
    this.schedule();
  }
}
