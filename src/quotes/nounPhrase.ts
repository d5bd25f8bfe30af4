import { isNameWord, type Token } from './tokenize.js';
import { CALENDAR_WORDS, COMPANY_NOUNS, DETERMINERS, NP_STOP_WORDS, PRONOUNS, ROLE_NOUNS, SENTENCE_OPENERS, SOURCE_NOUNS, TITLES } from './vocabulary.js';

// The noun-phrase layer under the attribution rules: what a speaker phrase is, and how one is read from tokens.
// In the examples, tokensOf(text) stands for tokenize(text, 0, text.length, []).

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
  /** Opened by "the": a definite description ("the Tory leader") that may stand for someone named earlier. */
  definite: boolean;
  /** Opened by "a"/"an": someone new ("a Labour spokesman"), never someone named earlier. */
  indefinite?: boolean;
  /** Opened by a possessive pronoun ("his office"): "his", "her", "its" or "their". */
  possessor?: string | undefined;
}

/** Possessive pronouns that may open a speaker phrase: "his office", "their spokesman". */
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their']);

/** A role longer than this is not an appositive but a clause. */
const MAX_ROLE_TOKENS = 16;
/** Lower-case words a group speaker may have ("opposition groups", "army deserters"). */
export const MAX_GROUP_WORDS = 4;
export const NAME_CONNECTORS = new Set(['of', 'for', 'and', 'de', 'del', 'della', 'da', 'di', 'al', 'el', 'bin', 'ibn', 'van', 'von', 'der', 'den', 'du', 'la', 'le', 'the', 'on', '&']);
export const APPOSITIVE_ADVERBS = new Set(['however', 'though', 'meanwhile', 'too', 'also', 'moreover', 'nonetheless', 'nevertheless', 'instead']);

/** Verbs that turn a would-be appositive into a clause. */
const CLAUSE_VERBS = new Set(['has', 'have', 'had', 'is', 'was', 'were', 'are', 'will', 'would', 'said', 'says', 'told', 'feel', 'feels', 'felt', 'think', 'thinks', 'do', 'does', 'did']);

/** Determiners that introduce someone new: "a spokesman", "one Tokyo-based analyst", "another delegate". */
export const INDEFINITE_DETERMINERS = new Set(['a', 'an', 'one', 'another']);
export const isWord = (token: Token | undefined): token is Token => token?.kind === 'word';
export const isComma = (token: Token | undefined): boolean => token?.kind === 'punct' && token.text === ',';
export const isAcronym = (text: string): boolean => /^[\p{Lu}\p{N}&.-]{2,}$/u.test(text) && /\p{Lu}/u.test(text);

/** Newspapers named for their day ("the Mail on Sunday", "Scotland on Sunday"): there "on Sunday" is the name's. */
const SUNDAY_TITLES = new Set(['mail', 'independent', 'scotland', 'wales']);
/**
 * True when `before` "on" `after` names a newspaper for its day.
 * @example isSundayTitle('Mail', 'Sunday') // => true
 */
export const isSundayTitle = (before: string, after: string): boolean => after.toLowerCase() === 'sunday' && SUNDAY_TITLES.has(before.toLowerCase());
/**
 * True when tokens[`i`] is an "on" that starts a date ("the Audit Office on Monday", "on March 3").
 * @example startsDate(tokensOf('the Audit Office on Monday'), 3) // => true
 */
export function startsDate(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (tokens[i]?.lower !== 'on' || !isWord(next) || !CALENDAR_WORDS.has(next.lower)) return false;
  return !isSundayTitle(tokens[i - 1]?.text ?? '', next.text);
}
/**
 * True when tokens[`i`] is a connector inside a name ("Commission on Human Rights"), not the start of a date.
 * @example joinsName(tokensOf('the Audit Office on Monday'), 3) // => false
 */
export const joinsName = (tokens: readonly Token[], i: number): boolean => NAME_CONNECTORS.has(tokens[i]!.lower) && !startsDate(tokens, i);

/**
 * Index of the comma before `index` within [`bound`, `index`) (or of a clause mark or quotation, which also end a
 * chunk), or `bound - 1` when there is none.
 * @example previousComma(tokensOf('Ann , a nurse , said'), 4, 0) // => 1
 */
export function previousComma(tokens: readonly Token[], index: number, bound: number): number {
  if (index <= bound) return bound - 1;
  const stop = chunkStops(tokens)[index - 1] ?? -1;
  return stop >= bound ? stop : bound - 1;
}

const endsChunk = (token: Token): boolean =>
  isComma(token) || token.kind === 'quote' || (token.kind === 'punct' && /[;:.!?]/.test(token.text));

/**
 * For each token, the index of the nearest comma, clause mark or quotation at or before it (-1 when none), computed
 * once per token array: `previousComma` runs for every reporting verb, and a walk back from each one costs the
 * square of the sentence's length on a long sentence without commas (" in a statement the statement said" × 20,000).
 * Keyed by the array: a sentence's tokens are not changed once built (every reader takes them `readonly`).
 */
const chunkStopCache = new WeakMap<readonly Token[], Int32Array>();

function chunkStops(tokens: readonly Token[]): Int32Array {
  let stops = chunkStopCache.get(tokens);
  if (stops?.length === tokens.length) return stops;
  stops = new Int32Array(tokens.length);
  let last = -1;
  for (let i = 0; i < tokens.length; i += 1) {
    if (endsChunk(tokens[i]!)) last = i;
    stops[i] = last;
  }
  chunkStopCache.set(tokens, stops);
  return stops;
}

/**
 * Index of the first token in [`from`, `to`) that `matches`, or -1: a bounded `findIndex`, which would otherwise
 * visit every token of the sentence for a window of a few words.
 * @example findWithin(tokensOf('told reporters that'), 1, 3, (token) => token.lower === 'that') // => 2
 */
export function findWithin(tokens: readonly Token[], from: number, to: number, matches: (token: Token) => boolean): number {
  const end = Math.min(to, tokens.length);
  for (let i = Math.max(from, 0); i < end; i += 1) if (matches(tokens[i]!)) return i;
  return -1;
}

/**
 * The tokens' text joined by spaces, without a space before a comma, an apostrophe or a closing bracket or after an
 * opening one.
 * @example joinTokens(tokensOf('Rights ( SOHR )')) // => 'Rights (SOHR)'
 */
export function joinTokens(tokens: readonly Token[]): string {
  let text = '';
  // Remembered rather than read back with `text.endsWith('(')`, which flattens the growing string on every token.
  let afterOpening = false;
  for (const token of tokens) {
    // A plural owner's apostrophe ("the Musicians' Union") stays on its word.
    const glue: string = text === '' || token.text === ')' || token.text === ',' || token.text === "'" || token.text === '’' || afterOpening ? '' : ' ';
    const piece: string = glue + token.text;
    text += piece;
    if (piece !== '') afterOpening = piece.endsWith('(');
  }
  return text;
}

/**
 * A chunk reads as a description of someone ("a resident of Homs", "director general of the BCC").
 * @example isRoleChunk(tokensOf('a resident of Homs'), 0, 4) // => true
 */
export function isRoleChunk(tokens: readonly Token[], from: number, to: number): boolean {
  const length = to - from;
  if (length < 1 || length > MAX_ROLE_TOKENS) return false;
  for (let i = from; i < to; i += 1) if (tokens[i]!.kind === 'quote') return false;
  const first = tokens[from]!;
  if (!isWord(first)) return false;
  // "an attorney for the committee has responded to the letter": a clause, not a description.
  for (let i = from; i < to; i += 1) if (CLAUSE_VERBS.has(tokens[i]!.lower)) return false;
  if (first.lower === 'the' || first.lower === 'a' || first.lower === 'an') return true;
  if (!first.capitalised) return !NP_STOP_WORDS.has(first.lower) && !first.lower.endsWith('ing');
  // "USDA deputy administrator for program planning", "MP for Henley-on-Thames": a title inside.
  for (let i = from; i < to; i += 1) {
    const word = tokens[i]!.lower.replace(/\.$/u, '');
    if (ROLE_NOUNS.has(word) || TITLES.has(word)) return !tokens.slice(from, to).some((token) => token.lower === 'said' || token.lower === 'says');
  }
  return false;
}

/**
 * The longest noun phrase ending just before `to` and starting at or after `from`: a capitalised name with its
 * connectors ("Syrian Observatory for Human Rights (SOHR)"), or a short lower-case group ("opposition groups").
 * @example nounPhraseEndingAt(tokensOf('said the Syrian Observatory for Human Rights'), 0, 7) // => { start: 1, acronym: null }
 */
export function nounPhraseEndingAt(tokens: readonly Token[], from: number, to: number): { start: number; acronym: string | null } | null {
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
    const left = tokens[i - 1];
    // "Students & Scholars Against Corporate Misbehavior", "Marks & Spencer": an ampersand between capitalised words.
    if (token.text === '&' && start === i + 1 && left?.capitalised === true && left.kind === 'word') continue;
    if (!isWord(token)) break;
    if (token.capitalised || /^\p{N}/u.test(token.text)) {
      if (/['’]s$/u.test(token.text) && i !== to - 1) break;
      start = i;
      continue;
    }
    // "Committee for the Peaceful Reunification of Korea": "the" after a connector inside a name.
    if (token.lower === 'the' && start < to && isWord(left) && ['for', 'of', 'on'].includes(left.lower) && tokens[i - 2]?.capitalised) continue;
    if (DETERMINERS.has(token.lower)) {
      if (start < to) start = i;
      break;
    }
    if (joinsName(tokens, i) && start < to && isWord(left) && (left.capitalised || (token.lower === 'and' && /s$/.test(left.lower)))) {
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

/**
 * The speaker phrase of tokens [`start`, `end`): a leading determiner or sentence opener dropped, kind decided by
 * capitals. Null when no word is left.
 * @example toPhrase(tokensOf('But David Frost'), 0, 3, null, null)?.text // => 'David Frost'
 */
export function toPhrase(tokens: readonly Token[], start: number, end: number, acronym: string | null, role: string | null): SpeakerPhrase | null {
  let from = start;
  // Drop a determiner and words capitalised only because they open the sentence ("But", "Yesterday").
  while (from < end && isWord(tokens[from]) && (DETERMINERS.has(tokens[from]!.lower) || SENTENCE_OPENERS.has(tokens[from]!.lower))) from += 1;
  let to = end;
  while (to > from && !isWord(tokens[to - 1])) to -= 1;
  to -= channelWords(tokens, from, to);
  if (to <= from) return null;
  const kept = tokens.slice(from, to).filter((token) => token.text !== '(' && token.text !== ')' && token.text !== acronym);
  const words = kept.filter((token) => token.kind === 'word' || token.text === '&').map((token) => token.text.replace(/['’]s$/u, ''));
  if (words.length === 0) return null;
  const text = joinTokens(kept).replace(/['’]s$/u, '');
  const kind = words.some(isNameWord) ? 'name' : 'group';
  const determiner = tokens[start]?.lower;
  const possessor = determiner !== undefined && POSSESSIVE_PRONOUNS.has(determiner) ? determiner : undefined;
  return { kind, text, words, acronym, role, start, definite: determiner === 'the', indefinite: INDEFINITE_DETERMINERS.has(determiner ?? ''), possessor };
}

/** Where a name publishes, after the name: "the Turkish Foreign Ministry web site" speaks for the ministry. */
const CHANNEL_NOUNS = new Set(['website', 'site', 'blog', 'homepage']);

/**
 * How many words at the end of `[from, to)` name a channel after a capitalised name ("web site", "website"), 0 when none.
 * @example channelWords(tokensOf('the Acme web site'), 0, 4) // => 2
 */
function channelWords(tokens: readonly Token[], from: number, to: number): number {
  if (!CHANNEL_NOUNS.has(tokens[to - 1]?.lower ?? '')) return 0;
  const count = tokens[to - 1]!.lower === 'site' && tokens[to - 2]?.lower === 'web' ? 2 : 1;
  const owner = tokens[to - 1 - count];
  return to - count > from && isWord(owner) && owner.capitalised ? count : 0;
}

/**
 * Chunks between commas, nearest first, ending at `end` and not before `bound` (at most `limit`).
 * @example chunksBefore(tokensOf('X , a nurse , said'), 4, 0, 5) // => [[2, 4], [0, 1]]
 */
export function chunksBefore(tokens: readonly Token[], end: number, bound: number, limit: number): [number, number][] {
  const chunks: [number, number][] = [];
  let to = end;
  while (chunks.length < limit) {
    const from = previousComma(tokens, to, bound) + 1;
    chunks.push([from, to]);
    if (from - 1 < bound || !isComma(tokens[from - 1])) break;
    to = from - 1;
  }
  return chunks;
}

export const ROLE_LINKS = new Set(['for', 'of', 'at', 'with', 'from']);
/** Prepositions that open an introductory phrase before a sentence's subject ("After the ruling, …"). */
const INTRODUCTORY_PREPOSITIONS = new Set(['after', 'before', 'following', 'during', 'since', 'at', 'in', 'on']);

/**
 * The whole chunk names someone: a capitalised name ("Danny Abdul Dayem", "the SOHR"), a name after its role
 * ("Ireland captain Brian O'Driscoll"), or a described speaker ("A spokesman for the World Summit … (WSIS)").
 * @example nameChunk(tokensOf("Ireland captain Brian O'Driscoll"), [0, 4])?.text // => "Brian O'Driscoll"
 */
export function nameChunk(tokens: readonly Token[], [from, to]: [number, number], allowDescription = true): SpeakerPhrase | null {
  if (to <= from) return null;
  const phrase = nounPhraseEndingAt(tokens, from, to);
  let last = to - 1;
  while (last >= from && !isWord(tokens[last])) last -= 1;
  const lastWord = last >= from ? tokens[last] : undefined;
  if (phrase && lastWord && isNameWord(lastWord.text)) {
    const prefix = tokens.slice(from, phrase.start);
    // "After the ruling Carla Ferstman": a short introductory phrase before the name is no part of it.
    const introductory = prefix.length > 1 && prefix.length <= 5 && prefix.every(isWord) && INTRODUCTORY_PREPOSITIONS.has(prefix[0]!.lower) &&
      !prefix.some((token) => token.capitalised && token !== prefix[0]);
    const openersOnly = introductory || prefix.every((token) => isWord(token) && (SENTENCE_OPENERS.has(token.lower) || DETERMINERS.has(token.lower)));
    const lastOfPrefix = prefix[prefix.length - 1]?.lower.replace(/\.$/u, '') ?? '';
    // "US agricultural firm Cargill": a kind of company before its name, as a role before a person's (but "chairman of
    // messaging firm Mblox" describes the person before it, not Mblox).
    const companyPrefix = COMPANY_NOUNS.has(lastOfPrefix) && !prefix.some((token) => ROLE_LINKS.has(token.lower));
    const rolePrefix = !openersOnly && prefix.length <= 8 && prefix.every(isWord) &&
      (ROLE_NOUNS.has(lastOfPrefix) || TITLES.has(lastOfPrefix) || companyPrefix) && !prefix.some((token) => NP_STOP_WORDS.has(token.lower) && !ROLE_LINKS.has(token.lower));
    if (openersOnly || rolePrefix) {
      const result = toPhrase(tokens, phrase.start, to, phrase.acronym, rolePrefix ? joinTokens(prefix) : null);
      if (result?.kind === 'name') {
        if (rolePrefix) result.start = from;
        // A lone capitalised word after a role ("Ireland captain" is not a name: the name is what follows).
        return result;
      }
    }
  }
  return allowDescription ? describedChunk(tokens, [from, to]) : null;
}

/**
 * "a spokesman for the World Summit … (WSIS)": a role noun, a link word, then who they speak for.
 * @example describedChunk(tokensOf('a spokesman for Acme'), [0, 4])?.text // => 'spokesman for Acme'
 */
export function describedChunk(tokens: readonly Token[], [from, to]: [number, number]): SpeakerPhrase | null {
  let i = from;
  if (isWord(tokens[i]) && DETERMINERS.has(tokens[i]!.lower)) i += 1;
  // "the deputy commander of the brigade": a lower-case word or two may qualify the role.
  for (let skipped = 0; skipped < 2 && isWord(tokens[i]) && !tokens[i]!.capitalised && !ROLE_NOUNS.has(tokens[i]!.lower) &&
    isWord(tokens[i + 1]) && !ROLE_LINKS.has(tokens[i + 1]!.lower) && !NP_STOP_WORDS.has(tokens[i]!.lower); skipped += 1) i += 1;
  // "a source from the French finance ministry", "sources at the bank": an unnamed source is described so too.
  if (isWord(tokens[i]) && (ROLE_NOUNS.has(tokens[i]!.lower) || SOURCE_NOUNS.has(tokens[i]!.lower)) && isWord(tokens[i + 1]) && ROLE_LINKS.has(tokens[i + 1]!.lower) && to - from <= 14) {
    let end = to;
    // Without the acronym in brackets at the end.
    if (tokens[end - 1]?.text === ')' && tokens[end - 3]?.text === '(') end -= 3;
    const described = toPhrase(tokens, from, end, null, null);
    if (described) {
      described.kind = 'group';
      return described;
    }
  }
  return null;
}

/**
 * A chunk that is wholly one noun phrase ("a spokesman").
 * @example nounPhraseChunk(tokensOf('a spokesman'), [0, 2])?.text // => 'spokesman'
 */
export function nounPhraseChunk(tokens: readonly Token[], [from, to]: [number, number]): SpeakerPhrase | null {
  const phrase = nounPhraseEndingAt(tokens, from, to);
  return phrase && phrase.start === from ? toPhrase(tokens, phrase.start, to, phrase.acronym, null) : null;
}

export const isRelativeChunk = (tokens: readonly Token[], [from]: [number, number]): boolean =>
  tokens[from]?.lower === 'who' || tokens[from]?.lower === 'which';

/** "Oxfordshire" in "MP for Henley, Oxfordshire, said"; "19" in "Leo Park, 19, told". */
export const isPlaceChunk = (tokens: readonly Token[], [from, to]: [number, number]): boolean =>
  to - from === 1 && (tokens[from]!.capitalised || /^\p{N}+$/u.test(tokens[from]!.text));

/** A capitalised adjective of place or language opening a phrase: "UK-based", "English-language". */
const LEADING_ADJECTIVE = /^\p{Lu}[\p{L}.]*-\p{Ll}+$/u;

/**
 * The name at the end of a phrase that describes before it names ("Syrian border guard Ibrahim Brahim" → "Ibrahim
 * Brahim", role "Syrian border guard"; "English-language South China Morning Post" → "South China Morning Post").
 * The phrase itself when it is a plain name.
 * @example nameAfterDescription(phraseOf('Polish newspaper Gazeta Wyborcza')).text // => 'Gazeta Wyborcza'
 */
export function nameAfterDescription(phrase: SpeakerPhrase): SpeakerPhrase {
  if (phrase.kind !== 'name') return phrase;
  const { words } = phrase;
  // "Catholic Archbishop of Brisbane John Bathersby", "Secretary of State Condoleezza Rice": a title of a place or
  // office, then the person, whose name is the last two words.
  const titleOf = words.findIndex((word, index) => TITLES.has(word.toLowerCase()) && words[index + 1] === 'of');
  if (titleOf >= 0 && words.length - titleOf - 2 >= 3 && words.slice(-2).every(isNameWord)) {
    return { ...phrase, text: words.slice(-2).join(' '), words: words.slice(-2), role: phrase.role ?? words.slice(0, -2).join(' ') };
  }
  // The common case, a plain name ("Alain Juppe"), returns at once.
  if (!phrase.text.includes('s ') && words.every((word) => !word.includes('-') && /^\p{Lu}/u.test(word))) return phrase;
  let first = 0;
  // "Syria's Major-General Amin Suleyman": the owner before a possessive is not part of the name.
  const written = phrase.text.split(' ');
  const owner = written.slice(0, -1).findLastIndex((word) => /['’]s$/u.test(word));
  if (owner >= 0 && written.length === words.length && owner < words.length - 1) first = owner + 1;
  while (first < words.length - 1 && LEADING_ADJECTIVE.test(words[first]!)) first += 1;
  let lastLower = -1;
  words.forEach((word, index) => {
    if (index >= first && !isNameWord(word) && !NAME_CONNECTORS.has(word.toLowerCase())) lastLower = index;
  });
  const nameStart = lastLower >= 0 && lastLower < words.length - 1 ? lastLower + 1 : first;
  if (nameStart === 0) return phrase;
  const kept = words.slice(nameStart);
  const described = words.slice(0, nameStart).join(' ');
  return { ...phrase, text: kept.join(' '), words: kept, role: phrase.role ?? (lastLower >= 0 ? described : null) };
}
