export type { Quote, QuoteKind } from './types.js';
export { extractQuotes } from './extractQuotes.js';
export { foldName, speakerKey, surnameKey, sameSpeaker } from './speakerName.js';
export { QuoteIndex, type ArticleInfo, type FindByTextOptions, type QuoteIndexJSON, type QuoteMatch, type QuoteStructures } from './quoteIndex.js';
export type { SpeakerSummary } from './speakerDirectory.js';
export { lookupQuotes, type QuoteLookup, type QuoteRequest } from './lookupQuotes.js';
