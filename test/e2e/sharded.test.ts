import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { deployCommands } from '../../src/discord/deployCommands.js';
import { callbackOf, originalEditOf } from '../support/discordRequests.js';
import { createE2eSeeds, type E2eSeeds } from '../support/e2eSeeds.js';
import { createDefaultGuild, snowflakeForShard, startFakeDiscord, type FakeDiscord } from '../support/fakeDiscord/index.js';
import { CONNECTED, startBotProcess, type BotProcess, type LogLine } from '../support/startBotProcess.js';

/**
 * Whether a process is still running. An exited shard whose parent (the manager) is gone is reparented and may stay
 * a zombie until reaped, which `kill(pid, 0)` still reports: on Linux, read its state from /proc instead.
 */
function alive(pid: number): boolean {
  try {
    if (existsSync('/proc/self/stat')) return !/^\d+ \(.*\) Z/u.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm run start:sharded (src/shard.ts) with SHARD_COUNT=2', () => {
  const zero = createDefaultGuild({ id: snowflakeForShard(0, 2), name: 'Shard zero' });
  const one = createDefaultGuild({ id: snowflakeForShard(1, 2), name: 'Shard one' });
  let fake: FakeDiscord;
  let seeds: E2eSeeds;
  let manager: BotProcess;
  /** Shard id → pid of the process that runs it, from its 'connected to Discord' line. */
  const pidOfShard = new Map<number, number>();

  beforeAll(async () => {
    seeds = await createE2eSeeds({ mentionedUserId: zero.member.id, mentionedRoleId: zero.guild.roles[0]!.id });
    fake = await startFakeDiscord({ token: `e2e-shard-secret-${randomBytes(12).toString('hex')}`, shards: 2, guilds: [zero.guild, one.guild] });
    // Global commands: both guilds see them.
    await deployCommands(loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl }), () => undefined);
    // The manager starts the shards one after the other (discord.js waits 5.5 s between them): allow for it.
    manager = await startBotProcess({ fake, seedsDir: seeds.dir, script: 'src/shard.ts', connections: 2, readyTimeoutMs: 90_000, env: { SHARD_COUNT: '2' } });
    for (const line of manager.logs.filter((entry) => entry.msg === CONNECTED)) {
      const [shard] = line['shards'] as number[];
      pidOfShard.set(shard!, line['pid'] as number);
    }
  }, 120_000);

  afterAll(async () => {
    await manager?.kill();
    // A shard process left behind by a failed test must not outlive the run.
    for (const pid of pidOfShard.values()) if (alive(pid)) process.kill(pid, 'SIGKILL');
    await fake?.close();
    await seeds?.remove();
  });

  it('runs each shard in its own process, holding only its own guild', () => {
    expect(fake.identifies.map((identify) => identify.shard).sort()).toEqual([[0, 2], [1, 2]]);
    expect([...pidOfShard.keys()].sort()).toEqual([0, 1]);
    expect(pidOfShard.get(0)).not.toBe(pidOfShard.get(1));
    for (const line of manager.logs.filter((entry) => entry.msg === CONNECTED)) expect(line['guilds']).toBe(1);
  });

  it.each([
    ['zero', 0],
    ['one', 1],
  ] as const)('answers /ask in guild %s from the process of shard %i', async (_name, shard) => {
    const guild = shard === 0 ? zero : one;
    const interaction = fake.injectCommand({ name: 'ask', guildId: guild.guild.id, options: { question: 'Homs shelling' }, user: guild.member });
    expect((await callbackOf(fake, interaction, 20_000)).type).toBe(5);
    await originalEditOf(fake, interaction, 20_000);
    const answered = await manager.waitForLog((line: LogLine) => line.msg === 'command answered' && line['guild'] === guild.guild.id);
    expect(answered['pid']).toBe(pidOfShard.get(shard));
  });

  it.todo("posts each guild's scheduled digest once, from its shard's process (needs the digest wired into src/main.ts and a way to trigger a run)");

  it('stops every shard process and exits 0 on SIGTERM', async () => {
    expect(await manager.stop('SIGTERM')).toBe(0);
    expect(manager.logs.map((line) => line.msg)).toContain('stopping shards');
    const shutdowns = manager.logs.filter((line) => line.msg === 'shutting down').map((line) => line['pid']);
    expect(shutdowns.sort()).toEqual([...pidOfShard.values()].sort());
    // stop() resolves when the shards' output pipes closed too, i.e. when they have exited.
    for (const pid of pidOfShard.values()) expect(alive(pid)).toBe(false);
    expect(manager.stdout() + manager.stderr()).not.toContain(fake.token);
  });
});
