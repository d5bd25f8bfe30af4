import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { hermeticEnv, projectRoot, spawnTracked } from './childProcesses.js';
import type { FakeDiscord } from './fakeDiscord/index.js';

/** One pino log line the bot wrote on stderr. */
export interface LogLine {
  /** pino's numeric level: 30 info, 40 warn, 50 error. */
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** Picks log lines: a message to match exactly, or a predicate. */
export type LogMatcher = string | ((line: LogLine) => boolean);

/** Options of {@link startBotProcess}. */
export interface BotProcessOptions {
  /** The fake Discord to log in to: sets `DISCORD_TOKEN`, `DISCORD_API_URL` and `DISCORD_CLIENT_ID` from it. */
  fake: FakeDiscord;
  /** Folder of articles. @default the repository's `seeds/` */
  seedsDir?: string;
  /** More environment (e.g. `{ DIGEST_CRON: '* * * * *' }`); wins over everything the harness sets. */
  env?: Record<string, string>;
  /** How long to wait for the 'connected to Discord' line(s). @default 60_000 (tsx and library loading on a loaded 2-core machine) */
  readyTimeoutMs?: number;
  /**
   * The entry point: `src/main.ts` (`npm start`), or `src/shard.ts` (`npm run start:sharded`, which runs main.ts once
   * per shard under discord.js's ShardingManager; the shards' output reaches the same pipes). @default 'src/main.ts'
   */
  script?: string;
  /** How many 'connected to Discord' lines mean ready: one per shard process. @default 1 */
  connections?: number;
  /**
   * Run the compiled JavaScript as `npm start` does (`node scripts/launch.mjs <script>`, dist/ rebuilt when stale)
   * rather than the TypeScript sources through tsx: what a benchmark of the real process should measure. @default false
   */
  compiled?: boolean;
}

/** A running `src/main.ts` process. */
export interface BotProcess {
  pid: number;
  /** Temporary folder holding `STATE_FILE` (`state.sqlite`); removed by `kill()`, kept after `stop()` for inspection. */
  stateDir: string;
  /** `STATE_FILE` as the process got it. */
  stateFile: string;
  /** Every log line so far (parsed pino JSON from stderr), oldest first. */
  logs: LogLine[];
  /** Everything written so far. */
  stdout(): string;
  stderr(): string;
  /** The first logged line matching, or the next one; rejects after `timeoutMs` (or when the process exits) with what was logged. */
  waitForLog(matcher: LogMatcher, timeoutMs?: number): Promise<LogLine>;
  /** Sends `signal` and resolves with the exit code (null if a signal killed it); SIGKILLs after `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
  /** SIGKILLs the process if it still runs and removes `stateDir`; safe to call twice (use in afterAll). */
  kill(): Promise<void>;
}

interface Waiter {
  matches: (line: LogLine) => boolean;
  resolve: (line: LogLine) => void;
  reject: (error: Error) => void;
}

/** The log line `startBot` writes once the client is ready. */
export const CONNECTED = 'connected to Discord';

/**
 * How the production start-up path is launched. `node --import tsx` rather than `npx tsx`: npx adds a package
 * resolution step and tsx's CLI runs the script in a second node process that signals are relayed to, so
 * `node --import tsx` starts faster and the SIGTERM a test sends reaches the bot itself.
 */
export const BOT_COMMAND = { command: process.execPath, args: ['--import', 'tsx'] } as const;

/**
 * Starts newsdesk as `npm start` would (`src/main.ts`), logged in to `fake`, and resolves once it logged
 * 'connected to Discord'. The state file lives in a fresh temporary folder; cooldowns are off so tests can ask in
 * quick succession (override with `env`).
 * @example const bot = await startBotProcess({ fake }); …; expect(await bot.stop('SIGTERM')).toBe(0);
 */
export async function startBotProcess(options: BotProcessOptions): Promise<BotProcess> {
  const { fake } = options;
  const stateDir = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-e2e-'));
  const env = hermeticEnv({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_CLIENT_ID: fake.applicationId,
    SEEDS_DIR: options.seedsDir ?? path.join(projectRoot, 'seeds'),
    STATE_FILE: path.join(stateDir, 'state.sqlite'),
    LOG_LEVEL: 'info',
    WATCH_SEEDS: 'false',
    USER_COOLDOWN_SECONDS: '0',
    GUILD_COMMANDS_PER_MINUTE: '0',
    ...options.env,
  });
  const script = options.script ?? 'src/main.ts';
  const args = options.compiled ? [path.join(projectRoot, 'scripts', 'launch.mjs'), script] : [...BOT_COMMAND.args, script];
  const child = spawnTracked(BOT_COMMAND.command, args, env);
  const bot = watch(child, stateDir, env['STATE_FILE'] ?? '');
  try {
    const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
    for (let index = 0; index < (options.connections ?? 1); index += 1) {
      await bot.waitForLog(nth(bot.logs, CONNECTED, index), Math.max(1, deadline - Date.now()));
    }
  } catch (error) {
    await bot.kill();
    throw error;
  }
  return bot;
}

function watch(child: ChildProcess, stateDir: string, stateFile: string): BotProcess {
  const logs: LogLine[] = [];
  const waiters = new Set<Waiter>();
  let stdout = '';
  let stderr = '';
  let pending = '';
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('close', (code, signal) => {
      exit = { code, signal };
      for (const waiter of waiters) waiter.reject(new Error(`newsdesk exited (code ${code}, signal ${signal}) before the awaited log line; stderr:\n${tail(stderr)}`));
      waiters.clear();
      resolve();
    });
  });

  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const text of lines) {
      const line = parseLogLine(text);
      if (!line) continue;
      logs.push(line);
      for (const waiter of waiters) {
        if (waiter.matches(line)) {
          waiters.delete(waiter);
          waiter.resolve(line);
        }
      }
    }
  });

  let removed = false;
  const cleanUp = async () => {
    if (removed) return;
    removed = true;
    await rm(stateDir, { recursive: true, force: true });
  };

  return {
    pid: child.pid ?? -1,
    stateDir,
    stateFile,
    logs,
    stdout: () => stdout,
    stderr: () => stderr,
    waitForLog(matcher, timeoutMs = 5000) {
      const matches = typeof matcher === 'string' ? (line: LogLine) => line.msg === matcher : matcher;
      const found = logs.find(matches);
      if (found) return Promise.resolve(found);
      if (exit) return Promise.reject(new Error(`newsdesk already exited (code ${exit.code}); stderr:\n${tail(stderr)}`));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`newsdesk logged no matching line within ${timeoutMs} ms; logged:\n${logs.map((l) => `  ${l.msg}`).join('\n')}\nstderr tail:\n${tail(stderr)}`));
        }, timeoutMs);
        const waiter: Waiter = {
          matches,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        };
        waiters.add(waiter);
      });
    },
    async stop(signal = 'SIGTERM', timeoutMs = 15_000) {
      if (!exit) {
        child.kill(signal);
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        await exited;
        clearTimeout(timer);
      }
      return exit === null ? null : (exit as { code: number | null }).code;
    },
    async kill() {
      if (!exit) {
        child.kill('SIGKILL');
        await exited;
      }
      await cleanUp();
    },
  };
}

/** Matches the `index`-th (0-based) line logged with message `msg`. */
export function nth(logs: readonly LogLine[], msg: string, index: number): (line: LogLine) => boolean {
  return (line) => line.msg === msg && logs.filter((other) => other.msg === msg).indexOf(line) === index;
}

function parseLogLine(text: string): LogLine | null {
  if (!text.startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && 'msg' in value && 'level' in value) return value as LogLine;
  } catch {
    // Not a pino line (e.g. a stack trace printed by node): it stays in stderr() only.
  }
  return null;
}

function tail(text: string, lines = 20): string {
  return text.split('\n').slice(-lines).join('\n');
}
