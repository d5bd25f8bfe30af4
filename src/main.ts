import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import dotenv from 'dotenv';
import { checkPaths, ConfigError, defaults, loadConfig, type Config } from './config.js';
import type { AppContext } from './context.js';
import type { CommandShape } from './console/parseCommandLine.js';
import type { Bot } from './discord/startBot.js';
import type { FeedStateStore } from './state/liveStateStores.js';
import type { Reply } from './discord/reply.js';
import type { Article } from './corpus/types.js';
import type { FeedService, IngestRole } from './feeds/index.js';
import type { Library } from './library.js';
import { startSnapshotKey } from './indexCache/snapshotKey.js';

const USAGE = `Usage: npm start [-- --json] [-- --seeds DIR]
Without DISCORD_TOKEN, newsdesk runs in console mode: type slash commands (/help lists them).
  --json        print one JSON object per input line (for scripts)
  --seeds DIR   read articles from DIR (default: SEEDS_DIR or ./seeds)`;

function summary(library: Library, seedsDir: string, plural: (count: number, noun: string) => string): string {
  const { corpus } = library;
  const lines = [
    `Loaded ${plural(corpus.articles.length, 'article')} (${plural(library.search.passageCount, 'passage')}, ${quotesNote(library, plural)}) from ${seedsDir} ${library.fromCache ? 'restored from the index cache' : 'indexed'} in ${Math.round(library.buildMs)} ms.`,
  ];
  if (corpus.skipped.length > 0) {
    lines.push(`Skipped ${plural(corpus.skipped.length, 'file')}:`);
    for (const { file, reason } of corpus.skipped.slice(0, 50)) lines.push(`  ${file}: ${reason}`);
    if (corpus.skipped.length > 50) lines.push(`  … and ${corpus.skipped.length - 50} more`);
  }
  return lines.join('\n');
}

/**
 * The quotations' part of the start-up line. Restored from the index cache they are read on first use (their section
 * of the file, see src/indexCache/cacheSections.ts): counting them here would read them on the way to the prompt.
 */
function quotesNote(library: Library, plural: (count: number, noun: string) => string): string {
  if (library.quotesPending) return 'quotes still being indexed';
  return library.fromCache ? 'quotes read on first use' : plural(library.quotes.size, 'quote');
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
  // The seeds are fingerprinted on another thread from here (the persisted index's key), while this one loads the
  // library's code: imported only now, not at the top, so that the worker starts first.
  startSnapshotKey(config.seedsDir, config.indexCacheDir);
  const { buildLibrary, LibraryStore, prepareReloaded, startOptions } = await import('./library.js');

  // Built before login (or read from the persisted index), so nothing blocks the gateway connection. Ready means
  // /ask answers: after a cold start the quotations are extracted in the background (backgroundQuotes), and a newly
  // built index is persisted once they are in (persistLater), not on the way to ready.
  // Bot mode only: discord.js's client starts loading now, while buildLibrary waits on files and worker threads.
  const botModule = consoleMode ? null : import('./discord/startBot.js');
  // Handled where it is awaited, after the build; this keeps a failure meanwhile from counting as unhandled.
  botModule?.catch(() => undefined);
  const building = buildLibrary(config.seedsDir, undefined, startOptions(config.indexCacheDir));
  // The rest of the app's modules load while the library builds (see appModules.ts); a failure surfaces where awaited.
  const loading = import('./appModules.js');
  loading.catch(() => undefined);
  const library = await building;
  const {
    commands, registrationBodies, runConsole, PageStore, Router, renderDigestPost, renderAlert, plural, watchSeeds, DigestService, digestJob, startJob,
    AlertService, alertsJob, FEEDS_FOLDER, feedStoreFor, followStoreFor, isPostgres, openStateBackend, createLogger, RateLimiter,
  } = await loading;
  // In the terminal, info logs would bury the answers; the operator can still ask for them with LOG_LEVEL.
  const log = createLogger(consoleMode && !process.env.LOG_LEVEL ? 'warn' : config.logLevel);
  // Console mode lists them in its summary; a log line too would say each twice.
  if (!consoleMode) for (const skipped of library.corpus.skipped) log.warn({ file: skipped.file, reason: skipped.reason }, 'skipped a seed file');
  log.info({ articles: library.corpus.articles.length, passages: library.search.passageCount, ms: Math.round(library.buildMs) }, 'coverage loaded');

  // Reloads build in a worker thread: heartbeats and interactions keep flowing while the seeds are re-indexed.
  const libraryStore = new LibraryStore(library, config.seedsDir, buildLibrary, { cacheDir: config.indexCacheDir, worker: !consoleMode });
  // PostgreSQL when DATABASE_URL is set (shared by every host), else the SQLite file: the same contract either way.
  const stateStore = await openStateBackend(
    { databaseUrl: config.databaseUrl, stateFile: config.digest.stateFile },
    { onConnectionError: (error) => log.warn({ err: error }, 'state database connection lost; reconnecting on next use') },
  );
  log.info({ backend: stateStore.kind }, 'state store open');
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
      leaseMinutes: config.digest.leaseSeconds / 60,
    },
    render: renderDigestPost,
    send: (channelId, reply, options) => (bot ? bot.send(channelId, reply, options) : Promise.reject(new Error('not connected to Discord'))),
    guildIds: () => bot?.guildIds() ?? [],
    guildOfChannel: (id) => {
      const channel = bot?.client.channels.cache.get(id);
      return channel && 'guildId' in channel ? channel.guildId : null;
    },
    log: log.child({ component: 'digest' }),
  });
  // Record what is here now: on the very first start it becomes the baseline, which digests do not repeat.
  await digest.noteArticles(library.corpus.articles.map((article) => article.id));
  libraryStore.onReload((next) => {
    digest.noteArticles(next.corpus.articles.map((article) => article.id)).catch((error: unknown) => log.error({ err: error }, 'digest: could not record new articles; the next tick retries'));
    // Restored indexes build their lookup structures on first use; build them now, not in a user's /ask or /quote.
    // The quote index's in steps (restoring its text index takes 0.2 s at 7,050 articles), the event loop turning.
    if (!consoleMode) {
      setImmediate(() => {
        prepareReloaded(next).catch((error: unknown) => log.warn({ err: error }, 'could not prepare the reloaded indexes; the first lookup builds them'));
      });
    }
  });

  // Topic alerts: new feed articles are matched against followed topics and posted through the digest's delivery path.
  // Beside the digest state: the SQLite file, or the same PostgreSQL database with DATABASE_URL.
  const followStore = followStoreFor(stateStore, config.digest.stateFile);
  const articlesById = new WeakMap<Library, Map<string, Article>>();
  const articleById = (id: string): Article | null => {
    const current = libraryStore.current;
    let map = articlesById.get(current);
    if (!map) articlesById.set(current, (map = new Map(current.corpus.articles.map((a) => [a.id, a]))));
    return map.get(id) ?? null;
  };
  const alerts = new AlertService<Reply>({
    follows: followStore,
    runs: stateStore,
    article: articleById,
    render: renderAlert,
    send: (channelId, reply, options) => (bot ? bot.send(channelId, reply, options) : Promise.reject(new Error('not connected to Discord'))),
  });

  // Feeds are polled only when a feeds file is configured (FEEDS_FILE) or feeds.yaml exists.
  let feeds: FeedService | null = null;
  let feedStore: FeedStateStore | null = null;
  // With DATABASE_URL one process of the deployment polls (the ingester); the others receive its articles.
  let ingest: IngestRole | null = null;
  if (config.feeds.fileRequired || existsSync(config.feeds.file)) {
    feedStore = feedStoreFor(stateStore, config.digest.stateFile);
    const feedLog = log.child({ component: 'feeds' });
    // Loaded only when feeds are configured: the feed and page parsers are the largest modules of the start.
    const { createPollContext, FeedConfigError, FeedService } = await import('./feeds/index.js');
    try {
      feeds = new FeedService({
        file: config.feeds.file,
        fileRequired: config.feeds.fileRequired,
        defaults: { everyMinutes: config.feeds.everyMinutes },
        context: createPollContext(config, feedStore, config.seedsDir, (level, message) => feedLog[level](message)),
        // New files reach the index now rather than at the watcher's next debounce (reloads are coalesced).
        onWritten: async () => void (await libraryStore.reload()),
        ...(config.databaseUrl ? { mayPoll: () => ingest?.isLeader() ?? false } : {}),
      });
    } catch (error) {
      if (error instanceof FeedConfigError) {
        process.stderr.write(`newsdesk: feeds file error: ${error.message}\n`);
        await feedStore.close();
        await stateStore.close();
        return 1;
      }
      throw error;
    }
    feedLog.info({ feeds: feeds.feeds.length, file: config.feeds.file }, 'feeds configured');
  }
  /**
   * Matches the feed articles not yet announced that the index now holds (a restart between writing a file and
   * matching it loses nothing: the queue is in the state file), then posts. Corrections are never in the queue.
   */
  const announceNew = async (): Promise<void> => {
    if (!feedStore) return;
    const files = await feedStore.unannouncedFiles();
    const found = files.map(articleById).filter((a): a is Article => a !== null);
    const gone = files.filter((file) => articleById(file) === null && !existsSync(path.join(config.seedsDir, file)));
    if (found.length > 0) await alerts.noteNewArticles(found);
    if (found.length + gone.length > 0) await feedStore.markAnnounced([...found.map((a) => a.id), ...gone]);
    if (found.length > 0 && bot !== null) void alerts.deliverDue().catch((error: unknown) => log.error({ err: error }, 'alerts: delivery failed'));
  };
  // The queue stays in the store when the state database is away: the next reload (or start) announces it.
  const announceLater = () => void announceNew().catch((error: unknown) => log.warn({ err: error }, 'alerts: could not match new feed articles; the next reload retries'));
  announceLater();
  libraryStore.onReload(() => announceLater());
  // Files an operator copies into the seeds folder enter the coverage too: the articles a reload adds are matched
  // against the follows (not feed files, which the queue above announces; a corrected file keeps its id).
  libraryStore.onReload((next, previous) => {
    const before = new Set(previous.corpus.articles.map((article) => article.id));
    const added = next.corpus.articles.filter((article) => !before.has(article.id) && !article.id.startsWith(`${FEEDS_FOLDER}/`));
    if (added.length === 0) return;
    alerts.noteNewArticles(added).then(
      (matched) => {
        if (matched > 0 && bot !== null) void alerts.deliverDue().catch((error: unknown) => log.error({ err: error }, 'alerts: delivery failed'));
      },
      (error: unknown) => log.warn({ err: error }, 'alerts: could not match new seed files'),
    );
  });

  const ctx: AppContext = {
    config,
    log,
    library: libraryStore,
    limiter: consoleMode ? new RateLimiter({ userCooldownSeconds: 0, guildPerMinute: 0 }) : new RateLimiter(config.limits),
    pages: new PageStore(),
    digest,
    feeds,
    alerts,
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
    (values.json ? process.stderr : process.stdout).write(`${summary(library, config.seedsDir, plural)}\n`);
    // Written while the console answers; awaited before leaving, so that the next start finds it.
    const persisted = library.persistSnapshot?.().catch((error: unknown) => log.warn({ err: error }, 'could not persist the index; the next start builds it again'));
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
    await persisted;
    await feedStore?.close();
    await followStore.close();
    await stateStore.close();
    return 0;
  }

  // Every entry point has its own catch; this is the last net, so one missed promise never takes the bot down.
  process.on('unhandledRejection', (error) => log.error({ err: error }, 'unhandled rejection'));
  // Not imported at the top: discord.js's client is most of the module loading, and console mode never needs it.
  const { startBot } = await botModule!;
  const connected = await startBot(router, { token: config.discord.token!, apiUrl: config.discord.apiUrl, log });
  bot = connected;
  // After ready, not before (a command answered meanwhile would defer, see answerMayBeLate); synchronously here, so
  // that no interaction is taken up before they exist. A newly built index is written next, off the path to ready.
  libraryStore.current.search.prepare();
  // After a cold start the quotations arrive later (library.quotesPending), prepared in steps. After a warm start their
  // structures are restored in steps too, /ask answering meanwhile (a /quote in between defers and makes what it needs).
  if (!library.quotesPending) {
    void libraryStore.current.quotes.prepareInSteps().catch((error: unknown) => log.warn({ err: error }, 'could not prepare the quote index; the first /quote builds it'));
  }
  setImmediate(() => {
    void library.persistSnapshot?.().then(
      () => log.info('persisted the index'),
      (error: unknown) => log.warn({ err: error }, 'could not persist the index; the next start builds it again'),
    );
  });
  // The guild cache is filled at ready: only now does the digest know which guilds this process serves.
  await digest.catchUp();
  const digestTick = startJob(digestJob(digest), log);
  const feedsTick = feeds ? startJob((await import('./feeds/index.js')).feedsJob(feeds), log) : null;
  if (isPostgres(stateStore)) {
    const ingestLog = log.child({ component: 'ingest' });
    const { IngestRole } = await import('./feeds/ingestRole.js');
    ingest = await IngestRole.start({
      databaseUrl: config.databaseUrl!,
      source: stateStore.feeds(),
      seedsDir: config.seedsDir,
      feeds,
      // Indexed in the background (reloads build in a worker); the reload listeners announce them to the follows.
      onArticles: () => void libraryStore.reload(),
      log: (level, message) => ingestLog[level](message),
      retryMs: defaults.feeds.ingestRetrySeconds * 1000,
    });
  }
  const alertsTick = startJob(alertsJob(alerts), log);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    watcher?.close();
    await digestTick.stop();
    await feedsTick?.stop();
    await ingest?.stop();
    await alertsTick.stop();
    await connected.stop();
    await feedStore?.close();
    await followStore.close();
    await stateStore.close();
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
