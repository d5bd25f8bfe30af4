import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../commands/index.js';
import type { AppContext } from '../../src/context.js';
import type { CommandInvocation } from '../../src/discord/invocation.js';
import { PageStore } from '../../src/discord/pageStore.js';
import type { Reply } from '../../src/discord/reply.js';
import { DigestError } from '../../src/digest/DigestError.js';
import { ScheduleError } from '../../src/digest/ScheduleError.js';
import { Router } from '../../src/discord/router.js';
import { texts } from '../../src/discord/texts.js';
import { UserError } from '../../src/discord/userError.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { RateLimiter } from '../../src/rateLimiter.js';
import { buildLibrary, LibraryStore, type Library } from '../../src/library.js';

let library: Library;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-router-'));
  writeFileSync(join(dir, 'a.txt'), 'Headline\n\nOne paragraph of text.\n');
  library = await buildLibrary(dir);
});

function setup(commands: Command[], limiter = new RateLimiter({ userCooldownSeconds: 0, guildPerMinute: 0 })) {
  const logLines: string[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (logLines.push(chunk.toString()), done()) });
  const ctx: AppContext = {
    config: loadConfig({}),
    log: createLogger('debug', sink),
    library: new LibraryStore(library, 'unused'),
    limiter,
    pages: new PageStore(),
    digest: null,
    now: () => new Date(),
  };
  return { router: new Router(commands, ctx), logLines };
}

function invocation(name: string): { invocation: CommandInvocation; replies: Reply[] } {
  const replies: Reply[] = [];
  return {
    replies,
    invocation: {
      commandName: name,
      subcommand: null,
      options: { string: () => null, integer: () => null, boolean: () => null, channel: () => null },
      user: { id: 'u1', name: 'User' },
      guildId: 'g1',
      canManageGuild: false,
      defer: async () => undefined,
      reply: async (reply) => void replies.push(reply),
    },
  };
}

const command = (name: string, execute: Command['execute'], expensive = false): Command => ({ data: { name, toJSON: () => ({ name }) }, execute, expensive });

describe('Router.command', () => {
  it('answers a UserError with its message, ephemerally', async () => {
    const { router } = setup([command('x', async () => { throw new UserError('Say what you want.'); })]);
    const { invocation: call, replies } = invocation('x');
    await router.command(call);
    expect(replies).toEqual([{ content: 'Say what you want.', ephemeral: true, data: { error: 'Say what you want.' } }]);
  });

  it('answers a domain error the user can fix (a bad schedule, a digest without a channel) with its message', async () => {
    const { router } = setup([
      command('when', async () => { throw new ScheduleError('time "25:00" is not a time of day', '25:00'); }),
      command('where', async () => { throw new DigestError('guild g1 has no digest channel', 'g1'); }),
    ]);
    const when = invocation('when');
    await router.command(when.invocation);
    const where = invocation('where');
    await router.command(where.invocation);
    expect([when.replies[0]?.content, where.replies[0]?.content]).toEqual(['time "25:00" is not a time of day', 'guild g1 has no digest channel']);
    expect(where.replies[0]?.ephemeral).toBe(true);
  });

  it('answers any other error generically, with no stack or path, and logs it', async () => {
    const { router, logLines } = setup([command('x', async () => { throw new Error('ENOENT: /secret/path/file.txt'); })]);
    const { invocation: call, replies } = invocation('x');
    await router.command(call);
    expect(replies[0]!.content).toBe(texts.internalError);
    expect(JSON.stringify(replies)).not.toContain('/secret/path');
    expect(logLines.join('')).toContain('ENOENT: /secret/path/file.txt');
  });

  it('refuses an unknown command', async () => {
    const { router } = setup([]);
    const { invocation: call, replies } = invocation('ghost');
    await router.command(call);
    expect(replies[0]).toMatchObject({ content: texts.unknownCommand('ghost'), ephemeral: true });
  });

  it('applies the cooldown to expensive commands only', async () => {
    let runs = 0;
    const limiter = new RateLimiter({ userCooldownSeconds: 60 });
    const { router } = setup([command('cheap', async () => void (runs += 1)), command('dear', async () => void (runs += 1), true)], limiter);
    for (const name of ['dear', 'dear', 'cheap', 'cheap']) await router.command(invocation(name).invocation);
    expect(runs).toBe(3);
    const { invocation: call, replies } = invocation('dear');
    await router.command(call);
    expect(replies[0]!.content).toMatch(/^You are going a bit fast\. Try again <t:\d+:R>\.$/u);
  });

  it('survives an answer that cannot be delivered', async () => {
    const { router, logLines } = setup([command('x', async () => { throw new UserError('nope'); })]);
    const { invocation: call } = invocation('x');
    call.reply = async () => { throw new Error('Unknown interaction'); };
    await expect(router.command(call)).resolves.toBeUndefined();
    expect(logLines.join('')).toContain('could not send the error answer');
  });
});
