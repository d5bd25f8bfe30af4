import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (where package.json, seeds/ and node_modules/ are). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Every variable `src/config.ts` reads. The harness sets each one explicitly (to '' when a test does not choose a
 * value): dotenv never overrides a variable that exists, so a developer's `.env` (perhaps with a real token) cannot
 * leak into a test, and neither can the shell's environment.
 */
const CONFIG_VARIABLES = [
  'DISCORD_TOKEN',
  'DISCORD_CLIENT_ID',
  'DISCORD_GUILD_ID',
  'DISCORD_API_URL',
  'SEEDS_DIR',
  'WATCH_SEEDS',
  'LOG_LEVEL',
  'ASK_MAX_QUESTION_LENGTH',
  'ASK_PAGE_SIZE',
  'USER_COOLDOWN_SECONDS',
  'GUILD_COMMANDS_PER_MINUTE',
  'DIGEST_CHANNEL_ID',
  'DIGEST_CRON',
  'DIGEST_TIMEZONE',
  'DIGEST_WHEN_EMPTY',
  'DIGEST_GRACE_HOURS',
  'STATE_FILE',
  'FEEDS_FILE',
  'FEEDS_EVERY_MINUTES',
  'FEEDS_USER_AGENT',
  'FEEDS_ALLOW_PRIVATE',
  'FEEDS_MAX_FAILURES',
  'FEEDS_TIMEOUT_SECONDS',
  'FEEDS_MAX_BYTES',
  'SHARD_LIST',
  'DIGEST_LEASE_SECONDS',
  'DATABASE_URL',
] as const;

/**
 * Variables discord.js itself reads in the Client constructor (set by its ShardingManager for each child): they must
 * be absent, not blank, or the Client takes `SHARD_COUNT=''` for 0 shards and throws. Tests that shard set them.
 */
const DISCORD_JS_VARIABLES = ['SHARD_COUNT', 'SHARDS', 'SHARDING_MANAGER', 'SHARDING_MANAGER_MODE'] as const;

/**
 * The environment of a child newsdesk process: the parent's (PATH, HOME …) with every newsdesk variable blanked and
 * discord.js's sharding variables removed, then `overrides`.
 * @example hermeticEnv({ DISCORD_TOKEN: 't' }).DISCORD_GUILD_ID // => ''
 */
export function hermeticEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of CONFIG_VARIABLES) env[name] = '';
  for (const name of DISCORD_JS_VARIABLES) delete env[name];
  // npm would print its own banner and update notices into the captured output.
  env['npm_config_update_notifier'] = 'false';
  return { ...env, ...overrides };
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/**
 * Spawns `command` in the project root and remembers it, so that a test run that ends abruptly (a failed beforeAll,
 * a timeout) still kills it when the worker exits.
 */
export function spawnTracked(command: string, args: readonly string[], env: NodeJS.ProcessEnv): ChildProcess {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const child of running) child.kill('SIGKILL');
    });
  }
  const child = spawn(command, args, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** How a finished process ended and what it wrote. */
export interface FinishedProcess {
  /** Exit code; null when a signal ended it. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to completion (e.g. `npm run deploy-commands`), killing it after `timeoutMs`.
 * @example await runToEnd('npm', ['run', '-s', 'deploy-commands'], env) // => { code: 0, stdout: 'Registered 3 commands …\n', … }
 */
export function runToEnd(command: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<FinishedProcess> {
  const child = spawnTracked(command, args, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not finish within ${timeoutMs} ms; stderr:\n${stderr}`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // 'close' (not 'exit'): the output streams are drained by then.
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/**
 * Whether a process is still running. An exited shard whose parent (the manager) is gone is reparented and may stay
 * a zombie until reaped, which `kill(pid, 0)` still reports: on Linux, read its state from /proc instead.
 */
export function alive(pid: number): boolean {
  try {
    if (existsSync('/proc/self/stat')) return !/^\d+ \(.*\) Z/u.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
