import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import type { Article } from '../../src/corpus/types.js';
import { DigestService, type DigestLibrary } from '../../src/digest/digestService.js';
import type { DigestSettings } from '../../src/digest/digestSettings.js';
import type { Reply } from '../../src/discord/reply.js';
import { StateStore } from '../../src/state/stateStore.js';
import { renderDigestPost } from '../../src/discord/render/renderDigest.js';

/** A Discord-like refusal: carries `status` as discord.js's DiscordAPIError does. */
export class FakeDiscordError extends Error {
  override name = 'FakeDiscordError';
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** One posted message. */
export interface Sent {
  channelId: string;
  reply: Reply;
  at: string;
}

/**
 * The world a DigestService runs in during a test: a state file in a tmp folder, a controlled clock, a library
 * the test changes, a channel sink that records what was posted and can be told to refuse.
 */
export class Harness {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-digest-'));
  readonly file = path.join(this.dir, 'state.db');
  clock: Date;
  articles: Article[] = [];
  guilds: string[] = ['g1'];
  readonly sent: Sent[] = [];
  readonly logs: Record<string, unknown>[] = [];
  /** Channel id → HTTP status its sends fail with. */
  readonly refusing = new Map<string, number>();
  /** Fail the n-th send from now (1-based) once, like a Discord 500 in the middle of a digest. */
  failSendNumber: number | null = null;
  private sends = 0;
  private readonly stores: StateStore[] = [];
  readonly log = pino({ level: 'info' }, { write: (line: string) => void this.logs.push(JSON.parse(line) as Record<string, unknown>) });

  constructor(start: string) {
    this.clock = new Date(start);
  }

  /** A new service on the state file, as after a restart (or in another shard process). */
  service(settings: Partial<DigestSettings> = {}, extra: { guildOfChannel?: (id: string) => string | null; send?: (channelId: string, reply: Reply) => Promise<void>; library?: () => DigestLibrary } = {}): DigestService {
    const store = StateStore.open(this.file);
    this.stores.push(store);
    const library = extra.library ?? ((): DigestLibrary => ({ articles: this.articles }));
    return new DigestService({
      store,
      library,
      settings: { channelId: 'c1', ...settings },
      render: renderDigestPost,
      send: extra.send ?? ((channelId, reply) => this.send(channelId, reply)),
      guildIds: () => this.guilds,
      now: () => this.clock,
      log: this.log,
      ...(extra.guildOfChannel ? { guildOfChannel: extra.guildOfChannel } : {}),
    });
  }

  async send(channelId: string, reply: Reply): Promise<void> {
    this.sends += 1;
    const status = this.refusing.get(channelId);
    if (status !== undefined) throw new FakeDiscordError(status, status === 403 ? 'Missing Permissions' : 'Unknown Channel');
    if (this.failSendNumber !== null && this.sends === this.failSendNumber) {
      this.failSendNumber = null;
      throw new FakeDiscordError(500, 'Internal Server Error');
    }
    this.sent.push({ channelId, reply, at: this.clock.toISOString() });
  }

  at(iso: string): this {
    this.clock = new Date(iso);
    return this;
  }

  /** The article ids listed by the sent messages, in order. */
  sentIds(): string[] {
    return this.sent.flatMap((entry) => ((entry.reply.data?.digest as { articleIds?: string[] } | undefined)?.articleIds ?? []));
  }

  close(): void {
    for (const store of this.stores) store.close();
  }
}
