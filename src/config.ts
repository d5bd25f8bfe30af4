import { accessSync, constants, readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as Zod from 'zod';
import { ScheduleError } from './digest/ScheduleError.js';
import { checkSchedule, isTimeZone } from './digest/slots.js';

/**
 * Everything newsdesk reads from the environment (and `.env`), validated once at start.
 * `.env.example` documents each variable for operators; this type documents it for code.
 */
export interface Config {
  discord: {
    /** Bot token; without it newsdesk runs in console mode. Never logged. */
    token: string | null;
    /** Application id, needed to register commands. */
    clientId: string | null;
    /** Register commands to this guild only (instant); globally when null. */
    guildId: string | null;
    /** REST base URL (a REST proxy, or a fake Discord in tests). @default null (discord.js's own, https://discord.com/api) */
    apiUrl: string | null;
    /**
     * Number of shards `npm run start:sharded` runs (`TOTAL_SHARDS`); null lets Discord recommend.
     * Not `SHARD_COUNT`: discord.js reads that one itself in every process.
     */
    shardCount: number | null;
    /**
     * The shards this host runs (`SHARD_LIST`, e.g. `0,1`), of `shardCount`, when the shards are spread over several
     * hosts sharing one database; null runs them all. Needs `TOTAL_SHARDS`.
     * @default null
     */
    shardList: number[] | null;
  };
  /** Folder of article files. @default "seeds" */
  seedsDir: string;
  /** Re-index when files in the seeds folder change. @default true */
  watchSeeds: boolean;
  /**
   * Folder where the parsed corpus and indexes are persisted (invalidated when a seed file or the indexing code
   * changes), so a restart does not parse and index again; null (`INDEX_CACHE_DIR=off`) persists nothing.
   * @default ".newsdesk/cache"
   */
  indexCacheDir: string | null;
  /**
   * PostgreSQL connection string (`DATABASE_URL`): when set, the state (guild settings, digest runs and claims) lives
   * there, shared by the shard processes of every host; null keeps it in the SQLite file `digest.stateFile`.
   * Never logged: it holds a password.
   * @default null
   */
  databaseUrl: string | null;
  /** pino log level. @default "info" */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  ask: {
    /** Longest question accepted. @default 300 */
    maxQuestionLength: number;
    /** Articles per page of `/ask` results. @default 3 */
    pageSize: number;
  };
  limits: {
    /** Seconds a user waits between two expensive commands (`/ask`, `/quote`). 0 disables. @default 3 */
    userCooldownSeconds: number;
    /** Expensive commands a guild may run per minute, all members together. 0 disables. @default 60 */
    guildPerMinute: number;
  };
  digest: {
    /** Default channel for the digest in every guild that has not chosen one with `/digest set`. */
    channelId: string | null;
    /** When digests run, as a 5-field cron expression. @default "0 8 * * *" */
    cron: string;
    /** IANA time zone the cron expression is read in. @default "UTC" */
    timezone: string;
    /** What to do when nothing is new: skip the digest or post a short note. @default "skip" */
    whenEmpty: 'skip' | 'post';
    /** A run missed while the bot was down is posted at start-up if it is at most this old. @default 6 */
    graceHours: number;
    /** SQLite file holding digest state and per-guild settings. @default "data/newsdesk.sqlite" */
    stateFile: string;
    /**
     * How long a process's claim on a digest run holds without progress (`DIGEST_LEASE_SECONDS`): a host killed
     * mid-post is taken over by another after this. @default 600
     */
    leaseSeconds: number;
  };
  feeds: {
    /** YAML list of feeds to follow (see feeds.example.yaml). @default "feeds.yaml" (optional when left at the default) */
    file: string;
    /** Whether FEEDS_FILE was set explicitly: then a missing file is an error. @default false */
    fileRequired: boolean;
    /** Minutes between polls of a feed that does not say `every`. @default 15 */
    everyMinutes: number;
    /** `User-Agent` of every feed and page request: names the bot and a contact URL. @default "newsdesk/0.1 (+https://github.com/newsdesk/newsdesk)" */
    userAgent: string;
    /** Fetch from loopback, private and link-local addresses (tests, intranets). @default false */
    allowPrivate: boolean;
    /** Failures in a row after which a feed is paused until `/feeds resume` or its entry changes. @default 10 */
    maxFailures: number;
    /** Deadline of one request (connect, headers and body), in seconds. @default 20 */
    timeoutSeconds: number;
    /** Largest feed or page body accepted (after decompression), in bytes. @default 5000000 */
    maxBytes: number;
  };
}

/**
 * Every default newsdesk has, in one place: those of the environment variables (`.env.example` documents them)
 * and the tunables behind them. Modules merge their options over these; none restates a value.
 */
export const defaults = {
  seedsDir: 'seeds',
  watchSeeds: true,
  indexCacheDir: '.newsdesk/cache',
  logLevel: 'info',
  ask: { maxQuestionLength: 300, pageSize: 3 },
  quotes: {
    /**
     * How long `/quote` and "what did X say" wait for quotations still being extracted after a cold start before
     * saying so (the interaction is deferred for them after 1.5 s, so the answer still lands as an edit).
     */
    indexingWaitMs: 2000,
  },
  search: {
    /** Most articles one answer ranks. */
    limit: 30,
    /** An article answering less than this share of the question's weight is not shown. */
    minCoverage: 0.5,
    /** Longest excerpt, in characters. */
    excerptLength: 600,
  },
  limits: { userCooldownSeconds: 3, guildPerMinute: 60 },
  digest: {
    channelId: null,
    cron: '0 8 * * *',
    timezone: 'UTC',
    whenEmpty: 'skip',
    graceHours: 6,
    stateFile: 'data/newsdesk.sqlite',
    retryMinutes: 10,
    maxMessages: 5,
    maxQuotes: 5,
    latestCount: 5,
    leaseMinutes: 10,
  },
  feeds: {
    file: 'feeds.yaml',
    everyMinutes: 15,
    userAgent: 'newsdesk/0.1 (+https://github.com/newsdesk/newsdesk)',
    allowPrivate: false,
    maxFailures: 10,
    timeoutSeconds: 20,
    maxBytes: 5_000_000,
    /** Redirects followed before a fetch gives up (no variable: issue #12 fixes it at 5). */
    maxRedirects: 5,
    /**
     * With DATABASE_URL: how often a process that is not the feed ingester tries to become it (so a dead ingester's
     * feeds wait at most this long), and how soon one listens again for new articles after the database was away.
     */
    ingestRetrySeconds: 5,
  },
  alerts: {
    /**
     * Share of a followed topic's weighted words an article must match (/ask's own is 0.5: a post costs a channel's
     * attention; not 1: a typo, prefix or word-form match counts a little less than a whole word).
     */
    minCoverage: 0.75,
    /** How long a claimed alert post holds before another process may take it over. */
    leaseMinutes: 10,
    /** A failed alert post (missing channel or permission) is retried after this long. */
    retryMinutes: 5,
  },
} as const;

/** A configuration value that is malformed; the message names the variable and what is wrong with it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly variable: string, problem: string) {
    super(`${variable}: ${problem}`);
  }
}

/** The schedule's own check of a cron expression, its `cron "…": ` prefix dropped (the variable is named instead). */
function cronProblem(expression: string): string | null {
  try {
    checkSchedule({ cron: expression, timezone: 'UTC' });
    return null;
  } catch (error) {
    if (!(error instanceof ScheduleError)) throw error;
    return error.message.replace(/^cron "[^"]*": /u, '');
  }
}

/** A `postgres://` or `postgresql://` URL naming a host (a malformed one is refused at start, not at first use). */
function isPostgresUrl(value: string | null): boolean {
  if (value === null) return true;
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
}

/**
 * The environment's schema. Built on first use, with zod loaded then (synchronously, its CommonJS build): this module
 * is imported for `defaults` by the search and quote code, in worker threads too, which have no use for zod.
 */
function buildSchema(z: typeof Zod.z) {
  const optional = z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .default(null);
  const snowflake = optional.refine((value) => value === null || /^\d{17,20}$/u.test(value), 'must be a Discord id (17-20 digits)');
  const integer = (fallback: number, min: number, max: number) =>
    z.coerce.number({ message: `must be a whole number from ${min} to ${max}` }).int(`must be a whole number from ${min} to ${max}`).min(min, `must be at least ${min}`).max(max, `must be at most ${max}`).default(fallback);
  const flag = (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
      .transform((value) => ['true', '1', 'yes'].includes(value))
      .default(fallback);

  return z.object({
    DISCORD_TOKEN: optional,
    DISCORD_CLIENT_ID: snowflake,
    DISCORD_GUILD_ID: snowflake,
    DISCORD_API_URL: optional.refine((value) => value === null || URL.canParse(value), 'must be a URL such as http://127.0.0.1:8080/api'),
    TOTAL_SHARDS: z
      .union([z.literal('auto').transform(() => null), z.coerce.number().int().min(1).max(1000)], { message: 'must be auto or a whole number from 1 to 1000' })
      .nullable()
      .default(null),
    SHARD_LIST: optional.refine((value) => value === null || /^\d{1,4}(\s*,\s*\d{1,4})*$/u.test(value), 'must be shard ids separated by commas, such as 0,1'),
    SEEDS_DIR: z.string().trim().min(1).default(defaults.seedsDir),
    WATCH_SEEDS: flag(defaults.watchSeeds),
    INDEX_CACHE_DIR: z.string().trim().min(1).default(defaults.indexCacheDir),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default(defaults.logLevel),
    ASK_MAX_QUESTION_LENGTH: integer(defaults.ask.maxQuestionLength, 10, 2000),
    ASK_PAGE_SIZE: integer(defaults.ask.pageSize, 1, 10),
    USER_COOLDOWN_SECONDS: integer(defaults.limits.userCooldownSeconds, 0, 3600),
    GUILD_COMMANDS_PER_MINUTE: integer(defaults.limits.guildPerMinute, 0, 100_000),
    DIGEST_CHANNEL_ID: snowflake,
    DIGEST_CRON: z
      .string()
      .trim()
      .superRefine((value, context) => {
        const problem = cronProblem(value);
        if (problem !== null) context.addIssue({ code: 'custom', message: problem });
      })
      .default(defaults.digest.cron),
    DIGEST_TIMEZONE: z.string().trim().refine(isTimeZone, 'must be an IANA time zone such as Europe/London').default(defaults.digest.timezone),
    DIGEST_WHEN_EMPTY: z.enum(['skip', 'post']).default(defaults.digest.whenEmpty),
    DIGEST_GRACE_HOURS: integer(defaults.digest.graceHours, 0, 168),
    DIGEST_LEASE_SECONDS: integer(defaults.digest.leaseMinutes * 60, 5, 86_400),
    STATE_FILE: z.string().trim().min(1).default(defaults.digest.stateFile),
    FEEDS_FILE: optional,
    FEEDS_EVERY_MINUTES: integer(defaults.feeds.everyMinutes, 1, 10_080),
    FEEDS_USER_AGENT: z.string().trim().min(1).regex(/^[\x20-\x7e]+$/u, 'must be printable ASCII (an HTTP header)').default(defaults.feeds.userAgent),
    FEEDS_ALLOW_PRIVATE: flag(defaults.feeds.allowPrivate),
    FEEDS_MAX_FAILURES: integer(defaults.feeds.maxFailures, 1, 1000),
    FEEDS_TIMEOUT_SECONDS: integer(defaults.feeds.timeoutSeconds, 1, 300),
    FEEDS_MAX_BYTES: integer(defaults.feeds.maxBytes, 10_000, 100_000_000),
    DATABASE_URL: optional.refine(isPostgresUrl, 'must be a PostgreSQL URL such as postgres://user:password@host:5432/newsdesk'),
  });
}

let schemaMemo: ReturnType<typeof buildSchema> | null = null;
const requireCommonJs = createRequire(import.meta.url);
function configSchema(): ReturnType<typeof buildSchema> {
  return (schemaMemo ??= buildSchema((requireCommonJs('zod') as typeof Zod).z));
}

/** `SHARD_LIST` as ids, checked against `TOTAL_SHARDS`: each id once, each below the total. */
function parseShardList(text: string | null, total: number | null): number[] | null {
  if (text === null) return null;
  if (total === null) throw new ConfigError('SHARD_LIST', 'needs TOTAL_SHARDS set to the number of shards of all hosts together, e.g. TOTAL_SHARDS=4');
  const ids = text.split(',').map((part) => Number(part.trim()));
  const seen = new Set<number>();
  for (const id of ids) {
    if (id >= total) throw new ConfigError('SHARD_LIST', `shard ${id} does not exist: with TOTAL_SHARDS=${total} the ids are 0 to ${total - 1}`);
    if (seen.has(id)) throw new ConfigError('SHARD_LIST', `lists shard ${id} twice`);
    seen.add(id);
  }
  return ids;
}

/**
 * Reads and validates the configuration from `env` (empty strings count as unset).
 * Throws a {@link ConfigError} naming the first malformed variable.
 * @example loadConfig({ LOG_LEVEL: 'loud' }) // throws ConfigError('LOG_LEVEL: …')
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const schema = configSchema();
  const input = Object.fromEntries(Object.keys(schema.shape).flatMap((key) => (env[key] === undefined || env[key] === '' ? [] : [[key, env[key]]])));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    // Never echo the value: it could be a secret.
    throw new ConfigError(variable, issue.message.replace(/^Invalid option: expected one of /u, 'must be one of '));
  }
  const e = parsed.data;
  return {
    discord: {
      token: e.DISCORD_TOKEN,
      clientId: e.DISCORD_CLIENT_ID,
      guildId: e.DISCORD_GUILD_ID,
      apiUrl: e.DISCORD_API_URL,
      shardCount: e.TOTAL_SHARDS,
      shardList: parseShardList(e.SHARD_LIST, e.TOTAL_SHARDS),
    },
    seedsDir: e.SEEDS_DIR,
    watchSeeds: e.WATCH_SEEDS,
    indexCacheDir: e.INDEX_CACHE_DIR === 'off' ? null : e.INDEX_CACHE_DIR,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    ask: { maxQuestionLength: e.ASK_MAX_QUESTION_LENGTH, pageSize: e.ASK_PAGE_SIZE },
    limits: { userCooldownSeconds: e.USER_COOLDOWN_SECONDS, guildPerMinute: e.GUILD_COMMANDS_PER_MINUTE },
    digest: {
      channelId: e.DIGEST_CHANNEL_ID,
      cron: e.DIGEST_CRON,
      timezone: e.DIGEST_TIMEZONE,
      whenEmpty: e.DIGEST_WHEN_EMPTY,
      graceHours: e.DIGEST_GRACE_HOURS,
      stateFile: e.STATE_FILE,
      leaseSeconds: e.DIGEST_LEASE_SECONDS,
    },
    feeds: {
      file: e.FEEDS_FILE ?? defaults.feeds.file,
      fileRequired: e.FEEDS_FILE !== null,
      everyMinutes: e.FEEDS_EVERY_MINUTES,
      userAgent: e.FEEDS_USER_AGENT,
      allowPrivate: e.FEEDS_ALLOW_PRIVATE,
      maxFailures: e.FEEDS_MAX_FAILURES,
      timeoutSeconds: e.FEEDS_TIMEOUT_SECONDS,
      maxBytes: e.FEEDS_MAX_BYTES,
    },
  };
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/**
 * Checks the folders and files the configuration names before anything opens them, so a mistake is reported
 * naming the variable and what to do, not as "unable to open database file". Throws a {@link ConfigError};
 * returns what is allowed but worth saying (an empty seeds folder).
 * @example checkPaths(loadConfig({ SEEDS_DIR: 'nope' })) // throws 'SEEDS_DIR: folder "nope" does not exist; …'
 */
export function checkPaths(config: Config): { warnings: string[] } {
  const warnings: string[] = [];
  const seeds = statOrNull(config.seedsDir);
  const seedsHint = 'set SEEDS_DIR (or npm start -- --seeds DIR) to the folder of your article files';
  if (!seeds) throw new ConfigError('SEEDS_DIR', `folder "${config.seedsDir}" does not exist; create it, or ${seedsHint}`);
  if (!seeds.isDirectory()) throw new ConfigError('SEEDS_DIR', `"${config.seedsDir}" is a file, not a folder; ${seedsHint}`);
  if (readdirSync(config.seedsDir).filter((name) => !name.startsWith('.')).length === 0) {
    warnings.push(`SEEDS_DIR: folder "${config.seedsDir}" is empty, so there is no coverage yet; add .md or .txt articles (they are picked up without a restart)`);
  }

  const stateFile = config.digest.stateFile;
  const stateHint = 'set STATE_FILE to a file in a folder newsdesk may write, e.g. data/newsdesk.sqlite';
  if (statOrNull(stateFile)?.isDirectory()) throw new ConfigError('STATE_FILE', `"${stateFile}" is a folder, not a file; ${stateHint}`);
  // The nearest existing ancestor decides: a regular file there means the folder cannot be created.
  let folder = path.dirname(path.resolve(stateFile));
  while (!statOrNull(folder)) folder = path.dirname(folder);
  if (!statOrNull(folder)!.isDirectory()) throw new ConfigError('STATE_FILE', `cannot create "${stateFile}": "${folder}" is a file, not a folder; ${stateHint}`);
  const target = statOrNull(stateFile) ? stateFile : folder;
  try {
    accessSync(target, constants.W_OK);
  } catch {
    throw new ConfigError('STATE_FILE', `cannot write "${target}" (permission denied); ${stateHint}`);
  }
  return { warnings };
}
