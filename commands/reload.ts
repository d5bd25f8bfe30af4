import { SlashCommandBuilder } from '@discordjs/builders';
import { requireManageGuild } from '../src/discord/guards.js';
import { plural, texts } from '../src/discord/texts.js';
import type { Reply } from '../src/discord/reply.js';
import type { ReloadResult } from '../src/library.js';
import type { Command } from './index.js';

export const data = new SlashCommandBuilder()
  .setName('reload')
  .setDescription('Re-read the seeds folder now and re-index the coverage (Manage Server).');

/** How many skipped files the answer lists by name. */
const SKIPPED_LISTED = 10;

function renderReload(result: ReloadResult): Reply {
  if (!result.ok) return { content: texts.reloadFailed(result.reason), ephemeral: true, data: { reload: result } };
  const lines = [`Reloaded ${plural(result.articles, 'article')} in ${Math.round(result.ms)} ms.`];
  if (result.skipped.length) {
    lines.push(`Skipped ${plural(result.skipped.length, 'file')}:`);
    for (const { file, reason } of result.skipped.slice(0, SKIPPED_LISTED)) lines.push(`• \`${file.replace(/`/g, "'")}\`: ${reason}`);
    if (result.skipped.length > SKIPPED_LISTED) lines.push(`… and ${result.skipped.length - SKIPPED_LISTED} more (see the log).`);
  }
  return { content: lines.join('\n'), ephemeral: true, data: { reload: result } };
}

export default {
  data,
  async execute(invocation, ctx) {
    if (!(await requireManageGuild(invocation))) return;
    await invocation.defer({ ephemeral: true });
    const result = await ctx.library.reload();
    if (result.ok) ctx.log.info({ articles: result.articles, skipped: result.skipped.length, ms: Math.round(result.ms) }, 'reload: coverage re-indexed');
    else ctx.log.warn({ error: result.error }, 'reload: failed; keeping the previous coverage');
    await invocation.reply(renderReload(result));
  },
} satisfies Command;
