import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { deployCommands } from '../../src/discord/deployCommands.js';
import { texts } from '../../src/discord/texts.js';
import { StateStore } from '../../src/state/stateStore.js';
import { answerOf, askAnsweredDirectly, callbackOf, REPLY, callbacksOf, messageText, sentMessageBodies, type SentBody } from '../support/discordRequests.js';
import { createE2eSeeds, type E2eSeeds } from '../support/e2eSeeds.js';
import { createDefaultGuild, startFakeDiscord, type FakeDiscord, type InjectedInteraction } from '../support/fakeDiscord/index.js';
import { startBotProcess, type BotProcess } from '../support/startBotProcess.js';
import { startGatewayProxy, type GatewayProxy } from './gatewayProxy.js';

/**
 * The production process (`src/main.ts`) under faults: started on a corrupted state file, its replies failing with
 * 500s, its gateway connection cut. It must report, carry on and keep answering; the token must never show.
 */

const TOKEN = `faults-process-secret-${randomBytes(12).toString('hex')}`;
const setup = createDefaultGuild();
const GARBAGE = `not a database ${'#'.repeat(5000)}\n`;

let fake: FakeDiscord;
let proxy: GatewayProxy;
let seeds: E2eSeeds;
let stateDir: string;
let stateFile: string;
let bot: BotProcess;


const ask = (question: string): Promise<InjectedInteraction> => askAnsweredDirectly(fake, setup.member, question);

beforeAll(async () => {
  seeds = await createE2eSeeds({ mentionedUserId: setup.member.id, mentionedRoleId: setup.guild.roles[0]!.id });
  fake = await startFakeDiscord({ token: TOKEN, guilds: [setup.guild] });
  await deployCommands(loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl }), () => undefined);
  proxy = await startGatewayProxy(fake);
  // A state file a crash (or a disk) left unreadable.
  stateDir = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-faults-state-'));
  stateFile = path.join(stateDir, 'state.sqlite');
  await writeFile(stateFile, GARBAGE);
  bot = await startBotProcess({ fake, seedsDir: seeds.dir, env: { STATE_FILE: stateFile, DIGEST_CHANNEL_ID: setup.digest.id, DIGEST_CRON: '0 8 * * *' } });
}, 90_000);

afterAll(async () => {
  await bot?.kill();
  await proxy?.close();
  await fake?.close();
  await seeds?.remove();
  await rm(stateDir, { recursive: true, force: true });
});

describe('a corrupted state file at start', () => {
  it('is reported at error level, set aside with its content, and replaced by a working one', async () => {
    const reported = await bot.waitForLog((line) => line.level >= 50 && /state file .* is corrupted/u.test(line.msg));
    const aside = readdirSync(stateDir).filter((name) => name.startsWith('state.sqlite.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(reported['movedTo']).toBe(path.join(stateDir, aside[0]!));
    expect(readFileSync(path.join(stateDir, aside[0]!), 'utf8')).toBe(GARBAGE);
    expect(existsSync(stateFile)).toBe(true);
  });

  it('posts nothing at start (no digest re-posted) and keeps the next scheduled digest on', async () => {
    const interaction = fake.injectCommand({ name: 'digest', subcommand: 'status', user: setup.admin });
    const callback = await callbackOf(fake, interaction);
    expect(callback.type).toBe(REPLY);
    const status = messageText(callback.data ?? {});
    expect(status).toContain('State on');
    expect(status).toMatch(/Next run .*08:00 \(UTC\)/u);
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${setup.digest.id}/messages`)).toEqual([]);
  });
});

describe('the running process under Discord faults', () => {
  it('answers a command whose reply fails 4 times with a generic private error, and answers the next one', async () => {
    fake.setResponse({ method: 'POST', path: /\/callback$/u }, { status: 500, body: { message: '500: Internal Server Error', code: 0 }, times: 4 });
    const failing = await ask('Gullhaven lighthouse keeper');
    const apology = await fake.waitForRequest((r) => callbacksOf(fake, failing).includes(r) && r.status < 300);
    expect((apology.body as { data?: SentBody }).data?.content).toBe(texts.internalError);
    await bot.waitForLog('command failed');
    const next = await ask('Gullhaven storm');
    expect(messageText((await answerOf(fake, next)).body)).toContain('Gullhaven');
  });

  it('resumes after its gateway connection drops and answers the next command', async () => {
    const identifies = fake.identifies.length;
    const relayed = proxy.connections();
    proxy.drop();
    const deadline = Date.now() + 20_000;
    while (proxy.connections() === relayed || fake.connectedShards().length !== 1) {
      if (Date.now() > deadline) throw new Error('the bot did not reconnect within 20 s');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const interaction = await ask('Gullhaven beam');
    expect(messageText((await answerOf(fake, interaction)).body)).toContain('Gullhaven');
    expect(fake.identifies.length).toBe(identifies);
  });
});

describe('after the faults', () => {
  it('stops cleanly on SIGTERM (it never crashed), leaving a sound state file', async () => {
    expect(await bot.stop('SIGTERM')).toBe(0);
    const store = StateStore.open(stateFile);
    try {
      expect(store.warnings).toEqual([]);
      expect(store.baselineAt()).not.toBeNull();
    } finally {
      store.close();
    }
  });

  it('never wrote the token, and sent no stack trace or file path to Discord', () => {
    expect(bot.stdout() + bot.stderr()).not.toContain(TOKEN);
    for (const { body } of sentMessageBodies(fake.requests)) {
      const text = JSON.stringify(body);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toMatch(/\n\s+at |\.ts:\d|\/work\/|node_modules|\/tmp\//u);
    }
  });
});
