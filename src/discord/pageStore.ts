import { randomBytes } from 'node:crypto';
import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import type { Reply } from './reply.js';

/** Options of a {@link PageStore}. */
export interface PageStoreOptions {
  /**
   * How long the "More"/"Back" buttons keep working after the results were shown.
   * @default 600_000 (10 minutes)
   */
  ttlMs?: number;
  /**
   * How many result sets are kept at once; the oldest are forgotten first.
   * @default 1000
   */
  maxEntries?: number;
  /** The clock. @default Date.now */
  now?: () => number;
}

const defaultOptions: Required<PageStoreOptions> = { ttlMs: 600_000, maxEntries: 1000, now: Date.now };

/** The pages of a result set: an array of them, or {@link lazyPages}. */
export interface Pages extends Iterable<Reply> {
  readonly length: number;
  at(index: number): Reply | undefined;
}

/**
 * `count` pages, each rendered by `render` when first read and then kept.
 * @example const pages = lazyPages(10, (index) => ({ content: `page ${index + 1}` })); pages.at(1) // renders page 2 only
 */
export function lazyPages(count: number, render: (index: number) => Reply): Pages {
  const rendered: Reply[] = [];
  const at = (index: number) => (Number.isInteger(index) && index >= 0 && index < count ? (rendered[index] ??= render(index)) : undefined);
  return {
    length: count,
    at,
    *[Symbol.iterator]() {
      for (let index = 0; index < count; index += 1) yield at(index)!;
    },
  };
}

interface Entry {
  ownerId: string;
  pages: Pages;
  expiresAt: number;
}

/** What a click on a paging button resolves to. */
export type PageLookup =
  | { ok: true; reply: Reply }
  | { ok: false; reason: 'expired' | 'not-owner' | 'malformed' };

/** Custom ids of paging buttons start with this; the router sends them to {@link PageStore.turn}. */
export const PAGE_PREFIX = 'page';

/**
 * Keeps the pages of a result set for its buttons: a command renders its pages (up front or when read), `open` returns the first
 * one with "Back"/"More" buttons, and a click on those buttons turns the page, only for the person who asked, until
 * the set expires.
 * @example
 * const first = pages.open('user-1', [page1, page2]); // page1 with a "More ▸" button
 * pages.turn(first.components[0].components[1].custom_id, 'user-1'); // => { ok: true, reply: page2 + buttons }
 */
export class PageStore {
  readonly #options: Required<PageStoreOptions>;
  readonly #entries = new Map<string, Entry>();

  constructor(options: PageStoreOptions = {}) {
    this.#options = { ...defaultOptions, ...options };
  }

  /** Stores `pages` for `ownerId` and returns the first page with its buttons (no buttons for a single page). */
  open(ownerId: string, pages: Pages): Reply {
    if (pages.length === 0) throw new RangeError('PageStore: cannot open an empty set of pages');
    if (pages.length === 1) return pages.at(0)!;
    this.#forgetExpired();
    while (this.#entries.size >= this.#options.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    const key = randomBytes(6).toString('hex');
    this.#entries.set(key, { ownerId, pages, expiresAt: this.#options.now() + this.#options.ttlMs });
    return withButtons(pages.at(0)!, key, 0, pages.length);
  }

  /** Resolves a click on a paging button (`page:<key>:<index>`) by `userId`. */
  turn(customId: string, userId: string): PageLookup {
    const [prefix, key, indexText] = customId.split(':');
    const index = Number(indexText);
    if (prefix !== PAGE_PREFIX || !key || !Number.isInteger(index)) return { ok: false, reason: 'malformed' };
    const entry = this.#entries.get(key);
    if (!entry || entry.expiresAt <= this.#options.now()) {
      this.#entries.delete(key);
      return { ok: false, reason: 'expired' };
    }
    if (entry.ownerId !== userId) return { ok: false, reason: 'not-owner' };
    const page = index >= 0 ? entry.pages.at(index) : undefined;
    if (!page) return { ok: false, reason: 'malformed' };
    return { ok: true, reply: withButtons(page, key, index, entry.pages.length) };
  }

  #forgetExpired(): void {
    const now = this.#options.now();
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
  }
}

function withButtons(page: Reply, key: string, index: number, count: number): Reply {
  const button = (label: string, target: number, disabled: boolean) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    label,
    custom_id: `${PAGE_PREFIX}:${key}:${target}${disabled ? ':x' : ''}`,
    disabled,
  });
  const row = {
    type: ComponentType.ActionRow as const,
    components: [
      button('◂ Back', Math.max(0, index - 1), index === 0),
      button(`More ▸ (${index + 1}/${count})`, Math.min(count - 1, index + 1), index === count - 1),
    ],
  };
  return { ...page, components: [...(page.components ?? []), row] };
}
