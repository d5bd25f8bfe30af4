import type { Logger } from 'pino';
import type { SendOptions } from '../delivery/deliverRun.js';
import type { Article } from '../corpus/types.js';
import type { Quote } from '../quotes/types.js';
import type { AnyStateStore } from '../state/asyncStateStore.js';
import type { RunKind } from '../state/types.js';
import type { Digest } from './composeDigest.js';
import type { DigestSettings } from './digestSettings.js';
import type { DigestSelection } from './selectDigestArticles.js';

/** What the digest reads of the coverage: the current articles and, once quotes are indexed, their quotes. */
export interface DigestLibrary {
  articles: readonly Article[];
  quotesOf?(articleId: string): readonly Quote[];
}

/**
 * A digest ready to be shown: the composed data and how it is meant. The renderer (in `src/discord`, passed in by
 * `src/main.ts`) turns it into messages; the core never builds a message itself.
 */
export interface DigestPost {
  /** `digest`: the posted digest; `preview`: `/digest now`; `latest`: nothing new, so the latest articles instead. */
  mode: 'digest' | 'preview' | 'latest';
  digest: Digest;
  /** The guild's zone, for the times shown. */
  timezone: string;
  /** At most this many messages (see `DigestSettings.maxMessages`). */
  maxMessages: number;
}

/** What `DigestService` is built from; `M` is a message as the sender takes it (e.g. a Discord `Reply`). */
export interface DigestServiceDeps<M> {
  /** The state: `openStateBackend`'s (SQLite or PostgreSQL), or a SQLite `StateStore` directly. */
  store: AnyStateStore;
  /** The coverage now (called at each use, so a reload is seen at once). */
  library: () => DigestLibrary;
  /** Defaults from the environment; see `DigestSettings`. */
  settings?: Partial<DigestSettings>;
  /** Turns a digest into its messages, in posting order. */
  render(post: DigestPost): M[];
  /**
   * Posts one message; throws errors carrying `status` (HTTP status, e.g. 403, 404) when Discord refuses.
   * `options.nonce` (at most 25 characters) goes out with `enforce_nonce`, so a repeat returns the earlier message.
   */
  send(channelId: string, message: M, options?: SendOptions): Promise<void>;
  /** The guilds this process serves: with shards, each guild is posted by the process that holds it. */
  guildIds(): string[];
  /** The guild a channel belongs to, if this process knows it; the default channel applies only there. Absent: everywhere. */
  guildOfChannel?(channelId: string): string | null;
  now?: () => Date;
  log: Logger;
}

/** What happened to one guild in a tick. */
export interface GuildOutcome {
  guildId: string;
  outcome: 'inactive' | 'not-due' | 'done' | 'busy' | 'waiting' | 'missed' | 'posted' | 'empty-skipped' | 'failed' | 'claim-lost';
  slot?: string;
  articles?: number;
  error?: string;
}

/** A guild's settings as `/digest set` changes them; absent fields are kept. */
export interface DigestConfigureInput {
  channelId?: string;
  time?: string;
  timezone?: string;
}

/** `/digest status` as data. */
export interface DigestStatus {
  guildId: string;
  enabled: boolean;
  inactiveReason: 'off' | 'no-channel' | null;
  channelId: string | null;
  schedule: string;
  timezone: string;
  /** Whether the guild set its own settings (else it follows the defaults from the environment). */
  custom: boolean;
  /** The next run, an ISO instant (shown in the guild's `timezone`). */
  nextRun: { at: string } | null;
  lastRun: { slot: string; kind: RunKind; status: string; at: string | null; articles: number; error: string | null } | null;
  /** What the next digest would carry if it ran now, and why the other articles are left out. */
  next: { since: string | null; articles: number; excluded: DigestSelection['excluded'] };
}

/** The result of `preview` or `postNow`. */
export interface DigestPreview {
  /** True when nothing arrived since the last digest: `post` then shows the latest articles instead. */
  nothingNew: boolean;
  articles: number;
  /** What to show the person who asked (rendered by the caller). */
  post: DigestPost;
  /** `postNow` only: whether it was posted, and where. */
  posted?: boolean;
  channelId?: string | null;
}
