import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { FeedConfigError } from './FeedError.js';

/** One feed to follow, with every default resolved. */
export interface FeedSpec {
  /** The feed's URL (http or https). */
  url: string;
  /** The outlet's name; null: the feed's own title. @default null */
  name: string | null;
  /** Section given to every article of the feed; null: the item's first category. @default null */
  section: string | null;
  /** Minutes between two polls. @default FEEDS_EVERY_MINUTES (15) */
  everyMinutes: number;
  /** Fetch each item's page and extract the full article. @default true */
  fullText: boolean;
  /** Hash of this entry as written; a paused feed is unpaused when its entry changes. */
  specHash: string;
}

/** Defaults applied to entries that leave a key out (from src/config.ts). */
export interface FeedDefaults {
  /** @default 15 */
  everyMinutes: number;
}

const entrySchema = z
  .object({
    url: z
      .string({ message: 'is required (the feed URL)' })
      .trim()
      .refine((value) => URL.canParse(value) && /^https?:$/u.test(new URL(value).protocol), 'must be an http or https URL'),
    name: z.string().trim().min(1, 'must not be empty').optional(),
    section: z.string().trim().min(1, 'must not be empty').optional(),
    every: z.number({ message: 'must be a number of minutes' }).int('must be a whole number of minutes').min(1, 'must be at least 1').max(10_080, 'must be at most 10080 (a week)').optional(),
    fullText: z.boolean({ message: 'must be true or false' }).optional(),
  })
  .strict();

/**
 * Reads and validates the YAML list of feeds. Throws a {@link FeedConfigError} with one line naming the file,
 * the entry and the key. Duplicate URLs are refused (one feed, one health record).
 * @example parseFeedsYaml('feeds.yaml', '- url: https://example.org/rss\n', { everyMinutes: 15 })
 * // => [{ url: 'https://example.org/rss', name: null, section: null, everyMinutes: 15, fullText: true, specHash: '…' }]
 */
export function parseFeedsYaml(file: string, text: string, defaults: FeedDefaults): FeedSpec[] {
  let data: unknown;
  try {
    // maxAliasCount bounds alias expansion ("billion laughs" in YAML).
    data = parseYaml(text, { maxAliasCount: 100, prettyErrors: false });
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new FeedConfigError(file, `not valid YAML: ${message}`);
  }
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw new FeedConfigError(file, 'must be a YAML list of feeds ("- url: https://…")');
  const seen = new Set<string>();
  return data.map((entry: unknown, index) => {
    const where = `feed ${index + 1}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new FeedConfigError(file, `${where}: must be a mapping with a "url" key`);
    const parsed = entrySchema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const key = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : String(issue.path[0] ?? 'url');
      const problem = issue.code === 'unrecognized_keys' ? 'unknown key (expected url, name, section, every, fullText)' : issue.message;
      throw new FeedConfigError(file, `${where}: ${key} ${problem}`);
    }
    const e = parsed.data;
    const url = new URL(e.url).href;
    if (seen.has(url)) throw new FeedConfigError(file, `${where}: url ${url} is listed twice`);
    seen.add(url);
    return {
      url,
      name: e.name ?? null,
      section: e.section ?? null,
      everyMinutes: e.every ?? defaults.everyMinutes,
      fullText: e.fullText ?? true,
      specHash: createHash('sha256').update(JSON.stringify([url, e.name, e.section, e.every, e.fullText])).digest('hex').slice(0, 16),
    };
  });
}

/**
 * Reads the feeds file; a missing file is no feeds when `required` is false (the default `feeds.yaml` is optional),
 * and an error naming the file when it was set explicitly.
 * @example loadFeedsFile('feeds.yaml', { everyMinutes: 15 }, false) // => [] when there is no such file
 */
export function loadFeedsFile(file: string, defaults: FeedDefaults, required: boolean): FeedSpec[] {
  if (!existsSync(file)) {
    if (required) throw new FeedConfigError(file, 'no such file (FEEDS_FILE names a file that does not exist)');
    return [];
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new FeedConfigError(file, `cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseFeedsYaml(file, text, defaults);
}
