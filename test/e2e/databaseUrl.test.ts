import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/postgres.js';
import { hermeticEnv, runToEnd } from '../support/childProcesses.js';
import { createE2eSeeds, type E2eSeeds } from '../support/e2eSeeds.js';
import { BOT_COMMAND } from '../support/startBotProcess.js';

/** newsdesk (`npm start`) with a DATABASE_URL it cannot use stops at start with one line naming the variable. */
let seeds: E2eSeeds;


beforeAll(async () => {
  seeds = await createE2eSeeds({ mentionedUserId: '1250000000000000102', mentionedRoleId: '1250000000000000011' });
});
afterAll(async () => {
  await seeds?.remove();
});

describe('npm start with a DATABASE_URL it cannot use', () => {
  it.each([
    ['malformed', async () => 'mysql://newsdesk:hunter2@127.0.0.1/newsdesk', /^newsdesk: configuration error: DATABASE_URL: must be a PostgreSQL URL/u],
    ['unreachable', async () => `postgres://newsdesk:hunter2@127.0.0.1:${await freePort()}/newsdesk`, /^newsdesk: DATABASE_URL: cannot connect to PostgreSQL at 127\.0\.0\.1:\d+\/newsdesk: .*ECONNREFUSED/u],
  ])('stops when it is %s, in one line naming DATABASE_URL and never its password', async (_kind, url, message) => {
    const result = await runToEnd(BOT_COMMAND.command, [...BOT_COMMAND.args, 'src/main.ts'], hermeticEnv({ SEEDS_DIR: seeds.dir, INDEX_CACHE_DIR: 'off', DATABASE_URL: await url() }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr + result.stdout).not.toContain('hunter2');
  });
});
