/**
 * Polls every configured feed once, writes what is new into the seeds folder and exits.
 *
 *   npm run ingest -- --once            # one readable line per feed
 *   npm run ingest -- --once --json     # one JSON object per feed:
 *       { "feed": url, "status": "ok" | "not-modified" | "error" | "paused", "new": n, "updated": n, "skipped": n, "error": message | null }
 *
 * Exits 0 when the configuration is valid, whatever single feeds did; 1 with one line naming the problem when not.
 * `--seeds DIR` overrides SEEDS_DIR. Logs go to stderr. With DATABASE_URL the feed state is PostgreSQL's and each new
 * article is stored there too, so every running host receives it.
 */
import 'dotenv/config';
import { loadConfig } from '../src/config.js';
import { createPollContext, loadFeedsFile, pollFeeds } from '../src/feeds/index.js';
import { feedStoreFor, openStateBackend, type AsyncStateStore, type FeedStateStore } from '../src/state/index.js';

async function main(argv: readonly string[]): Promise<number> {
  const json = argv.includes('--json');
  if (!argv.includes('--once')) {
    process.stderr.write('usage: npm run ingest -- --once [--json] [--seeds DIR] (the bot itself polls on a schedule)\n');
    return 2;
  }
  const seedsIndex = argv.indexOf('--seeds');
  let state: AsyncStateStore | null = null;
  let store: FeedStateStore | null = null;
  try {
    const config = loadConfig();
    const seedsDir = seedsIndex >= 0 && argv[seedsIndex + 1] ? argv[seedsIndex + 1]! : config.seedsDir;
    const specs = loadFeedsFile(config.feeds.file, { everyMinutes: config.feeds.everyMinutes }, config.feeds.fileRequired);
    if (specs.length === 0) process.stderr.write(`ingest: no feeds configured (${config.feeds.file} is missing or empty)\n`);
    state = await openStateBackend({ databaseUrl: config.databaseUrl, stateFile: config.digest.stateFile });
    store = feedStoreFor(state, config.digest.stateFile);
    for (const warning of store.warnings) process.stderr.write(`ingest: ${warning.message}\n`);
    const context = createPollContext(config, store, seedsDir, (level, message) => {
      if (level === 'warn' || config.logLevel === 'debug' || config.logLevel === 'trace') process.stderr.write(`ingest: ${message}\n`);
    });
    const reports = await pollFeeds(specs, context);
    for (const { files: _files, ...report } of reports) {
      process.stdout.write(
        json
          ? `${JSON.stringify(report)}\n`
          : `${report.status.padEnd(12)} ${report.feed}  new ${report.new}, updated ${report.updated}, skipped ${report.skipped}${report.error ? `  (${report.error})` : ''}\n`,
      );
    }
    return 0;
  } catch (error) {
    process.stderr.write(`ingest: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await store?.close();
    await state?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
