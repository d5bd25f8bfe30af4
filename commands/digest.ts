import { SlashCommandBuilder } from '@discordjs/builders';
import { ChannelType } from 'discord-api-types/v10';
import { requireManageGuild } from '../src/discord/guards.js';
import type { CommandInvocation } from '../src/discord/invocation.js';
import { AUTOCOMPLETE_CHOICES } from '../src/discord/limits.js';
import { renderDigestPost, renderDigestStatus } from '../src/discord/render/renderDigest.js';
import { texts } from '../src/discord/texts.js';
import { UserError } from '../src/discord/userError.js';
import type { Command } from './index.js';

export const data = new SlashCommandBuilder()
  .setName('digest')
  .setDescription('The daily digest of new coverage in this server.')
  .addSubcommand((sub) =>
    sub
      .setName('set')
      .setDescription('Turn the digest on here, or change its channel, time or time zone (Manage Server).')
      .addChannelOption((option) =>
        option.setName('channel').setDescription('Where to post it').addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      )
      .addStringOption((option) => option.setName('time').setDescription('Local time of day, 24-hour HH:MM, e.g. 08:00').setMaxLength(5))
      .addStringOption((option) =>
        option.setName('timezone').setDescription('IANA time zone, e.g. Europe/London').setAutocomplete(true).setMaxLength(64),
      ),
  )
  .addSubcommand((sub) => sub.setName('off').setDescription('Stop posting the digest here (Manage Server).'))
  .addSubcommand((sub) => sub.setName('status').setDescription('When the next digest runs, how the last one went, what the next would carry.'))
  .addSubcommand((sub) =>
    sub
      .setName('now')
      .setDescription('Preview the digest as it would be now; post:true posts it (Manage Server).')
      .addBooleanOption((option) => option.setName('post').setDescription('Post it in the digest channel for everyone')),
  );

/** Time zones offered while typing: every IANA zone the runtime knows, plus UTC. */
const ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone')];

async function requireGuild(invocation: CommandInvocation): Promise<string | null> {
  if (invocation.guildId === null) await invocation.reply({ content: texts.guildOnly, ephemeral: true });
  return invocation.guildId;
}

export default {
  data,
  async execute(invocation, ctx) {
    const digest = ctx.digest;
    if (!digest) return invocation.reply({ content: texts.digestUnavailable, ephemeral: true, data: { error: texts.digestUnavailable } });
    const { options } = invocation;
    switch (invocation.subcommand) {
      case 'set': {
        if (!(await requireManageGuild(invocation))) return;
        const input = {
          ...(options.channel('channel') !== null ? { channelId: options.channel('channel')! } : {}),
          ...(options.string('time') !== null ? { time: options.string('time')! } : {}),
          ...(options.string('timezone') !== null ? { timezone: options.string('timezone')!.trim() } : {}),
        };
        // A bad time or zone throws a ScheduleError: the router answers with it.
        return invocation.reply(renderDigestStatus(await digest.configure(invocation.guildId!, input), texts.digestSaved));
      }
      case 'off': {
        if (!(await requireManageGuild(invocation))) return;
        return invocation.reply(renderDigestStatus(await digest.disable(invocation.guildId!), texts.digestTurnedOff));
      }
      case 'status': {
        const guildId = await requireGuild(invocation);
        if (guildId === null) return;
        return invocation.reply(renderDigestStatus(await digest.status(guildId)));
      }
      case 'now': {
        const post = options.boolean('post') ?? false;
        if (post && !(await requireManageGuild(invocation))) return;
        const guildId = post ? invocation.guildId : await requireGuild(invocation);
        if (guildId === null) return;
        await invocation.defer({ ephemeral: true });
        if (post) {
          const result = await digest.postNow(guildId);
          if (result.posted) {
            return invocation.reply({ content: texts.digestPosted(result.articles, result.channelId!), ephemeral: true, data: { posted: true, articles: result.articles, channelId: result.channelId } });
          }
          await invocation.reply({ content: texts.digestNothingToPost, ephemeral: true, data: { posted: false } });
          for (const reply of renderDigestPost(result.post)) await invocation.reply({ ...reply, ephemeral: true });
          return;
        }
        for (const reply of renderDigestPost((await digest.preview(guildId)).post)) await invocation.reply({ ...reply, ephemeral: true });
        return;
      }
      default:
        throw new UserError(`Unknown subcommand "${invocation.subcommand ?? ''}" of /digest: use set, off, status or now.`);
    }
  },
  async autocomplete(invocation) {
    if (invocation.focused.name !== 'timezone') return invocation.respond([]);
    const typed = invocation.focused.value.trim().toLowerCase().replace(/\s+/g, '_');
    // A zone with a part starting with what was typed comes first ("lon": Europe/London before Asia/Colombo).
    const startsPart = (zone: string): number => (zone.toLowerCase().split('/').some((part) => part.startsWith(typed)) ? 0 : 1);
    const matches = ZONES.filter((zone) => zone.toLowerCase().includes(typed)).sort((a, b) => startsPart(a) - startsPart(b));
    await invocation.respond(matches.slice(0, AUTOCOMPLETE_CHOICES).map((zone) => ({ name: zone, value: zone })));
  },
} satisfies Command;
