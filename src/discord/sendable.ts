import type { BaseMessageOptions } from 'discord.js';
import { fitReply, NO_MENTIONS, type Reply } from './reply.js';

/**
 * The one way out for every message: fits the reply to Discord's limits, drops what is only for console mode, and
 * disables every mention (article text can contain `@everyone`).
 * @example toMessageOptions({ content: '@everyone' }).allowedMentions // => { parse: [], users: [], roles: [], repliedUser: false }
 */
export function toMessageOptions(reply: Reply): BaseMessageOptions & { allowedMentions: typeof NO_MENTIONS } {
  const fitted = fitReply(reply);
  return {
    content: fitted.content ?? '',
    embeds: fitted.embeds ?? [],
    components: fitted.components ?? [],
    allowedMentions: NO_MENTIONS,
  };
}
