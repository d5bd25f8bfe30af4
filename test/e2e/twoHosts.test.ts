import pg from 'pg';
import { alive } from '../support/childProcesses.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageText, type SentBody, channelPosts } from '../support/discordRequests.js';
import { createE2eSeeds, LIGHTHOUSE_ARTICLES, LIGHTHOUSE_TOPIC, type E2eSeeds } from '../support/e2eSeeds.js';
import { writeEarlierDigestState } from '../support/earlierDigestState.js';
import { createDefaultGuild, snowflakeForShard, startFakeDiscord, type FakeDiscord, } from '../support/fakeDiscord/index.js';
import { startTestPostgres, type TestPostgres } from '../support/postgres.js';
import { CONNECTED, startBotProcess, type BotProcess } from '../support/startBotProcess.js';

/**
 * Two hosts, each running `npm run start:sharded` with its own SHARD_LIST, on one PostgreSQL (DATABASE_URL) and the
 * fake Discord. Host A is killed while Discord holds the answer to its digest message (accepted, not yet
 * acknowledged); its replacement takes the run over after the lease and re-sends with the same nonce, so every
 * guild's digest exists exactly once.
 */
const NEW_HEADLINE = `${LIGHTHOUSE_TOPIC} report number ${LIGHTHOUSE_ARTICLES}`;
const LEASE_SECONDS = 5;

describe('two hosts with different SHARD_LIST on one PostgreSQL', () => {
  const zero = createDefaultGuild({ id: snowflakeForShard(0, 2), name: 'Shard zero' });
  const one = createDefaultGuild({ id: snowflakeForShard(1, 2), name: 'Shard one' });
  let postgres: TestPostgres;
  let url: string;
  let fake: FakeDiscord;
  let seeds: E2eSeeds;
  const hosts: BotProcess[] = [];
  const shardPids: number[] = [];
  let env: Record<string, string>;

  async function startHost(shardList: string): Promise<BotProcess> {
    const host = await startBotProcess({ fake, seedsDir: seeds.dir, script: 'src/shard.ts', readyTimeoutMs: 90_000, env: { ...env, SHARD_LIST: shardList } });
    hosts.push(host);
    for (const line of host.logs.filter((entry) => entry.msg === CONNECTED)) shardPids.push(line['pid'] as number);
    return host;
  }

  /** The messages that exist in a channel: a repeat answered with an earlier message is that message. */
  const messagesIn = (channelId: string) => new Map(channelPosts(fake, channelId).filter((r) => r.status === 200).map((r) => [(r.response as { id: string }).id, messageText(r.body as SentBody)]));

  beforeAll(async () => {
    postgres = await startTestPostgres();
    url = await postgres.createDatabase('two_hosts');
    seeds = await createE2eSeeds({ mentionedUserId: zero.member.id, mentionedRoleId: zero.guild.roles[0]!.id });
    fake = await startFakeDiscord({ shards: 2, guilds: [zero.guild, one.guild] });
    await writeEarlierDigestState(url, [
      { guildId: zero.guild.id, channelId: zero.digest.id },
      { guildId: one.guild.id, channelId: one.digest.id },
    ]);
    // A daily slot at this very minute: due at start-up, and still the slot when the replacement host comes up.
    const now = new Date();
    env = { TOTAL_SHARDS: '2', DATABASE_URL: url, DIGEST_CRON: `${now.getUTCMinutes()} ${now.getUTCHours()} * * *`, DIGEST_LEASE_SECONDS: String(LEASE_SECONDS) };
    // Discord accepts guild zero's first digest message but answers only after host A is gone.
    fake.delayResponse({ method: 'POST', path: `/channels/${zero.digest.id}/messages` }, 20_000);
  }, 120_000);

  afterAll(async () => {
    // Shards first: they hold their manager's output pipes, which kill() waits for.
    for (const pid of shardPids) if (alive(pid)) process.kill(pid, 'SIGKILL');
    for (const host of hosts) await host.kill();
    await fake?.close();
    await seeds?.remove();
    await postgres?.stop();
  }, 60_000);

  it('posts every digest exactly once across a kill of one host mid-post', async () => {
    const [hostA, hostB] = await Promise.all([startHost('0'), startHost('1')]);
    for (const host of [hostA!, hostB!]) expect(host.logs.find((line) => line.msg === 'state store open')).toMatchObject({ backend: 'postgres' });
    expect(fake.identifies.map((identify) => identify.shard).sort()).toEqual([[0, 2], [1, 2]]);

    await hostB!.waitForLog((line) => line.msg === 'digest: posted' && line['guildId'] === one.guild.id, 30_000);
    await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${zero.digest.id}/messages`, 30_000);
    // Host A dies with its message accepted and unrecorded: manager first (it would respawn the shard), then the shard
    // (which holds the manager's output pipes, so the manager's exit is awaited only after both are signalled).
    const shardOfA = hostA!.logs.find((line) => line.msg === CONNECTED)!['pid'] as number;
    process.kill(hostA!.pid, 'SIGKILL');
    process.kill(shardOfA, 'SIGKILL');
    await hostA!.kill();
    await expect.poll(() => alive(shardOfA), { timeout: 10_000 }).toBe(false);
    expect(hostA!.logs.some((line) => line.msg === 'digest: posted')).toBe(false);

    // Its replacement comes up after the lease and finishes the run.
    await new Promise((resolve) => setTimeout(resolve, LEASE_SECONDS * 1000));
    const hostA2 = await startHost('0');
    await hostA2.waitForLog((line) => line.msg === 'digest: posted' && line['guildId'] === zero.guild.id, 30_000);

    for (const guild of [zero, one]) {
      const messages = [...messagesIn(guild.digest.id).values()];
      expect(messages.filter((text) => text.includes(NEW_HEADLINE))).toHaveLength(1);
    }
    // Guild zero's first message was sent twice with one nonce; Discord answered the repeat with the first message.
    const zeroPosts = channelPosts(fake, zero.digest.id);
    const nonces = zeroPosts.map((r) => (r.body as { nonce?: string }).nonce);
    expect(nonces[1]).toBe(nonces[0]);
    expect(messagesIn(zero.digest.id).size).toBe(new Set(nonces).size);
    expect(channelPosts(fake, one.digest.id).map((r) => r.status)).toEqual(channelPosts(fake, one.digest.id).map(() => 200));

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const runs = (await client.query<{ guild_id: string; status: string; attempts: number }>('SELECT guild_id, status, attempts FROM runs ORDER BY guild_id')).rows;
    await client.end();
    expect(Object.fromEntries(runs.map((run) => [run.guild_id, [run.status, run.attempts]]))).toEqual({ [zero.guild.id]: ['ok', 2], [one.guild.id]: ['ok', 1] });
  }, 180_000);
});
