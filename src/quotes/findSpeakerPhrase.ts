import { isBareTitle } from './bareTitle.js';
import { isNameWord, type Token } from './tokenize.js';
import {
  APPOSITIVE_ADVERBS, chunksBefore, describedChunk, isAcronym, isComma, isPlaceChunk, isRelativeChunk, isRoleChunk, isWord,
  findWithin, INDEFINITE_DETERMINERS, joinsName, joinTokens, startsDate, MAX_GROUP_WORDS, NAME_CONNECTORS, nameChunk, nounPhraseChunk, nounPhraseEndingAt, previousComma, ROLE_LINKS, toPhrase,
  type SpeakerPhrase,
} from './nounPhrase.js';
import {
  DETERMINERS, MONTHS, NOUN_LIKE_VERBS, NP_STOP_WORDS, PRONOUNS, REPORTING_PARTICIPLES, REPORTING_VERBS, ROLE_NOUNS, SENTENCE_OPENERS, SOURCE_NOUNS, TITLES,
  VERB_FILLERS,
} from './vocabulary.js';

export type { SpeakerPhrase } from './nounPhrase.js';

/** A capitalised adjective of place or language: "UK-based", "English-language", "Paris-born". */
const HYPHEN_ADJECTIVE = /^\p{Lu}[\p{L}.]*-\p{Ll}+$/u;
/** Lower-case words allowed between a capitalised adjective and the name they describe. */
const MAX_DESCRIPTOR_WORDS = 4;

const isRoleNoun = (word: string): boolean => ROLE_NOUNS.has(word) || (word.endsWith('s') && ROLE_NOUNS.has(word.slice(0, -1)));

/** True when the lower-case word at `index` opens a short description that a capitalised name then ends. */
function descriptorBeforeName(tokens: readonly Token[], index: number, end: number): boolean {
  for (let j = index; j < end && j - index < MAX_DESCRIPTOR_WORDS; j += 1) {
    const token = tokens[j]!;
    if (!isWord(token) || NP_STOP_WORDS.has(token.lower) || DETERMINERS.has(token.lower)) return false;
    // "Caroline Lucas welcomed Tony Blair's …": a verb, not a description of the next name.
    // "Michael Howard sent Mr Bush …": nor is an irregular past tense.
    if (!token.capitalised && (token.lower.endsWith('ed') || REPORTING_VERBS.has(token.lower) || IRREGULAR_PAST_VERBS.has(token.lower))) return false;
    if (token.capitalised) return j > index && tokens[j + 1]?.capitalised === true;
  }
  return false;
}

/** "Hinting at …", "In a speech at …": a phrase that sets the scene, not a name. */
const opensIntroduction = (token: Token | undefined): boolean =>
  !isWord(token) || INTRODUCTIONS.has(token.lower) || token.lower.endsWith('ing') || (!token.capitalised && !DETERMINERS.has(token.lower));

/** True when a role noun follows within two lower-case words from `index`: "prime minister", "senior aid official". */
function roleNounWithin(tokens: readonly Token[], index: number, end: number): boolean {
  for (let j = index; j < end && j - index < 3; j += 1) {
    const token = tokens[j]!;
    if (!isWord(token) || token.capitalised || NP_STOP_WORDS.has(token.lower) || DETERMINERS.has(token.lower)) return false;
    // "Morgan Freeman beat actors": a past tense after the name is its verb, not part of a description.
    if (IRREGULAR_PAST_VERBS.has(token.lower)) return false;
    if (isRoleNoun(token.lower)) return j > index && !tokens[j + 1]?.capitalised;
  }
  return false;
}

/** Irregular past tenses that follow a subject's name ("Morgan Freeman beat actors …"): verbs, never a role's words. */
const IRREGULAR_PAST_VERBS = new Set(['beat', 'won', 'led', 'met', 'took', 'made', 'gave', 'hit', 'lost', 'saw', 'became', 'left', 'sent', 'kept', 'held', 'paid', 'ran', 'sold', 'bought', 'brought', 'began', 'came', 'got', 'had', 'thought', 'felt', 'found', 'heard', 'knew', 'wrote', 'spent', 'struck', 'threw', 'drew', 'fought', 'caught', 'chose', 'broke', 'stood']);

/** Plural nouns for a group of countries or bodies, qualified by a capitalised word: "Western powers". */
const GROUP_HEADS = new Set(['powers', 'nations', 'countries', 'allies', 'governments', 'members', 'forces', 'groups', 'parties', 'states', 'authorities', 'regulators', 'lawmakers', 'legislators', 'investigators', 'inspectors', 'officials']);

/** Words opening a verb's object: "released a statement", "issued its report", "sent them". */
const OBJECT_OPENERS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'this', 'that', 'these', 'those', 'them', 'him', 'it']);

/** A past tense followed by its object ("released a", "gave its"): a verb, so no part of the noun phrase before it. */
function isPastVerbBeforeObject(tokens: readonly Token[], index: number): boolean {
  const word = tokens[index]!.lower;
  // "The group came just short": a past tense that is never a noun ends the phrase whatever follows.
  if (IRREGULAR_PAST_VERBS.has(word) && !NOUN_PASTS.has(word)) return true;
  return (word.endsWith('ed') || IRREGULAR_PAST_VERBS.has(word)) && OBJECT_OPENERS.has(tokens[index + 1]?.lower ?? '');
}

/** Past tenses that are also nouns ("the beat", "a hit", "the left"): verbs only when an object follows. */
const NOUN_PASTS = new Set(['beat', 'hit', 'left', 'held', 'found', 'paid', 'drew', 'stood', 'spent']);

/** Most words before a name read as its role ("Liberal Democrat spokeswoman for women Sandra Gidley"). */
const MAX_ROLE_PREFIX_WORDS = 8;

/** Longest aside between dashes skipped between a subject and its verb. */
const MAX_ASIDE_TOKENS = 14;

/** Words that open a sentence before its subject ("And", "But", "However,"). */
const CONJUNCTIONS = new Set(['and', 'but', 'however', 'yet', 'so', 'also', 'meanwhile', 'still', 'now', 'then', 'that', 'indeed', 'instead']);
/** One-word adverbs of time that may open a sentence without a comma: "Earlier Mr Howard said". */
const TIME_ADVERBS = new Set(['earlier', 'later', 'yesterday', 'today']);
/** Words after a plural that open the members it names: "Groups including …", "Charities such as …". */
const MEMBER_LINKS = new Set(['including', 'such']);
/** Words that open an introductory phrase ("In an interview, …", "Speaking to the BBC, …"). */
const INTRODUCTIONS = new Set([
  'in', 'on', 'at', 'after', 'before', 'during', 'asked', 'with', 'for', 'despite', 'since', 'when', 'while', 'under', 'as',
  'like', 'unlike', 'from', 'by', 'earlier', 'later', 'last', 'this', 'yesterday', 'today', 'although', 'though', 'if',
  'once', 'until', 'amid', 'following', 'according',
  // "Of Hepburn, she said", "Besides Baker's statements, …", "Among them, …": a preposition opens no name.
  'of', 'besides', 'among', 'beyond', 'without', 'regarding', 'concerning', 'apart', 'given', 'throughout', 'across',
]);

/**
 * The subject when a comma sits right before the verb: `X, role, said`, `X, who …, said`,
 * `X, MP for Henley, Oxfordshire, said`, `The Shadow Secretary, Theresa May, said`, `…, a spokesman said`.
 */
function subjectBeforeComma(tokens: readonly Token[], comma: number, bound: number): SpeakerPhrase | null {
  const opening = nameBeforeLongAppositive(tokens, comma, bound);
  if (opening) return opening;
  const chunks = chunksBefore(tokens, comma, bound, 5);
  // "Some charities, such as Oxfam, said": the member the plural names, as when it opens the sentence.
  if (chunks.length >= 2 && MEMBER_LINKS.has(tokens[chunks[0]![0]]!.lower)) {
    const member = namedMember(tokens, chunks[1]![0]);
    if (member) return member;
  }
  const roles: string[] = [];
  let farthestRole: [number, number] | null = null;
  for (let c = 0; c < chunks.length; c += 1) {
    const chunk = chunks[c]!;
    if (isPlaceChunk(tokens, chunk) && c + 1 < chunks.length) {
      roles.push(tokens[chunk[0]]!.text);
      continue;
    }
    const firstWord = tokens[chunk[0]]!.lower;
    // "Toyota, in a statement posted on its website, said": an aside between the subject and its verb.
    if (ASIDE_OPENERS.has(firstWord) && c + 1 < chunks.length) continue;
    // "Jack Smit, from the West Australian-based group Project SafeCom, says": where the speaker works.
    if (ROLE_LINKS.has(firstWord) && c + 1 < chunks.length) {
      roles.push(joinTokens(tokens.slice(chunk[0], chunk[1])));
      continue;
    }
    // "MP for Henley-on-Thames", "director of County Securities Asia Ltd": a role, though it ends with a name.
    const titled = (TITLES.has(firstWord) || ROLE_NOUNS.has(firstWord)) && ROLE_LINKS.has(tokens[chunk[0] + 1]?.lower ?? '');
    const name = titled ? null : nameChunk(tokens, chunk, false);
    if (name) {
      name.role = roles.length > 0 ? roles.reverse().join(', ') : null;
      name.start = Math.min(name.start, chunk[0]);
      if (c === 0) {
        // "The Shadow Secretary of State, Theresa May, said": the chunk before the name describes her.
        const before = chunks[1];
        if (before && before[0] === bound && isRoleChunk(tokens, before[0], before[1])) {
          name.role = joinTokens(tokens.slice(before[0], before[1]));
          name.start = before[0];
        }
      }
      return name;
    }
    // "But Mr Howard denied Mr Yeo, his environment spokesman, said": the name that ends a clause, right before the
    // description, is the one described (and the speaker), not the description alone.
    if (farthestRole === chunks[c - 1]) {
      const ending = nameEndingAt(tokens, chunk[1], chunk[0]);
      if (ending) {
        ending.role = roles.reverse().join(', ');
        return ending;
      }
    }
    if (isRelativeChunk(tokens, chunk)) continue;
    if (titled || isRoleChunk(tokens, chunk[0], chunk[1])) {
      roles.push(joinTokens(tokens.slice(chunk[0], chunk[1])));
      farthestRole = chunk;
      continue;
    }
    break;
  }
  // "A spokesman for the WSIS, which …, told", "…, a spokesman said": the description is the speaker.
  if (farthestRole) {
    const described = describedChunk(tokens, farthestRole) ?? nounPhraseChunk(tokens, farthestRole);
    if (described) return described;
  }
  const [from, to] = chunks[0]!;
  const phrase = nounPhraseEndingAt(tokens, from, to);
  return phrase && phrase.start === from ? toPhrase(tokens, phrase.start, to, phrase.acronym, null) : null;
}

/** Lower-case heads that a capitalised adjective of place qualifies: "the British government". */
const ORGANISATION_HEADS = new Set(['government', 'ministry', 'army', 'military', 'police', 'embassy', 'parliament', 'navy', 'cabinet', 'administration', 'authorities', 'regime']);

/** Most tokens of the name opening a clause before its appositive ("Pakistani nuclear scientist Abdul Qadeer Khan"). */
const MAX_OPENING_NAME_TOKENS = 8;
/** Most tokens of an appositive or relative clause between a name and its verb. */
const MAX_APPOSITIVE_TOKENS = 40;

/**
 * The name opening the clause when a long appositive or relative clause, itself holding commas, stands between it
 * and the verb: `Henry Gluck, chairman and chief executive officer of the hotel, casino and resorts company, said`,
 * `Abdul Qadeer Khan, who … to North Korea, Iran, and Libya, says`. The words after the name's comma must open in
 * lower case ("who", "chairman", "the"), so a list of names ("Britain, France and Germany said") is not read so.
 */
function nameBeforeLongAppositive(tokens: readonly Token[], comma: number, bound: number): SpeakerPhrase | null {
  let start = bound;
  while (start < comma && isWord(tokens[start]) && CONJUNCTIONS.has(tokens[start]!.lower)) start += 1;
  const first = findWithin(tokens, start, Math.min(comma, start + MAX_OPENING_NAME_TOKENS + 1), (token) => !isWord(token));
  if (first < 0 || !isComma(tokens[first]) || comma - first > MAX_APPOSITIVE_TOKENS) return null;
  // Only when the appositive itself holds a comma: a single one is read chunk by chunk below.
  if (previousComma(tokens, comma, first) <= first) return null;
  const opener = tokens[first + 1];
  if (!isWord(opener) || opener.capitalised) return null;
  for (let i = first + 1; i < comma; i += 1) {
    const token = tokens[i]!;
    if (token.kind === 'quote' || (token.kind === 'punct' && /[;:.!?]/u.test(token.text))) return null;
  }
  const name = nameChunk(tokens, [start, first], false);
  if (name?.kind !== 'name' || name.words.length < 2) return null;
  if (opener.lower !== 'who') name.role ??= joinTokens(tokens.slice(first + 1, comma));
  return name;
}

/** Words opening an aside between a subject and its verb: "X, in a statement, said", "X, speaking on radio, said". */
const ASIDE_OPENERS = new Set(['in', 'on', 'during', 'speaking', 'writing', 'responding', 'asked', 'however', 'though', 'meanwhile', 'later', 'earlier']);

/** Prepositions tying a person to where they work: "X from the Y", "X at Y", "X with Y". */
const AFFILIATIONS = new Set(['from', 'at', 'with']);

/** `Professor Ian Lowe from the Australian Conservation Foundation`: the person's name before the affiliation. */
function personBeforeAffiliation(tokens: readonly Token[], from: number, nameStart: number): SpeakerPhrase | null {
  let link = nameStart - 1;
  // "Nigel McCune from the Musicians' Union said": the article and a plural owner's apostrophe before the name.
  while (link - 1 > from && (tokens[link]!.lower === 'the' || tokens[link]!.text === "'" || tokens[link]!.text === '’' ||
    (tokens[link]!.capitalised && tokens[link + 1]?.kind === 'punct' && /^['’]$/u.test(tokens[link + 1]!.text)))) link -= 1;
  if (link <= from || !AFFILIATIONS.has(tokens[link]!.lower) || !tokens[link - 1]?.capitalised) return null;
  const person = nameChunk(tokens, [from, link], false);
  return person && person.kind === 'name' && person.words.length >= 2 ? person : null;
}

/**
 * Tokens from the start of a clause within which its subject is read when a later verb shares it (`He paused and
 * said`): more than an introductory phrase (15 tokens), an appositive (16) and a name together need.
 */
const MAX_SUBJECT_TOKENS = 64;

/** Words joining a second verb to the first: "… and warned", "… but said". */
const COORDINATORS = new Set(['and', 'but']);
/** Prepositions of place only: the name after them is where the speakers are ("across the U.S."), never who. */
const PLACE_PREPOSITIONS = new Set(['in', 'across', 'throughout', 'around', 'near', 'outside', 'inside', 'beyond']);

/**
 * The subject of the clause whose second verb follows the coordinator at `coordinator`: the subject of the words
 * from `bound` (`He paused and said`, `Mr Brown issued a call for unity and warned`), or null when they have none.
 */
function coordinatedSubject(tokens: readonly Token[], bound: number, coordinator: number): SpeakerPhrase | null {
  // The subject opens the clause, so only its first words are read: a copy of the whole clause for every "and said"
  // of a long sentence costs the square of its length.
  const phrase = sentenceSubject(tokens.slice(bound, Math.min(coordinator, bound + MAX_SUBJECT_TOKENS)));
  return phrase ? { ...phrase, start: phrase.start + bound } : null;
}

/**
 * `Retailers across the U.S.`: the plural noun or role before a preposition of place, when the name after it
 * (from `nameStart`) is a place. Null when no such noun precedes it.
 */
function speakersBeforePlace(tokens: readonly Token[], from: number, nameStart: number): SpeakerPhrase | null {
  let preposition = nameStart - 1;
  if (preposition >= from && tokens[preposition]!.lower === 'the') preposition -= 1;
  if (preposition <= from || !PLACE_PREPOSITIONS.has(tokens[preposition]!.lower)) return null;
  const head = tokens[preposition - 1]!;
  const noun = head.lower;
  if (!isWord(head) || !(isRoleNoun(noun) || (noun.endsWith('s') && !noun.endsWith('ss') && !head.capitalised) || (head.capitalised && preposition - 1 === from && noun.endsWith('s')))) return null;
  const phrase = nounPhraseEndingAt(tokens, from, preposition);
  const result = phrase ? toPhrase(tokens, phrase.start, preposition, null, null) : null;
  if (!result) return null;
  // "Retailers" opening the sentence is capitalised by its place: a group, not a name.
  if (result.words.slice(1).every((word) => !isNameWord(word))) result.kind = 'group';
  return result;
}

/** Heads of a description that may stand for an unnamed speaker: role nouns, and "source(s)". */
const isDescriptionHead = (word: string): boolean => isRoleNoun(word) || SOURCE_NOUNS.has(word);
/** Words opening what qualifies a description after its head: "a source close to …", "a diplomat based in …". */
const POST_MODIFIERS = new Set(['close', 'based', 'familiar', 'involved', 'speaking', 'working', 'quoted']);
/** Most words qualifying a description's head before it ("senior Western", "Alcoa"). */
const MAX_HEAD_MODIFIERS = 3;
/** Most tokens of a bracketed expansion inside a description: "(Aluminum Company of America)". */
const MAX_EXPANSION_TOKENS = 8;
/** Most tokens of what qualifies a description after its head: "involved in terminal trading for the company". */
const MAX_QUALIFIER_TOKENS = 12;

/**
 * A description of an unnamed speaker with what qualifies it after its head, `[from, to)` being the whole chunk
 * before the verb: `a source close to the company`, `a diplomat based in Beirut`, `An Alcoa (Aluminum Company of
 * America) source involved in trading`. The speaker is the head and the words before it ("source", "diplomat",
 * "Alcoa source"), not the last name of the qualifying words ("company", "Beirut"), and a bracketed expansion of an
 * organisation's name is no part of it. With `open`, the description may run on past `to` (read after an inverted
 * verb). Null for any other chunk.
 * @example describedBeforeQualifier(tokensOf('a diplomat based in Beirut'), 0, 5)?.text // => 'diplomat'
 */
export function describedBeforeQualifier(tokens: readonly Token[], from: number, to: number, open = false): SpeakerPhrase | null {
  let i = from;
  const determiner = isWord(tokens[i]) && DETERMINERS.has(tokens[i]!.lower) ? tokens[i]!.lower : null;
  if (determiner) i += 1;
  const kept: Token[] = [];
  let bracketed = false;
  while (i < to && kept.length <= MAX_HEAD_MODIFIERS) {
    const token = tokens[i]!;
    if (token.text === '(' && kept.length > 0 && kept[kept.length - 1]!.capitalised && !bracketed) {
      const close = findWithin(tokens, i + 1, Math.min(to, i + MAX_EXPANSION_TOKENS + 2), (t) => t.text === ')');
      if (close < 0) return null;
      bracketed = true;
      i = close + 1;
      continue;
    }
    if (!isWord(token) || NP_STOP_WORDS.has(token.lower) || PRONOUNS.has(token.lower)) return null;
    kept.push(token);
    i += 1;
    if (!token.capitalised && isDescriptionHead(token.lower)) break;
  }
  const head = kept[kept.length - 1];
  if (!head || head.capitalised || !isDescriptionHead(head.lower)) return null;
  // Without a qualifier after the head, only a bracketed expansion needs this reading ("A WFP (World Food Program)
  // spokesman said"): any other description is read as before.
  const qualified = i < to && isWord(tokens[i]) && POST_MODIFIERS.has(tokens[i]!.lower);
  if (!(qualified || (bracketed && (i === to || open)))) return null;
  // A qualifier is a short phrase: bounded, so a long clause (and a crafted one) is never scanned once per verb.
  if (!open && to - i > MAX_QUALIFIER_TOKENS) return null;
  if (!open) for (let j = i; j < to; j += 1) if (!isWord(tokens[j])) return null;
  const words = kept.map((token) => token.text);
  return {
    kind: words.some(isNameWord) ? 'name' : 'group', text: words.join(' '), words, acronym: null, role: null, start: from,
    definite: determiner === 'the', indefinite: INDEFINITE_DETERMINERS.has(determiner ?? ''),
  };
}

/** Past forms that end neither in "-ed" nor "-s". */
/** Words between an auxiliary and "to" that announce words still to come: "is expected to say", "is due to tell". */
const EXPECTED_WORDS = new Set(['expected', 'due', 'set', 'going', 'likely', 'scheduled', 'poised']);

/** Verbs of speaking read after "is expected to" ("is expected to post growth" reports no one's words). */
const SPOKEN_INFINITIVES = new Set(['say', 'state', 'tell', 'announce', 'argue', 'warn', 'declare', 'insist', 'claim', 'urge', 'call', 'add', 'explain', 'admit', 'confirm']);

const IRREGULAR_PAST = new Set(['said', 'told', 'wrote', 'read', 'forecast', 'quoted']);

/** A verb's bare form ("recall", "say"): a singular subject takes "recalls" or "recalled" instead. */
const isBareForm = (verb: string): boolean => !IRREGULAR_PAST.has(verb) && !/(?:s|ed|ing)$/u.test(verb);

/**
 * Finds who a reporting verb's subject is, reading backwards from the verb at `verbIndex` but not before `bound`:
 * `Alhomsy said`, `Alain Juppe, the French foreign minister, told`, `he said`, `Smith, who …, said`,
 * `The Shadow Secretary, Theresa May, said`, `Sherman Chao, analyst with Salomon Inc said`.
 * Returns null when the words before the verb name no one, and for participles (`…, saying`), whose speaker is
 * the sentence's subject.
 *
 * @example
 * subjectBefore(tokenize('Juppe cautioned, however, that', …), 1, 0) // => { kind: 'name', text: 'Juppe', … }
 */
export function subjectBefore(tokens: readonly Token[], verbIndex: number, bound: number): SpeakerPhrase | null {
  const verb = tokens[verbIndex]!;
  let i = verbIndex - 1;
  /** `is expected to state`: the verb is an infinitive, never a noun ("the state"). */
  let planned = false;
  // "Andy Stern is quoted as saying": the participle is the finite verb's, and its subject the speaker.
  const quotedAs = verb.lower === 'saying' && tokens[i]?.lower === 'as' && tokens[i - 1]?.lower === 'quoted' && i - 1 > bound;
  if (quotedAs) i -= 2;
  else if (REPORTING_PARTICIPLES.has(verb.lower)) return null;
  for (;;) {
    while (i >= bound && isWord(tokens[i]) && VERB_FILLERS.has(tokens[i]!.lower)) i -= 1;
    // "the 40 year-old is expected to state", "Mr Cameron is due to say": the subject of the planned words.
    if (i - 2 >= bound && SPOKEN_INFINITIVES.has(verb.lower) && tokens[i]?.lower === 'to' && EXPECTED_WORDS.has(tokens[i - 1]?.lower ?? '') && isWord(tokens[i - 2]) && VERB_FILLERS.has(tokens[i - 2]!.lower)) {
      i -= 2;
      planned = true;
      continue;
    }
    // "Iyad Allawi, who this week criticised": a time between the subject and its verb; "Bob Geldof in July said",
    // "the government last July said": a month.
    const month = isWord(tokens[i]) && MONTHS.has(tokens[i]!.lower) && (tokens[i - 1]?.lower === 'in' || TIME_DETERMINERS.has(tokens[i - 1]?.lower ?? ''));
    if (i - 1 >= bound && isWord(tokens[i]) && (month || (TIME_NOUNS.has(tokens[i]!.lower) && TIME_DETERMINERS.has(tokens[i - 1]?.lower ?? '')))) {
      i -= 2;
      continue;
    }
    // "the Audit Office on Monday said", "the Harbour Board on March 3 said": a date between a name and its verb (after
    // a lower-case word it ends a clause of its own: "a survey released on Monday said").
    const day = /^\d{1,2}$/.test(tokens[i]?.text ?? '') ? i - 1 : i;
    if (day - 2 >= bound && startsDate(tokens, day - 1) && tokens[day - 2]!.capitalised) {
      i = day - 2;
      continue;
    }
    // ", however," between the subject and the verb.
    if (i - 2 >= bound && isComma(tokens[i]) && isWord(tokens[i - 1]) && APPOSITIVE_ADVERBS.has(tokens[i - 1]!.lower) && isComma(tokens[i - 2])) {
      i -= 3;
      continue;
    }
    // "Caesars World Inc <CAW> said": a wire's stock ticker after the name.
    if (i - 2 >= bound && tokens[i]?.text === '>' && tokens[i - 2]!.text === '<' && isWord(tokens[i - 1])) {
      i -= 3;
      continue;
    }
    // "the senior senator—with his family at his side—said": an aside between dashes.
    if (i > bound && tokens[i]?.kind === 'punct' && /^[—–]$/u.test(tokens[i]!.text)) {
      let open = i - 1;
      while (open > bound && i - open <= MAX_ASIDE_TOKENS && !(tokens[open]!.kind === 'punct' && tokens[open]!.text === tokens[i]!.text)) open -= 1;
      if (open > bound && tokens[open]!.text === tokens[i]!.text) {
        i = open - 1;
        continue;
      }
    }
    break;
  }
  const last = tokens[i];
  if (i < bound || !last) return null;
  // "Mr Brown issued a call for unity and warned …": a verb coordinated with an earlier one has the clause's subject.
  if (isWord(last) && COORDINATORS.has(last.lower)) return coordinatedSubject(tokens, bound, i);
  if (isWord(last) && PRONOUNS.has(last.lower)) {
    return { kind: 'pronoun', text: last.lower, words: [last.lower], acronym: null, role: null, start: i, definite: false };
  }
  if (isWord(last) && last.lower === 'who' && isComma(tokens[i - 1])) return subjectBeforeComma(tokens, i - 1, bound) ?? nameEndingAt(tokens, i - 1, bound);
  if (isComma(last)) return subjectBeforeComma(tokens, i, bound);
  const chunkStart = previousComma(tokens, i + 1, bound) + 1;
  const qualified = describedBeforeQualifier(tokens, chunkStart, i + 1);
  if (qualified) return qualified;
  const phrase = nounPhraseEndingAt(tokens, chunkStart, i + 1);
  if (!phrase) return null;
  let result = toPhrase(tokens, phrase.start, i + 1, phrase.acronym, null);
  if (!result) return null;
  // "A Department for Media, Culture and Sport spokeswoman said": a list inside a name runs back over its comma.
  const listed = result.kind === 'name' && phrase.start === chunkStart ? nameListBefore(tokens, chunkStart, i + 1, bound) : null;
  if (listed) return listed;
  // "the comments ascribed to President Bush and McClellan replied": after a preposition, the first part is its
  // object; the subject is the name after "and".
  if (result.kind === 'name' && OBJECT_PREPOSITIONS.has(tokens[phrase.start - 1]?.lower ?? '')) {
    const and = findWithin(tokens, phrase.start + 1, i, (token) => token.lower === 'and');
    const second = and > 0 && tokens[and + 1]?.capitalised ? toPhrase(tokens, and + 1, i + 1, null, null) : null;
    if (second?.kind === 'name') result = second;
  }
  // "One resident of the Syrian town of Abu Kamal said": the resident speaks, not the town.
  if (ROLE_LINKS.has(tokens[phrase.start - 1]?.lower ?? '') && !isComma(tokens[chunkStart - 1])) {
    const described = describedChunk(tokens, [chunkStart, i + 1]);
    if (described) return described;
  }
  // "the latest claims": a plural noun, not a verb ("The report also states" is a verb: an adverb comes between).
  if (result.kind === 'group' && NOUN_LIKE_VERBS.has(verb.lower) && !planned && i === verbIndex - 1) return null;
  // "led to a major recall": after "a"/"an" and right after its noun phrase, a verb's bare form is a noun.
  if (result.indefinite && i === verbIndex - 1 && isBareForm(verb.lower)) return null;
  // "signed to his F4 label": after "his" and a singular name, a bare form is the noun that owns it ("their lawyers say" is a verb).
  if (result.possessor && i === verbIndex - 1 && isBareForm(verb.lower) && !/s$/u.test(result.words[result.words.length - 1]!)) return null;
  // "Retailers across the U.S. said", "Analysts in London said": the place says where the speakers are, not who.
  const placed = result.kind === 'name' ? speakersBeforePlace(tokens, chunkStart, phrase.start) : null;
  if (placed) return placed;
  // "The United States Embassy in New Delhi, India has warned": the country ends the place, not the speaker's name.
  if (isComma(tokens[chunkStart - 1]) && isPlaceChunk(tokens, [chunkStart, i + 1]) && !isAcronym(tokens[chunkStart]!.text) &&
    !opensIntroduction(tokens[previousComma(tokens, chunkStart - 1, bound) + 1])) {
    const before = previousComma(tokens, chunkStart - 1, bound) + 1;
    const at = tokens.slice(before, chunkStart - 1).findLastIndex((token) => token.lower === 'in' || token.lower === 'at') + before;
    // "Anti-war demonstrators in Sydney, Australia dubbed": a group before the place, as "Retailers across the U.S.".
    const placed = at > before ? (nameChunk(tokens, [before, at], false) ?? speakersBeforePlace(tokens, before, at + 1)) : null;
    if (placed) return placed;
  }
  // "Professor Ian Lowe from the Australian Conservation Foundation said": the person speaks, not where they work.
  const affiliated = result.kind === 'name' ? personBeforeAffiliation(tokens, chunkStart, phrase.start) : null;
  if (affiliated) {
    const link = findWithin(tokens, chunkStart, phrase.start, (token) => AFFILIATIONS.has(token.lower));
    affiliated.role = joinTokens(tokens.slice(link < 0 ? phrase.start - 1 : link, i + 1));
    return affiliated;
  }
  // "Kevin Rudd, Australian Opposition's foreign affairs spokesman said": a role without its closing comma.
  // ("…, the sixty-five-year-old senior senator said" is a description standing for someone, not a role.)
  // "Jack Smit, from the group Project SafeCom says": where the person before the comma works.
  const endsWithTitle = TITLES.has(result.words[result.words.length - 1]!.toLowerCase().replace(/\.$/u, ''));
  // "Mahmoud Abbas, President of the Palestinian National Authority said": a title of an organisation.
  const titledOf = (TITLES.has(tokens[chunkStart]!.lower) || ROLE_NOUNS.has(tokens[chunkStart]!.lower)) && ROLE_LINKS.has(tokens[chunkStart + 1]?.lower ?? '');
  const roleLike = result.kind !== 'name' || isBareTitle(result.text) || endsWithTitle || titledOf || ROLE_LINKS.has(tokens[chunkStart]!.lower);
  // "Andy Stern, the service president is quoted as saying": with "the", only when the name opens the sentence.
  // ("In a filing with the Securities and Exchange Commission, the group said": a scene-setting phrase holds no
  // subject; "the group" speaks.)
  const theAfterName = tokens[chunkStart]!.lower === 'the' && previousComma(tokens, chunkStart - 1, bound) + 1 === bound &&
    !opensIntroduction(tokens[bound]);
  if (isComma(tokens[chunkStart - 1]) && (!DETERMINERS.has(tokens[chunkStart]!.lower) || theAfterName) && roleLike &&
    (isRoleChunk(tokens, chunkStart, i + 1) || ROLE_LINKS.has(tokens[chunkStart]!.lower))) {
    const named = nameChunk(tokens, [previousComma(tokens, chunkStart - 1, bound) + 1, chunkStart - 1], false);
    if (named && named.words.length >= 2) {
      named.role = joinTokens(tokens.slice(chunkStart, i + 1));
      return named;
    }
  }
  if (phrase.start > chunkStart) {
    if (isComma(tokens[chunkStart - 1]) && isRoleChunk(tokens, chunkStart, phrase.start + (result.kind === 'name' ? 0 : 0))) {
      // "Sherman Chao, analyst with Salomon Inc said": the name sits before the comma, the rest is his role.
      // ("In Germany, Verband der Automobilindustrie executive director Klaus Braeunig said": a place is no one.)
      const before = previousComma(tokens, chunkStart - 1, bound) + 1;
      const named = INTRODUCTIONS.has(tokens[before]?.lower ?? '') ? null : nameChunk(tokens, [before, chunkStart - 1]);
      if (named) {
        named.role = joinTokens(tokens.slice(chunkStart, i + 1));
        return named;
      }
    }
    // Sliced only when short enough to be a role: the chunk may run back to the start of a long sentence.
    const prefix = phrase.start - chunkStart <= MAX_ROLE_PREFIX_WORDS ? tokens.slice(chunkStart, phrase.start) : null;
    if (result.kind === 'name' && prefix && prefix.every(isWord) && prefix.some((token) => !token.capitalised) &&
      !prefix.some((t) => NP_STOP_WORDS.has(t.lower) && t.lower !== 'of' && t.lower !== 'for')) {
      // "Liberal Democrat spokeswoman for women Sandra Gidley said": the words before the name are her role.
      result.role = joinTokens(prefix);
      result.start = chunkStart;
    }
  }
  return result;
}

/**
 * The capitalised name of two words or more right before `end` (a comma), after a lower-case word: `an address from
 * Iraqi interim leader Iyad Allawi, who …` → Iyad Allawi, the one "who" speaks.
 */
function nameEndingAt(tokens: readonly Token[], end: number, bound: number): SpeakerPhrase | null {
  let start = end;
  while (start - 1 >= bound && end - start < MAX_LISTED_NAME_WORDS && isWord(tokens[start - 1]) && tokens[start - 1]!.capitalised) start -= 1;
  if (end - start < 2 || start - 1 < bound || !isWord(tokens[start - 1]) || tokens[start - 1]!.capitalised) return null;
  const phrase = speakerAfter(tokens, start - 1, end);
  return phrase?.kind === 'name' ? phrase : null;
}

/**
 * `Department for Media, Culture and Sport spokeswoman`: when the chunk `[start, end)` is `X and Y …` in capitals
 * and the words before its comma end a capitalised name opened by "for" or "of", the whole name with its list.
 */
function nameListBefore(tokens: readonly Token[], start: number, end: number, bound: number): SpeakerPhrase | null {
  const and = findWithin(tokens, start + 1, end, (token) => token.lower === 'and');
  if (and < 0 || !tokens[start]!.capitalised || !tokens[and + 1]?.capitalised || !isComma(tokens[start - 1])) return null;
  let from = start - 2;
  while (from - 1 >= bound && start - from < MAX_LISTED_NAME_WORDS && isWord(tokens[from]) && tokens[from]!.capitalised) from -= 1;
  // The name before the comma: "Department for Media" — a capitalised run, its link, and the listed word.
  if (from - 1 < bound || from === start - 2 || !['for', 'of'].includes(tokens[from]!.lower)) return null;
  let open = from - 1;
  while (open - 1 >= bound && from - open < MAX_LISTED_NAME_WORDS && isWord(tokens[open - 1]) && tokens[open - 1]!.capitalised) open -= 1;
  if (!isWord(tokens[open]) || !tokens[open]!.capitalised) return null;
  if (isWord(tokens[open - 1]) && DETERMINERS.has(tokens[open - 1]!.lower)) open -= 1;
  return toPhrase(tokens, open, end, null, null);
}

/** Most capitalised words read back for one part of a name (bounds each scan: a run of capitals may be long). */
const MAX_LISTED_NAME_WORDS = 8;

/** Prepositions whose object may run into the next clause's subject: "ascribed to Bush and McClellan replied". */
const OBJECT_PREPOSITIONS = new Set(['to', 'for', 'with', 'by', 'from', 'about', 'against', 'on', 'at']);

/** Nouns of time that, after "this", "last" or "next", say when the subject spoke: "who this week criticised". */
const TIME_NOUNS = new Set(['week', 'month', 'year', 'morning', 'afternoon', 'evening', 'weekend', 'spring', 'summer', 'autumn', 'winter']);
const TIME_DETERMINERS = new Set(['this', 'last', 'next', 'that', 'each', 'every']);

/** Longest introduction without a comma before a subject opened by "the" ("On Thursday the …"). */
const MAX_INTRODUCTION_WORDS = 3;

/**
 * The subject of a sentence: the noun phrase or pronoun that opens it, after openers ("But", "However,") and an
 * introductory phrase ending in a comma ("In an interview published in January, Victoria Wood slated …").
 *
 * @example
 * sentenceSubject(tokenize('And that he wants to build a "better Britain".', …)) // => { kind: 'pronoun', text: 'he', … }
 */
export function sentenceSubject(tokens: readonly Token[]): SpeakerPhrase | null {
  let i = 0;
  const skipConjunctions = () => {
    while (i < tokens.length && ((isWord(tokens[i]) && CONJUNCTIONS.has(tokens[i]!.lower)) || isComma(tokens[i]))) i += 1;
  };
  skipConjunctions();
  const opener = tokens[i];
  // "Other than its warning on tax, the NIESR report …", "Rather than cut, …": "than" makes an introductory phrase.
  const comparative = (opener?.lower === 'other' || opener?.lower === 'rather') && tokens[i + 1]?.lower === 'than';
  // "Earlier Tory leader Michael Howard sent …": a one-word adverb of time right before a capitalised word opens no
  // introductory phrase to read up to a comma; the subject follows it at once ("Later Sunday, …" still has one).
  if (opener && isWord(opener) && TIME_ADVERBS.has(opener.lower) && isWord(tokens[i + 1]) && tokens[i + 1]!.capitalised && !SENTENCE_OPENERS.has(tokens[i + 1]!.lower)) i += 1;
  else if (opener && isWord(opener) && (INTRODUCTIONS.has(opener.lower) || opener.lower.endsWith('ing') || comparative)) {
    // An introductory phrase: the subject follows the comma that ends it.
    let comma = -1;
    for (let j = i + 1; j < tokens.length && j <= i + 15; j += 1) {
      if (tokens[j]!.kind === 'quote') break;
      if (isComma(tokens[j])) {
        comma = j;
        break;
      }
    }
    if (comma >= 0) i = comma + 1;
    else {
      // "On Thursday the Turkish government released …": a short introduction without its comma ends before "the".
      const the = findWithin(tokens, i + 1, i + MAX_INTRODUCTION_WORDS + 1, (token) => !isWord(token) || token.lower === 'the');
      if (the <= i + 1 || tokens[the]!.lower !== 'the' || !tokens[the - 1]!.capitalised) return null;
      i = the;
    }
    skipConjunctions();
  }
  // "Shortly afterwards …": an adverb opening the sentence is no name.
  while (isWord(tokens[i]) && tokens[i]!.capitalised && tokens[i]!.lower.endsWith('ly') && isWord(tokens[i + 1]) && !tokens[i + 1]!.capitalised) i += 1;
  // "Conversely, Democrat Barbara Boxer …": an adverb and its comma.
  if (isWord(tokens[i]) && tokens[i]!.capitalised && tokens[i]!.lower.endsWith('ly') && isComma(tokens[i + 1])) {
    i += 2;
    skipConjunctions();
  }
  const first = tokens[i];
  if (!first || !isWord(first)) return null;
  if (PRONOUNS.has(first.lower)) {
    return { kind: 'pronoun', text: first.lower, words: [first.lower], acronym: null, role: null, start: i, definite: false };
  }
  // "Her rival on the council, Tom Baker, was not convinced": the name in the appositive.
  const comma = findWithin(tokens, i + 1, i + 11, (token) => isComma(token) || token.kind === 'quote');
  if (comma > 0 && isComma(tokens[comma])) {
    const next = findWithin(tokens, comma + 1, comma + 7, (token) => isComma(token) || token.kind === 'quote');
    const appositive = next > 0 && isComma(tokens[next]) ? nameChunk(tokens, [comma + 1, next], false) : null;
    const described = DETERMINERS.has(tokens[i]!.lower) && !tokens.slice(i + 1, comma).some((token) => token.capitalised);
    if (appositive && described) return appositive;
  }
  return namedMember(tokens, i) ?? speakerAfter(tokens, i - 1, tokens.length);
}

/** Most lower-case words of the plural before "including" or "such as": "Major commodity groups". */
const MAX_MEMBER_GROUP_WORDS = 3;

/**
 * `Groups including the Musicians' Union are calling …`, `Some charities, such as Oxfam, said …`: a plural subject
 * that names one member of itself is that member (it is the one the article names). Null for any other subject, and
 * for several members (`Companies such as Google and Microsoft`), which stay the group.
 */
function namedMember(tokens: readonly Token[], from: number): SpeakerPhrase | null {
  let i = from;
  if (DETERMINERS.has(tokens[i]?.lower ?? '')) i += 1;
  const head = i;
  while (i - head < MAX_MEMBER_GROUP_WORDS && isWord(tokens[i]) && (i === from || !tokens[i]!.capitalised) && !MEMBER_LINKS.has(tokens[i]!.lower)) i += 1;
  const plural = tokens[i - 1]?.lower ?? '';
  if (i === head || !plural.endsWith('s') || plural.endsWith('ss')) return null;
  if (isComma(tokens[i])) i += 1;
  const link = tokens[i]?.lower === 'such' && tokens[i + 1]?.lower === 'as' ? i + 1 : tokens[i]?.lower === 'including' ? i : -1;
  if (link < 0) return null;
  const member = speakerAfter(tokens, link, tokens.length);
  return member?.kind === 'name' && !namesSeveral(tokens, member.start) ? member : null;
}

/** True when the names from `from` are a list (`Spike Lee, Burt Reynolds and …`, `Google and Microsoft`). */
function namesSeveral(tokens: readonly Token[], from: number): boolean {
  for (let i = from; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token.lower === 'and' || token.text === '&') return true;
    if (isComma(token)) return isWord(tokens[i + 1]) && tokens[i + 1]!.capitalised;
    if (!isWord(token) || !(token.capitalised || NAME_CONNECTORS.has(token.lower) || DETERMINERS.has(token.lower))) return false;
  }
  return false;
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
  const qualified = describedBeforeQualifier(tokens, start, end, true);
  if (qualified) return qualified;
  if (isWord(tokens[i]) && PRONOUNS.has(tokens[i]!.lower)) {
    return { kind: 'pronoun', text: tokens[i]!.lower, words: [tokens[i]!.lower], acronym: null, role: null, start: i, definite: false };
  }
  if (isWord(tokens[i]) && DETERMINERS.has(tokens[i]!.lower)) i += 1;
  let lowerWords = 0;
  let sawCapital = false;
  while (i < end) {
    const token = tokens[i]!;
    if (!isWord(token)) break;
    if (token.capitalised) {
      // "UK-based", "English-language": an adjective, not yet a name.
      if (!HYPHEN_ADJECTIVE.test(token.text)) sawCapital = true;
    } else if (joinsName(tokens, i) && sawCapital && tokens[i + 1]?.capitalised) {
      // connector inside a name
    } else if (sawCapital && descriptorBeforeName(tokens, i, end)) {
      // "Syrian border guard Ibrahim Brahim", "Polish newspaper Gazeta Wyborcza": the name follows its description.
    } else if (sawCapital && GROUP_HEADS.has(token.lower) && !tokens[i + 1]?.capitalised) {
      // "Western powers", "Arab nations", "EU member states": the capitalised words qualify a group.
      i += 1;
      break;
    } else if (sawCapital && ORGANISATION_HEADS.has(token.lower) && !tokens[i + 1]?.capitalised) {
      // "the British government", "the Syrian army": the capitalised word qualifies the organisation.
      i += 1;
      break;
    } else if (sawCapital && !isRoleNoun(token.lower) && roleNounWithin(tokens, i, end)) {
      // "said Greek prime minister", "said a Western diplomat": the description runs on to its role noun.
    } else if (sawCapital && isRoleNoun(token.lower) && !tokens[i + 1]?.capitalised) {
      // "the WSIS spokesman", "U.S. officials": the description ends with its head noun.
      i += 1;
      break;
    } else if (!sawCapital && lowerWords > 0 && isPastVerbBeforeObject(tokens, i)) {
      // "The government released a statement saying …": the phrase ends at its verb.
      break;
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
  // "Sen. Tom Harkin (D-Iowa)": a bracketed party or place after the name.
  if (tokens[i]?.text === '(') {
    const close = findWithin(tokens, i + 1, i + 7, (token) => token.text === ')');
    if (close > 0) i = close + 1;
  }
  // "said the American Civil Liberties Union's senior legislative counsel, Christopher Anders": the name after the role.
  // An owner's role: "the ACLU's senior legislative counsel".
  let roleEnd = phraseEnd;
  if (/['’]s$/u.test(tokens[phraseEnd - 1]?.text ?? '')) {
    while (roleEnd < end && roleEnd - phraseEnd < MAX_DESCRIPTOR_WORDS && isWord(tokens[roleEnd]) && !tokens[roleEnd]!.capitalised) roleEnd += 1;
  }
  const last = tokens[roleEnd - 1];
  if (isComma(tokens[roleEnd]) && isWord(last) && !last.capitalised && isRoleNoun(last.lower)) {
    let nameEnd = roleEnd + 1;
    while (nameEnd < end && isWord(tokens[nameEnd]) && tokens[nameEnd]!.capitalised) nameEnd += 1;
    const closed = nameEnd >= end || !isWord(tokens[nameEnd]);
    if (closed && nameEnd - roleEnd - 1 >= 2) {
      const named = toPhrase(tokens, roleEnd + 1, nameEnd, null, joinTokens(tokens.slice(start, roleEnd)));
      if (named) return named;
    }
  }
  // "said the senior Republican on the committee, Senator Charles Grassley": a description, then the name it gives.
  const named = tokens[start]?.lower === 'the' ? nameAfterLinkedDescription(tokens, phraseEnd, end) : null;
  if (named) return toPhrase(tokens, named[0], named[1], null, joinTokens(tokens.slice(start, named[2]))) ?? null;
  let role: string | null = null;
  if (isComma(tokens[i])) {
    let roleEnd = i + 1;
    while (roleEnd < end && !isComma(tokens[roleEnd]) && !(tokens[roleEnd]!.kind === 'punct' && /[;.!?]/.test(tokens[roleEnd]!.text))) roleEnd += 1;
    if (isRoleChunk(tokens, i + 1, roleEnd)) role = joinTokens(tokens.slice(i + 1, roleEnd));
  }
  return toPhrase(tokens, start, phraseEnd, acronym, role);
}

/** Most words of the phrase linking a description to what it is of: "on the committee", "of the union's board". */
const MAX_LINKED_WORDS = 6;
/** Most words of the name given after a description: "Senator Charles Grassley". */
const MAX_GIVEN_NAME_WORDS = 5;

/**
 * `the senior Republican on the committee, Senator Charles Grassley.`: after a description ending at `from`, a
 * linking phrase ("on the committee"), a comma and a capitalised name of two words or more closing the clause; the
 * name's token range and the comma before it, or null.
 */
function nameAfterLinkedDescription(tokens: readonly Token[], from: number, end: number): [number, number, number] | null {
  const link = tokens[from];
  if (!isWord(link) || !(ROLE_LINKS.has(link.lower) || link.lower === 'on' || link.lower === 'in')) return null;
  let comma = from + 1;
  while (comma < end && comma - from <= MAX_LINKED_WORDS && isWord(tokens[comma])) comma += 1;
  if (!isComma(tokens[comma]) || comma - from > MAX_LINKED_WORDS) return null;
  let nameStart = comma + 1;
  // "Senator Charles Grassley": the title is the description's, not part of the name.
  while (isWord(tokens[nameStart]) && TITLES.has(tokens[nameStart]!.lower.replace(/\.$/u, '')) && tokens[nameStart + 2]?.capitalised) nameStart += 1;
  let nameEnd = nameStart;
  while (nameEnd < end && nameEnd - comma <= MAX_GIVEN_NAME_WORDS && isWord(tokens[nameEnd]) && tokens[nameEnd]!.capitalised) nameEnd += 1;
  const closed = nameEnd >= end || !isWord(tokens[nameEnd]);
  return closed && nameEnd - nameStart >= 2 ? [nameStart, nameEnd, comma] : null;
}
