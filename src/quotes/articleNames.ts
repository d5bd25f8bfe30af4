import type { Article } from '../corpus/types.js';
import { withoutCreditWords, withoutPhotographer } from '../corpus/credits.js';
import type { SpeakerPhrase } from './findSpeakerPhrase.js';
import { isBareTitle } from './bareTitle.js';
import { isSundayTitle } from './nounPhrase.js';
import { foldName } from './speakerName.js';
import { isNameWord, tokenize, type Token } from './tokenize.js';
import {
  COUNTRY_ACRONYMS, DETERMINERS, GENDERED_TITLES, isPluralRole, MONTHS, NP_STOP_WORDS, ORGANISATION_WORDS, REPORTING_VERBS, ROLE_NOUNS, SENTENCE_OPENERS, TITLES,
} from './vocabulary.js';

/** A speaker resolved against the article: the fullest name the article gives, and what kind of speaker it is. */
export interface ResolvedSpeaker {
  name: string;
  /** `person` can be "he"/"she"; `organisation` and `group` can be "it"/"they". */
  kind: 'person' | 'organisation' | 'group';
  gender: 'male' | 'female' | null;
  role: string | null;
  /** Named only by a description ("the Tory leader", "a Treasury spokesperson"), not by name. */
  description: boolean;
}

/** The names an article mentions, for turning "Juppe" into "Alain Juppe" and "SOHR" into its full name. */
export interface ArticleNames {
  resolve(phrase: SpeakerPhrase): ResolvedSpeaker;
}

const NAME_PARTICLES = new Set(['al', 'bin', 'ibn', 'van', 'von', 'de', 'del', 'da', 'di', 'der', 'du', 'la', 'le', 'el', 'abu']);
const ORG_CONNECTORS = new Set(['of', 'for', 'and', 'the', 'on', '&']);
/** Longest run of words taken as one name or appositive. */
const MAX_RUN = 8;
const MAX_ROLE_TOKENS = 14;
/** Words that make a would-be appositive a clause ("…, an attorney, has responded"). */
const CLAUSE_WORDS = new Set(['has', 'have', 'had', 'is', 'was', 'were', 'are', 'will', 'would', 'said', 'says', 'told', 'feel', 'feels', 'felt', 'think', 'thinks', 'who', 'which']);

/** A name word folded for matching, without a joined Arabic article: "al-Maliki" and "Maliki" are one surname. */
const nameFold = (word: string): string => foldName(word).replace(/^(?:al|el) /u, '');

const stripTitle = (word: string): string => word.toLowerCase().replace(/\.$/, '');
/** "Major-General", "Lieutenant-Colonel": a title made of titles. */
const isTitle = (word: string): boolean => {
  const lower = stripTitle(word);
  return TITLES.has(lower) || (lower.includes('-') && lower.split('-').every((part) => TITLES.has(part))) || isMistypedTitle(lower);
};

/** Long titles with each doubled letter written once: "miniister" and "minister" both fold to "minister". */
const SINGLE_LETTER_TITLES = new Set([...TITLES].filter((title) => title.length >= 6).map((title) => title.replace(/(\p{L})\1+/gu, '$1')));
/** Fewest letters for a title read through a doubled letter: short words ("mrr", "lordd") are left alone. */
const MIN_MISTYPED_TITLE_LETTERS = 7;

/** "Finance Miniister": a long title typed with a letter doubled (the wire's typing slips are kept in its copy). */
function isMistypedTitle(lower: string): boolean {
  if (lower.length < MIN_MISTYPED_TITLE_LETTERS || !/(\p{L})\1/u.test(lower)) return false;
  return SINGLE_LETTER_TITLES.has(lower.replace(/(\p{L})\1+/gu, '$1'));
}

/** The words of a name after its titles ("Trade and Industry Secretary Patricia Hewitt" → "Patricia Hewitt"). */
function afterTitles(words: readonly string[]): { words: string[]; gender: 'male' | 'female' | null } {
  let last = -1;
  let gender: 'male' | 'female' | null = null;
  words.forEach((word, index) => {
    const lower = stripTitle(word);
    if (isTitle(word) || (index === 0 && words.length >= 3 && ROLE_NOUNS.has(lower))) last = index;
    gender = GENDERED_TITLES.get(lower) ?? gender;
  });
  const rest = words.slice(last + 1);
  return { words: rest.length > 0 ? rest : [...words], gender };
}

/**
 * "Shell Oil Co", "Morgan Guaranty Trust Co.": "Co" ending a name is a company suffix ("Co Antrim", a county, opens
 * its name).
 */
const endsInCo = (words: readonly string[]): boolean => words.length >= 2 && (words[words.length - 1] === 'Co' || words[words.length - 1] === 'Co.');

const isOrganisation = (words: readonly string[]): boolean =>
  words.some((word) => ORGANISATION_WORDS.has(word.toLowerCase())) || (words.length === 1 && /^[\p{Lu}&]{2,}$/u.test(words[0]!)) || isAcronymFirm(words) ||
  endsInCo(words);

/**
 * "BC Hydro", "NTL Group", "BT Openreach": an acronym and one more word is a firm, not a person (a credit or a place
 * before a person's name, "USA Barack Obama", "AFP Daniel Leal", has two words after it).
 */
function isAcronymFirm(words: readonly string[]): boolean {
  if (words.length !== 2 || !/^\p{Lu}{2,5}$/u.test(words[0]!) || !/^\p{Lu}\p{Ll}/u.test(words[1]!)) return false;
  return !COUNTRY_ACRONYMS.has(words[0]!) && !isTitle(words[0]!) && !isTitle(words[1]!) && !/^(?:II|III|IV|JR|SR)$/u.test(words[0]!);
}

/** Titles that are also common surnames: "Jason King", "John Major", "Julie Bishop". */
const TITLE_SURNAMES = new Set(['king', 'major', 'bishop', 'marshal', 'judge', 'prince', 'pope', 'dean']);

/**
 * "Jason King" is a person, "Australian King" and "Prime Minister" are not: a title-surname after a first name
 * that is neither a title, a qualifier of one, nor a nationality.
 */
function titleAsSurname(words: readonly string[]): boolean {
  const last = stripTitle(words[words.length - 1] ?? '');
  const before = words[words.length - 2];
  return words.length >= 2 && TITLE_SURNAMES.has(last) && before !== undefined && !isBareTitle(words.join(' ')) &&
    !isTitle(before) && !/(?:an|ish|ese|i)$/u.test(before.toLowerCase());
}

/** Words that join the parts of an organisation's name but never a person's. */
const SPLITS_PERSON = new Set(['of', 'for', 'and', 'the', 'on', '&', 'at', 'with', 'from']);

/**
 * Splits a capitalised speaker phrase into the person's name and what else it says: after the last title
 * ("Bank of England Governor Robin Leigh-Pemberton" → "Robin Leigh-Pemberton"), before a connector
 * ("Mark Rogers of Prudential Bache Securities" → "Mark Rogers", role "Prudential Bache Securities"); or says it is
 * an organisation ("Syrian Observatory for Human Rights").
 */
function splitName(words: readonly string[]): { words: string[]; role: string | null; organisation: boolean } {
  let lastTitle = -1;
  words.forEach((word, index) => {
    // "Fisherman Tom Hardy" opening a sentence: a role noun capitalised only by its place. "BBC Political
    // Correspondent James Hardy": a capitalised role noun further in, before a name of two words or more, ends the
    // description as a title does.
    const role = ROLE_NOUNS.has(stripTitle(word)) && words.length - index - 1 >= 2 && (index === 0 || /^\p{Lu}/u.test(word));
    if ((isTitle(word) || role) && index < words.length - 1) lastTitle = index;
  });
  // "Leader of the Australian Greens Bob Brown", "Secretary of State Condoleezza Rice": the last two words are the
  // person, after the title and what it is of.
  // "Catholic Archbishop of Brisbane John Bathersby": a qualifier may come before the title.
  const title = isTitle(words[0]!) ? 0 : words.length > 1 && isTitle(words[1]!) && /^\p{Lu}/u.test(words[0]!) ? 1 : -1;
  const linked = words.findLastIndex((word) => ['of', 'for', 'the'].includes(word));
  if (title >= 0 && ['of', 'for'].includes(words[title + 1] ?? '') && linked > title && words.length - linked - 1 >= 3) {
    const person = words.slice(-2);
    if (person.every((word) => /^\p{Lu}\p{Ll}/u.test(word) && !isTitle(word) && !ORGANISATION_WORDS.has(word.toLowerCase()))) {
      return { words: person, role: words.slice(0, -2).join(' '), organisation: false };
    }
  }
  if (lastTitle >= 0) {
    const rest = words.slice(lastTitle + 1);
    if (!isOrganisation(rest) && !rest.some((word) => SPLITS_PERSON.has(word.toLowerCase()))) return { words: rest, role: null, organisation: false };
  }
  // "National Security Council Frederick Jones": a person's name after the organisation they speak for.
  const lastOrganisationWord = words.findLastIndex((word) => ORGANISATION_WORDS.has(word.toLowerCase()));
  const after = words.slice(lastOrganisationWord + 1);
  if (lastOrganisationWord > 0 && after.length >= 2 && after.length <= 3 &&
    after.every((word) => /^\p{Lu}\p{Ll}/u.test(word) && !isTitle(word) && !SPLITS_PERSON.has(word.toLowerCase()) && !NP_STOP_WORDS.has(word.toLowerCase()))) {
    return { words: after, role: words.slice(0, lastOrganisationWord + 1).join(' '), organisation: false };
  }
  // "Marks & Spencer", "Procter & Gamble": an ampersand joins the names of a firm, never a person's.
  if (words.length >= 3 && words.includes('&') && words[0] !== '&' && words[words.length - 1] !== '&') return { words: [...words], role: null, organisation: true };
  // "Mail on Sunday": a newspaper named for its day, not "Mail" of "Sunday".
  const connector = words.findIndex((word, index) => SPLITS_PERSON.has(word.toLowerCase()) && word.toLowerCase() !== 'and' &&
    !(word === 'on' && isSundayTitle(words[index - 1] ?? '', words[index + 1] ?? '')));
  const first = connector > 0 ? words.slice(0, connector) : [...words];
  if (isOrganisation(first) || isOrganisation(words.filter((word) => word.toLowerCase() !== 'and')) && connector < 0) {
    return { words: [...words], role: null, organisation: true };
  }
  // "Senator Christopher Dodd of Connecticut": the title goes too.
  return { words: connector > 0 ? afterTitles(first).words : first, role: connector > 0 ? words.slice(connector + 1).join(' ') : null, organisation: false };
}

/** Months that are also given names ("June Page", "April Glaspie"): read as a date only before an organisation. */
const GIVEN_NAME_MONTHS = new Set(['april', 'may', 'june', 'august']);

/**
 * A name's words without what a sentence glued to them: a month before the name ("In January Henkel said" →
 * "Henkel") and the pronoun "I" after a word that opens the sentence ("Whilst I agree", "Personally I think", "in
 * front of the PC I realised": the speaker is "I", never "Whilst I").
 *
 * @example
 * withoutGluedWords(['January', 'Henkel']) // => ['Henkel']
 * withoutGluedWords(['June', 'Page']) // => ['June', 'Page']
 * withoutGluedWords(['Whilst', 'I']) // => ['I']
 */
export function withoutGluedWords(words: readonly string[]): readonly string[] {
  if (words.length < 2) return words;
  if (words[words.length - 1] === 'I') return ['I'];
  const first = words[0]!.toLowerCase();
  const rest = words.slice(1);
  const dated = MONTHS.has(first) && /^\p{Lu}/u.test(rest[0]!) && (!GIVEN_NAME_MONTHS.has(first) || isOrganisation(rest));
  return dated ? rest : words;
}

/** `"…," Said Christine Lagarde`: a reporting verb capitalised by a slip right after a quotation is no part of a name. */
const isVerbAfterQuote = (tokens: readonly Token[], i: number): boolean =>
  REPORTING_VERBS.has(tokens[i]!.lower) && (closesQuote(tokens[i - 1]) || (tokens[i - 1]?.text === ',' && closesQuote(tokens[i - 2])));
/** A quotation, or its closing mark in tokens read without quotation spans. */
const closesQuote = (token: Token | undefined): boolean => token?.kind === 'quote' || (token?.kind === 'punct' && /^["”»]$/u.test(token.text));

/** Runs of capitalised words in one paragraph, with what follows each (for acronyms and appositives). */
function capitalisedRuns(tokens: readonly Token[]): { words: string[]; end: number }[] {
  const runs: { words: string[]; end: number }[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.kind !== 'word' || !token.capitalised || isVerbAfterQuote(tokens, i)) {
      i += 1;
      continue;
    }
    const words: string[] = [];
    let j = i;
    while (j < tokens.length && words.length < MAX_RUN) {
      const current = tokens[j]!;
      if (current.kind !== 'word') break;
      const possessive = /['’]s$/u.test(current.text);
      if (current.capitalised) words.push(current.text.replace(/['’]s$/u, ''));
      else if ((ORG_CONNECTORS.has(current.lower) || NAME_PARTICLES.has(current.lower)) &&
        (tokens[j + 1]?.capitalised || (ORG_CONNECTORS.has(tokens[j + 1]?.lower ?? '') && tokens[j + 2]?.capitalised))) words.push(current.text);
      else break;
      j += 1;
      if (possessive) break;
    }
    while (words.length > 0 && (DETERMINERS.has(words[0]!.toLowerCase()) || SENTENCE_OPENERS.has(words[0]!.toLowerCase()))) words.shift();
    // "NTB Scanpix/Heiko Junge Ole Hansen": a credit's photographer glued before a name.
    const credited = tokens[i - 1]?.text === '/' && tokens[i - 2]?.kind === 'word' ? withoutPhotographer(words, tokens[i - 2]!.text) : words;
    const named = withoutGluedWords(credited);
    // "Getty Images Oli Scarff", "USA Barack Obama": a credit or caption keyword glued before a name is not part of it.
    if (named.length > 0) runs.push({ words: isOrganisation(named) ? [...named] : withoutCreditWords(named), end: j });
    i = Math.max(j, i + 1);
  }
  return runs;
}

/**
 * Reads every name the article mentions (body, captions, standfirst) and returns a resolver: a surname goes to the
 * fullest name with that surname, an acronym to the name it abbreviates, and each name gets the role an
 * appositive gives it anywhere in the article.
 *
 * @example
 * collectArticleNames(seed).resolve({ kind: 'name', text: 'Juppe', words: ['Juppe'], acronym: null, role: null })
 * // => { name: 'Alain Juppe', kind: 'person', gender: null, role: 'the French foreign minister' }
 */
export function collectArticleNames(article: Article, paragraphTokens?: readonly (readonly Token[])[]): ArticleNames {
  const fullest = new Map<string, string[]>();
  const acronyms = new Map<string, string>();
  /** Every organisation's name as written, for "Continental Bank" → "Continental Bank of Canada". */
  const organisations = new Set<string>();
  let previousRun: { words: string[] } | null = null;
  /**
   * "State Administration of Radio, Film and Television (SARFT)": the run before belongs to the name when the
   * acronym's letters need it (its initials and the run's spell the acronym).
   */
  const withCommaPart = (words: readonly string[], acronym: string, before: typeof previousRun): string => {
    const initials = (list: readonly string[]) => list.filter((word) => /^\p{Lu}/u.test(word)).map((word) => word[0]).join('');
    const own = initials(words);
    if (!before || own.length >= acronym.length || !acronym.endsWith(own)) return words.join(' ');
    const joined = [...before.words, ...words];
    return initials(joined) === acronym ? `${before.words.join(' ')}, ${words.join(' ')}` : words.join(' ');
  };
  const roles = new Map<string, string>();
  /** "Raed" for Raed Jarrar: first names of the people named in full, null when two people share one. */
  const firstNames = new Map<string, string[] | null>();
  const genders = new Map<string, 'male' | 'female'>();
  /** "Flight" for "Mr Flight": words the article writes after a title, so surnames. */
  const titledSurnames = new Set<string>();
  const standfirst = article.standfirst ?? '';
  const tokenised = [
    tokenize(standfirst, 0, standfirst.length, []),
    ...article.paragraphs.map((paragraph, index) => paragraphTokens?.[index] ?? tokenize(paragraph.text, 0, paragraph.text.length, [])),
  ];
  for (const tokens of tokenised) {
    for (const run of capitalisedRuns(tokens)) {
      const { words, gender } = isOrganisation(run.words) ? { words: run.words, gender: null } : afterTitles(run.words);
      const key = foldName(words.join(' '));
      if (words.length === 1 && run.words.length > 1 && isTitle(run.words[run.words.length - 2]!)) titledSurnames.add(nameFold(words[0]!));
      if (gender) genders.set(nameFold(words[words.length - 1]!), gender);
      if (tokens[run.end]?.text === '(' && tokens[run.end + 2]?.text === ')') {
        const acronym = tokens[run.end + 1]!.text;
        if (/^[\p{Lu}&]{2,}$/u.test(acronym)) acronyms.set(acronym, withCommaPart(words, acronym, previousRun));
      }
      if (words.length > 1 && isOrganisation(words)) organisations.add(words.join(' '));
      previousRun = { words };
      if (tokens[run.end]?.text === ',') {
        const role = appositiveAfter(tokens, run.end + 1);
        if (role && !roles.has(key)) roles.set(key, role);
      }
      // Every part of the run between connectors can be a person ("Victoria Wood and David Jason").
      let part: string[] = [];
      let afterTitleLink = false;
      for (const word of [...run.words, '&']) {
        if (!SPLITS_PERSON.has(word.toLowerCase())) {
          part.push(word);
          continue;
        }
        // "Leader of the Australian Greens Bob Brown": after a title's "of", the last two words are the person.
        const person = afterTitleLink && part.length >= 3 ? part.slice(-2) : afterTitles(part).words;
        // "Catholic Archbishop of": a title, perhaps qualified, before its "of".
        if (part.length > 0) afterTitleLink = part.length <= 2 && isTitle(part[part.length - 1]!) && ['of', 'for'].includes(word.toLowerCase());
        // "Australian Prime Minister": a name never ends with a title.
        const endsWithTitle = TITLES.has(stripTitle(person[person.length - 1] ?? '')) && !titleAsSurname(person);
        if (!isOrganisation(person) && !endsWithTitle && person.length >= 2 && person.length <= 4) {
          const surname = nameFold(person[person.length - 1]!);
          const known = fullest.get(surname);
          if (!known || known.length < person.length) fullest.set(surname, person);
          const given = nameFold(person[0]!);
          const same = firstNames.get(given);
          // A first name shared by two people names neither.
          if (same === undefined || (same !== null && same.join(' ') === person.join(' '))) firstNames.set(given, person);
          else if (same !== null && !person.join(' ').endsWith(same.join(' ')) && !same.join(' ').endsWith(person.join(' '))) firstNames.set(given, null);
        }
        part = [];
      }
    }
  }

  return {
    resolve(written: SpeakerPhrase): ResolvedSpeaker {
      const unglued = written.kind === 'name' ? withoutGluedWords(written.words) : written.words;
      const phrase = unglued === written.words ? written : { ...written, words: [...unglued], text: unglued.join(' ') };
      // "resident of the Syrian town of Abu Kamal": the role noun before its link is the head.
      const linked = ROLE_NOUNS.has(phrase.words[0]!.toLowerCase()) && ['of', 'for', 'at', 'from', 'with'].includes(phrase.words[1]?.toLowerCase() ?? '');
      const head = linked ? phrase.words[0]! : phrase.words[phrase.words.length - 1]!;
      // "Officials said", "Ministers deny": a plural role noun capitalised only because it opens the sentence.
      const pluralRole = !phrase.definite && phrase.words.length === 1 && isPluralRole(head);
      if (phrase.kind === 'group' || pluralRole || (ROLE_NOUNS.has(head) && head === head.toLowerCase())) {
        // "activists and witnesses", "the Two Ronnies star", "a Treasury spokesperson".
        const described = ROLE_NOUNS.has(head.toLowerCase()) || ROLE_NOUNS.has(head.toLowerCase().replace(/s$/u, ''));
        return {
          name: phrase.text,
          kind: described && !head.endsWith('s') ? 'person' : 'group',
          gender: GENDERED_TITLES.get(head.toLowerCase()) ?? null,
          role: phrase.role,
          description: described,
        };
      }
      const expanded = phrase.words.length === 1 ? acronyms.get(phrase.words[0]!) : undefined;
      const { words: named, role: ofRole, organisation } = splitName(isOrganisation(phrase.words) ? phrase.words : withoutCreditWords(phrase.words));
      if (expanded || organisation || namedAfterItsType(phrase.role)) {
        const written = phrase.words.join(' ');
        // "Continental Bank" → "Continental Bank of Canada", the fuller name the article gives.
        let fuller: string | undefined;
        if (!expanded) for (const known of organisations) if (known.startsWith(`${written} of `) || known.startsWith(`${written} for `)) fuller = known;
        const name = expanded ?? fuller ?? written;
        return { name, kind: 'organisation', gender: null, role: phrase.role ?? roles.get(foldName(name)) ?? null, description: false };
      }
      if (named.length === 0 || named.some((word) => !isNameWord(word) && !NAME_PARTICLES.has(word))) {
        // "Munster number 10", "September 11": not a person's name.
        return { name: phrase.text, kind: 'group', gender: null, role: phrase.role, description: false };
      }
      // "The Tories say", "the Greens said": one plural capitalised word after "the" names a group ("they"), never a
      // person (people are not "the Howards"), so "the prime minister" later is not read as them.
      if (phrase.definite && phrase.words.length === 1 && /[^s]s$/u.test(phrase.text) && !isTitle(phrase.words[0]!)) {
        return { name: phrase.text, kind: 'group', gender: null, role: phrase.role, description: false };
      }
      // "Victoria Wood and David Jason" is two people; "Economy and Labour Minister Wolfgang Clement" is one.
      if (named.some((word) => word.toLowerCase() === 'and')) {
        return { name: phrase.text, kind: 'group', gender: null, role: phrase.role, description: false };
      }
      const { gender: titleGender } = afterTitles(phrase.words);
      const surname = nameFold(named[named.length - 1]!);
      const candidate = fullest.get(surname);
      const folded = named.map(nameFold);
      const fits = candidate && candidate.length >= named.length &&
        folded.every((word, index) => nameFold(candidate[candidate.length - named.length + index]!) === word);
      // "Australian Greens Bob Brown" when the article's person is Bob Brown: the words before are not the name.
      const within = !fits && candidate && candidate.length >= 2 && candidate.length < named.length &&
        candidate.every((word, index) => nameFold(word) === folded[named.length - candidate.length + index]);
      // "Raed said": a first name alone is the one person the article named in full with it.
      // "Mr Howard" after "Howard Flight": a name after a title is a surname, never a first name.
      const titled = phrase.words.length > named.length && isTitle(phrase.words[phrase.words.length - named.length - 1]!);
      // "Mr Kim" for Kim Yungmin is right (a surname written first), "Mr Howard" for Howard Flight, called "Mr Flight", is not.
      const firstNamed = !fits && named.length === 1 ? firstNames.get(nameFold(named[0]!)) : undefined;
      const byFirstName = titled && firstNamed && titledSurnames.has(nameFold(firstNamed[firstNamed.length - 1]!)) ? undefined : firstNamed;
      const words = fits || within ? candidate : (byFirstName ?? named);
      const name = words.join(' ');
      return {
        name,
        kind: 'person',
        gender: titleGender ?? genders.get(surname) ?? null,
        role: phrase.role ?? ofRole ?? roles.get(foldName(name)) ?? roles.get(foldName(named.join(' '))) ?? null,
        description: false,
      };
    },
  };
}

/**
 * True when the description before a name says what kind of organisation it is, in lower case ("labor rights group
 * Oxfam", "the company Acme"): the name is the organisation's, so "it" and "they" may stand for it later. An
 * appositive that ties a person to one ("leader of the Liberal party") does not.
 * @example namedAfterItsType('Hong Kong-based labor rights group') // => true
 */
function namedAfterItsType(role: string | null): boolean {
  if (role === null) return false;
  const last = role.slice(role.lastIndexOf(' ') + 1);
  // "Peter Debnam, leader of the Liberal party": the organisation a person leads, not what the name is.
  return last === last.toLowerCase() && ORGANISATION_WORDS.has(last) && !ROLE_NOUNS.has(last) && !/ (?:of|for|at|with|from|in) /u.test(` ${role} `);
}

/** An appositive starting at `start` and closed by a comma or the sentence's end: "an activist of … in Homs". */
function appositiveAfter(tokens: readonly Token[], start: number): string | null {
  const first = tokens[start];
  if (first?.kind !== 'word') return null;
  if (!(first.lower === 'a' || first.lower === 'an' || first.lower === 'the' || (!first.capitalised && !first.lower.endsWith('ing')))) return null;
  if (!(first.lower === 'a' || first.lower === 'an' || first.lower === 'the') && ['who', 'which', 'that', 'said', 'says', 'and', 'but'].includes(first.lower)) return null;
  const words: string[] = [];
  for (let i = start; i < tokens.length && words.length <= MAX_ROLE_TOKENS; i += 1) {
    const token = tokens[i]!;
    if (token.kind === 'punct' && /[,.;:!?]/.test(token.text)) return words.length > 0 ? words.join(' ') : null;
    if (token.kind !== 'word' || CLAUSE_WORDS.has(token.lower)) return null;
    words.push(token.text);
  }
  return null;
}
