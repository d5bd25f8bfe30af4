import { copyFile, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from './childProcesses.js';

/** The repository's reference article (Al Jazeera, Homs); `test/fixtures/seed-expectations.json` describes it. */
export const SEED_ARTICLE = 'seeds/000_8ea7bffe1f96b296.txt';

/** A made-up place only the made-up articles name, so `/ask` about it matches exactly those. */
export const MADE_UP_PLACE = 'Gullhaven';

/** What the made-up articles are about. */
export const LIGHTHOUSE_TOPIC = `${MADE_UP_PLACE} lighthouse`;

/** How many made-up lighthouse articles there are: more than one page of `/ask` results (3 per page by default). */
export const LIGHTHOUSE_ARTICLES = 5;

/** A small seeds folder for end-to-end tests; `remove()` deletes it. */
export interface E2eSeeds {
  dir: string;
  /** The user id the mention article pings with `<@id>`. */
  mentionedUserId: string;
  /** The role id the mention article pings with `<@&id>`. */
  mentionedRoleId: string;
  remove(): Promise<void>;
}

/** Options of {@link createE2eSeeds}. */
export interface E2eSeedsOptions {
  /** Whom the mention article pings. */
  mentionedUserId: string;
  mentionedRoleId: string;
  /**
   * Copy the whole repository `seeds/` folder (365 articles: realistic search statistics, slower start) rather than
   * the reference article alone. @default false
   */
  allSeeds?: boolean;
}

/**
 * Builds a seeds folder holding the reference article (or all of `seeds/`) and {@link LIGHTHOUSE_ARTICLES} made-up Markdown articles
 * about the {@link LIGHTHOUSE_TOPIC}, the first of which is full of mentions (`@everyone`, `@here`, a user, a role).
 * Without `allSeeds` it is small on purpose: the bot loads it in a fraction of the time the 365 articles take.
 * @example const seeds = await createE2eSeeds({ mentionedUserId: member.id, mentionedRoleId: role.id }); seeds.dir // => '/tmp/newsdesk-seeds-…'
 */
export async function createE2eSeeds(options: E2eSeedsOptions): Promise<E2eSeeds> {
  const targets = { mentionedUserId: options.mentionedUserId, mentionedRoleId: options.mentionedRoleId };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-seeds-'));
  if (options.allSeeds) await cp(path.join(projectRoot, 'seeds'), dir, { recursive: true });
  else await copyFile(path.join(projectRoot, SEED_ARTICLE), path.join(dir, path.basename(SEED_ARTICLE)));
  for (let index = 1; index <= LIGHTHOUSE_ARTICLES; index += 1) {
    await writeFile(path.join(dir, `lighthouse-${index}.md`), lighthouseArticle(index, targets));
  }
  return { dir, ...targets, remove: () => rm(dir, { recursive: true, force: true }) };
}

function lighthouseArticle(index: number, targets: { mentionedUserId: string; mentionedRoleId: string }): string {
  const mentions =
    index === 1
      ? `\n\nThe keeper's notice, pinned at the harbour, read: "@everyone @here the ${LIGHTHOUSE_TOPIC} is closed; ask <@${targets.mentionedUserId}> or <@&${targets.mentionedRoleId}> for the keys."`
      : '';
  return `---
title: "${LIGHTHOUSE_TOPIC} report number ${index}"
date: 2012-03-0${index} 09:00
section: Coast
source: Test Gazette
license: CC0
---

The ${LIGHTHOUSE_TOPIC} keeper logged storm number ${index} of the season on the northern cape.${mentions}

Fishermen said the ${LIGHTHOUSE_TOPIC} beam could be seen across the bay during storm ${index}.
`;
}
