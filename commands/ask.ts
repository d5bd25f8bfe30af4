import { SlashCommandBuilder } from '@discordjs/builders';
import { answerMayBeLate } from '../src/discord/answerLate.js';
import { quotesForSpeakerQuestion } from '../src/discord/quotesIndexing.js';
import { analyzeQuestion } from '../src/search/answers/index.js';
import { excludingFilters, readAskRequest } from '../src/discord/askRequest.js';
import { texts } from '../src/discord/texts.js';
import { renderAsk } from '../src/discord/render/renderAsk.js';
import { suggestFacet } from '../src/search/index.js';
import { defaults } from '../src/config.js';
import type { Command } from './index.js';

/** The command as registered; the question's length limit is `ASK_MAX_QUESTION_LENGTH`, the one /ask checks. */
function askData(maxQuestionLength: number) {
  return new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask the coverage a question; get the best passages and their sources.')
  .addStringOption((option) =>
    option.setName('question').setDescription('e.g. "what happened in Homs?"').setRequired(true).setMaxLength(maxQuestionLength),
  )
  .addStringOption((option) => option.setName('section').setDescription('Only this section').setAutocomplete(true).setMaxLength(100))
  .addStringOption((option) => option.setName('source').setDescription('Only this outlet').setAutocomplete(true).setMaxLength(100))
  .addStringOption((option) => option.setName('since').setDescription('Only articles dated on or after (YYYY-MM-DD)').setMaxLength(30))
  .addStringOption((option) => option.setName('until').setDescription('Only articles dated on or before (YYYY-MM-DD)').setMaxLength(30));
}

export const data = askData(defaults.ask.maxQuestionLength);

export default {
  data,
  configure: (config) => askData(config.ask.maxQuestionLength),
  expensive: true,
  async execute(invocation, ctx) {
    const library = ctx.library.current;
    const request = readAskRequest(invocation.options, library, ctx.config.ask.maxQuestionLength);
    // "What did X say" is answered from the quotations, which a cold start indexes after the search: see there.
    const speaker = library.quotesPending ? analyzeQuestion(request.question).speaker : null;
    const quotes = speaker ? await quotesForSpeakerQuestion(invocation, ctx, speaker) : library.quotes;
    if (!quotes) return;
    // Answered in the interaction callback when it will be ready well within Discord's 3 s; deferred when it may not.
    if (answerMayBeLate(ctx, 'search')) {
      await invocation.defer();
      library.search.prepare();
    }
    const started = performance.now();
    const result = library.search.search(request.question, { filters: request.filters, quotes });
    const excludedBy = result.hits.length === 0 ? excludingFilters({ search: library.search, quotes }, request.question, request.filters) : [];
    if (excludedBy.length > 0) {
      const content = texts.filteredOut(request.question, excludedBy);
      return invocation.reply({ content, data: { results: [], excludedBy } });
    }
    const pages = renderAsk(result, { question: request.question, pageSize: ctx.config.ask.pageSize, ms: performance.now() - started });
    await invocation.reply(ctx.pages.open(invocation.user.id, pages));
  },
  async autocomplete(invocation, ctx) {
    const { facets } = ctx.library.current;
    const values = invocation.focused.name === 'source' ? facets.sources : invocation.focused.name === 'section' ? facets.sections : [];
    await invocation.respond(suggestFacet(values, invocation.focused.value).map(({ name, count }) => ({ name: `${name} (${count})`.slice(0, 100), value: name.slice(0, 100) })));
  },
} satisfies Command;
