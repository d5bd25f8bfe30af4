import path from 'node:path';
import { DigestService } from '../../src/digest/index.js';
import { createLogger } from '../../src/log.js';
import { PostgresStateStore } from '../../src/state/postgresStateStore.js';
import { LIGHTHOUSE_ARTICLES, SEED_ARTICLE } from './e2eSeeds.js';

/**
 * The state an earlier run left in PostgreSQL an hour ago, for the multi-host tests: every e2e seed article but the
 * newest lighthouse report seen, and each guild's digest on in its channel. The next digest carries that report.
 * @example await writeEarlierDigestState(url, [{ guildId: guild.id, channelId: digest.id }])
 */
export async function writeEarlierDigestState(url: string, guilds: { guildId: string; channelId: string }[]): Promise<void> {
  const store = await PostgresStateStore.connect(url);
  const hourAgo = new Date(Date.now() - 3_600_000);
  const service = new DigestService({
    store,
    library: () => ({ articles: [] }),
    render: () => [],
    send: () => Promise.reject(new Error('nothing is posted while preparing the state')),
    guildIds: () => [],
    now: () => hourAgo,
    log: createLogger('silent'),
  });
  await service.noteArticles([path.basename(SEED_ARTICLE), ...Array.from({ length: LIGHTHOUSE_ARTICLES - 1 }, (_, index) => `lighthouse-${index + 1}.md`)]);
  for (const { guildId, channelId } of guilds) await service.configure(guildId, { channelId });
  await store.close();
}
