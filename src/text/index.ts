/**
 * The text layer: one word tokenizer, one sentence splitter, one abbreviation list, one bounded edit distance and one
 * normalisation, shared by search, excerpts and answers so that they agree on what a word and a sentence are.
 */
export { ABBREVIATIONS } from './abbreviations.js';
export { articleText } from './articleText.js';
export { boundedDistance } from './editDistance.js';
export { plural } from './plural.js';
export { splitSentences } from './sentences.js';
export { synonymsOf } from './synonyms.js';
export { wordStem } from './wordStem.js';
export { foldSearchWord, foldTerm, foldText, joinInitialisms, words, WORD } from './words.js';
// What the quote extractor reads with: token offsets, quotation-safe sentence offsets, the titles among the abbreviations.
export { TITLE_ABBREVIATIONS } from './abbreviations.js';
export { sentenceBounds, type SentenceBounds, type UnbrokenRange } from './sentences.js';
export { compoundWordAt, wordAt } from './words.js';
