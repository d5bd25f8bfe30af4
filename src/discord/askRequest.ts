import { DateTime } from 'luxon';
import type { Library } from '../library.js';
import { queryTerms, sameLabel, unitedStates, type SearchFilters } from '../search/index.js';
import type { CommandOptions } from './invocation.js';
import { texts } from './texts.js';
import { UserError } from './userError.js';

/** A validated `/ask`: the question and its filters. */
export interface AskRequest {
  question: string;
  filters: SearchFilters;
}

function checkDate(option: string, value: string | null): string | undefined {
  if (value === null) return undefined;
  const date = DateTime.fromISO(value.trim(), { zone: 'utc' });
  if (!date.isValid || value.trim().length < 4) throw new UserError(texts.badDate(option, value.slice(0, 40)));
  return date.toISODate()!;
}

function checkFacet(option: string, value: string | null, known: readonly { name: string }[]): string | undefined {
  if (value === null || value.trim() === '') return undefined;
  const match = known.find((candidate) => sameLabel(candidate.name, value));
  if (!match) throw new UserError(texts.unknownFilter(option, value.slice(0, 60), known.map((candidate) => candidate.name)));
  return match.name;
}

/**
 * Reads and validates `/ask`'s options against the coverage; throws a {@link UserError} that says what is wrong.
 * @example readAskRequest(options, library, 300) // => { question: 'what happened in Homs?', filters: {} }
 */
export function readAskRequest(options: CommandOptions, library: Library, maxLength: number): AskRequest {
  const question = (options.string('question') ?? '').trim();
  if (question === '') throw new UserError(texts.questionEmpty);
  if (question.length > maxLength) throw new UserError(texts.questionTooLong(maxLength, question.length));
  // Read as search reads it: "US" alone is the United States, a term, not the stop word "us".
  if (queryTerms(unitedStates(question)).length === 0) throw new UserError(texts.questionNoTerms);
  const filters: SearchFilters = {};
  const section = checkFacet('section', options.string('section'), library.facets.sections);
  const source = checkFacet('source', options.string('source'), library.facets.sources);
  const since = checkDate('since', options.string('since'));
  const until = checkDate('until', options.string('until'));
  if (since && until && since > until) throw new UserError(texts.dateRange);
  if (section) filters.section = section;
  if (source) filters.source = source;
  if (since) filters.since = since;
  if (until) filters.until = until;
  return { question, filters };
}

/**
 * The filters that left nothing of the articles `question` matches without them: each one that alone excludes
 * every match, else (only their combination does) all of them. Empty when the question matches nothing anyway,
 * so the answer can name the filter instead of saying the coverage has nothing. `library.quotes`: the quote index the
 * question was answered from (see commands/ask.ts).
 * @example excludingFilters(library, 'unemployment', { source: 'Al Jazeera' }) // => ['source:Al Jazeera']
 */
export function excludingFilters(library: Pick<Library, 'search' | 'quotes'>, question: string, filters: SearchFilters): string[] {
  const active = (Object.entries(filters) as [keyof SearchFilters, string | undefined][]).filter(
    (entry): entry is [keyof SearchFilters, string] => typeof entry[1] === 'string' && entry[1] !== '',
  );
  if (active.length === 0 || library.search.search(question, { quotes: library.quotes }).hits.length === 0) return [];
  const label = ([name, value]: [string, string]) => `${name}:${value}`;
  const alone = active.filter(([name, value]) => library.search.search(question, { filters: { [name]: value }, quotes: library.quotes }).hits.length === 0);
  return (alone.length > 0 ? alone : active).map(label);
}
