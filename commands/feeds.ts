import { SlashCommandBuilder } from '@discordjs/builders';
import { requireManageGuild } from '../src/discord/guards.js';
import { renderFeedStatus, renderPollReports } from '../src/discord/render/renderFeeds.js';
import { texts } from '../src/discord/texts.js';
import type { Command } from './index.js';

export const data = new SlashCommandBuilder()
  .setName('feeds')
  .setDescription('The news feeds newsdesk follows (Manage Server).')
  .addSubcommand((sub) => sub.setName('status').setDescription('Every feed with its health and next poll.'))
  .addSubcommand((sub) => sub.setName('poll').setDescription('Poll every feed now.'))
  .addSubcommand((sub) =>
    sub
      .setName('resume')
      .setDescription('Resume paused feeds (all, or those whose URL or name contains the text).')
      .addStringOption((option) => option.setName('feed').setDescription('Part of the feed URL or name').setMaxLength(200)),
  );

export default {
  data,
  async execute(invocation, ctx) {
    if (!(await requireManageGuild(invocation))) return;
    const feeds = ctx.feeds ?? null;
    if (feeds === null) return invocation.reply({ content: texts.feedsUnavailable, ephemeral: true, data: { error: texts.feedsUnavailable } });
    switch (invocation.subcommand) {
      case 'poll': {
        // With DATABASE_URL one process polls for the whole deployment; this one may not be it.
        if (!feeds.mayPoll()) return invocation.reply({ content: texts.feedsPolledElsewhere, ephemeral: true, data: { error: texts.feedsPolledElsewhere } });
        await invocation.defer({ ephemeral: true });
        return invocation.reply(renderPollReports(await feeds.pollNow()));
      }
      case 'resume': {
        const resumed = await feeds.resume(invocation.options.string('feed'));
        return invocation.reply({ content: texts.feedsResumed(resumed), ephemeral: true, data: { resumed } });
      }
      default:
        return invocation.reply(renderFeedStatus(await feeds.status()));
    }
  },
} satisfies Command;
