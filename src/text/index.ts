/**
 * The text layer: one word tokenizer, one sentence splitter, one abbreviation list, one bounded edit distance and one
 * normalisation, shared by search, excerpts and answers so that they agree on what a word and a sentence are.
 */
export { ABBREVIATIONS, TITLE_ABBREVIATIONS } from './abbreviations.js';
export { articleText } from './articleText.js';
export { boundedDistance } from './editDistance.js';
export { sentenceBounds, splitSentences, type SentenceBounds, type UnbrokenRange } from './sentences.js';
export { compoundWordAt, foldTerm, words, WORD } from './words.js';
