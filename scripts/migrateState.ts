/**
 * Copies the SQLite state into PostgreSQL, once, when moving a deployment to several hosts:
 *
 *   npm run migrate-state -- --to "$DATABASE_URL"                 # from STATE_FILE (default data/newsdesk.sqlite)
 *   npm run migrate-state -- --from data/newsdesk.sqlite --to "$DATABASE_URL"
 *
 * Stop newsdesk first. The target database must be empty of newsdesk state (its schema is created); then set
 * DATABASE_URL for every host. Errors are one line naming what to fix; the URL's password is never printed.
 */
import { parseArgs } from 'node:util';
import dotenv from 'dotenv';
import { ConfigError, loadConfig } from '../src/config.js';
import { copySqliteToPostgres } from '../src/state/copySqliteToPostgres.js';
import { describeDatabase } from '../src/state/postgresStateStore.js';

async function main(): Promise<number> {
  dotenv.config({ quiet: true });
  const { values } = parseArgs({ options: { to: { type: 'string' }, from: { type: 'string' } } });
  try {
    // The target is checked as DATABASE_URL is: a malformed one is named, never printed.
    const config = loadConfig({ ...process.env, DATABASE_URL: values.to ?? '' });
    if (!config.databaseUrl) {
      process.stderr.write('migrate-state: --to is required: npm run migrate-state -- --to "$DATABASE_URL"\n');
      return 2;
    }
    const from = values.from ?? config.digest.stateFile;
    const counts = await copySqliteToPostgres(from, config.databaseUrl);
    process.stdout.write(
      `Copied ${from} to ${describeDatabase(config.databaseUrl)}: ${counts.guilds} guild settings, ${counts.articles} first-seen articles, ${counts.runs} digest runs, ${counts.feeds} feeds with ${counts.feedItems} items, ${counts.follows} follows with ${counts.followMatches} matches.\n`,
    );
    return 0;
  } catch (error) {
    const message = error instanceof ConfigError ? error.message.replace(/^DATABASE_URL/u, '--to') : error instanceof Error ? error.message : String(error);
    process.stderr.write(`migrate-state: ${message}\n`);
    return 1;
  }
}

main().then((code) => process.exit(code));
