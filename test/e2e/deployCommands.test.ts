import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { deployCommands } from '../../src/discord/deployCommands.js';
import { hermeticEnv, runToEnd, type FinishedProcess } from '../support/childProcesses.js';
import { DEFAULT_GUILD_ID, startFakeDiscord, type FakeDiscord, type RecordedRequest } from '../support/fakeDiscord/index.js';

/** What Discord must receive: every command's builder output, as JSON (undefined fields dropped). */
const expectedBody = JSON.parse(JSON.stringify(commands.map((command) => command.data.toJSON()))) as unknown;
const TOKEN = 'deploy-e2e-token-0a1b2c3d4e5f';

/**
 * Runs the deploy script against `fake` with `env` on top of the fake's settings: through `npm run deploy-commands`
 * (proves the package script), or straight with node (the same script without npm's start-up cost).
 */
function runDeploy(how: 'npm' | 'node', fake: FakeDiscord, env: Record<string, string>): Promise<FinishedProcess> {
  const fullEnv = hermeticEnv({ DISCORD_API_URL: fake.apiUrl, DISCORD_CLIENT_ID: fake.applicationId, ...env });
  return how === 'npm'
    ? runToEnd('npm', ['run', '--silent', 'deploy-commands'], fullEnv)
    : runToEnd(process.execPath, ['--import', 'tsx', 'src/discord/deployCommands.ts'], fullEnv);
}

const puts = (fake: FakeDiscord): RecordedRequest[] => fake.requests.filter((r) => r.method === 'PUT');

describe('npm run deploy-commands', () => {
  const fakes: FakeDiscord[] = [];
  let guild: { fake: FakeDiscord; run: FinishedProcess };
  let global: { fake: FakeDiscord; run: FinishedProcess };
  let refused: { fake: FakeDiscord; run: FinishedProcess };
  let wrongUrl: FinishedProcess;

  beforeAll(async () => {
    fakes.push(...(await Promise.all([0, 1, 2, 3].map(() => startFakeDiscord({ token: TOKEN })))));
    const [guildFake, globalFake, refusingFake, wrongFake] = fakes as [FakeDiscord, FakeDiscord, FakeDiscord, FakeDiscord];
    // The three runs are independent: run them side by side to keep the suite short.
    const [guildRun, globalRun, refusedRun, wrongRun] = await Promise.all([
      runDeploy('npm', guildFake, { DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: DEFAULT_GUILD_ID }),
      runDeploy('node', globalFake, { DISCORD_TOKEN: TOKEN }),
      runDeploy('node', refusingFake, { DISCORD_TOKEN: `${TOKEN}-revoked` }),
      runDeploy('node', wrongFake, { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: `${wrongFake.apiUrl}/wrong` }),
    ]);
    wrongUrl = wrongRun;
    guild = { fake: guildFake, run: guildRun };
    global = { fake: globalFake, run: globalRun };
    refused = { fake: refusingFake, run: refusedRun };
    // Three tsx start-ups at once: seconds each, far more on a loaded CI machine.
  }, 90_000);

  afterAll(async () => {
    await Promise.all(fakes.map((fake) => fake.close()));
  });

  it('PUTs every command to the guild route when DISCORD_GUILD_ID is set, and says so in one line', () => {
    expect(guild.run).toMatchObject({ code: 0, stderr: '' });
    expect(guild.run.stdout.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^Registered ${commands.length} commands in guild ${DEFAULT_GUILD_ID}\\b`, 'u'))]);
    const [put, ...others] = puts(guild.fake);
    expect(others).toEqual([]);
    expect(put).toMatchObject({ path: `/applications/${guild.fake.applicationId}/guilds/${DEFAULT_GUILD_ID}/commands`, status: 200 });
    expect(put?.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(put?.body).toEqual(expectedBody);
  });

  it('PUTs every command to the global route when DISCORD_GUILD_ID is unset', () => {
    expect(global.run).toMatchObject({ code: 0, stderr: '' });
    expect(global.run.stdout.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^Registered ${commands.length} commands globally\\b`, 'u'))]);
    const [put, ...others] = puts(global.fake);
    expect(others).toEqual([]);
    expect(put).toMatchObject({ path: `/applications/${global.fake.applicationId}/commands`, status: 200 });
    expect(put?.body).toEqual(expectedBody);
  });

  it('exits 1 with one line on stderr, and never the token, when Discord refuses the token', () => {
    expect(refused.run.code).toBe(1);
    expect(refused.run.stdout).toBe('');
    expect(refused.run.stderr.trim().split('\n')).toEqual([
      'deploy-commands: Discord refused DISCORD_TOKEN (401 Unauthorized): copy the bot token again from the Developer Portal (Bot, Reset Token) into DISCORD_TOKEN',
    ]);
    expect(puts(refused.fake).map((r) => r.status)).toEqual([401]);
    for (const output of [guild.run, global.run, refused.run, wrongUrl]) expect(output.stdout + output.stderr).not.toContain(TOKEN);
  });

  it('points at DISCORD_API_URL when the URL given answers 404', () => {
    expect(wrongUrl.code).toBe(1);
    expect(wrongUrl.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^deploy-commands: Discord answered 404 Not Found \(.*\): check DISCORD_API_URL: it is the REST base without \/v10, e\.g\. http:\/\/127\.0\.0\.1:8080\/api$/u),
    ]);
  });
});

describe('deployCommands', () => {
  let fake: FakeDiscord;

  beforeAll(async () => {
    fake = await startFakeDiscord({ token: TOKEN });
  });

  afterAll(async () => {
    await fake.close();
  });

  it('returns the count and scope and writes one line to log', async () => {
    const lines: string[] = [];
    const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: DEFAULT_GUILD_ID });
    const result = await deployCommands(config, (line) => lines.push(line));
    expect(result).toEqual({ count: commands.length, scope: 'guild', guildId: DEFAULT_GUILD_ID });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(commands.map((command) => `/${command.data.name}`).join(', '));
  });

  it('throws a ConfigError naming DISCORD_CLIENT_ID when it is not set', async () => {
    const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl });
    const failure = deployCommands(config, () => undefined);
    await expect(failure).rejects.toBeInstanceOf(ConfigError);
    await expect(failure).rejects.toThrow('DISCORD_CLIENT_ID: is required to register commands');
  });

  it('throws a ConfigError naming DISCORD_TOKEN when it is not set', async () => {
    const config = loadConfig({ DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl });
    await expect(deployCommands(config, () => undefined)).rejects.toThrow('DISCORD_TOKEN: is required to register commands');
  });
});
