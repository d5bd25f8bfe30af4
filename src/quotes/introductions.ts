import type { Article } from '../corpus/types.js';
import type { ArticleNames, ResolvedSpeaker } from './articleNames.js';
import type { Token } from './tokenize.js';
import {
  CALENDAR_WORDS, COMPANY_NOUNS, COUNTRY_ACRONYMS, DETERMINERS, NAMING_WORDS, NOT_OFFICES, NP_STOP_WORDS, ORGANISATION_WORDS, PRONOUNS, REPORTED_SPEECH_VERBS, REPORTING_VERBS, ROLE_NOUNS,
  SENTENCE_OPENERS, TITLES,
} from './vocabulary.js';

// How an article introduces its people and organisations ("Security firm Sophos", "The harbour master of Whitby,
// Janet Crowe,", "Australian Prime Minister, John Howard", "Whitby Harbour Board"), so that a later description
// ("the security firm", "the harbour master", "the Prime Minister", "the board") is read as the one it introduced.

/** One person or organisation the article names, and the words it describes them with. */
interface Introduced {
  name: string;
  kind: 'person' | 'organisation';
  /** Lower-case words of the titles, descriptions and appositives given with the name (and an organisation's own words). */
  words: Set<string>;
  /** Where the name is mentioned, in reading order (see {@link position}). */
  mentions: number[];
  /** First named between commas in a list ("Mali, Burkino Faso, Benin"): maybe a place, not a person. */
  listed: boolean;
  /** Where it is first the subject of a reporting verb ("Brookehill Partners Inc told"), or Infinity. */
  spokeAt: number;
  /** A surname alone, named only after an office ("President Bush"). */
  surnameOnly: boolean;
}

/** Finds the person or organisation a description stands for. */
export interface Introductions {
  /**
   * The named speaker a description ("the company", "the harbour master", "Prime Minister") stands for, read at
   * `at` (see {@link position}), or null when the article introduced no one that way before `at`.
   */
  resolve(words: readonly string[], at: number): ResolvedSpeaker | null;
  /**
   * The unnamed speaker the article introduced before `at` as "a/an … <head>" ("a general in the Bolivian Air
   * Force", "a BaFin spokeswoman"): the description's words ("general", "BaFin spokeswoman"), or null.
   */
  describedBefore(words: readonly string[], at: number): string | null;
  /** The relative the article named with a kin noun before `at` ("Khan's wife Hendrina" for "wife"), or null. */
  relative(kin: string, at: number): ResolvedSpeaker | null;
  /** The lower-case words the article introduced a name with ("tory", "leader" for "Tory leader Michael Howard"). */
  wordsOf(name: string): readonly string[];
  /**
   * The first person the article names in full after `at`, within its lead paragraphs, or null: the one a lead's
   * description ("The EU's highest justice official has warned …") stands for before the name comes. With `sharing`,
   * only someone introduced with one of those words ("columnist Jane Moore" for "a national newspaper columnist").
   */
  firstNamedAfter(at: number, sharing?: readonly string[]): ResolvedSpeaker | null;
  /**
   * The one person the article introduces anywhere with `title` ("President Dimitris Christofias", "Cypriot President
   * Tassos Papadopoulos") whom no other word ties to a place other than `place`: the holder of "the President of
   * Cyprus". Null when there is none or more than one.
   */
  officeHolder(title: string, place: readonly string[]): ResolvedSpeaker | null;
}

/** Words read after "a"/"an" for an unnamed speaker's description. */
const MAX_INDEFINITE_WORDS = 4;

/** "a general in …", "a BaFin spokeswoman": each indefinite description ending in a role noun or title, in order. */
function indefiniteDescriptions(paragraphTokens: readonly (readonly Token[])[]): { head: string; text: string; at: number }[] {
  const found: { head: string; text: string; at: number }[] = [];
  paragraphTokens.forEach((tokens, paragraphIndex) => {
    tokens.forEach((token, index) => {
      // "One Mexican mining sector official … told Reuters": "one" introduces someone unnamed as "a" does.
      if (token.lower !== 'a' && token.lower !== 'an' && token.lower !== 'one') return;
      const kept: string[] = [];
      // "a 14-year veteran intelligence officer": the last role noun of the phrase is its head, not "veteran".
      let described: { head: string; text: string; at: number } | null = null;
      for (let i = index + 1; i < tokens.length && kept.length < MAX_INDEFINITE_WORDS; i += 1) {
        const word = tokens[i]!;
        if (!isWordToken(word) || LINKS.has(word.lower) || NP_STOP_WORDS.has(word.lower)) break;
        kept.push(word.text);
        const head = lowerWord(word.text);
        if ((ROLE_NOUNS.has(head) || TITLES.has(head)) && !tokens[i + 1]?.capitalised) {
          described = { head, text: kept.join(' '), at: position(paragraphIndex, word.start) };
          const next = tokens[i + 1];
          if (!isWordToken(next) || next.capitalised || LINKS.has(next.lower) || NP_STOP_WORDS.has(next.lower)) break;
        }
      }
      if (described) found.push(described);
    });
  });
  return found;
}

/** Nouns of family: "his wife says" stands for the wife the article named. */
export const KIN_NOUNS = new Set(['wife', 'husband', 'son', 'daughter', 'mother', 'father', 'brother', 'sister', 'widow', 'widower', 'partner']);
/** Longest name read after a kin noun. */
const MAX_KIN_NAME_WORDS = 3;

/** "Khan's wife Hendrina", "his widow, Mary Jones": each relative named after an owner and a kin noun, in order. */
function kinIntroductions(paragraphTokens: readonly (readonly Token[])[]): { kin: string; name: string[]; at: number }[] {
  const found: { kin: string; name: string[]; at: number }[] = [];
  paragraphTokens.forEach((tokens, paragraphIndex) => {
    tokens.forEach((token, index) => {
      if (token.kind !== 'word' || !KIN_NOUNS.has(token.lower)) return;
      const owner = tokens[index - 1];
      if (owner?.kind !== 'word' || !(isPossessive(owner) || POSSESSIVES.has(owner.lower))) return;
      let start = index + 1;
      if (tokens[start]?.text === ',') start += 1;
      let end = start;
      while (end < tokens.length && end - start < MAX_KIN_NAME_WORDS && isWordToken(tokens[end]) && tokens[end]!.capitalised && !isPossessive(tokens[end]!)) end += 1;
      if (end > start) found.push({ kin: token.lower, name: tokens.slice(start, end).map((word) => word.text), at: position(paragraphIndex, token.start) });
    });
  });
  return found;
}

/** Characters of one paragraph a position can address. */
const PARAGRAPH_STRIDE = 10_000_000;

/**
 * A place in an article, comparable across paragraphs: the paragraph's index and a character offset in it.
 * @example position(2, 40) < position(3, 0) // => true
 */
export const position = (paragraphIndex: number, offset: number): number => paragraphIndex * PARAGRAPH_STRIDE + offset;

/** Organisations that are not companies: "the company" never stands for them. */
const NOT_COMPANY = new Set([
  'ministry', 'department', 'government', 'union', 'party', 'council', 'court', 'police', 'army', 'parliament',
  'senate', 'congress', 'committee', 'commission', 'newspaper', 'times', 'post', 'journal', 'news', 'agency',
  'office', 'house', 'assembly', 'tribunal', 'university', 'school', 'church', 'navy', 'forces', 'administration',
  'reuters', 'bbc', 'league', 'federation', 'association', 'board', 'authority', 'observatory', 'organisation',
  'organization', 'institute', 'foundation', 'society', 'club', 'team', 'coalition', 'alliance', 'movement',
]);
/** Nouns that stand for a newspaper the article named ("the daily", "the paper"). */
const NEWSPAPER_NOUNS = new Set(['daily', 'paper', 'newspaper', 'weekly', 'tabloid']);
const POSSESSIVES = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
/** Words describing no one in particular: left out of an introduction's words. */
const EMPTY_WORDS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'local', 'also', 'now', 'then']);
/** Words that end a description before what it links to: "the harbour master [of Whitby]". */
const LINKS = new Set(['of', 'for', 'at', 'with', 'from', 'in', 'on', 'to', 'who', 'which', 'that']);
/** Paragraphs of an article's lead, whose descriptions may name someone only further on. */
const LEAD_PARAGRAPHS = 1;
/** Longest description read before or after a name. */
const MAX_DESCRIPTION_WORDS = 6;
/** Longest run of capitalised words read as one name. */
const MAX_NAME_WORDS = 8;

const isWordToken = (token: Token | undefined): token is Token => token?.kind === 'word';
const isPossessive = (token: Token): boolean => token.text.endsWith("'s") || token.text.endsWith('’s');
const lowerWord = (text: string): string => {
  let word = text.toLowerCase();
  if (word.endsWith("'s") || word.endsWith('’s')) word = word.slice(0, -2);
  return word.endsWith('.') ? word.slice(0, -1) : word;
};

/** Letters a place and its adjective share: "cypr" of "Cyprus" and "Cypriot". */
const PLACE_STEM_LETTERS = 4;
const placeStem = (word: string): string => lowerWord(word).slice(0, PLACE_STEM_LETTERS);

/** Runs of capitalised words (with inner connectors) in one paragraph's tokens: [start, end). */
function nameRuns(tokens: readonly Token[]): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isWordToken(tokens[i]) || !tokens[i]!.capitalised) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < tokens.length && j - i < MAX_NAME_WORDS && isWordToken(tokens[j])) {
      const token = tokens[j]!;
      const connector = !token.capitalised && ['of', 'for', 'and', 'the', '&', 'de', 'al', 'van', 'von'].includes(token.lower);
      if (!token.capitalised && !(connector && tokens[j + 1]?.capitalised)) break;
      j += 1;
      if (isPossessive(token)) break;
    }
    // "three board members last November": a date, never a name ("the board" is not November).
    if (!tokens.slice(i, j).every((token) => CALENDAR_WORDS.has(token.lower))) runs.push([i, j]);
    i = Math.max(j, i + 1);
  }
  return runs;
}

/** Description words from `from` up to a link word or the end: "the harbour master of Whitby" → harbour, master. */
function descriptionWords(tokens: readonly Token[], from: number, to: number): string[] | null {
  const words: string[] = [];
  for (let i = from; i < to; i += 1) {
    const token = tokens[i]!;
    if (!isWordToken(token)) return null;
    if (LINKS.has(token.lower)) break;
    // "the company's chief executive": the company is not what the person is.
    if (isPossessive(token)) continue;
    if (DETERMINERS.has(token.lower) || POSSESSIVES.has(token.lower) || EMPTY_WORDS.has(token.lower)) continue;
    if (['has', 'have', 'had', 'is', 'was', 'said', 'says', 'told', 'will', 'would'].includes(token.lower) || isReportingPast(token.lower)) return null;
    words.push(lowerWord(token.text));
  }
  return words.length > 0 && words.length <= MAX_DESCRIPTION_WORDS ? words : null;
}

/**
 * A reporting verb in the past ("disclosed", "announced") makes a clause, never an appositive: "In a filing with the
 * Securities and Exchange Commission, the group disclosed that …" does not call the Commission a group. ("the
 * alleged ringleader", "a group called …": participles that describe.)
 */
const isReportingPast = (word: string): boolean =>
  word.endsWith('ed') && REPORTING_VERBS.has(word) && !NAMING_WORDS.has(word) && word !== 'alleged';

/** Index of the comma or clause mark before `index`, or -1. */
function chunkStart(tokens: readonly Token[], index: number): number {
  for (let i = index - 1; i >= 0; i -= 1) if (tokens[i]!.kind !== 'word') return i;
  return -1;
}

function chunkEnd(tokens: readonly Token[], index: number): number {
  for (let i = index; i < tokens.length; i += 1) if (tokens[i]!.kind !== 'word') return i;
  return tokens.length;
}

/** Prepositions of place: a one-word name after them ("in Paris", "across France") is a place, not an organisation. */
const PLACE_PREPOSITIONS = new Set(['in', 'across', 'throughout', 'near', 'outside', 'inside', 'into']);

/**
 * One-word names that speak as organisations: the subject of a reporting verb ("Renault said"), capitalised again
 * where no sentence opens (so "Officials said" is no name), and never after a preposition of place (so "Paris said"
 * of a city the article is "in" is no organisation). Without them "the company" in an article that introduces
 * "Japanese carmaker Nissan" is Nissan, though Renault is the company that speaks.
 *
 * @example speakingOrganisations([tokensOf('Renault said sales rose at Renault.')]) // => Set { 'Renault' }
 */
export function speakingOrganisations(paragraphTokens: readonly (readonly Token[])[]): ReadonlySet<string> {
  const speaking = new Set<string>();
  const inside = new Set<string>();
  const places = new Set<string>();
  for (const tokens of paragraphTokens) {
    tokens.forEach((token, index) => {
      if (!isWordToken(token) || !token.capitalised || isPossessive(token)) return;
      const before = tokens[index - 1];
      const after = tokens[index + 1];
      // A single word: no capitalised word joins it on either side.
      if (before?.capitalised || after?.capitalised) return;
      if (isWordToken(before)) {
        inside.add(token.text);
        if (PLACE_PREPOSITIONS.has(before.lower)) places.add(token.text);
      }
      if (isWordToken(after) && REPORTED_SPEECH_VERBS.has(after.lower) && !PRONOUNS.has(token.lower) && !SENTENCE_OPENERS.has(token.lower) &&
        !DETERMINERS.has(token.lower)) speaking.add(token.text);
    });
  }
  for (const word of speaking) if (!inside.has(word) || places.has(word)) speaking.delete(word);
  return speaking;
}

/**
 * Reads how the article introduces each person and organisation it names: titles inside the name ("Prime
 * Minister Yasuhiro Nakasone"), words right before it ("Security firm Sophos"), an appositive before or after it
 * ("The harbour master of Whitby, Janet Crowe,", "Alain Juppe, the French foreign minister,"), an organisation's
 * own words ("Whitby Harbour Board").
 *
 * @example
 * collectIntroductions(article, tokens, names).resolve(['security', 'firm'], 3)?.name // => 'Sophos'
 */
export function collectIntroductions(article: Article, paragraphTokens: readonly (readonly Token[])[], names: ArticleNames): Introductions {
  const known = new Map<string, Introduced>();
  /** An organisation by the first word of its name ("Monoclonal" for Monoclonal Antibodies Inc). */
  const shortForms = new Map<string, Introduced>();
  /** A name repeats through an article: resolved once. */
  const resolvedRuns = new Map<string, ResolvedSpeaker>();
  const speaking = speakingOrganisations(paragraphTokens);
  paragraphTokens.forEach((tokens, paragraphIndex) => {
    if (article.paragraphs[paragraphIndex]?.kind === 'crosshead') return;
    for (const [from, to] of nameRuns(tokens)) {
      let start = from;
      while (start < to && (DETERMINERS.has(tokens[start]!.lower) || SENTENCE_OPENERS.has(tokens[start]!.lower))) start += 1;
      if (start >= to) continue;
      const runWords = tokens.slice(start, to).map((token) => token.text.replace(/['’]s$/u, ''));
      // Words right before the run: "Security firm Sophos", "Web tracking company Envisional".
      let before = start - 1;
      const lead: string[] = [];
      while (before >= 0 && isWordToken(tokens[before]) && lead.length < MAX_DESCRIPTION_WORDS) {
        const token = tokens[before]!;
        if (NP_STOP_WORDS.has(token.lower) || DETERMINERS.has(token.lower) || POSSESSIVES.has(token.lower) || isPossessive(token)) break;
        lead.push(lowerWord(token.text));
        before -= 1;
      }
      const text = runWords.join(' ');
      // "Alain Juppe, the French foreign minister, said", "Skype, an Internet phone service,": an appositive after it.
      const appositive = tokens[to]?.text === ',' && isWordToken(tokens[to + 1]) && ['the', 'a', 'an'].includes(tokens[to + 1]!.lower)
        ? (descriptionWords(tokens, to + 1, chunkEnd(tokens, to + 1)) ?? [])
        : [];
      const companyWords = [...lead, ...appositive.slice(-1)];
      const speaksAsOrganisation = runWords.length === 1 && speaking.has(text);
      // "Monoclonal products", "made by Monoclonal" after "Monoclonal Antibodies Inc said": the organisation's first word
      // alone is one more mention of it, so "the company" is the one the article talks about most.
      if (runWords.length === 1 && !known.has(text)) {
        const shortFor = shortForms.get(text);
        if (shortFor) {
          shortFor.mentions.push(position(paragraphIndex, tokens[start]!.start));
          continue;
        }
      }
      // One capitalised word is a name only when known or introduced as a company ("Game maker Valve").
      if (runWords.length === 1 && !known.has(text) && !/^\p{Lu}{2,}$/u.test(text) && !speaksAsOrganisation &&
        !companyWords.some((word) => COMPANY_NOUNS.has(word) || ORGANISATION_WORDS.has(word))) continue;
      let resolved = resolvedRuns.get(text);
      if (!resolved) resolvedRuns.set(text, (resolved = names.resolve({ kind: 'name', text, words: runWords, acronym: null, role: null, start, definite: false })));
      if (resolved.description || resolved.kind === 'group') continue;
      const nameWords = new Set(resolved.name.split(' ').map(lowerWord));
      // "Game maker Valve", "Swiss drugmaker Novartis": one word is a company's name when a company noun precedes it,
      // and stays one when mentioned alone later ("Valve said").
      const company = speaksAsOrganisation || companyWords.some((word) => COMPANY_NOUNS.has(word) || ORGANISATION_WORDS.has(word));
      // "Cairn Energy, a UK oil firm,": an appositive headed by a company noun makes a longer name a company too (a
      // company noun before a name is left alone: it may describe the person's employer).
      const headedByCompany = COMPANY_NOUNS.has(appositive[appositive.length - 1] ?? '');
      const kind = resolved.kind === 'organisation' || (company && nameWords.size === 1) || headedByCompany || known.get(resolved.name)?.kind === 'organisation'
        ? 'organisation'
        : 'person';
      // A surname alone is a person introduced only with an office before it: "President Bush" is "the President" later
      // (a courtesy title, "Mr Ebbeck", says nothing of the role).
      // Only a whole run (not one cut at MAX_NAME_WORDS) ending in the title and the surname: never "Both the Cardinal
      // and …" nor the "Tony" of a run cut before "Blair".
      const surname = lowerWord(runWords[runWords.length - 1]!);
      const title = lowerWord(runWords[runWords.length - 2] ?? '');
      const office = nameWords.size === 1 && nameWords.has(surname) && !TITLES.has(surname) && !/\p{Lu}s$/u.test(runWords[runWords.length - 1]!) &&
        TITLES.has(title) && !EMPTY_WORDS.has(title) && !NOT_OFFICES.has(title) && to - from < MAX_NAME_WORDS;
      if (kind === 'person' && nameWords.size < 2 && !office) continue;
      const words = new Set<string>();
      // Titles and places in the run before the name: "Australian Prime Minister John Howard".
      for (const word of runWords) if (!nameWords.has(lowerWord(word)) && !/['’]s$/u.test(word)) words.add(lowerWord(word));
      if (kind === 'organisation') for (const word of nameWords) words.add(word);
      for (const word of lead) words.add(word);
      // "The harbour master of Whitby, Janet Crowe, said": an appositive before the name.
      if (start > 0 && tokens[start - 1]!.text === ',' && lead.length === 0) {
        const opened = chunkStart(tokens, start - 1);
        const description = descriptionWords(tokens, opened + 1, start - 1);
        for (const word of description ?? []) words.add(word);
      }
      for (const word of appositive) words.add(word);
      for (const word of [...words]) if (EMPTY_WORDS.has(word) || word === '') words.delete(word);
      const at = position(paragraphIndex, tokens[start]!.start);
      const spokeAt = isWordToken(tokens[to]) && REPORTED_SPEECH_VERBS.has(tokens[to]!.lower) ? at : Infinity;
      const entry = known.get(resolved.name);
      if (entry) {
        for (const word of words) entry.words.add(word);
        entry.mentions.push(at);
        entry.spokeAt = Math.min(entry.spokeAt, spokeAt);
      } else {
        const listed = tokens[start - 1]?.text === ',' && tokens[to]?.text === ',';
        const introduced: Introduced = { name: resolved.name, kind, words, mentions: [at], listed, spokeAt, surnameOnly: nameWords.size === 1 && kind === 'person' };
        known.set(resolved.name, introduced);
        const first = resolved.name.split(' ')[0]!;
        if (kind === 'organisation' && first !== resolved.name && !shortForms.has(first)) shortForms.set(first, introduced);
      }
    }
  });
  const entries = [...known.values()];
  const indefinites = indefiniteDescriptions(paragraphTokens);

  const relatives = kinIntroductions(paragraphTokens);
  return {
    relative(kin: string, at: number): ResolvedSpeaker | null {
      const found = relatives.findLast((entry) => entry.kin === kin && entry.at < at);
      if (!found) return null;
      const resolved = names.resolve({ kind: 'name', text: found.name.join(' '), words: found.name, acronym: null, role: null, start: 0, definite: false });
      return { ...resolved, kind: 'person', description: false };
    },
    wordsOf(name: string): readonly string[] {
      // A surname met after a rank or office ("Gen Musharraf") says too little to rule the person out of another
      // office ("the Pakistani president"): such names gave no words before they were introductions.
      const entry = known.get(name);
      return entry && !entry.surnameOnly ? [...entry.words] : [];
    },
    firstNamedAfter(at: number, sharing?: readonly string[]): ResolvedSpeaker | null {
      let first: Introduced | null = null;
      for (const entry of entries) {
        if (sharing && !sharing.some((word) => entry.words.has(lowerWord(word)))) continue;
        const mention = entry.mentions[0]!;
        // A name first met in a list between commas ("Mali, Burkino Faso, Benin") may be a place: never taken.
        if (entry.kind !== 'person' || entry.listed || mention <= at || mention >= position(LEAD_PARAGRAPHS + 1, 0)) continue;
        if (!first || mention < first.mentions[0]!) first = entry;
      }
      if (!first) return null;
      const resolved = names.resolve({ kind: 'name', text: first.name, words: first.name.split(' '), acronym: null, role: null, start: 0, definite: false });
      return { ...resolved, name: first.name, kind: 'person', description: false };
    },
    officeHolder(title: string, place: readonly string[]): ResolvedSpeaker | null {
      const wanted = lowerWord(title);
      const places = new Set(place.map(placeStem));
      // "Cypriot" for "Cyprus": a qualifier sharing its first letters names the same place.
      const holders = entries.filter((entry) => entry.kind === 'person' && entry.words.has(wanted) &&
        [...entry.words].every((word) => word === wanted || !TITLES.has(word) || places.has(placeStem(word))) &&
        [...entry.words].every((word) => word === wanted || TITLES.has(word) || ROLE_NOUNS.has(word) || places.has(placeStem(word))));
      if (holders.length !== 1) return null;
      const holder = holders[0]!;
      const resolved = names.resolve({ kind: 'name', text: holder.name, words: holder.name.split(' '), acronym: null, role: null, start: 0, definite: false });
      return { ...resolved, name: holder.name, kind: 'person', description: false };
    },
    describedBefore(description: readonly string[], at: number): string | null {
      const wanted = lowerWord(description[description.length - 1] ?? '');
      // "the intelligence officer" after "a 14-year veteran intelligence officer": every word of it is in the introduction.
      const modifiers = description.slice(0, -1).map(lowerWord);
      return indefinites.findLast((entry) => {
        if (entry.head !== wanted || entry.at >= at) return false;
        const introduced = new Set(entry.text.split(' ').map(lowerWord));
        return modifiers.every((word) => introduced.has(word));
      })?.text ?? null;
    },
    resolve(description: readonly string[], at: number): ResolvedSpeaker | null {
      const all = description.map(lowerWord).filter((word) => !DETERMINERS.has(word) && !POSSESSIVES.has(word) && !EMPTY_WORDS.has(word));
      // "the President of Cyprus": the title before the link is the head; the place after it only one more word the
      // introduction may share ("Demetris Christofias, the President of Cyprus," is introduced as "president").
      const link = all.findIndex((word, index) => index > 0 && LINKS.has(word) && (TITLES.has(all[index - 1]!) || ROLE_NOUNS.has(all[index - 1]!)));
      const words = link > 0 ? all.slice(0, link) : all;
      const head = words[words.length - 1];
      if (!head) return null;
      const modifiers = link > 0 ? [...words.slice(0, -1), ...all.slice(link + 1).filter((word) => !LINKS.has(word))] : words.slice(0, -1);
      // "the Two Ronnies star", "the Labor leader": a proper modifier must be one of the introduction's words.
      const headed = link > 0 ? description.slice(0, description.findIndex((word) => lowerWord(word) === all[link])) : description;
      const proper = headed.slice(0, -1).filter((word) => /^\p{Lu}/u.test(word) && !/^\p{Lu}/u.test(headed[headed.length - 1]!)).map(lowerWord);
      const fits = (entry: Introduced): boolean => {
        if (entry.words.has(head)) return true;
        if (COMPANY_NOUNS.has(head)) return entry.kind === 'organisation' && !COUNTRY_ACRONYMS.has(entry.name) && ![...entry.words].some((word) => NOT_COMPANY.has(word));
        if (NEWSPAPER_NOUNS.has(head)) return entry.kind === 'organisation' && [...entry.words].some((word) => NEWSPAPER_NOUNS.has(word) || word === 'times' || word === 'post' || word === 'journal');
        return false;
      };
      let best: Introduced | null = null;
      let bestScore = -Infinity;
      for (const entry of entries) {
        if (!fits(entry)) continue;
        const matched = modifiers.filter((word) => entry.words.has(word)).length;
        if (proper.length > 0 && !proper.some((word) => entry.words.has(word))) continue;
        // "the WSIS spokesman" is a person: never the organisation he speaks for.
        if (entry.kind === 'organisation' && (ROLE_NOUNS.has(head) || TITLES.has(head)) && !COMPANY_NOUNS.has(head)) continue;
        // Only someone already introduced: "the star" before the article names any star is someone else. But "the courts
        // minister has told MPs" opening an article is the courts minister it names further on.
        const seen = entry.mentions.filter((mention) => mention < at);
        const namedLater = seen.length === 0 && at < position(LEAD_PARAGRAPHS, 0) && entry.words.has(head) && modifiers.length > 0 &&
          modifiers.every((word) => entry.words.has(word));
        if (seen.length === 0 && !namedLater) continue;
        if (namedLater) seen.push(entry.mentions[0]!);
        const recency = Math.floor(seen[seen.length - 1]! / PARAGRAPH_STRIDE) - Math.floor(at / PARAGRAPH_STRIDE);
        const exact = entry.words.has(head) ? 1 : 0;
        // "the company" with no company so called: the organisation the article has heard from ("Brookehill Partners
        // Inc told …", not "a buyout of Cardis Corp"), then the one it talks about most, so far.
        const heard = entry.spokeAt < at ? 1 : 0;
        const score = matched * 100_000 + exact * 50_000 + (exact ? 0 : heard * 10_000 + seen.length * 100) + recency;
        if (score > bestScore) {
          best = entry;
          bestScore = score;
        }
      }
      if (!best) return null;
      const resolved = names.resolve({ kind: 'name', text: best.name, words: best.name.split(' '), acronym: null, role: null, start: 0, definite: false });
      return { ...resolved, name: best.name, kind: best.kind, description: false };
    },
  };
}
