import pg from 'pg';

/** The PostgreSQL notification channel new article ids travel on. */
export const ARTICLES_CHANNEL = 'newsdesk_articles';

/** NOTIFY payloads must stay under 8000 bytes: ids are sent in groups that fit. */
const PAYLOAD_LIMIT = 7000;

function* batches(ids: readonly string[]): Generator<string[]> {
  let batch: string[] = [];
  let size = 2;
  for (const id of ids) {
    const cost = Buffer.byteLength(JSON.stringify(id)) + 1;
    if (batch.length > 0 && size + cost > PAYLOAD_LIMIT) {
      yield batch;
      batch = [];
      size = 2;
    }
    batch.push(id);
    size += cost;
  }
  if (batch.length > 0) yield batch;
}

/**
 * Tells every process that the ingester stored new articles (`NOTIFY newsdesk_articles`, ids as JSON arrays), so
 * each one's library indexes them in the background. Sent inside the caller's transaction when `client` is in one:
 * the notification then goes out only if the articles were committed.
 * @example await notifyNewArticles(pool, ['feed/bbc/2026-11-30-rain.md'])
 */
export async function notifyNewArticles(client: { query(text: string, values: unknown[]): Promise<unknown> }, ids: readonly string[]): Promise<void> {
  for (const batch of batches(ids)) await client.query('SELECT pg_notify($1, $2)', [ARTICLES_CHANNEL, JSON.stringify(batch)]);
}

/** A running subscription; `stop()` closes its connection. */
export interface ArticleSubscription {
  stop(): Promise<void>;
}

/** Options of {@link listenNewArticles}. */
export interface ListenOptions {
  /** Told once when the connection ends without `stop()` (the database went away); listen again to resume. @default nothing */
  onEnd: (error: Error | null) => void;
}

/**
 * Receives the ids every `notifyNewArticles` sends, on a connection of its own (LISTEN holds it). A payload that is
 * not a JSON array of strings is ignored (it was not sent by newsdesk).
 * @example const subscription = await listenNewArticles(url, (ids) => library.add(ids));
 */
export async function listenNewArticles(url: string, onArticles: (ids: string[]) => void, options: Partial<ListenOptions> = {}): Promise<ArticleSubscription> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  let stopped = false;
  let ended = false;
  const end = (error: Error | null) => {
    if (stopped || ended) return;
    ended = true;
    options.onEnd?.(error);
  };
  // Without an error listener a dropped connection would crash the process.
  client.on('error', (error) => end(error));
  client.on('end', () => end(null));
  await client.connect();
  client.on('notification', (message) => {
    if (message.channel !== ARTICLES_CHANNEL || !message.payload) return;
    try {
      const ids: unknown = JSON.parse(message.payload);
      if (Array.isArray(ids) && ids.every((id) => typeof id === 'string')) onArticles(ids);
    } catch {
      // Not ours.
    }
  });
  await client.query(`LISTEN ${ARTICLES_CHANNEL}`);
  return {
    stop: async () => {
      stopped = true;
      await client.end().catch(() => undefined);
    },
  };
}
