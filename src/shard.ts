import path from 'node:path';
import { fileURLToPath } from 'node:url';
import dotenv from 'dotenv';
import { ShardingManager } from 'discord.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';

/**
 * Sharded start (`npm run start:sharded`): discord.js's ShardingManager runs `src/main.ts` once per shard, each in its
 * own process with its own slice of the guilds. Each process serves only its guilds' interactions and digests, and
 * they share the SQLite state file safely (WAL, transactions), so each guild's digest is posted once. With
 * `SHARD_LIST` (and `TOTAL_SHARDS`) this host runs only the listed shards, so the shards can be spread over hosts.
 */
async function startSharded(): Promise<void> {
  dotenv.config({ quiet: true });
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  if (!config.discord.token) throw new ConfigError('DISCORD_TOKEN', 'is required to run sharded (console mode has no shards)');
  // main.js next to this file when compiled (`npm run start:sharded` runs dist/), main.ts when run from the sources.
  const extension = path.extname(fileURLToPath(import.meta.url));
  const manager = new ShardingManager(fileURLToPath(new URL(`./main${extension}`, import.meta.url)), {
    token: config.discord.token,
    totalShards: config.discord.shardCount ?? 'auto',
    // SHARD_LIST: this host runs only these shards; the other hosts run the rest, all on one DATABASE_URL.
    ...(config.discord.shardList ? { shardList: config.discord.shardList } : {}),
    // Compiled shards run plain node; from the TypeScript sources (tests) they need tsx's loader.
    execArgv: extension === '.ts' ? ['--import', 'tsx'] : [],
    respawn: true,
  });
  manager.on('shardCreate', (shard) => log.info({ shard: shard.id }, 'shard started'));
  // Forward the signal so each shard flushes its state and logs out, and exit once they all have.
  const stop = (signal: NodeJS.Signals) => {
    log.info({ signal }, 'stopping shards');
    const exits = [...manager.shards.values()].map((shard) => {
      shard.removeAllListeners('death');
      const child = shard.process;
      if (!child || child.exitCode !== null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill(signal);
      });
    });
    const deadline = setTimeout(() => process.exit(1), 15_000);
    void Promise.all(exits).then(() => {
      clearTimeout(deadline);
      process.exit(0);
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await manager.spawn({ timeout: 60_000 });
}

startSharded().catch((error: unknown) => {
  process.stderr.write(`newsdesk: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
