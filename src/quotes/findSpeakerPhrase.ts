import type { Token } from './tokenize.js';
import { DETERMINERS, NP_STOP_WORDS, PRONOUNS, SENTENCE_OPENERS, VERB_FILLERS } from './vocabulary.js';

/** The words that name a speaker in one sentence, before they are resolved against the article. */
export interface SpeakerPhrase {
  /** `pronoun`: he/she/they/it; `name`: capitalised (a person or an organisation); `group`: a lower-case noun phrase. */
  kind: 'pronoun' | 'name' | 'group';
  /** The words, without a leading determiner or sentence-opening adverb ("Alain Juppe", "activists and witnesses"). */
  text: string;
  /** The words of `text`, in order. */
  words: string[];
  /** An acronym given in brackets after the name ("SOHR"), if any. */
  acronym: string | null;
  /** An appositive or description of the speaker in the same sentence ("the French foreign minister"). */
  role: string | null;
  /** Index of the first token of the speaker's words, appositives and descriptions included. */
  start: number;
}

/** A role longer than this is not an appositive but a clause. */
const MAX_ROLE_TOKENS = 16;
/** Lower-case words a group speaker may have ("opposition groups", "army deserters"). */
const MAX_GROUP_WORDS = 4;
const NAME_CONNECTORS = new Set(['of', 'for', 'and', 'de', 'del', 'della', 'da', 'di', 'al', 'el', 'bin', 'ibn', 'van', 'von', 'der', 'den', 'du', 'la', 'le', 'the', 'on', '&']);
const APPOSITIVE_ADVERBS = new Set(['however', 'though', 'meanwhile', 'too', 'also', 'moreover', 'nonetheless', 'nevertheless', 'instead']);

const isWord = (token: Token | undefined): token is Token => token?.kind === 'word';
const isComma = (token: Token | undefined): boolean => token?.kind === 'punct' && token.text === ',';
const isAcronym = (text: string): boolean => /^[\p{Lu}\p{N}&.-]{2,}$/u.test(text) && /\p{Lu}/u.test(text);

/** Index of the comma before `index` within [`bound`, `index`), or `bound - 1` when there is none. */
function previousComma(tokens: readonly Token[], index: number, bound: number): number {
  for (let i = index - 1; i >= bound; i -= 1) {
    const token = tokens[i]!;
    if (isComma(token)) return i;
    if (token.kind === 'quote' || (token.kind === 'punct' && /[;:.!?]/.test(token.text))) return i;
  }
  return bound - 1;
}

function joinTokens(tokens: readonly Token[]): string {
  let text = '';
  for (const token of tokens) {
    const glue = text === '' || token.text === ')' || token.text === ',' || text.endsWith('(') ? '' : ' ';
    text += glue + token.text;
  }
  return text;
}

/** A chunk reads as a description of someone ("a resident of Homs", "director general of the BCC"). */
function isRoleChunk(tokens: readonly Token[], from: number, to: number): boolean {
  const length = to - from;
  if (length < 1 || length > MAX_ROLE_TOKENS) return false;
  for (let i = from; i < to; i += 1) if (tokens[i]!.kind === 'quote') return false;
  const first = tokens[from]!;
  if (!isWord(first)) return false;
  if (first.lower === 'the' || first.lower === 'a' || first.lower === 'an') return true;
  return !first.capitalised && !NP_STOP_WORDS.has(first.lower) && !first.lower.endsWith('ing');
}

/**
 * The longest noun phrase ending just before `to` and starting at or after `from`: a capitalised name with its
 * connectors ("Syrian Observatory for Human Rights (SOHR)"), or a short lower-case group ("opposition groups").
 */
function nounPhraseEndingAt(tokens: readonly Token[], from: number, to: number): { start: number; acronym: string | null } | null {
  let start = to;
  let acronym: string | null = null;
  let lowerWords = 0;
  let i = to - 1;
  // "(SOHR)" after a name: keep it as the name's acronym.
  if (i - 2 >= from && tokens[i]!.text === ')' && isWord(tokens[i - 1]) && isAcronym(tokens[i - 1]!.text) && tokens[i - 2]!.text === '(') {
    acronym = tokens[i - 1]!.text;
    i -= 3;
    start = i + 1;
  }
  for (; i >= from; i -= 1) {
    const token = tokens[i]!;
    if (!isWord(token)) break;
    const left = tokens[i - 1];
    if (token.capitalised || /^\p{N}/u.test(token.text)) {
      if (/['’]s$/u.test(token.text) && i !== to - 1) break;
      start = i;
      continue;
    }
    if (DETERMINERS.has(token.lower)) {
      if (start < to) start = i;
      break;
    }
    if (NAME_CONNECTORS.has(token.lower) && start < to && isWord(left) && (left.capitalised || (token.lower === 'and' && /s$/.test(left.lower)))) {
      // "Observatory for Human Rights", "Russia and China", "activists and witnesses".
      continue;
    }
    if (NP_STOP_WORDS.has(token.lower) || PRONOUNS.has(token.lower)) break;
    if (tokens.slice(start, to).some((t) => t.capitalised) && start < to) break;
    if (lowerWords >= MAX_GROUP_WORDS || token.lower.endsWith('ing') || token.lower.endsWith('ly')) break;
    lowerWords += 1;
    start = i;
  }
  if (start >= to) return null;
  // A connector cannot open the phrase ("and China said" is not a speaker "and China").
  while (start < to && isWord(tokens[start]) && NAME_CONNECTORS.has(tokens[start]!.lower) && tokens[start]!.lower !== 'the') start += 1;
  return start < to ? { start, acronym } : null;
}

function toPhrase(tokens: readonly Token[], start: number, end: number, acronym: string | null, role: string | null): SpeakerPhrase | null {
  let from = start;
  // Drop a determiner and words capitalised only because they open the sentence ("But", "Yesterday").
  while (from < end && isWord(tokens[from]) && (DETERMINERS.has(tokens[from]!.lower) || SENTENCE_OPENERS.has(tokens[from]!.lower))) from += 1;
  let to = end;
  while (to > from && !isWord(tokens[to - 1])) to -= 1;
  if (to <= from) return null;
  const kept = tokens.slice(from, to).filter((token) => token.text !== '(' && token.text !== ')' && token.text !== acronym);
  const words = kept.filter(isWord).map((token) => token.text.replace(/['’]s$/u, ''));
  const text = joinTokens(kept).replace(/['’]s$/u, '');
  const kind = words.some((word) => /^\p{Lu}/u.test(word)) ? 'name' : 'group';
  return { kind, text, words, acronym, role, start };
}

/**
 * Finds who a reporting verb's subject is, reading backwards from the verb at `verbIndex` but not before `bound`:
 * `Alhomsy said`, `Alain Juppe, the French foreign minister, told`, `he said`, `Smith, who said`,
 * `The Shadow Secretary, Theresa May, said`. Returns null when the words before the verb name no one.
 *
 * @example
 * subjectBefore(tokenize('Juppe cautioned, however, that', …), 1, 0) // => { kind: 'name', text: 'Juppe', … }
 */
export function subjectBefore(tokens: readonly Token[], verbIndex: number, bound: number): SpeakerPhrase | null {
  let i = verbIndex - 1;
  for (;;) {
    while (i >= bound && isWord(tokens[i]) && VERB_FILLERS.has(tokens[i]!.lower)) i -= 1;
    // ", however," between the subject and the verb.
    if (i - 2 >= bound && isComma(tokens[i]) && isWord(tokens[i - 1]) && APPOSITIVE_ADVERBS.has(tokens[i - 1]!.lower) && isComma(tokens[i - 2])) {
      i -= 3;
      continue;
    }
    break;
  }
  const last = tokens[i];
  if (i < bound || !last) return null;
  if (isWord(last) && PRONOUNS.has(last.lower)) {
    return { kind: 'pronoun', text: last.lower, words: [last.lower], acronym: null, role: null, start: i };
  }
  if (isWord(last) && last.lower === 'who' && isComma(tokens[i - 1])) return nameChunkBefore(tokens, i - 1, bound, null);
  if (isComma(last)) {
    const roleStart = previousComma(tokens, i, bound) + 1;
    if (isRoleChunk(tokens, roleStart, i) && isComma(tokens[roleStart - 1])) {
      const role = joinTokens(tokens.slice(roleStart, i));
      const named = nameChunkBefore(tokens, roleStart - 1, bound, role);
      if (named) return named;
    }
    const chunk = nounPhraseEndingAt(tokens, roleStart, i);
    if (chunk && chunk.start === roleStart) {
      const phrase = toPhrase(tokens, chunk.start, i, chunk.acronym, null);
      if (phrase?.kind === 'name') {
        // "The Shadow Secretary of State, Theresa May, said": the chunk before the name describes her.
        const before = previousComma(tokens, roleStart - 1, bound) + 1;
        if (before === bound && isComma(tokens[roleStart - 1]) && isRoleChunk(tokens, before, roleStart - 1)) {
          phrase.role = joinTokens(tokens.slice(before, roleStart - 1));
          phrase.start = before;
        }
        return phrase;
      }
    }
    return null;
  }
  const chunkStart = previousComma(tokens, i + 1, bound) + 1;
  const phrase = nounPhraseEndingAt(tokens, chunkStart, i + 1);
  if (!phrase) return null;
  const result = toPhrase(tokens, phrase.start, i + 1, phrase.acronym, null);
  if (result?.kind === 'name' && phrase.start > chunkStart && phrase.start - chunkStart <= 8) {
    // "Liberal Democrat spokeswoman for women Sandra Gidley said": the words before the name are her role.
    const prefix = tokens.slice(chunkStart, phrase.start);
    if (prefix.every(isWord) && prefix.some((token) => !token.capitalised) && !prefix.some((t) => NP_STOP_WORDS.has(t.lower) && t.lower !== 'of' && t.lower !== 'for')) {
      result.role = joinTokens(prefix);
      result.start = chunkStart;
    }
  }
  return result;
}

/** The name chunk ending at the comma `commaIndex` (the part before an appositive). */
function nameChunkBefore(tokens: readonly Token[], commaIndex: number, bound: number, role: string | null): SpeakerPhrase | null {
  const start = previousComma(tokens, commaIndex, bound) + 1;
  const phrase = nounPhraseEndingAt(tokens, start, commaIndex);
  if (!phrase) return null;
  const result = toPhrase(tokens, phrase.start, commaIndex, phrase.acronym, role);
  return result?.kind === 'name' ? result : null;
}

/**
 * Finds the speaker named after an inverted reporting verb, `"…," said Mr Smith, the party's leader.`, reading
 * forwards from the verb at `verbIndex` up to `end`.
 *
 * @example
 * speakerAfter(tokenize('"Go," said Ann Lee.', …), 2, 6) // => { kind: 'name', text: 'Ann Lee', … }
 */
export function speakerAfter(tokens: readonly Token[], verbIndex: number, end: number): SpeakerPhrase | null {
  let i = verbIndex + 1;
  const start = i;
  if (isWord(tokens[i]) && PRONOUNS.has(tokens[i]!.lower)) {
    return { kind: 'pronoun', text: tokens[i]!.lower, words: [tokens[i]!.lower], acronym: null, role: null, start: i };
  }
  if (isWord(tokens[i]) && DETERMINERS.has(tokens[i]!.lower)) i += 1;
  let lowerWords = 0;
  let sawCapital = false;
  while (i < end) {
    const token = tokens[i]!;
    if (!isWord(token)) break;
    if (token.capitalised) {
      sawCapital = true;
    } else if (NAME_CONNECTORS.has(token.lower) && sawCapital && tokens[i + 1]?.capitalised) {
      // connector inside a name
    } else if (!sawCapital && !NP_STOP_WORDS.has(token.lower) && lowerWords < MAX_GROUP_WORDS) {
      lowerWords += 1;
    } else break;
    i += 1;
  }
  let acronym: string | null = null;
  let phraseEnd = i;
  if (tokens[i]?.text === '(' && isWord(tokens[i + 1]) && isAcronym(tokens[i + 1]!.text) && tokens[i + 2]?.text === ')') {
    acronym = tokens[i + 1]!.text;
    i += 3;
    phraseEnd = i;
  }
  let role: string | null = null;
  if (isComma(tokens[i])) {
    let roleEnd = i + 1;
    while (roleEnd < end && !isComma(tokens[roleEnd]) && !(tokens[roleEnd]!.kind === 'punct' && /[;.!?]/.test(tokens[roleEnd]!.text))) roleEnd += 1;
    if (isRoleChunk(tokens, i + 1, roleEnd)) role = joinTokens(tokens.slice(i + 1, roleEnd));
  }
  return toPhrase(tokens, start, phraseEnd, acronym, role);
}
