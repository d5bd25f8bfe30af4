import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { alive } from '../support/childProcesses.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { deployCommands } from '../../src/discord/deployCommands.js';
import { DigestService } from '../../src/digest/index.js';
import { createLogger } from '../../src/log.js';
import { StateStore } from '../../src/state/stateStore.js';
import { answerOf, callbackOf, messageText, type SentBody } from '../support/discordRequests.js';
import { createE2eSeeds, LIGHTHOUSE_ARTICLES, LIGHTHOUSE_TOPIC, SEED_ARTICLE, type E2eSeeds } from '../support/e2eSeeds.js';
import { createDefaultGuild, snowflakeForShard, startFakeDiscord, type FakeDiscord } from '../support/fakeDiscord/index.js';
import { CONNECTED, startBotProcess, type BotProcess, type LogLine } from '../support/startBotProcess.js';
import { renderDigestPost } from '../../src/discord/render/renderDigest.js';

/** The made-up article that is new since the last run: the digest carries it, and only it. */
const NEW_HEADLINE = `${LIGHTHOUSE_TOPIC} report number ${LIGHTHOUSE_ARTICLES}`;

/**
 * Writes the state an earlier run of newsdesk would have left an hour ago: every article but {@link NEW_ARTICLE}
 * seen (the baseline), and each guild's digest turned on in its own #digest channel. With DIGEST_CRON every minute,
 * the start-up catch-up then finds the current minute's slot due, with one new article to post.
 */
async function writeEarlierState(file: string, guilds: { guildId: string; channelId: string }[]): Promise<void> {
  const store = StateStore.open(file);
  const hourAgo = new Date(Date.now() - 3_600_000);
  const service = new DigestService({
    store,
    library: () => ({ articles: [] }),
    render: renderDigestPost,
    send: () => Promise.reject(new Error('nothing is posted while preparing the state')),
    guildIds: () => [],
    now: () => hourAgo,
    log: createLogger('silent'),
  });
  const seen = [path.basename(SEED_ARTICLE), ...Array.from({ length: LIGHTHOUSE_ARTICLES - 1 }, (_, index) => `lighthouse-${index + 1}.md`)];
  await service.noteArticles(seen);
  for (const { guildId, channelId } of guilds) await service.configure(guildId, { channelId });
  store.close();
}


describe('npm run start:sharded (src/shard.ts) with TOTAL_SHARDS=2, DIGEST_CRON every minute', () => {
  const zero = createDefaultGuild({ id: snowflakeForShard(0, 2), name: 'Shard zero' });
  const one = createDefaultGuild({ id: snowflakeForShard(1, 2), name: 'Shard one' });
  let fake: FakeDiscord;
  let seeds: E2eSeeds;
  let manager: BotProcess;
  let stateDir: string;
  /** Shard id → pid of the process that runs it, from its 'connected to Discord' line. */
  const pidOfShard = new Map<number, number>();

  beforeAll(async () => {
    seeds = await createE2eSeeds({ mentionedUserId: zero.member.id, mentionedRoleId: zero.guild.roles[0]!.id });
    fake = await startFakeDiscord({ token: `e2e-shard-secret-${randomBytes(12).toString('hex')}`, shards: 2, guilds: [zero.guild, one.guild] });
    // Global commands: both guilds see them.
    await deployCommands(loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl }), () => undefined);
    stateDir = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-shards-'));
    const stateFile = path.join(stateDir, 'state.sqlite');
    await writeEarlierState(stateFile, [
      { guildId: zero.guild.id, channelId: zero.digest.id },
      { guildId: one.guild.id, channelId: one.digest.id },
    ]);
    // Shard one's first try at its digest is refused: no permission in the channel.
    fake.setResponse({ method: 'POST', path: `/channels/${one.digest.id}/messages` }, { status: 403, body: { code: 50013, message: 'Missing Permissions' } });
    // The manager starts the shards one after the other (discord.js waits 5.5 s between them): allow for it.
    manager = await startBotProcess({
      fake,
      seedsDir: seeds.dir,
      script: 'src/shard.ts',
      connections: 2,
      readyTimeoutMs: 90_000,
      env: { TOTAL_SHARDS: '2', STATE_FILE: stateFile, DIGEST_CRON: '* * * * *' },
    });
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
    if (stateDir) await rm(stateDir, { recursive: true, force: true });
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
    expect(messageText((await answerOf(fake, interaction, 20_000)).body)).toContain('Homs');
    const answered = await manager.waitForLog((line: LogLine) => line.msg === 'command answered' && line['guild'] === guild.guild.id);
    expect(answered['pid']).toBe(pidOfShard.get(shard));
  });

  it("posts guild zero's due digest at start-up once, from shard 0's process", async () => {
    const posted = await manager.waitForLog((line) => line.msg === 'digest: posted' && line['guildId'] === zero.guild.id, 20_000);
    expect(posted['pid']).toBe(pidOfShard.get(0));
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${zero.digest.id}/messages`);
    expect(posts.filter((post) => messageText(post.body as SentBody).includes(NEW_HEADLINE))).toHaveLength(1);
    // Only the new article: the ones seen an hour ago are not repeated.
    expect(posts.map((post) => messageText(post.body as SentBody)).join('\n')).not.toContain(`${LIGHTHOUSE_TOPIC} report number 1`);
    expect(manager.logs.filter((line) => line.msg === 'digest: posted' && line['guildId'] === zero.guild.id)).toHaveLength(1);
  });

  it("survives a 403 on guild one's digest channel, and /digest now posts that digest once the channel allows it", async () => {
    const refused = await manager.waitForLog((line) => line['guildId'] === one.guild.id && line.msg.startsWith('digest: missing channel or permission'), 20_000);
    expect(refused['pid']).toBe(pidOfShard.get(1));
    const onePath = `/channels/${one.digest.id}/messages`;
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === onePath).map((r) => r.status)).toEqual([403]);

    const now = fake.injectCommand({ name: 'digest', subcommand: 'now', options: { post: true }, guildId: one.guild.id, user: one.admin });
    await callbackOf(fake, now, 20_000);
    const posted = await manager.waitForLog((line) => line.msg === 'digest: posted' && line['guildId'] === one.guild.id, 20_000);
    expect(posted['pid']).toBe(pidOfShard.get(1));
    const delivered = fake.requests.filter((r) => r.method === 'POST' && r.path === onePath && r.status === 200);
    expect(delivered.filter((post) => messageText(post.body as SentBody).includes(NEW_HEADLINE))).toHaveLength(1);
    // Nothing of guild one's went to guild zero's channel, or the reverse.
    const zeroPosts = fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${zero.digest.id}/messages`);
    expect(zeroPosts.filter((post) => messageText(post.body as SentBody).includes(NEW_HEADLINE))).toHaveLength(1);
  });

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
