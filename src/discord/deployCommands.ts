import { pathToFileURL } from 'node:url';
import dotenv from 'dotenv';
import { REST, Routes } from 'discord.js';
import { commands, registrationBodies } from '../../commands/index.js';
import { ConfigError, loadConfig, type Config } from '../config.js';

/** What {@link deployCommands} registered, and where. */
export interface DeployResult {
  /** How many commands Discord now holds in that scope (the PUT replaces the whole set). */
  count: number;
  /** `'guild'` when `DISCORD_GUILD_ID` was set (instant, for development), else `'global'`. */
  scope: 'guild' | 'global';
  /** The guild registered to; null for global commands. */
  guildId: string | null;
}

/**
 * Registers every command of `commands/index.ts` with Discord, replacing what was registered before: in one guild
 * when `config.discord.guildId` is set, globally otherwise. Writes one line to `log` saying how many and where.
 * Registration is a separate step from start-up, so restarting the bot never touches Discord's command list.
 * @example await deployCommands(loadConfig()) // prints "Registered 3 commands in guild 1250000000000000000." => { count: 3, scope: 'guild', guildId: '1250000000000000000' }
 */
export async function deployCommands(config: Config, log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<DeployResult> {
  const { token, clientId, guildId, apiUrl } = config.discord;
  if (token === null) throw new ConfigError('DISCORD_TOKEN', 'is required to register commands');
  if (clientId === null) throw new ConfigError('DISCORD_CLIENT_ID', 'is required to register commands (the application id from the Developer Portal)');
  const rest = new REST({ version: '10', ...(apiUrl ? { api: apiUrl } : {}) }).setToken(token);
  const body = registrationBodies(config);
  const route = guildId ? Routes.applicationGuildCommands(clientId, guildId) : Routes.applicationCommands(clientId);
  const registered = await rest.put(route, { body });
  const count = Array.isArray(registered) ? registered.length : body.length;
  const names = commands.map((command) => `/${command.data.name}`).join(', ');
  log(guildId ? `Registered ${count} commands in guild ${guildId}: ${names}.` : `Registered ${count} commands globally: ${names}.`);
  return { count, scope: guildId ? 'guild' : 'global', guildId };
}

/** `npm run deploy-commands`: one line on success (stdout) or on failure (stderr, exit 1); never the token. */
async function main(): Promise<number> {
  // quiet: dotenv would otherwise print a banner on stdout.
  dotenv.config({ quiet: true });
  let token: string | null = null;
  try {
    const config = loadConfig(process.env);
    token = config.discord.token;
    await deployCommands(config);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A REST error could in principle echo a request; make sure the secret never reaches a terminal or a CI log.
    const safe = (token ? message.split(token).join('[redacted]') : message).replace(/\s+/gu, ' ').trim();
    const status = (error as { status?: unknown } | null)?.status;
    if (status === 401) {
      process.stderr.write('deploy-commands: Discord refused DISCORD_TOKEN (401 Unauthorized): copy the bot token again from the Developer Portal (Bot, Reset Token) into DISCORD_TOKEN\n');
      return 1;
    }
    if (status === 404) {
      const where = process.env.DISCORD_API_URL
        ? 'check DISCORD_API_URL: it is the REST base without /v10, e.g. http://127.0.0.1:8080/api'
        : 'check DISCORD_CLIENT_ID (the Application ID) and DISCORD_GUILD_ID';
      process.stderr.write(`deploy-commands: Discord answered 404 Not Found (${safe}): ${where}\n`);
      return 1;
    }
    process.stderr.write(`deploy-commands: ${error instanceof ConfigError ? 'configuration error: ' : 'failed: '}${safe}\n`);
    return 1;
  }
}

// Run only as a script (tsx src/discord/deployCommands.ts), not when a test imports deployCommands.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // Exit explicitly: the REST client keeps sockets alive that would hold the process open for a while.
  void main().then((code) => process.exit(code));
}
