import type { CommandInvocation } from './invocation.js';
import { texts } from './texts.js';

/**
 * Answers with an ephemeral refusal and returns false unless the command runs in a guild and the member has
 * Manage Server (admin commands: `/digest set|off`, `/digest now post:true`, `/reload`).
 * @example if (!(await requireManageGuild(invocation))) return;
 */
export async function requireManageGuild(invocation: CommandInvocation): Promise<boolean> {
  if (invocation.guildId === null) {
    await invocation.reply({ content: texts.guildOnly, ephemeral: true });
    return false;
  }
  if (!invocation.canManageGuild) {
    await invocation.reply({ content: texts.manageGuild, ephemeral: true });
    return false;
  }
  return true;
}
