import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFerryFeed, startFeedServer, type FeedServer } from '../feeds/feedServer.js';
import { alive } from '../support/childProcesses.js';
import { messageText, type SentBody, channelPosts } from '../support/discordRequests.js';
import { writeEarlierDigestState } from '../support/earlierDigestState.js';
import { createE2eSeeds, LIGHTHOUSE_ARTICLES, LIGHTHOUSE_TOPIC, type E2eSeeds } from '../support/e2eSeeds.js';
import { createDefaultGuild, snowflakeForShard, startFakeDiscord, type FakeDiscord, } from '../support/fakeDiscord/index.js';
import { startTestPostgres, type TestPostgres } from '../support/postgres.js';
import { CONNECTED, startBotProcess, type BotProcess } from '../support/startBotProcess.js';

/**
 * A rolling deploy on one PostgreSQL (DATABASE_URL) and the fake Discord: host A still runs shards 0 and 1 while the
 * new host B comes up with shard 1, so for a while two processes serve shard 1's guild (each with its own seeds
 * folder and a feeds file). Each guild's digest is posted exactly once (the claim is a transaction in the shared
 * database), exactly one process polls the feed, the article it stores reaches both hosts' seeds folders, and when
 * the ingester's host is killed a process of the other host becomes the ingester.
 */
const NEW_HEADLINE = `${LIGHTHOUSE_TOPIC} report number ${LIGHTHOUSE_ARTICLES}`;
const FEED_HEADLINE = 'Ferry service resumes after storm damage';
const INGESTER = 'this process is the feed ingester now';

describe('a rolling deploy: two hosts with overlapping SHARD_LIST on one PostgreSQL', () => {
  const zero = createDefaultGuild({ id: snowflakeForShard(0, 2), name: 'Shard zero' });
  const one = createDefaultGuild({ id: snowflakeForShard(1, 2), name: 'Shard one' });
  let postgres: TestPostgres;
  let fake: FakeDiscord;
  let feeds: FeedServer;
  let work: string;
  const seeds: E2eSeeds[] = [];
  const hosts: BotProcess[] = [];
  const shardPids: number[] = [];

  /** The messages that exist in a channel: a repeat answered with an earlier message is that message. */
  const messagesIn = (channelId: string) => new Map(channelPosts(fake, channelId).filter((r) => r.status === 200).map((r) => [(r.response as { id: string }).id, messageText(r.body as SentBody)]));
  const logs = () => hosts.flatMap((host) => host.logs);
  const feedFiles = (dir: string): string[] => {
    try {
      return readdirSync(path.join(dir, 'feeds', 'harbour-gazette')).filter((name) => name.endsWith('.md'));
    } catch {
      return [];
    }
  };

  beforeAll(async () => {
    postgres = await startTestPostgres();
    feeds = await startFeedServer();
    serveFerryFeed(feeds, { headline: FEED_HEADLINE, guid: 'hg-rolling-1', pageSentence: 'The new pontoon carries forty cars.' });
    work = mkdtempSync(path.join(os.tmpdir(), 'newsdesk-rolling-'));
    writeFileSync(path.join(work, 'feeds.yaml'), `- url: ${feeds.origin}/rss\n  name: Harbour Gazette\n`);
    for (let host = 0; host < 2; host += 1) seeds.push(await createE2eSeeds({ mentionedUserId: zero.member.id, mentionedRoleId: zero.guild.roles[0]!.id }));
    fake = await startFakeDiscord({ shards: 2, guilds: [zero.guild, one.guild] });
  }, 120_000);

  afterAll(async () => {
    for (const pid of shardPids) if (alive(pid)) process.kill(pid, 'SIGKILL');
    for (const host of hosts) await host.kill();
    await fake?.close();
    await feeds?.close();
    for (const folder of seeds) await folder.remove();
    if (work) rmSync(work, { recursive: true, force: true });
    await postgres?.stop();
  }, 60_000);

  it('posts each digest once, polls the feed in one process, gives its article to both hosts, and hands polling over when the ingester’s host is killed', async () => {
    const url = await postgres.createDatabase('rolling');
    await writeEarlierDigestState(url, [
      { guildId: zero.guild.id, channelId: zero.digest.id },
      { guildId: one.guild.id, channelId: one.digest.id },
    ]);
    const now = new Date();
    const env = {
      TOTAL_SHARDS: '2', DATABASE_URL: url, DIGEST_CRON: `${now.getUTCMinutes()} ${now.getUTCHours()} * * *`,
      FEEDS_FILE: path.join(work, 'feeds.yaml'), FEEDS_ALLOW_PRIVATE: 'true', INDEX_CACHE_DIR: 'off',
    };
    const start = async (shardList: string, folder: E2eSeeds, connections: number) => {
      const host = await startBotProcess({ fake, seedsDir: folder.dir, script: 'src/shard.ts', readyTimeoutMs: 150_000, connections, env: { ...env, SHARD_LIST: shardList } });
      hosts.push(host);
      for (const line of host.logs.filter((entry) => entry.msg === CONNECTED)) shardPids.push(line['pid'] as number);
      return host;
    };
    // Old and new host at once: shard 1 is served by both.
    await Promise.all([start('0,1', seeds[0]!, 2), start('1', seeds[1]!, 1)]);
    expect(fake.identifies.map((identify) => identify.shard[0]).sort()).toEqual([0, 1, 1]);

    for (const guild of [zero, one]) {
      await expect.poll(() => logs().some((line) => line.msg === 'digest: posted' && line['guildId'] === guild.guild.id), { timeout: 60_000, interval: 500 }).toBe(true);
    }
    // Both shard-1 processes ran the slot; give the slower one time to try.
    await expect.poll(() => logs().filter((line) => line.msg === 'state store open').length, { timeout: 30_000 }).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    for (const guild of [zero, one]) {
      const messages = [...messagesIn(guild.digest.id).values()];
      expect(messages.filter((text) => text.includes(NEW_HEADLINE))).toHaveLength(1);
      const nonces = channelPosts(fake, guild.digest.id).map((r) => (r.body as { nonce?: string }).nonce);
      expect(new Set(nonces).size).toBe(nonces.length);
    }
    expect(logs().filter((line) => line.msg === 'digest: posted')).toHaveLength(2);

    // One ingester among the three processes; it fetched the feed once; the file is in both hosts' seeds folders.
    await expect.poll(() => feedFiles(seeds[1]!.dir).length, { timeout: 60_000, interval: 500 }).toBe(1);
    await expect.poll(() => feedFiles(seeds[0]!.dir).length, { timeout: 30_000, interval: 500 }).toBe(1);
    expect(logs().filter((line) => line.msg === INGESTER)).toHaveLength(1);
    expect(feeds.requests.filter((request) => request.path === '/rss')).toHaveLength(1);
    const [file] = feedFiles(seeds[0]!.dir);
    const read = (folder: E2eSeeds) => readFileSync(path.join(folder.dir, 'feeds', 'harbour-gazette', file!), 'utf8');
    expect(read(seeds[1]!)).toBe(read(seeds[0]!));
    expect(read(seeds[0]!)).toContain('The new pontoon carries forty cars.');

    // The old host goes away with the ingester or not; if the ingester dies, a process of the other host takes over.
    const leaderPid = logs().find((line) => line.msg === INGESTER)!['pid'] as number;
    const leaderHost = hosts.find((host) => host.logs.some((line) => line.msg === CONNECTED && line['pid'] === leaderPid))!;
    const leaderShards = leaderHost.logs.filter((line) => line.msg === CONNECTED).map((line) => line['pid'] as number);
    process.kill(leaderHost.pid, 'SIGKILL');
    for (const pid of leaderShards) process.kill(pid, 'SIGKILL');
    await leaderHost.kill();
    const survivor = hosts.find((host) => host !== leaderHost)!;
    await expect.poll(() => survivor.logs.some((line) => line.msg === INGESTER), { timeout: 30_000, interval: 500 }).toBe(true);
    expect(survivor.logs.find((line) => line.msg === INGESTER)!['pid']).not.toBe(leaderPid);
  }, 300_000);
});
