import { SlashCommandBuilder } from '@discordjs/builders';
import { renderHelp, type HelpEntry } from '../src/discord/render/renderHelp.js';
import { commands, type Command } from './index.js';

export const data = new SlashCommandBuilder().setName('help').setDescription('How to use newsdesk: every command and its options.');

export default {
  data,
  async execute(invocation) {
    await invocation.reply(renderHelp(commands.map((command) => command.data.toJSON() as HelpEntry)));
  },
} satisfies Command;
