import { Writable } from 'node:stream';
import { commands } from '../../commands/index.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { PageStore } from '../../src/discord/pageStore.js';
import { Router } from '../../src/discord/router.js';
import { startBot, type Bot } from '../../src/discord/startBot.js';
import { LibraryStore, type Library } from '../../src/library.js';
import { createLogger } from '../../src/log.js';
import { RateLimiter } from '../../src/rateLimiter.js';
import type { FakeDiscord } from './fakeDiscord/index.js';
import type { LogLine } from './startBotProcess.js';

/** Options of {@link startBotInProcess}. */
export interface InProcessBotOptions {
  fake: FakeDiscord;
  /** A library built once by the test (`buildLibrary(dir)`), shared by several bots. */
  library: Library;
  seedsDir: string;
  /**
   * The shards this bot runs, of `count`, passed to startBot's `shards`/`shardCount` options.
   * @default all shards of the fake, in one client
   */
  shards?: { ids: number[]; count: number };
  /** The clock handed to commands. @default () => new Date() */
  now?: () => Date;
}

/** A bot started in this process with the production wiring (Router, startBot), and its captured logs. */
export interface InProcessBot {
  bot: Bot;
  ctx: AppContext;
  logs: LogLine[];
  stop(): Promise<void>;
}

/**
 * Starts the production `startBot` with the production `Router` and commands against `fake`, in this process, so a
 * test can drive services (the digest) with a controlled clock. Logs go to `logs` (pino JSON, parsed).
 * @example const { bot } = await startBotInProcess({ fake, library, seedsDir }); await bot.send(channelId, { content: 'hi' });
 */
export async function startBotInProcess(options: InProcessBotOptions): Promise<InProcessBot> {
  const { fake } = options;
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n')) if (text.startsWith('{')) logs.push(JSON.parse(text) as LogLine);
      done();
    },
  });
  const log = createLogger('info', sink);
  const config = loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_CLIENT_ID: fake.applicationId, SEEDS_DIR: options.seedsDir });
  const ctx: AppContext = {
    config,
    log,
    library: new LibraryStore(options.library, options.seedsDir),
    limiter: new RateLimiter({ userCooldownSeconds: 0, guildPerMinute: 0 }),
    pages: new PageStore(),
    digest: null,
    now: options.now ?? (() => new Date()),
  };
  const router = new Router(commands, ctx);
  const shards = options.shards ? { shards: options.shards.ids, shardCount: options.shards.count } : {};
  const bot = await startBot(router, { token: fake.token, apiUrl: fake.apiUrl, log, ...shards });
  // As src/main.ts does once ready: the lookup tables exist before the first interaction is taken up.
  options.library.search.prepare();
  options.library.quotes.prepare();
  return { bot, ctx, logs, stop: () => bot.stop() };
}
