import { Writable } from 'node:stream';
import type { Command } from '../../commands/index.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import type { CommandInvocation } from '../../src/discord/invocation.js';
import { PageStore } from '../../src/discord/pageStore.js';
import type { Reply } from '../../src/discord/reply.js';
import type { LibraryStore } from '../../src/library.js';
import { createLogger } from '../../src/log.js';
import { RateLimiter } from '../../src/rateLimiter.js';

/** What a command handler sees in tests: default configuration, a silent log, no cooldowns, no digest, a fixed clock. */
export function commandContext(library: LibraryStore): AppContext {
  return {
    config: loadConfig({}),
    log: createLogger('silent', new Writable({ write: (_chunk: Buffer, _encoding, done) => done() })),
    library,
    limiter: new RateLimiter({ userCooldownSeconds: 0, guildPerMinute: 0 }),
    pages: new PageStore(),
    digest: null,
    now: () => new Date('2024-01-01T00:00:00Z'),
  };
}

/** An invocation of `command` by one member of one guild, with string options only, as the router hands it over. */
export function invocationOf(
  command: Command,
  values: Record<string, string>,
  hooks: { reply: (reply: Reply) => Promise<void>; defer?: () => Promise<void>; patient?: boolean },
): CommandInvocation {
  return {
    commandName: command.data.name,
    subcommand: null,
    options: { string: (name) => values[name] ?? null, integer: () => null, boolean: () => null, channel: () => null },
    user: { id: 'u1', name: 'User' },
    guildId: 'g1',
    canManageGuild: false,
    ...(hooks.patient === undefined ? {} : { patient: hooks.patient }),
    defer: hooks.defer ?? (async () => undefined),
    reply: hooks.reply,
  };
}
