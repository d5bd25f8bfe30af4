import type { Token } from './tokenize.js';
import { isClosingPunct } from './findAttribution.js';
import { speakerAfter, subjectBefore, type SpeakerPhrase } from './findSpeakerPhrase.js';
import { PRONOUNS, REPORTED_SPEECH_VERBS, VIEW_NOUNS } from './vocabulary.js';

// Shapes of reported speech that findReportedClaim's "X said (that) CLAIM" / "CLAIM, X said" reading does not
// cover: an attribution inserted mid-sentence, and "X's view is that CLAIM".

/** A reported claim made of one or more token ranges of a sentence, and who made it. */
export interface ReportedParts {
  phrase: SpeakerPhrase;
  /** Token ranges [from, to) of the claim, in order; the attribution between them is left out. */
  parts: [number, number][];
}

/** Fewest words a reported claim must have. */
const MIN_CLAIM_WORDS = 4;
const COPULAS = new Set(['is', 'was', 'remains', 'remained']);

const words = (tokens: readonly Token[], from: number, to: number): number =>
  tokens.slice(from, to).filter((token) => token.kind === 'word').length;

/**
 * `Before now, he said, it has been hard …`, `If Steam proves effective, said Mr Fahey, other game makers may …`:
 * an attribution between two commas inside the sentence; the claim is the sentence around it.
 *
 * @example
 * findInsertedAttribution(tokensOf('Before now, he said, it has been hard to act.'))
 * // => { phrase: { kind: 'pronoun', text: 'he', … }, parts: [[0, 2], [6, 12]] }
 */
export function findInsertedAttribution(tokens: readonly Token[]): ReportedParts | null {
  let end = tokens.length;
  while (end > 0 && isClosingPunct(tokens[end - 1]!)) end -= 1;
  for (let open = 1; open < end; open += 1) {
    if (tokens[open]!.text !== ',') continue;
    // Only the next few tokens: a scan of the whole sentence per comma is quadratic ('1,1,1,…' × 50k took 10 s).
    let close = -1;
    for (let index = open + 1; index <= Math.min(open + 6, tokens.length - 1); index += 1) {
      if (tokens[index]!.text === ',') {
        close = index;
        break;
      }
    }
    if (close < 0) continue;
    const inside = tokens.slice(open + 1, close);
    if (inside.some((token) => token.kind !== 'word')) continue;
    let phrase: SpeakerPhrase | null = null;
    const first = inside[0];
    if (first && REPORTED_SPEECH_VERBS.has(first.lower)) {
      // ", said Mr Fahey,"
      phrase = speakerAfter(tokens, open + 1, close);
    } else {
      // ", he said,", ", Mr Fahey added,"
      const verb = close - 1;
      if (REPORTED_SPEECH_VERBS.has(tokens[verb]!.lower) && verb > open + 1) {
        const subject = subjectBefore(tokens, verb, open + 1);
        if (subject && subject.start === open + 1 && (subject.kind !== 'pronoun' || PRONOUNS.has(subject.text))) phrase = subject;
      }
    }
    if (!phrase) continue;
    const parts: [number, number][] = [[0, open], [close + 1, end]];
    if (tokens[0]!.kind === 'quote' || words(tokens, 0, open) + words(tokens, close + 1, end) < MIN_CLAIM_WORDS || words(tokens, close + 1, end) < 2) continue;
    return { phrase, parts };
  }
  return null;
}

/**
 * `The firm's view is that banks should do more`, `Mr Cable's argument was that …`: a claim carried by a noun of
 * opinion owned by its speaker.
 *
 * @example
 * findViewClaim(tokensOf("The firm's view is that banks should do more."))
 * // => { phrase: { kind: 'group', text: 'firm', … }, parts: [[5, 9]] }
 */
export function findViewClaim(tokens: readonly Token[]): ReportedParts | null {
  let end = tokens.length;
  while (end > 0 && isClosingPunct(tokens[end - 1]!)) end -= 1;
  for (let i = 1; i + 2 < end; i += 1) {
    if (!VIEW_NOUNS.has(tokens[i]!.lower) || !COPULAS.has(tokens[i + 1]!.lower) || tokens[i + 2]!.lower !== 'that') continue;
    const owner = tokens[i - 1]!;
    if (owner.kind !== 'word' || !/['’]s$/u.test(owner.text)) continue;
    const phrase = subjectBefore(tokens, i, 0);
    if (!phrase || words(tokens, i + 3, end) < MIN_CLAIM_WORDS - 1) continue;
    return { phrase, parts: [[i + 3, end]] };
  }
  return null;
}
