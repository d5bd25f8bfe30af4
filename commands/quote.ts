import { SlashCommandBuilder } from '@discordjs/builders';
import { answerMayBeLate } from '../src/discord/answerLate.js';
import { earlyQuotesForSpeaker, quotesStillIndexing } from '../src/discord/quotesIndexing.js';
import { renderQuotes } from '../src/discord/render/renderQuotes.js';
import { AUTOCOMPLETE_CHOICES, CHOICE_NAME_LENGTH, CHOICE_VALUE_LENGTH } from '../src/discord/limits.js';
import { truncate } from '../src/discord/reply.js';
import { lookupQuotes } from '../src/quotes/index.js';
import type { Command } from './index.js';

export const data = new SlashCommandBuilder()
  .setName('quote')
  .setDescription('Who said it, or what did they say: quotations from the coverage with their speakers.')
  .addStringOption((option) => option.setName('text').setDescription('Words of the quotation, e.g. "moral stain"').setMaxLength(200))
  .addStringOption((option) =>
    option.setName('speaker').setDescription('Who said it, e.g. "Juppe"').setAutocomplete(true).setMaxLength(100),
  )
  .addStringOption((option) => option.setName('about').setDescription('Only quotations on this subject').setMaxLength(200));

export default {
  data,
  expensive: true,
  async execute(invocation, ctx) {
    const request = {
      text: invocation.options.string('text'),
      speaker: invocation.options.string('speaker'),
      about: invocation.options.string('about'),
    };
    // After a cold start the quotations may still be on their way: wait a little, else say so (console mode answers
    // a speaker it can find in the articles naming them at once, as the complete index will).
    const early = earlyQuotesForSpeaker(invocation, ctx, request.speaker);
    if (!early && (await quotesStillIndexing(invocation, ctx))) return;
    // Answered in the interaction callback when it will be ready well within Discord's 3 s; deferred when it may not.
    if (!early && answerMayBeLate(ctx, 'quotes')) {
      await invocation.defer();
      // Build every lookup structure now, once, rather than only this lookup's: the next /quote is then quick.
      ctx.library.current.quotes.prepare();
    }
    const lookup = lookupQuotes(early ?? ctx.library.current.quotes, request);
    const pages = renderQuotes(lookup);
    await invocation.reply(ctx.pages.open(invocation.user.id, pages));
  },
  async autocomplete(invocation, ctx) {
    if (invocation.focused.name !== 'speaker') return invocation.respond([]);
    const speakers = ctx.library.current.quotes.suggestSpeakers(invocation.focused.value, AUTOCOMPLETE_CHOICES);
    await invocation.respond(
      speakers.map(({ name, count }) => ({
        name: truncate(`${name} (${count})`, CHOICE_NAME_LENGTH),
        value: name.slice(0, CHOICE_VALUE_LENGTH),
      })),
    );
  },
} satisfies Command;
