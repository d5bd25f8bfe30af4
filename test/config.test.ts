import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkPaths, ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config.discord.token).toBeNull();
    expect(config.seedsDir).toBe('seeds');
    expect(config.digest).toMatchObject({ cron: '0 8 * * *', timezone: 'UTC', whenEmpty: 'skip', graceHours: 6 });
    expect(config.limits).toEqual({ userCooldownSeconds: 3, guildPerMinute: 60 });
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', DIGEST_TIMEZONE: '' }).discord.token).toBeNull();
  });

  it.each([
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL: must be one of'],
    ['DIGEST_TIMEZONE', 'Mars/Olympus', 'DIGEST_TIMEZONE: must be an IANA time zone'],
    ['DIGEST_CRON', 'every day', 'DIGEST_CRON: expected 5 fields (minute hour day-of-month month day-of-week), got 2'],
    ['DIGEST_CRON', '0 25 * * *', 'DIGEST_CRON: hour 25 is outside 0-23'],
    ['DIGEST_CRON', '0 8 31 feb *', 'DIGEST_CRON: it never fires'],
    ['DISCORD_CLIENT_ID', 'abc', 'DISCORD_CLIENT_ID: must be a Discord id'],
    ['USER_COOLDOWN_SECONDS', '-1', 'USER_COOLDOWN_SECONDS: must be at least 0'],
    ['DISCORD_API_URL', 'not a url', 'DISCORD_API_URL: must be a URL'],
    ['WATCH_SEEDS', 'maybe', 'WATCH_SEEDS: must be true or false'],
    ['DIGEST_LEASE_SECONDS', '2', 'DIGEST_LEASE_SECONDS: must be at least 5'],
  ])('names %s and what is wrong when it is malformed', (variable, value, message) => {
    expect(() => loadConfig({ [variable]: value })).toThrowError(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrowError(message);
  });

  it('reads SHARD_LIST as the shard ids this host runs, of TOTAL_SHARDS', () => {
    expect(loadConfig({}).discord.shardList).toBeNull();
    expect(loadConfig({ TOTAL_SHARDS: '4', SHARD_LIST: '2, 3' }).discord).toMatchObject({ shardCount: 4, shardList: [2, 3] });
  });

  it.each([
    [{ SHARD_LIST: '0,1' }, 'SHARD_LIST: needs TOTAL_SHARDS set'],
    [{ SHARD_LIST: '0,1', TOTAL_SHARDS: 'auto' }, 'SHARD_LIST: needs TOTAL_SHARDS set'],
    [{ SHARD_LIST: '0,2', TOTAL_SHARDS: '2' }, 'SHARD_LIST: shard 2 does not exist: with TOTAL_SHARDS=2 the ids are 0 to 1'],
    [{ SHARD_LIST: '1,1', TOTAL_SHARDS: '2' }, 'SHARD_LIST: lists shard 1 twice'],
    [{ SHARD_LIST: 'one', TOTAL_SHARDS: '2' }, 'SHARD_LIST: must be shard ids separated by commas'],
    [{ SHARD_LIST: '0,,1', TOTAL_SHARDS: '2' }, 'SHARD_LIST: must be shard ids separated by commas'],
    [{ SHARD_LIST: '-1', TOTAL_SHARDS: '2' }, 'SHARD_LIST: must be shard ids separated by commas'],
  ])('refuses SHARD_LIST %o in one line naming it', (env, message) => {
    expect(() => loadConfig(env)).toThrowError(ConfigError);
    expect(() => loadConfig(env)).toThrowError(message);
  });

  it('reports exactly "DIGEST_CRON: hour 25 is outside 0-23" for an hour out of range', () => {
    expect(() => loadConfig({ DIGEST_CRON: '0 25 * * *' })).toThrowError(/^DIGEST_CRON: hour 25 is outside 0-23$/u);
  });

  it('accepts the time zones the schedule accepts, and only those', () => {
    expect(loadConfig({ DIGEST_TIMEZONE: 'America/Argentina/Buenos_Aires' }).digest.timezone).toBe('America/Argentina/Buenos_Aires');
    expect(() => loadConfig({ DIGEST_TIMEZONE: 'Europe/Londn' })).toThrowError('DIGEST_TIMEZONE: must be an IANA time zone');
  });

  it('never repeats the value of a malformed variable (it could be a secret)', () => {
    expect(() => loadConfig({ DISCORD_GUILD_ID: 'secret-looking-value' })).toThrowError(/^(?!.*secret-looking-value)/u);
  });
});

describe('checkPaths', () => {
  const seeds = fileURLToPath(new URL('../seeds', import.meta.url));

  it('accepts the shipped seeds and a state file in a folder it may create', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-paths-'));
    expect(checkPaths(loadConfig({ SEEDS_DIR: seeds, STATE_FILE: path.join(dir, 'new/state.sqlite') }))).toEqual({ warnings: [] });
  });

  it('names STATE_FILE when a regular file stands where its folder should be', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-paths-'));
    writeFileSync(path.join(dir, 'plain'), 'x');
    const file = path.join(dir, 'plain/state.sqlite');
    expect(() => checkPaths(loadConfig({ SEEDS_DIR: seeds, STATE_FILE: file }))).toThrowError(
      `STATE_FILE: cannot create "${file}": "${path.join(dir, 'plain')}" is a file, not a folder; set STATE_FILE to a file in a folder newsdesk may write, e.g. data/newsdesk.sqlite`,
    );
  });

  // root may write anywhere, so the refusal cannot be provoked when the tests run as root.
  it.skipIf(process.getuid?.() === 0)('names STATE_FILE when its folder is not writable', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-paths-'));
    chmodSync(dir, 0o500);
    try {
      expect(() => checkPaths(loadConfig({ SEEDS_DIR: seeds, STATE_FILE: path.join(dir, 'state.sqlite') }))).toThrowError(`STATE_FILE: cannot write "${dir}" (permission denied)`);
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it('names SEEDS_DIR when it is a file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-paths-'));
    writeFileSync(path.join(dir, 'seeds.txt'), 'x');
    expect(() => checkPaths(loadConfig({ SEEDS_DIR: path.join(dir, 'seeds.txt') }))).toThrowError(/^SEEDS_DIR: ".*seeds\.txt" is a file, not a folder; /u);
  });
});
