import type { CommandInvocation } from './invocation.js';

/** Texts of the refusals, in one place. */
export const refusals = {
  guildOnly: 'This command only works in a server, not in direct messages.',
  manageGuild: 'You need the **Manage Server** permission to do that.',
} as const;

/**
 * Answers with an ephemeral refusal and returns false unless the command runs in a guild and the member has
 * Manage Server (admin commands: `/digest set|off`, `/digest now post:true`, `/reload`).
 * @example if (!(await requireManageGuild(invocation))) return;
 */
export async function requireManageGuild(invocation: CommandInvocation): Promise<boolean> {
  if (invocation.guildId === null) {
    await invocation.reply({ content: refusals.guildOnly, ephemeral: true });
    return false;
  }
  if (!invocation.canManageGuild) {
    await invocation.reply({ content: refusals.manageGuild, ephemeral: true });
    return false;
  }
  return true;
}
