import { parseArgs } from 'node:util';
import dotenv from 'dotenv';
import { commands, registrationBodies } from '../commands/index.js';
import { checkPaths, ConfigError, loadConfig, type Config } from './config.js';
import type { AppContext } from './context.js';
import { runConsole } from './console/runConsole.js';
import type { CommandShape } from './console/parseCommandLine.js';
import { PageStore } from './discord/pageStore.js';
import { Router } from './discord/router.js';
import { renderDigestPost } from './discord/render/renderDigest.js';
import { startBot, type Bot } from './discord/startBot.js';
import { plural } from './discord/texts.js';
import { watchSeeds } from './corpus/watchSeeds.js';
import { DigestService } from './digest/digestService.js';
import { digestJob, startJob } from './digest/scheduledJob.js';
import { StateStore } from './state/stateStore.js';
import { buildLibrary, LibraryStore, type Library } from './library.js';
import { createLogger } from './log.js';
import { RateLimiter } from './rateLimiter.js';

const USAGE = `Usage: npm start [-- --json] [-- --seeds DIR]
Without DISCORD_TOKEN, newsdesk runs in console mode: type slash commands (/help lists them).
  --json        print one JSON object per input line (for scripts)
  --seeds DIR   read articles from DIR (default: SEEDS_DIR or ./seeds)`;

function summary(library: Library, seedsDir: string): string {
  const { corpus } = library;
  const lines = [
    `Loaded ${plural(corpus.articles.length, 'article')} (${plural(library.search.passageCount, 'passage')}, ${plural(library.quotes.size, 'quote')}) from ${seedsDir} ${library.fromCache ? 'restored from the index cache' : 'indexed'} in ${Math.round(library.buildMs)} ms.`,
  ];
  if (corpus.skipped.length > 0) {
    lines.push(`Skipped ${plural(corpus.skipped.length, 'file')}:`);
    for (const { file, reason } of corpus.skipped.slice(0, 50)) lines.push(`  ${file}: ${reason}`);
    if (corpus.skipped.length > 50) lines.push(`  … and ${corpus.skipped.length - 50} more`);
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, seeds: { type: 'string' }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // quiet: dotenv would otherwise print a banner on stdout, which console --json reserves for answers.
  dotenv.config({ quiet: true });
  let config: Config;
  try {
    config = loadConfig(values.seeds ? { ...process.env, SEEDS_DIR: values.seeds } : process.env);
    for (const warning of checkPaths(config).warnings) process.stderr.write(`newsdesk: ${warning}\n`);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`newsdesk: configuration error: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const consoleMode = config.discord.token === null;
  // In the terminal, info logs would bury the answers; the operator can still ask for them with LOG_LEVEL.
  const log = createLogger(consoleMode && !process.env.LOG_LEVEL ? 'warn' : config.logLevel);

  // Built before login (or read from the persisted index), so nothing blocks the gateway connection.
  const library = await buildLibrary(config.seedsDir, undefined, { cacheDir: config.indexCacheDir });
  // Console mode lists them in its summary; a log line too would say each twice.
  if (!consoleMode) for (const skipped of library.corpus.skipped) log.warn({ file: skipped.file, reason: skipped.reason }, 'skipped a seed file');
  log.info({ articles: library.corpus.articles.length, passages: library.search.passageCount, ms: Math.round(library.buildMs) }, 'coverage loaded');

  // Reloads build in a worker thread: heartbeats and interactions keep flowing while the seeds are re-indexed.
  const libraryStore = new LibraryStore(library, config.seedsDir, buildLibrary, { cacheDir: config.indexCacheDir, worker: !consoleMode });
  const stateStore = StateStore.open(config.digest.stateFile);
  // The bot exists only after login; the digest reaches it through these closures.
  let bot: Bot | null = null;
  const digest = new DigestService({
    store: stateStore,
    library: () => ({
      articles: libraryStore.current.corpus.articles,
      quotesOf: (id) => libraryStore.current.quotes.quotesOfArticle(id),
    }),
    settings: {
      channelId: config.digest.channelId,
      cron: config.digest.cron,
      timezone: config.digest.timezone,
      whenEmpty: config.digest.whenEmpty,
      graceHours: config.digest.graceHours,
    },
    render: renderDigestPost,
    send: (channelId, reply) => (bot ? bot.send(channelId, reply) : Promise.reject(new Error('not connected to Discord'))),
    guildIds: () => bot?.guildIds() ?? [],
    guildOfChannel: (id) => {
      const channel = bot?.client.channels.cache.get(id);
      return channel && 'guildId' in channel ? channel.guildId : null;
    },
    log: log.child({ component: 'digest' }),
  });
  // Record what is here now: on the very first start it becomes the baseline, which digests do not repeat.
  digest.noteArticles(library.corpus.articles.map((article) => article.id));
  libraryStore.onReload((next) => {
    digest.noteArticles(next.corpus.articles.map((article) => article.id));
    // A restored quote index builds its lookup structures on first use; build them now, not in a user's /quote.
    if (!consoleMode) setImmediate(() => next.quotes.prepare());
  });

  const ctx: AppContext = {
    config,
    log,
    library: libraryStore,
    limiter: consoleMode ? new RateLimiter({ userCooldownSeconds: 0, guildPerMinute: 0 }) : new RateLimiter(config.limits),
    pages: new PageStore(),
    digest,
    now: () => new Date(),
  };
  const router = new Router(commands, ctx);

  // Watched in console mode too: the README promises new files are picked up without a restart.
  const watcher = config.watchSeeds
    ? watchSeeds(config.seedsDir, {
        onChange: async () => {
          const result = await libraryStore.reload();
          if (result.ok) log.info({ articles: result.articles, skipped: result.skipped.length, ms: Math.round(result.ms) }, 'seeds re-indexed');
          else log.warn({ error: result.error }, 'seeds re-index failed; keeping the previous coverage');
        },
        onError: (error) => log.error({ err: error }, 'seeds watcher error'),
      })
    : null;

  if (consoleMode) {
    (values.json ? process.stderr : process.stdout).write(`${summary(library, config.seedsDir)}\n`);
    const interactive = Boolean(process.stdin.isTTY);
    if (interactive) process.stdout.write('Console mode (no DISCORD_TOKEN). Type /help, or /quit to leave.\n\n');
    await runConsole(router, registrationBodies(config) as CommandShape[], {
      input: process.stdin,
      output: process.stdout,
      json: values.json,
      color: interactive && Boolean(process.stdout.isTTY),
      interactive,
    });
    watcher?.close();
    stateStore.close();
    return 0;
  }


  // Every entry point has its own catch; this is the last net, so one missed promise never takes the bot down.
  process.on('unhandledRejection', (error) => log.error({ err: error }, 'unhandled rejection'));
  library.quotes.prepare();
  const connected = await startBot(router, { token: config.discord.token!, apiUrl: config.discord.apiUrl, log });
  bot = connected;
  // The guild cache is filled at ready: only now does the digest know which guilds this process serves.
  await digest.catchUp();
  const digestTick = startJob(digestJob(digest), log);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    watcher?.close();
    await digestTick.stop();
    await connected.stop();
    stateStore.close();
    log.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  return new Promise<number>(() => undefined);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`newsdesk: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
