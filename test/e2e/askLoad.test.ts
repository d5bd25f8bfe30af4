import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { deployCommands } from '../../src/discord/deployCommands.js';
import { driveAskLoad } from '../support/askLoad.js';
import { projectRoot } from '../support/childProcesses.js';
import { createDefaultGuild, startFakeDiscord, type FakeDiscord } from '../support/fakeDiscord/index.js';
import { startBotProcess, type BotProcess } from '../support/startBotProcess.js';

const QUESTIONS = ['What happened in Homs?', 'how many were injured in Bab Amr', 'homs shellng', 'Who is Kofi Annan?', 'refugees crossing into Turkey'];

let fake: FakeDiscord;
let bot: BotProcess;

beforeAll(async () => {
  const setup = createDefaultGuild();
  fake = await startFakeDiscord({ guilds: [setup.guild] });
  await deployCommands(loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl }), () => undefined);
  // The compiled process, as `npm start` runs it; cooldowns off (startBotProcess), so every asker is answered.
  bot = await startBotProcess({ fake, seedsDir: path.join(projectRoot, 'seeds'), compiled: true });
}, 90_000);

afterAll(async () => {
  await bot?.kill();
  await fake?.close();
});

describe('a stream of /ask from many members at once', () => {
  it('answers each of 120 questions at 40 per second exactly once, in the interaction callback, losing none', async () => {
    const figures = await driveAskLoad(fake, { count: 120, perSecond: 40, questions: QUESTIONS });
    expect({ lost: figures.lost, duplicated: figures.duplicated, refused: figures.refused }).toEqual({ lost: 0, duplicated: 0, refused: 0 });
    expect(figures.acknowledged).toBe(120);
    expect(figures.answered).toBe(120);
    // No reload runs and the index is warm: nothing needs a deferral.
    expect(figures.direct).toBe(120);
    expect(bot.logs.filter((line) => line.level >= 50)).toEqual([]);
  });
});
