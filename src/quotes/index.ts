export type { Quote, QuoteKind } from './types.js';
export { extractQuotes } from './extractQuotes.js';
export { foldName, speakerKey, surnameKey, sameSpeaker } from './speakerName.js';
