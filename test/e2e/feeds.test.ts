import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { deployCommands } from '../../src/discord/deployCommands.js';
import { callbackOf, messageText, originalEditOf, sentMessageBodies, type SentBody, channelPosts } from '../support/discordRequests.js';
import { createE2eSeeds, type E2eSeeds } from '../support/e2eSeeds.js';
import { createDefaultGuild, startFakeDiscord, type FakeDiscord, type RecordedRequest } from '../support/fakeDiscord/index.js';
import { startBotProcess, type BotProcess } from '../support/startBotProcess.js';
import { serveFerryFeed, startFeedServer, type FeedServer } from '../feeds/feedServer.js';

/**
 * Feeds in, alerts out, through the real start-up path (src/main.ts in a child process) against the fake Discord
 * and a feed server on 127.0.0.1: a feed item becomes a file, /ask finds a sentence only the full page holds,
 * /follow posts it once, the next digest carries it once, and a restart posts nothing again.
 */

const HEADLINE = 'Ferry service resumes after storm damage';
/** Only the article's page holds this sentence; the feed's description does not. */
const ONLY_ON_PAGE = 'Harbourmaster Ilse Varnholt said the new pontoon at Inchmore would carry forty cars at a time.';

const setup = createDefaultGuild();
let fake: FakeDiscord;
let feeds: FeedServer;
let seeds: E2eSeeds;
let work: string;
let bot: BotProcess | null = null;

const textOf = (requests: RecordedRequest[]) => sentMessageBodies(requests).map(({ body }) => messageText(body)).join('\n');
const count = (text: string, needle: string) => text.split(needle).length - 1;

async function start(): Promise<BotProcess> {
  return startBotProcess({
    fake,
    seedsDir: seeds.dir,
    env: {
      STATE_FILE: path.join(work, 'state.sqlite'),
      FEEDS_FILE: path.join(work, 'feeds.yaml'),
      FEEDS_ALLOW_PRIVATE: 'true',
      DIGEST_CHANNEL_ID: setup.digest.id,
      INDEX_CACHE_DIR: 'off',
    },
  });
}

async function command(name: string, subcommand: string | null, options: Record<string, string | boolean> = {}): Promise<string> {
  const interaction = fake.injectCommand({ name, ...(subcommand ? { subcommand } : {}), options, user: setup.admin });
  const callback = await callbackOf(fake, interaction, 30_000);
  if (callback.data?.content !== undefined || callback.data?.embeds !== undefined) return messageText(callback.data as SentBody);
  return messageText((await originalEditOf(fake, interaction, 30_000)).body as SentBody);
}

beforeAll(async () => {
  feeds = await startFeedServer();
  serveFerryFeed(feeds, { headline: HEADLINE, guid: 'hg-e2e-1', pageSentence: ONLY_ON_PAGE });
  seeds = await createE2eSeeds({ mentionedUserId: setup.member.id, mentionedRoleId: setup.guild.roles[0]!.id });
  work = mkdtempSync(path.join(os.tmpdir(), 'newsdesk-feeds-e2e-'));
  writeFileSync(path.join(work, 'feeds.yaml'), `- url: ${feeds.origin}/rss\n  name: Harbour Gazette\n`);
  fake = await startFakeDiscord({ guilds: [setup.guild] });
  const config = loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: setup.guild.id, DISCORD_API_URL: fake.apiUrl });
  await deployCommands(config, () => undefined);
  bot = await start();
}, 120_000);

afterAll(async () => {
  await bot?.kill();
  await fake?.close();
  await feeds?.close();
  await seeds?.remove();
  rmSync(work, { recursive: true, force: true });
});

describe('live coverage end to end', () => {
  it('follows a topic, polls the feed into a file, posts the alert once, answers /ask from the full page, and the digest carries it once', async () => {
    expect(await command('follow', 'add', { topic: 'ferry', channel: setup.general.id })).toContain('Following ferry');
    const before = fake.requests.length;
    expect(await command('feeds', 'poll')).toContain('Polled 1 feed. • ok');
    const folder = path.join(seeds.dir, 'feeds', 'harbour-gazette');
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual(['2026-11-30-ferry-service-resumes-after-storm-damage.md']);

    // The alert follows the re-index the poll starts.
    await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${setup.general.id}/messages`, 30_000);
    const alerts = channelPosts(fake, setup.general.id, before);
    expect(alerts).toHaveLength(1);
    expect(textOf(alerts)).toContain(`New on ferry: ${HEADLINE}`);

    // Only the page has the harbourmaster's name: /ask finds it in the file written from the full text.
    expect(await command('ask', null, { question: 'what did Ilse Varnholt say about the pontoon' })).toContain('Harbourmaster Ilse Varnholt said the new pontoon at Inchmore');

    const digestBefore = fake.requests.length;
    await command('digest', 'now', { post: true });
    const digest = textOf(channelPosts(fake, setup.digest.id, digestBefore));
    // Once: one article in the digest (its headline shows again only as the link of its quote).
    expect(digest).toContain('1 new article since');
    expect(count(digest, `${HEADLINE} Paragraph 1 of the report`)).toBe(1);
    expect(digest).toContain('Harbourmaster Ilse Varnholt: “the new pontoon at Inchmore would carry forty cars at a time”');
  }, 120_000);

  it('posts nothing again after a restart, and a second poll finds nothing new', async () => {
    expect(await bot!.stop('SIGTERM')).toBe(0);
    const before = fake.requests.length;
    bot = await start();
    expect(await command('feeds', 'poll')).toContain('0 new, 0 updated, 1 unchanged');
    // Give a wrongly re-announced article time to be posted before checking none was.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(channelPosts(fake, setup.general.id, before)).toEqual([]);
    expect(channelPosts(fake, setup.digest.id, before)).toEqual([]);
    expect(await command('follow', 'list')).toContain('#1 ferry in');
  }, 120_000);

  it('announces an article an operator copies into the seeds folder, once, when it enters the coverage', async () => {
    const before = fake.requests.length;
    const headline = 'Second ferry ordered for the Inchmore crossing';
    writeFileSync(path.join(seeds.dir, 'operator-ferry.md'), `---\ntitle: "${headline}"\ndate: 2026-11-30\n---\n\nThe council ordered a second ferry for the Inchmore crossing on Monday.\n`);
    expect(await command('reload', null)).toMatch(/^Reloaded \d+ articles/u);
    // waitForRequest would also see the earlier alert: wait for a post made after `before`.
    for (let waited = 0; channelPosts(fake, setup.general.id, before).length === 0 && waited < 30_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(textOf(channelPosts(fake, setup.general.id, before))).toContain(`New on ferry: ${headline}`);
    // A second reload adds nothing new: nothing is posted again.
    const after = fake.requests.length;
    await command('reload', null);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(channelPosts(fake, setup.general.id, after)).toEqual([]);
  }, 120_000);
});
