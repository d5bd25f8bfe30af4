import { escapeMarkdown } from '../search/index.js';
import { plural } from '../text/index.js';

// One plural() for the whole project (src/text); the renderers take it from here with the texts.
export { plural };

/** What users read when something goes wrong, is refused or needs saying in a sentence: every command's, in one table. */
export const texts = {
  internalError: 'Something went wrong on our side while answering; it has been logged. Please try again in a moment.',
  stateUnavailable: 'The settings store cannot be reached right now; nothing was changed. Please try again shortly.',
  unknownCommand: (name: string) => `There is no command \`/${name}\`. Try \`/help\`.`,
  rateLimitedUser: (retryAt: number) => `You are going a bit fast. Try again <t:${Math.ceil(retryAt / 1000)}:R>.`,
  rateLimitedGuild: (retryAt: number) => `This server has asked a lot in the last minute. Try again <t:${Math.ceil(retryAt / 1000)}:R>.`,
  pageExpired: 'These results have expired. Run the command again to see them.',
  pageNotYours: 'These buttons belong to whoever ran the command. Run it yourself to page through your own results.',
  questionEmpty: 'Ask a question, e.g. `/ask question: what happened in Homs?`',
  questionTooLong: (max: number, length: number) => `That question is ${length} characters long; the limit is ${max}. Shorten it and ask again.`,
  questionNoTerms: 'That question has no words to search for (only common words like "what" or "the"). Name a place, person or topic.',
  unknownFilter: (option: string, value: string, known: string[]) =>
    `No ${option} called "${value}" in the coverage.${known.length ? ` Try one of: ${known.slice(0, 10).join(', ')}.` : ''}`,
  badDate: (option: string, value: string) => `\`${option}\` must be a date like 2012-02-06; "${value}" is not.`,
  dateRange: 'The `since` date is after the `until` date, so nothing can match.',
  filteredOut: (question: string, filters: readonly string[]) =>
    `The coverage has articles matching “${escapeMarkdown(question)}”, but none with ${filters.map((filter) => `\`${filter}\``).join(' and ')}. Try without ${filters.length === 1 ? 'that filter' : 'those filters'}.`,

  consoleHelp:
    'In the console also: `/more` and `/back` turn the pages of the last answer, `/complete <command> <option>:<typed>` ' +
    'shows what autocomplete would offer (e.g. `/complete quote speaker:jup`), `/quit` leaves.',
  consoleCompleteUsage: 'Say which option to complete, e.g. /complete quote speaker:jup',

  wikinewsLicence: 'News text from Wikinews is CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/); see each source link.',

  guildOnly: 'This command only works in a server, not in direct messages.',
  manageGuild: 'You need the **Manage Server** permission to do that.',

  digestUnavailable: 'Digests are not available here: newsdesk runs without a state file (console mode without DIGEST_STATE_FILE, or the digest is not configured).',
  digestSaved: 'Digest settings saved.',
  digestTurnedOff: 'The digest is off for this server. `/digest set` turns it back on.',
  digestPosted: (articles: number, channelId: string) => `Posted the digest (${plural(articles, 'article')}) in <#${channelId}>.`,
  digestNothingToPost: 'Nothing new to post: the digest would be empty. Here are the latest articles instead.',
  reloadFailed: (reason: string) => `Reload failed: ${reason}\nThe previous coverage is still in use.`,

  feedsUnavailable: 'No feeds are configured: list them in feeds.yaml (or the file FEEDS_FILE names); see feeds.example.yaml.',
  feedsNoneConfigured: 'The feeds file lists no feeds.',
  feedsPolledElsewhere: 'Feeds are polled by the ingester, another newsdesk process of this deployment; it polls each feed when due, and its articles reach this one within seconds.',
  feedsPolled: (reports: number) => `Polled ${plural(reports, 'feed')}.`,
  feedsResumed: (urls: string[]) => (urls.length === 0 ? 'No paused feed matched; nothing to resume.' : `Resumed ${urls.length} feed${urls.length === 1 ? '' : 's'}: they are polled at the next minute.\n${urls.map((u) => `• <${u}>`).join('\n')}`),
  feedsMore: (n: number) => `… and ${n} more (see \`npm run ingest -- --once --json\` or the log).`,

  followUnavailable: 'Topic alerts are not available here (no state file: console mode without STATE_FILE).',
  followAdded: (topic: string, channelId: string) => `Following **${escapeMarkdown(topic)}**: each new article about it is posted in <#${channelId}> as it arrives.`,
  followAlready: (topic: string, channelId: string) => `**${escapeMarkdown(topic)}** is already followed in <#${channelId}>.`,
  followRemoved: (id: number) => `Stopped follow #${id}.`,
  followNoSuchFollow: (id: number) => `There is no follow #${id} in this server; \`/follow list\` shows them.`,
  followNone: 'This server follows no topic. `/follow add topic:<words> channel:<channel>` starts one.',
  followEmptyTopic: 'Give the topic some words to match, e.g. `/follow add topic: harbour ferry`.',
  followAlertOne: (topic: string) => `New on **${escapeMarkdown(topic)}**:`,
  followAlertBurst: (topic: string, count: number) => `${count} new articles on **${escapeMarkdown(topic)}**:`,
  followRemovedArticles: (count: number) => `(${count} more ${count === 1 ? 'article was' : 'articles were'} removed from the coverage before posting)`,

  quoteUsage:
    'Give the words of a quotation or a speaker (or both): `/quote text: moral stain` finds who said it, ' +
    '`/quote speaker: Juppe about: sanctions` lists what they said.',
  quoteNoTextMatch: (query: string) =>
    `No quote in the coverage matches “${escapeMarkdown(query)}”. Try fewer or different words, or \`/ask\` to search the articles.`,
  quoteNoSpeaker: (name: string, suggestions: readonly string[]) =>
    `No quote in the coverage is attributed to “${escapeMarkdown(name)}”.` +
    (suggestions.length > 0 ? ` Did you mean: ${suggestions.map((s) => `**${escapeMarkdown(s)}**`).join(', ')}?` : ''),
  quotesIndexing: 'Still indexing quotations after a restart; try again in a few seconds. (`/ask` already answers.)',
  quoteNoSpeakerMatch: (name: string, about: string) =>
    `No quote by ${escapeMarkdown(name)} in the coverage matches “${escapeMarkdown(about)}”. Try without \`about\`.`,
} as const;
