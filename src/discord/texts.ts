/** What users read when something goes wrong or is refused, in one table. */
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
} as const;
