import {
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { AutocompleteInvocation, ButtonInvocation, CommandInvocation, CommandOptions } from './invocation.js';
import { AUTO_DEFER_MS, AUTOCOMPLETE_CHOICES, CHOICE_NAME_LENGTH, CHOICE_VALUE_LENGTH } from './limits.js';
import type { Reply } from './reply.js';
import { toMessageOptions } from './sendable.js';

type WithOptions = ChatInputCommandInteraction | AutocompleteInteraction;

function optionsOf(interaction: WithOptions): CommandOptions {
  return {
    string: (name) => interaction.options.getString(name),
    integer: (name) => interaction.options.getInteger(name),
    boolean: (name) => interaction.options.getBoolean(name),
    channel: (name) => (interaction.isChatInputCommand() ? (interaction.options.getChannel(name)?.id ?? null) : null),
  };
}

const userOf = (interaction: { user: { id: string; username: string; globalName?: string | null } }) => ({
  id: interaction.user.id,
  name: interaction.user.globalName ?? interaction.user.username,
});

/**
 * Wraps a discord.js slash command interaction in the surface command handlers use. The first answer replies (or
 * edits the deferred reply); later answers are follow-ups. An ephemeral answer after a public deferral (an error
 * found late) replaces the "thinking…" message with an ephemeral follow-up, so only the asker sees it.
 * A handler that has neither answered nor deferred `autoDeferMs` after the interaction arrived (waiting on something)
 * is deferred for it, so that a slow answer still lands within Discord's 3 s as an edit.
 */
export function commandInvocation(interaction: ChatInputCommandInteraction, autoDeferMs: number = AUTO_DEFER_MS): CommandInvocation {
  let deferredEphemeral: boolean | null = null;
  let deferral: Promise<void> | null = null;
  let answered = false;
  const defer = ({ ephemeral = false } = {}): Promise<void> => {
    clearTimeout(autoDefer);
    if (deferral) return deferral;
    if (interaction.deferred || interaction.replied || answered) return Promise.resolve();
    // Set before the request: a reply that comes while it is in flight waits for it, then edits.
    deferredEphemeral = ephemeral;
    deferral = interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}).then(() => undefined);
    return deferral;
  };
  // A failed automatic deferral (the interaction expired) surfaces when the answer is sent, where it is logged.
  const autoDefer = setTimeout(() => void defer().catch(() => undefined), autoDeferMs);
  autoDefer.unref();
  return {
    commandName: interaction.commandName,
    subcommand: interaction.options.getSubcommand(false),
    options: optionsOf(interaction),
    user: userOf(interaction),
    guildId: interaction.guildId,
    canManageGuild: interaction.inGuild() && (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false),
    defer,
    async reply(reply: Reply) {
      clearTimeout(autoDefer);
      if (deferral) await deferral.catch(() => undefined);
      const options = toMessageOptions(reply);
      const flags = reply.ephemeral ? MessageFlags.Ephemeral : undefined;
      if (answered) {
        await interaction.followUp({ ...options, ...(flags ? { flags } : {}) });
      } else if (deferredEphemeral === null) {
        await interaction.reply({ ...options, ...(flags ? { flags } : {}) });
      } else if (reply.ephemeral && !deferredEphemeral) {
        await interaction.deleteReply().catch(() => undefined);
        await interaction.followUp({ ...options, flags: MessageFlags.Ephemeral });
      } else {
        await interaction.editReply(options);
      }
      answered = true;
    },
  };
}

/** Wraps a discord.js button interaction. */
export function buttonInvocation(interaction: ButtonInteraction): ButtonInvocation {
  return {
    customId: interaction.customId,
    user: userOf(interaction),
    guildId: interaction.guildId,
    async update(reply) {
      await interaction.update(toMessageOptions(reply));
    },
    async reply(reply) {
      const options = toMessageOptions(reply);
      const flags = reply.ephemeral ? MessageFlags.Ephemeral : undefined;
      if (interaction.replied || interaction.deferred) await interaction.followUp({ ...options, ...(flags ? { flags } : {}) });
      else await interaction.reply({ ...options, ...(flags ? { flags } : {}) });
    },
  };
}

/** Wraps a discord.js autocomplete interaction; choices are cut to Discord's limits. */
export function autocompleteInvocation(interaction: AutocompleteInteraction): AutocompleteInvocation {
  const focused = interaction.options.getFocused(true);
  return {
    commandName: interaction.commandName,
    subcommand: interaction.options.getSubcommand(false),
    focused: { name: focused.name, value: String(focused.value) },
    options: optionsOf(interaction),
    user: userOf(interaction),
    guildId: interaction.guildId,
    async respond(choices) {
      await interaction.respond(
        choices
          .slice(0, AUTOCOMPLETE_CHOICES)
          .filter((choice) => choice.name.length > 0 && choice.value.length > 0)
          .map((choice) => ({ name: choice.name.slice(0, CHOICE_NAME_LENGTH), value: choice.value.slice(0, CHOICE_VALUE_LENGTH) })),
      );
    },
  };
}
