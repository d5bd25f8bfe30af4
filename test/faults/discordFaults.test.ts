import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuildBasedChannel } from 'discord.js';
import type { Article } from '../../src/corpus/types.js';
import { DigestService } from '../../src/digest/index.js';
import { texts } from '../../src/discord/texts.js';
import { buildLibrary, type Library } from '../../src/library.js';
import { StateStore } from '../../src/state/stateStore.js';
import { makeArticle } from '../digest/makeArticle.js';
import { askDeferred, callbacksOf, messageText, originalEditOf, sentMessageBodies, type SentBody } from '../support/discordRequests.js';
import { createE2eSeeds, type E2eSeeds } from '../support/e2eSeeds.js';
import { createDefaultGuild, startFakeDiscord, type FakeDiscord, type InjectedInteraction, type RecordedRequest } from '../support/fakeDiscord/index.js';
import { startBotInProcess, type InProcessBot } from '../support/startBotInProcess.js';
import { startGatewayProxy, type GatewayProxy } from './gatewayProxy.js';
import { renderDigestPost } from '../../src/discord/render/renderDigest.js';

/**
 * Discord failing under the real discord.js client, in this process so the digest runs on a clock the test moves:
 * 5xx (which @discordjs/rest retries 3 times), 429 with retry_after, and the gateway connection cut.
 */

const TOKEN = `faults-secret-${randomBytes(12).toString('hex')}`;
const setup = createDefaultGuild();
const EPHEMERAL = 64;
/** 4 attempts in all: @discordjs/rest retries a 5xx 3 times (its `retries` option) before it gives up. */
const ATTEMPTS = 4;

let clock = new Date('2026-07-01T06:00:00.000Z');
const at = (iso: string) => {
  clock = new Date(iso);
};

let seeds: E2eSeeds;
let library: Library;
let stateDir: string;
let store: StateStore;
let fake: FakeDiscord;
let proxy: GatewayProxy;
let running: InProcessBot;
let service: DigestService;
/** What the digest sees as the coverage: the test adds articles as days go by. */
let coverage: Article[] = [];

const digestPath = `/channels/${setup.digest.id}/messages`;
const digestPosts = (from: number): RecordedRequest[] => fake.requests.slice(from).filter((r) => r.method === 'POST' && r.path === digestPath);
const edits = (interaction: InjectedInteraction): RecordedRequest[] =>
  fake.requests.filter((r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.applicationId}/${interaction.token}/messages/@original`);
const serverError = { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
const rateLimited = { status: 429, body: { message: 'You are being rate limited.', retry_after: 0.05, global: false }, headers: { 'retry-after': '0.05', 'x-ratelimit-scope': 'user' } };

/** Made-up articles for day `day`, in `sections` sections (many sections: a digest of several messages). */
function arrivals(day: string, count: number, sections = 1): Article[] {
  return Array.from({ length: count }, (_, index) =>
    makeArticle(`${day}/story-${index}.md`, { headline: `Tide report ${day} item ${String(index).padStart(3, '0')}`, section: `Desk ${index % sections}`, date: day }),
  );
}

/** Moves the clock to 07:00 of `day`, lets `articles` arrive (recorded as new), then to just past the 08:00 slot. */
async function dayWith(day: string, articles: Article[]): Promise<void> {
  at(`${day}T07:00:00.000Z`);
  coverage = [...coverage, ...articles];
  await service.runDue();
  at(`${day}T08:00:30.000Z`);
}

/** Each article's headline appears in exactly one successfully posted digest message. */
function expectPostedOnce(posts: RecordedRequest[], articles: Article[]): void {
  const delivered = posts.filter((post) => post.status === 200).map((post) => messageText(post.body as SentBody));
  for (const article of articles) {
    expect({ headline: article.headline, messages: delivered.filter((text) => text.includes(article.headline)).length }).toEqual({ headline: article.headline, messages: 1 });
  }
}

const ask = (question: string): Promise<InjectedInteraction> => askDeferred(fake, setup.member, question);

beforeAll(async () => {
  seeds = await createE2eSeeds({ mentionedUserId: setup.member.id, mentionedRoleId: setup.guild.roles[0]!.id });
  library = await buildLibrary(seeds.dir);
  stateDir = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-faults-'));
  fake = await startFakeDiscord({ token: TOKEN, guilds: [setup.guild] });
  proxy = await startGatewayProxy(fake);
  running = await startBotInProcess({ fake, library, seedsDir: seeds.dir, now: () => clock });
  store = StateStore.open(path.join(stateDir, 'state.sqlite'));
  service = new DigestService({
    store,
    library: () => ({ articles: coverage }),
    settings: { channelId: setup.digest.id, cron: '0 8 * * *', timezone: 'UTC' },
    render: renderDigestPost,
    send: (channelId, reply) => running.bot.send(channelId, reply),
    guildIds: () => running.bot.guildIds(),
    guildOfChannel: (channelId) => (running.bot.client.channels.cache.get(channelId) as GuildBasedChannel | undefined)?.guildId ?? null,
    now: () => clock,
    log: running.ctx.log,
  });
  // First start: nothing there yet is the baseline.
  await service.runDue();
}, 60_000);

afterAll(async () => {
  await running?.stop();
  await proxy?.close();
  await fake?.close();
  store?.close();
  await rm(stateDir, { recursive: true, force: true });
  await seeds?.remove();
});

describe('the interaction reply (PATCH …/messages/@original) failing', () => {
  it('is retried by the client after two 500s: the answer arrives once, no error logged', async () => {
    fake.setResponse({ method: 'PATCH', path: /\/messages\/@original$/u }, { ...serverError, times: 2 });
    const interaction = await ask('Gullhaven lighthouse keeper');
    await fake.waitForRequest((r) => edits(interaction).includes(r) && r.status === 200);
    expect(edits(interaction).map((r) => r.status)).toEqual([500, 500, 200]);
    expect(messageText(edits(interaction)[2]!.body as SentBody)).toContain('Gullhaven');
    expect(callbacksOf(fake, interaction)).toHaveLength(1);
    expect(running.logs.filter((line) => line.level >= 50)).toEqual([]);
  });

  it('is waited for after a 429 with retry_after, then answered once', async () => {
    fake.setResponse({ method: 'PATCH', path: /\/messages\/@original$/u }, rateLimited);
    const interaction = await ask('Gullhaven storm season');
    await fake.waitForRequest((r) => edits(interaction).includes(r) && r.status === 200);
    expect(edits(interaction).map((r) => r.status)).toEqual([429, 200]);
    expect(running.logs.filter((line) => line.level >= 50)).toEqual([]);
  });

  it('gives up after 4 attempts, tells the asker generically and privately, and the bot answers the next command', async () => {
    fake.setResponse({ method: 'PATCH', path: /\/messages\/@original$/u }, { ...serverError, times: ATTEMPTS });
    const interaction = await ask('Gullhaven beam across the bay');
    // The router's error boundary: logged, then a private "something went wrong" in place of the lost answer.
    const followUp = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${fake.applicationId}/${interaction.token}`);
    expect(edits(interaction).map((r) => r.status)).toEqual([500, 500, 500, 500]);
    expect(followUp.body).toMatchObject({ content: texts.internalError, flags: EPHEMERAL });
    expect(running.logs.filter((line) => line.msg === 'command failed')).toHaveLength(1);

    const next = await ask('Gullhaven lighthouse');
    expect((await originalEditOf(fake, next)).status).toBe(200);
  });
});

describe('the digest post (POST /channels/:id/messages) failing', () => {
  it('is posted exactly once when the client retries past two 500s', async () => {
    const articles = arrivals('2026-07-02', 3);
    await dayWith('2026-07-02', articles);
    const from = fake.requests.length;
    fake.setResponse({ method: 'POST', path: digestPath }, { ...serverError, times: 2 });
    expect(await service.runDue()).toEqual([expect.objectContaining({ outcome: 'posted', articles: 3 })]);
    expect(digestPosts(from).map((r) => r.status)).toEqual([500, 500, 200]);
    expectPostedOnce(digestPosts(from), articles);

    at('2026-07-02T08:30:00.000Z');
    expect(await service.runDue()).toEqual([expect.objectContaining({ outcome: 'done' })]);
    expect(digestPosts(from)).toHaveLength(3);
  });

  it('is posted once after a 429 with retry_after, in the same run', async () => {
    const articles = arrivals('2026-07-03', 2);
    await dayWith('2026-07-03', articles);
    const from = fake.requests.length;
    fake.setResponse({ method: 'POST', path: digestPath }, rateLimited);
    expect(await service.runDue()).toEqual([expect.objectContaining({ outcome: 'posted', articles: 2 })]);
    expect(digestPosts(from).map((r) => r.status)).toEqual([429, 200]);
    expectPostedOnce(digestPosts(from), articles);
  });

  it('is not marked done when every attempt fails, and is posted once at the first tick after the retry time', async () => {
    const articles = arrivals('2026-07-04', 2);
    await dayWith('2026-07-04', articles);
    const from = fake.requests.length;
    fake.setResponse({ method: 'POST', path: digestPath }, { ...serverError, times: ATTEMPTS });
    expect(await service.runDue()).toEqual([expect.objectContaining({ outcome: 'failed', error: expect.stringContaining('500') })]);
    expect(service.status(setup.guild.id).lastRun).toMatchObject({ status: 'failed', slot: '2026-07-04T08:00:00.000Z' });
    expect(running.logs.some((line) => line.msg.startsWith('digest: Discord error; retrying'))).toBe(true);

    // Ticks before the retry time send nothing; the first one after it posts the same digest.
    at('2026-07-04T08:05:00.000Z');
    await service.runDue();
    expect(digestPosts(from)).toHaveLength(ATTEMPTS);
    at('2026-07-04T08:11:00.000Z');
    expect(await service.runDue()).toEqual([expect.objectContaining({ outcome: 'posted', articles: 2 })]);
    expect(digestPosts(from).map((r) => r.status)).toEqual([500, 500, 500, 500, 200]);
    expectPostedOnce(digestPosts(from), articles);
    expect(service.status(setup.guild.id).lastRun).toMatchObject({ status: 'ok', slot: '2026-07-04T08:00:00.000Z' });

    // The next day's digest carries only the next day's articles.
    const tomorrow = arrivals('2026-07-05', 1);
    await dayWith('2026-07-05', tomorrow);
    const next = fake.requests.length;
    expect(await service.runDue()).toEqual([expect.objectContaining({ outcome: 'posted', articles: 1 })]);
    expectPostedOnce(digestPosts(next), tomorrow);
    expect(digestPosts(next).some((post) => messageText(post.body as SentBody).includes(articles[0]!.headline))).toBe(false);
  });

  it('resumes a digest of several messages at the message that failed, never sending one twice', async () => {
    // 120 articles in 12 sections: more than one message (10 embeds and 6,000 characters each at most).
    const articles = arrivals('2026-07-06', 120, 12);
    await dayWith('2026-07-06', articles);
    const from = fake.requests.length;
    let seen = 0;
    // The second message fails on every attempt; the first has gone out.
    fake.setResponse((r) => r.method === 'POST' && r.path === digestPath && ++seen >= 2, { ...serverError, times: ATTEMPTS });
    expect(await service.runDue()).toEqual([expect.objectContaining({ outcome: 'failed' })]);
    expect(digestPosts(from).map((r) => r.status)).toEqual([200, 500, 500, 500, 500]);

    at('2026-07-06T08:11:00.000Z');
    const outcome = await service.runDue();
    expect(outcome).toEqual([expect.objectContaining({ outcome: 'posted' })]);
    const delivered = digestPosts(from).filter((post) => post.status === 200);
    expect(delivered.length).toBeGreaterThan(2);
    // No message content twice, and the articles the digest shows appear once each.
    const texts = delivered.map((post) => messageText(post.body as SentBody));
    expect(new Set(texts).size).toBe(texts.length);
    const shown = articles.filter((article) => texts.some((text) => text.includes(article.headline)));
    expect(shown.length).toBeGreaterThan(0);
    for (const article of shown) expect(texts.filter((text) => text.includes(article.headline))).toHaveLength(1);
  });
});

describe('a state file found corrupted at start', () => {
  it('is reported and set aside; the fresh state re-posts nothing already there and posts the next slot', async () => {
    const file = path.join(stateDir, 'corrupted.sqlite');
    await writeFile(file, `not a database ${'#'.repeat(5000)}`);
    at('2026-07-10T06:00:00.000Z');
    const fresh = StateStore.open(file);
    const logs = running.logs.length;
    const restarted = new DigestService({
      store: fresh,
      library: () => ({ articles: coverage }),
      settings: { channelId: setup.digest.id, cron: '0 8 * * *', timezone: 'UTC' },
      render: renderDigestPost,
      send: (channelId, reply) => running.bot.send(channelId, reply),
      guildIds: () => running.bot.guildIds(),
      now: () => clock,
      log: running.ctx.log,
    });
    try {
      expect(running.logs.slice(logs).filter((line) => line.level >= 50 && /is corrupted/u.test(line.msg))).toHaveLength(1);
      expect(fresh.warnings[0]?.movedTo).toMatch(/corrupted\.sqlite\.corrupt-/u);
      const from = fake.requests.length;
      // The start-up catch-up: everything in the coverage now is the baseline, never re-posted.
      await restarted.catchUp();
      expect(digestPosts(from)).toEqual([]);
      // The next slot is not skipped: it carries what arrived since.
      const articles = arrivals('2026-07-10', 2);
      at('2026-07-10T07:00:00.000Z');
      coverage = [...coverage, ...articles];
      await restarted.runDue();
      at('2026-07-10T08:00:30.000Z');
      expect(await restarted.runDue()).toEqual([expect.objectContaining({ outcome: 'posted', articles: 2 })]);
      expectPostedOnce(digestPosts(from), articles);
      expect(digestPosts(from).some((post) => messageText(post.body as SentBody).includes('2026-07-06'))).toBe(false);
    } finally {
      fresh.close();
    }
  });
});

describe('the gateway connection cut', () => {
  const waitFor = async (check: () => boolean, what: string) => {
    const deadline = Date.now() + 15_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it.each([
    ['dropped without a close frame (network failure)', () => proxy.drop()],
    ['closed by Discord with 4000 (unknown error, resumable)', () => proxy.closeWith(4000)],
  ])('%s: the client resumes its session and answers the next command', async (_case, cut) => {
    const identifies = fake.identifies.length;
    const relayed = proxy.connections();
    const cuts = running.logs.length;
    cut();
    // The old connection is gone and the client is back: the fake sees one identified shard again.
    await waitFor(() => running.logs.slice(cuts).some((line) => line.msg === 'gateway reconnecting' || line.msg === 'gateway disconnected'), 'the client to notice');
    await waitFor(() => fake.connectedShards().length === 1, 'the client to come back');
    const interaction = await ask('Gullhaven lighthouse keeper');
    expect((await originalEditOf(fake, interaction)).status).toBe(200);
    // Resumed (RESUME on the same session, through the relay again), not a fresh IDENTIFY.
    expect(fake.identifies.length).toBe(identifies);
    expect(proxy.connections()).toBe(relayed + 1);
  });

  it('answers the next command after Discord asks for a reconnect (op 7)', async () => {
    const identifies = fake.identifies.length;
    const relayed = proxy.connections();
    fake.requestReconnect(0);
    await waitFor(() => proxy.connections() === relayed + 1 && fake.connectedShards().length === 1, 'the client to come back');
    const interaction = await ask('Gullhaven storm');
    expect((await originalEditOf(fake, interaction)).status).toBe(200);
    expect(fake.identifies.length).toBe(identifies);
  });
});

describe('over every fault above', () => {
  it('never logged the token nor sent it, and no reply carried a stack trace or a file path', () => {
    const logged = JSON.stringify(running.logs);
    expect(logged).not.toContain(TOKEN);
    for (const { body } of sentMessageBodies(fake.requests)) {
      const text = JSON.stringify(body);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toMatch(/\n\s+at |\.ts:\d|\/work\/|node_modules|\/tmp\//u);
    }
    expect(proxy.connections()).toBeGreaterThan(0);
  });

  // Found by this suite (interaction tokens in the log, fixed by scrubError in src/log.ts): the router logs the discord.js error; its
  // `url` is /webhooks/<app>/<interaction token>/messages/@original and its `requestBody` the message. An interaction
  // token lets anyone edit or follow up the bot's reply for 15 minutes; log readers should not get it.
  it('never logged an interaction token', () => {
    expect(JSON.stringify(running.logs)).not.toContain('fake-interaction-token-');
  });
});
