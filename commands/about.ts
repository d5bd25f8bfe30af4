import { SlashCommandBuilder } from '@discordjs/builders';
import { renderAbout } from '../src/discord/render/renderAbout.js';
import type { Command } from './index.js';

export const data = new SlashCommandBuilder().setName('about').setDescription('What the coverage holds: articles, outlets, sections, dates.');

export default {
  data,
  async execute(invocation, ctx) {
    await invocation.reply(renderAbout(ctx.library.current));
  },
} satisfies Command;
