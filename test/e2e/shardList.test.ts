import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hermeticEnv, runToEnd, alive } from '../support/childProcesses.js';
import { createE2eSeeds, type E2eSeeds } from '../support/e2eSeeds.js';
import { createDefaultGuild, snowflakeForShard, startFakeDiscord, type FakeDiscord } from '../support/fakeDiscord/index.js';
import { BOT_COMMAND, CONNECTED, startBotProcess, type BotProcess } from '../support/startBotProcess.js';


describe('npm run start:sharded with SHARD_LIST: this host runs only the listed shards', () => {
  const zero = createDefaultGuild({ id: snowflakeForShard(0, 3), name: 'Shard zero' });
  const two = createDefaultGuild({ id: snowflakeForShard(2, 3), name: 'Shard two' });
  let fake: FakeDiscord;
  let seeds: E2eSeeds;
  let host: BotProcess;
  const pids: number[] = [];

  beforeAll(async () => {
    seeds = await createE2eSeeds({ mentionedUserId: zero.member.id, mentionedRoleId: zero.guild.roles[0]!.id });
    fake = await startFakeDiscord({ shards: 3, guilds: [zero.guild, two.guild] });
    host = await startBotProcess({ fake, seedsDir: seeds.dir, script: 'src/shard.ts', readyTimeoutMs: 90_000, env: { TOTAL_SHARDS: '3', SHARD_LIST: '2' } });
    for (const line of host.logs.filter((entry) => entry.msg === CONNECTED)) pids.push(line['pid'] as number);
  }, 120_000);

  afterAll(async () => {
    await host?.kill();
    for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
    await fake?.close();
    await seeds?.remove();
  });

  it('identifies shard 2 of 3 only, and holds only that shard’s guild', async () => {
    expect(fake.identifies.map((identify) => identify.shard)).toEqual([[2, 3]]);
    const connected = host.logs.filter((entry) => entry.msg === CONNECTED);
    expect(connected.map((line) => line['shards'])).toEqual([[2]]);
    expect(connected[0]!['guilds']).toBe(1);
    expect(await host.stop('SIGTERM')).toBe(0);
  });

  it.each([
    [{ TOTAL_SHARDS: '2', SHARD_LIST: '0,2' }, /^newsdesk: SHARD_LIST: shard 2 does not exist/u],
    [{ SHARD_LIST: '0' }, /^newsdesk: SHARD_LIST: needs TOTAL_SHARDS/u],
  ])('stops at start with one line naming SHARD_LIST when it is wrong (%o)', async (env, message) => {
    const result = await runToEnd(BOT_COMMAND.command, [...BOT_COMMAND.args, 'src/shard.ts'], hermeticEnv({ DISCORD_TOKEN: 'fake-token', ...env }));
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});
