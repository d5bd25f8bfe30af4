/**
 * Child process of `npm run bench`: the real bot process (compiled, as `npm start` runs it) logged in to a fake
 * Discord on 127.0.0.1, serving the BBC corpus (2,225 articles), under a stream of `/ask` from distinct members with
 * cooldowns off. Once the cold start's work after ready is done (the index written), and before the measured run,
 * 100 questions at 20 per second warm the process up, as a bot that has been running a while is (the JIT has compiled
 * the hot paths; lazily built lookup tables exist): without it, the first second of 100 per second measures
 * compilation. Prints one JSON line of {@link LoadRunFigures}.
 *   node --import tsx bench/loadRun.ts [--count 1000] [--rate 100]
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { deployCommands } from '../src/discord/deployCommands.js';
import { driveAskLoad, type AskLoadFigures } from '../test/support/askLoad.js';
import { createDefaultGuild, startFakeDiscord } from '../test/support/fakeDiscord/index.js';
import { startBotProcess } from '../test/support/startBotProcess.js';
import { projectRoot, sharedCorpora } from './corpus.js';
import { ASK_QUESTIONS, WARM_UP } from './questions.js';
import { percentile } from './stats.js';

/** What one load run reports: the counts of {@link AskLoadFigures} and their latency percentiles. */
export interface LoadRunFigures extends Pick<AskLoadFigures, 'sent' | 'acknowledged' | 'answered' | 'direct' | 'lost' | 'duplicated' | 'refused'> {
  corpus: string;
  count: number;
  perSecond: number;
  ackP50: number;
  ackP95: number;
  answerP50: number;
  answerP95: number;
  answerMax: number;
  /** From the first injection to the last answer. */
  wallMs: number;
  /** Inside the bot: the router's time per command, from its 'command answered' log lines. */
  handlerP50: number;
  handlerP95: number;
}

const { values } = parseArgs({ options: { count: { type: 'string', default: '1000' }, rate: { type: 'string', default: '100' } } });
const count = Number(values.count);
const perSecond = Number(values.rate);
const bbc = path.join(sharedCorpora, 'bbc-news-2005');
const seedsDir = existsSync(bbc) ? bbc : path.join(projectRoot, 'seeds');

const setup = createDefaultGuild();
const fake = await startFakeDiscord({ guilds: [setup.guild] });
const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-load-'));
try {
  await deployCommands(loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl }), () => undefined);
  // info logs (one line per command) are part of the real process's work; keep them, as in production.
  const bot = await startBotProcess({ fake, seedsDir, compiled: true, readyTimeoutMs: 180_000, env: { INDEX_CACHE_DIR: cacheDir } });
  try {
    // A cold start goes on after ready: the quotations arrive and are indexed, then the index is written. That is the
    // start's cost (the start section measures its stalls), not the steady state measured here: wait for its end.
    await bot.waitForLog('persisted the index', 180_000);
    const warmUp = await driveAskLoad(fake, { count: 100, perSecond: 20, questions: WARM_UP, firstUserId: 1_290_000_000_000_000_000n });
    if (warmUp.lost > 0) throw new Error(`${warmUp.lost} of the 100 warm-up questions got no answer`);
    const warmed = bot.logs.length;
    const handlerMs = () => bot.logs.slice(warmed).filter((line) => line.msg === 'command answered').map((line) => Number(line['ms']));
    const load = await driveAskLoad(fake, { count, perSecond, questions: ASK_QUESTIONS, settleMs: 60_000 });
    const figures: LoadRunFigures = {
      corpus: seedsDir === bbc ? 'BBC News 2005' : 'seeds/',
      count,
      perSecond,
      sent: load.sent,
      acknowledged: load.acknowledged,
      answered: load.answered,
      direct: load.direct,
      lost: load.lost,
      duplicated: load.duplicated,
      refused: load.refused,
      ackP50: percentile(load.ackMs, 50),
      ackP95: percentile(load.ackMs, 95),
      answerP50: percentile(load.answerMs, 50),
      answerP95: percentile(load.answerMs, 95),
      answerMax: Math.max(...load.answerMs),
      wallMs: load.wallMs,
      handlerP50: percentile(handlerMs(), 50),
      handlerP95: percentile(handlerMs(), 95),
    };
    // A lost interaction must be explained: what the fake saw of it and what the bot logged for its user.
    for (const lost of load.lostDetails) {
      const logged = bot.logs.filter((line) => line['user'] === lost.userId || line.level >= 40);
      process.stderr.write(`lost interaction ${lost.id}: ${JSON.stringify(lost.requests)}; bot logged ${JSON.stringify(logged.slice(0, 20))}\n`);
    }
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await bot.kill();
  }
} finally {
  await fake.close();
  await rm(cacheDir, { recursive: true, force: true });
}
