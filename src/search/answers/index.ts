export { analyzeQuestion, asksForInstructions, type ExpectedAnswer, type QuestionAnalysis } from './analyzeQuestion.js';
export { answerExcerpt } from './answerExcerpt.js';
export { acronymDefinitions, countsWordAt, isStatedPurpose, isWeakReason, recognise, type AnswerSpan, type SpanType } from './recognise.js';
export { selectAnswer, type AnswerChoice, type AnswerQuery, type AnswerTerm, type AttributedQuote } from './selectAnswer.js';
