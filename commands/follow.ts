import { SlashCommandBuilder } from '@discordjs/builders';
import { ChannelType } from 'discord-api-types/v10';
import { requireManageGuild } from '../src/discord/guards.js';
import { renderFollowList, TOPIC_MAX_LENGTH } from '../src/discord/render/renderFollow.js';
import { texts } from '../src/discord/texts.js';
import { queryTerms } from '../src/search/index.js';
import type { Command } from './index.js';

export const data = new SlashCommandBuilder()
  .setName('follow')
  .setDescription('Follow a topic: each new article about it is posted as it arrives (Manage Server).')
  .addSubcommand((sub) =>
    sub
      .setName('add')
      .setDescription('Follow a topic in a channel.')
      .addStringOption((o) => o.setName('topic').setDescription('Words to match, as in /ask').setRequired(true).setMaxLength(TOPIC_MAX_LENGTH))
      .addChannelOption((o) => o.setName('channel').setDescription('Where to post').setRequired(true).addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement)),
  )
  .addSubcommand((sub) => sub.setName('list').setDescription("This server's followed topics, and any delivery problem."))
  .addSubcommand((sub) =>
    sub
      .setName('remove')
      .setDescription('Stop following a topic.')
      .addIntegerOption((o) => o.setName('id').setDescription('The number /follow list shows').setRequired(true).setMinValue(1)),
  );

export default {
  data,
  async execute(invocation, ctx) {
    if (!(await requireManageGuild(invocation))) return;
    const alerts = ctx.alerts ?? null;
    if (alerts === null) return invocation.reply({ content: texts.followUnavailable, ephemeral: true, data: { error: texts.followUnavailable } });
    const guildId = invocation.guildId!;
    switch (invocation.subcommand) {
      case 'add': {
        const topic = (invocation.options.string('topic') ?? '').trim();
        const channelId = invocation.options.channel('channel');
        if (queryTerms(topic).length === 0 || channelId === null) return invocation.reply({ content: texts.followEmptyTopic, ephemeral: true, data: { error: texts.followEmptyTopic } });
        const { follow, created } = await alerts.add(guildId, channelId, topic);
        return invocation.reply({ content: created ? texts.followAdded(follow.topic, channelId) : texts.followAlready(follow.topic, channelId), ephemeral: true, data: { follow } });
      }
      case 'remove': {
        const id = invocation.options.integer('id') ?? 0;
        const removed = await alerts.remove(guildId, id);
        return invocation.reply({ content: removed ? texts.followRemoved(id) : texts.followNoSuchFollow(id), ephemeral: true, data: { removed } });
      }
      default:
        return invocation.reply(renderFollowList(await alerts.list(guildId)));
    }
  },
} satisfies Command;
