import type { Article } from '../corpus/types.js';
import { datelineLength } from '../corpus/credits.js';
import { words } from '../text/index.js';
import type { Quote, QuoteKind } from './types.js';
import { collectArticleNames, type ResolvedSpeaker } from './articleNames.js';
import { isBareTitle } from './bareTitle.js';
import { collectIntroductions, KIN_NOUNS, position, type Introductions } from './introductions.js';
import { type Attribution, attributionBetweenQuotes, describedBy, findAttribution, findReportedClaim, isClosingPunct, judgedForSaying, relativeClauseSpeaker, reportingClauseBefore } from './findAttribution.js';
import { sentenceSubject, speakerAfter, type SpeakerPhrase } from './findSpeakerPhrase.js';
import { findQuoteSpans } from './findQuoteSpans.js';
import { nameAfterDescription } from './nounPhrase.js';
import { findInsertedAttribution, findViewClaim } from './reportedShapes.js';
import { quoteSentences } from './quoteSentences.js';
import { isNameWord, sentenceTokens, tokenize, type Token } from './tokenize.js';
import { COUNTRY_ACRONYMS, DETERMINERS, isPluralRole, NAMING_WORDS, PASSIVE_AUXILIARIES, PRONOUNS, REPORTING_PARTICIPLES, REPORTING_VERBS, ROLE_NOUNS, SUBJECT_PRONOUNS, TITLES, WORK_NOUNS } from './vocabulary.js';

/** A quotation of fewer words with no one named is a scare quote or a title, not a quotation. */
const MIN_UNATTRIBUTED_WORDS = 4;
/** Fewest words of a quotation given to a group subject without words of saying ("a timely way"). */
const MIN_GROUP_PHRASE_WORDS = 3;
/** Words outside quotation marks a reported claim holding one needs: fewer, and the quotation is the claim. */
const MIN_CLAIM_WORDS_AROUND_QUOTES = 3;
/** Tokens a sentence opening with "And" needs to carry on the previous sentence's reported claim. */
const MIN_CONTINUED_CLAIM_TOKENS = 5;
/** Documents that speak for whoever issued them: `"…," read the statement` (a report is quoted as itself). */
const DOCUMENT_NOUNS = new Set(['statement', 'release', 'letter', 'filing', 'communique', 'communiqué', 'memo', 'notice', 'announcement', 'document', 'complaint', 'lawsuit', 'petition', 'indictment', 'affidavit']);
/** Documents an organisation issues, named after it: "the NIESR report", "the IMF's forecast". */
const OWNED_DOCUMENTS = new Set([...DOCUMENT_NOUNS, 'report', 'study', 'survey', 'forecast', 'analysis', 'review']);
/** Nationalities used as a description of one person: "said the American". */
const DEMONYMS = new Set(['american', 'briton', 'spaniard', 'frenchman', 'frenchwoman', 'scot', 'welshman', 'irishman', 'englishman', 'englishwoman', 'dane', 'swede', 'swiss', 'german', 'italian', 'russian', 'australian', 'brazilian', 'argentine', 'argentinian', 'kenyan', 'ethiopian', 'canadian', 'dutchman', 'belgian', 'portuguese', 'croat', 'serb', 'pole', 'czech', 'chinese', 'japanese', 'indian', 'pakistani', 'israeli', 'palestinian', 'iranian', 'iraqi', 'syrian', 'egyptian', 'nigerian', 'south african', 'new zealander', 'kiwi']);
/** Nouns that stand for an organisation: "the company said". */
const ORGANISATION_HEADS = new Set(['company', 'utility', 'firm', 'group', 'party', 'committee', 'ministry', 'department', 'government', 'agency', 'council', 'board', 'union', 'bank', 'club', 'commission', 'organisation', 'organization', 'association', 'federation', 'regulator', 'airline', 'carrier', 'court', 'automaker', 'carmaker', 'retailer', 'insurer', 'manufacturer', 'exchange', 'chamber', 'chambers']);
/** Nouns describing a person without a role: "a leading industry figure", "a prominent voice". */
const VAGUE_PERSON_NOUNS = new Set(['figure', 'voice', 'personality']);
/** Those who speak for an organisation: "a spokesman for BC Hydro". */
const SPOKES_NOUNS = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'representative', 'spokespeople', 'spokesmen', 'spokeswomen']);
/** Titles held for one seat: "the MP for Sittingbourne", "the senator for Queensland". */
const SEAT_TITLES = new Set(['mp', 'mep', 'msp', 'am', 'td', 'senator', 'congressman', 'congresswoman', 'representative', 'member']);
/** Heads that stand for a business: "the company" is never a country nor a government. */
const BUSINESS_HEADS = new Set(['company', 'firm', 'group', 'bank', 'airline', 'carrier', 'utility', 'automaker', 'carmaker', 'retailer', 'insurer', 'operator', 'manufacturer', 'producer', 'exchange']);
/**
 * True when an organisation's name says it is another kind of body than `head`: "the government" after the Police
 * Federation is not the federation. Kinds of business ("the company") go with any business.
 * @example namesOtherBody('Police Federation', 'government') // => true
 */
function namesOtherBody(name: string, head: string): boolean {
  if (BUSINESS_HEADS.has(head)) return false;
  const words = name.toLowerCase().split(/\s+/u);
  return !words.includes(head) && words.some((word) => ORGANISATION_HEADS.has(word) && !BUSINESS_HEADS.has(word));
}
/** Heads naming a body of people ("the SSP executive", "the party leadership"), never one of its members. */
const COLLECTIVE_HEADS = new Set(['executive', 'leadership', 'management', 'secretariat']);
/** "the sixty-seven-year-old", "the 74-year-old": a person described by age. */
const AGE_DESCRIPTION = /(?:^|-)year-old$/u;
/** Longest definite description ("the intelligence officer") read as an unnamed speaker introduced before. */
const MAX_REFERRING_WORDS = 3;
/** Words that tie a description to whose it is: "the deputy commander of the brigade". */
const DESCRIPTION_LINKS = new Set(['of', 'for', 'at']);
/** What speaks for its owner: "his office", "her campaign". */
const SPEAKS_FOR_OWNER = new Set(['office', 'campaign', 'camp', 'administration', 'government']);
const OWNER_PRONOUNS = new Map([['his', 'he'], ['her', 'she'], ['its', 'it'], ['their', 'they']]);
/** Longest sentence read for who acted in it when it reports no claim: an ordinary sentence, never a run-on. */
const MAX_ACTOR_SENTENCE_TOKENS = 80;
/** Most capitalised words of a person's name read for "he" or "she" ("Regent chairman George Pearsons"). */
const MAX_PERSON_NAME_WORDS = 4;
/** How far before "he" or "she" a person named in the same sentence is looked for (see `nearestSpeaker`). */
const MAX_MENTION_TOKENS = 24;
/** How far back "he"/"she"/"they" look for their speaker. */
const PRONOUN_MEMORY = 8;

/**
 * A one-word name that may be a body the article never called one ("Oxfam", "Wipro"): not a capitalised plural
 * opening a sentence ("Critics say …", "Democrats"), nor a stray letter ("M" of "M&S").
 */
const isOneWordBody = (name: string): boolean => !name.includes(' ') && name.length >= 3 && !/[^s]s$/u.test(name);

/**
 * The people and organisations an article has named so far, most recent last: speakers and the subjects of its
 * sentences. "He", "she", "they", "it" and definite descriptions ("the Tory leader") stand for one of them.
 */
class SpeakerMemory {
  readonly #recent: ResolvedSpeaker[] = [];

  remember(speaker: ResolvedSpeaker): void {
    const index = this.#recent.findIndex((known) => known.name === speaker.name);
    if (index >= 0) this.#recent.splice(index, 1);
    this.#recent.push(speaker);
    if (this.#recent.length > PRONOUN_MEMORY) this.#recent.shift();
  }

  /** The last one a pronoun can stand for; learns the gender "he"/"she" reveals. */
  pronoun(word: string): ResolvedSpeaker | null {
    const wanted = PRONOUNS.get(word);
    if (wanted === 'male' || wanted === 'female') return this.person(wanted, { learn: true, descriptions: true });
    for (let i = this.#recent.length - 1; i >= 0; i -= 1) {
      const speaker = this.#recent[i]!;
      if (wanted === 'group' && (speaker.kind !== 'person' || this.#together.has(speaker.name))) return speaker;
      if (wanted === 'thing' && speaker.kind === 'organisation') return speaker;
    }
    // "Microsoft has said it will …. In a statement, it added": a name that spoke of itself as "it"; "Oxfam
    // criticised the deal. It said: …": a one-word name of no known gender ("it" is never a person).
    return wanted === 'thing' ? this.organisation(false, true) : null;
  }

  /** People named with another as one subject ("X and Y issued a joint apology"): "they" may stand for them. */
  readonly #together = new Set<string>();

  speaksWithOthers(speaker: ResolvedSpeaker): void {
    this.#together.add(speaker.name);
  }

  /** Names read as people that spoke of themselves as "it" (see `saysOfItself`). */
  readonly #calledIt = new Set<string>();

  speaksOfItselfAsIt(speaker: ResolvedSpeaker): void {
    this.#calledIt.add(speaker.name);
  }

  /**
   * The last organisation named (a business one for "the company": never a country such as "US"); failing one, the
   * last name that spoke of itself as "it"; for "the company" and for "it" (`oneWordNames`), failing that, the last
   * one-word name of no known gender that the article never gave a first name ("Unilever said …. The company said …").
   */
  organisation(business = false, oneWordNames = business): ResolvedSpeaker | null {
    for (let i = this.#recent.length - 1; i >= 0; i -= 1) {
      const speaker = this.#recent[i]!;
      if (speaker.kind === 'organisation' && !(business && COUNTRY_ACRONYMS.has(speaker.name))) return speaker;
    }
    for (let i = this.#recent.length - 1; i >= 0; i -= 1) if (this.#calledIt.has(this.#recent[i]!.name)) return this.#recent[i]!;
    if (!oneWordNames) return null;
    for (let i = this.#recent.length - 1; i >= 0; i -= 1) {
      const speaker = this.#recent[i]!;
      if (speaker.kind === 'person' && speaker.gender === null && !speaker.description && isOneWordBody(speaker.name)) return speaker;
    }
    return null;
  }

  /** The last one remembered that `accepts` lets through. */
  find(accepts: (speaker: ResolvedSpeaker) => boolean): ResolvedSpeaker | null {
    for (let i = this.#recent.length - 1; i >= 0; i -= 1) if (accepts(this.#recent[i]!)) return this.#recent[i]!;
    return null;
  }

  /** The last speaker named, of any kind. */
  last(): ResolvedSpeaker | null {
    for (let i = this.#recent.length - 1; i >= 0; i -= 1) if (!this.#recent[i]!.description) return this.#recent[i]!;
    return null;
  }

  /**
   * The last person of a compatible gender (any when `gender` is null); named ones only unless `descriptions`; only
   * those `accepts` lets through when given.
   */
  person(
    gender: 'male' | 'female' | null,
    options: { learn?: boolean; descriptions?: boolean; accepts?: (speaker: ResolvedSpeaker) => boolean } = {},
  ): ResolvedSpeaker | null {
    for (let i = this.#recent.length - 1; i >= 0; i -= 1) {
      const speaker = this.#recent[i]!;
      if (speaker.kind !== 'person' || (gender && speaker.gender !== null && speaker.gender !== gender)) continue;
      if (speaker.description && !options.descriptions) continue;
      if (options.accepts && !options.accepts(speaker)) continue;
      if (options.learn && gender) speaker.gender = gender;
      return speaker;
    }
    return null;
  }
}

const contentOf = (text: string, token: Token): string => {
  const span = token.span!;
  // The lookbehind keeps this linear on a long run of commas (a plain /[,;:]+$/ retries from every comma).
  return text.slice(span.contentStart, span.contentEnd).trim().replace(/(?<![,;:])[,;:]+$/u, '').trim();
};

const wordCount = (text: string): number => words(text).length;

/** Auxiliaries after which "it" is the claim's subject: `X said that it would cut …`. */
const ITS_OWN_AUXILIARIES = new Set(['would', 'will', 'had', 'has', 'planned', 'plans', 'intends', 'expects', 'expected', 'could']);

/**
 * True when a claim names its speaker "it" (`Brittany Ferries said on Tuesday that it would cut …`): a name with no
 * known gender that speaks of itself as "it" may be an organisation ("it" may also be a dummy subject: `John Smith
 * said that it would take years`), so "the company" may refer back to it while "he" and "she" still may too.
 */
function saysOfItself(tokens: readonly Token[], from: number, verbIndex: number, speaker: ResolvedSpeaker): boolean {
  if (speaker.kind !== 'person' || speaker.gender !== null || speaker.description || from <= verbIndex) return false;
  return tokens[from]?.lower === 'it' && ITS_OWN_AUXILIARIES.has(tokens[from + 1]?.lower ?? '');
}

/** Words opening a subordinate clause with a subject of its own: `… after N. Korea issued threats saying …`. */
const CLAUSE_OPENERS = new Set(['after', 'when', 'because', 'while', 'since', 'before', 'until', 'although', 'though', 'whereas']);
/** How far before a reporting participle its clause's opener may be. */
const MAX_CLAUSE_WORDS = 12;

/**
 * The named subject of the subordinate clause a reporting participle ends (`after N. Korea issued verbal threats
 * saying …` → N. Korea), or null when the participle belongs to the main clause.
 */
function participleClauseSubject(
  tokens: readonly Token[],
  participle: number,
  resolve: (found: SpeakerPhrase | null) => ResolvedSpeaker | null,
): ResolvedSpeaker | null {
  for (let c = participle - 1; c > 0 && participle - c <= MAX_CLAUSE_WORDS; c -= 1) {
    const token = tokens[c]!;
    if (token.kind !== 'word') {
      if (token.kind === 'quote' || token.text === ';') return null;
      continue;
    }
    if (!CLAUSE_OPENERS.has(token.lower)) continue;
    const phrase = sentenceSubject(tokens.slice(c + 1, participle));
    if (phrase?.kind !== 'name') return null;
    const speaker = resolve(phrase);
    return speaker && isNamed(speaker) ? speaker : null;
  }
  return null;
}

/** Title case with no closing punctuation: the name of a work or a crosshead, not speech ("Non-stop Bombing"). */
function looksLikeTitle(content: string): boolean {
  if (/[.!?]$/.test(content)) return false;
  const long = content.split(/\s+/).filter((word) => /^\p{L}/u.test(word) && word.length > 3);
  return long.length > 0 && long.every((word) => /^\p{Lu}/u.test(word));
}

/** The quotation names something (`a group called "X"`, `the film "X"`) rather than quoting someone. */
function isNamingQuote(tokens: readonly Token[], index: number, content: string): boolean {
  const previous = tokens[index - 1];
  if (previous?.kind === 'word') {
    if (NAMING_WORDS.has(previous.lower)) return true;
    // `the film "Jaws"` names a work; `a five month campaign "turned off voters"` is a verb phrase someone said.
    if (WORK_NOUNS.has(previous.lower) && !/^\p{Ll}/u.test(content)) return true;
    if (previous.lower === 'as' && /^(known|referred|billed|described)$/.test(tokens[index - 2]?.lower ?? '') && looksLikeTitle(content)) return true;
    if (previous.lower === 'word' || previous.lower === 'term' || previous.lower === 'phrase') return true;
  }
  return looksLikeTitle(content) && previous?.kind !== 'punct';
}

/** `direct` for a whole utterance; `partial` for a fragment woven into the sentence (`a "moral stain"`). */
function kindOf(tokens: readonly Token[], index: number, content: string, firstCommaQuote: number): QuoteKind {
  const first = content.replace(/^[\s[(…'‘"“.-]+/u, '').charAt(0);
  const previous = tokens[index - 1];
  if (first !== '' && first === first.toLowerCase() && first !== first.toUpperCase()) {
    // The second half of a split quotation: `"I was not there," he said, "and I never met him."`.
    const earlier = firstCommaQuote >= 0 && firstCommaQuote < index;
    return previous?.text === ',' && earlier ? 'direct' : 'partial';
  }
  if (!previous || previous.kind === 'quote') return 'direct';
  if (previous.kind === 'punct') return /[:,;—–-]/.test(previous.text) ? 'direct' : 'partial';
  return REPORTING_VERBS.has(previous.lower) ? 'direct' : 'partial';
}

/**
 * Extracts the quotations of one article and attributes each to its speaker: direct quotations (`"…," X said`,
 * `X told Y: "…"`, split quotations, paragraphs that continue the previous speaker's quotation), partial quotations
 * inside reported speech, and reported speech without quotation marks (`indirect`). Speakers are given by their
 * fullest name in the article; a quotation whose speaker the text does not name has `speaker: null`.
 * Headlines, crossheads and captions are not read for quotations.
 *
 * @example
 * extractQuotes(article('Smith said: "We will win."')).map((q) => [q.quote, q.speaker, q.kind])
 * // => [['We will win.', 'Smith', 'direct']]
 */
export function extractQuotes(article: Article): Quote[] {
  // A wire dateline ("WHITBY (Reuters) - ") is read past: its place and agency are nobody's name.
  const paragraphTokens = article.paragraphs.map((paragraph) => tokenize(paragraph.text, datelineLength(paragraph.text), paragraph.text.length, []));
  const names = collectArticleNames(article, paragraphTokens);
  const memory = new SpeakerMemory();
  const quotes: Quote[] = [];
  let previousParagraphSpeaker: ResolvedSpeaker | null = null;
  /** Who the article last said issued a statement, letter or release ("The Embassy warned in a statement …"). */
  let documentIssuer: ResolvedSpeaker | null = null;
  /**
   * The named subject of the sentence just read when it reported no one's words (`Mr Blair went on to list his
   * achievements.`): a quotation standing alone right after it is theirs, not the last speaker's.
   */
  let newSubject: ResolvedSpeaker | null = null;

  // Read only when a description needs it: most articles name their speakers outright.
  let introductions: Introductions | null = null;
  /** Where the sentence being read ends: a description stands for someone introduced before that. */
  let readUpTo = 0;

  /** The organisation each "spokesperson for X" of the article spoke for, by its noun: "the spokesperson" later. */
  const spokespeople = new Map<string, ResolvedSpeaker>();

  /** The first person of `X and Y`, when both parts name people; null otherwise. */
  const firstOfCoordinated = (found: SpeakerPhrase): ResolvedSpeaker | null => {
    const and = found.words.findIndex((word) => word.toLowerCase() === 'and');
    if (and <= 0 || and === found.words.length - 1) return null;
    const part = (words: string[]): ResolvedSpeaker => names.resolve({ ...found, text: words.join(' '), words, acronym: null });
    const left = part(found.words.slice(0, and));
    const right = part(found.words.slice(and + 1));
    // "Russia and China" are no people: each part must be a person named in full somewhere in the article.
    const person = (speaker: ResolvedSpeaker) => speaker.kind === 'person' && !speaker.description && speaker.name.includes(' ') && !isBareTitle(speaker.name);
    return person(left) && person(right) ? left : null;
  };

  /** The organisation owning the document a phrase names ("the NIESR report", "Acme's statement"), if any. */
  const documentOwner = (found: SpeakerPhrase | null): ResolvedSpeaker | null => {
    if (!found || found.kind === 'pronoun' || found.words.length < 2) return null;
    if (!OWNED_DOCUMENTS.has(found.words[found.words.length - 1]!.toLowerCase())) return null;
    const words = found.words.slice(0, -1).map((word) => word.replace(/['’]s?$/u, ''));
    if (!words.every(isNameWord)) return null;
    const owner = names.resolve({ ...found, text: words.join(' '), words, acronym: null, role: null });
    return owner.kind === 'organisation' ? owner : null;
  };

  const resolve = (found: SpeakerPhrase | null): ResolvedSpeaker | null => {
    if (!found) return null;
    if (found.kind === 'pronoun') return memory.pronoun(found.text);
    // "He and others said": the one "he" stands for, speaking with others.
    const lead = found.words[0]!.toLowerCase();
    if (found.words.length >= 3 && found.words[1]!.toLowerCase() === 'and' && (lead === 'he' || lead === 'she')) return memory.pronoun(lead);
    // "Tom Hale and others said": the one named, speaking with others (never a name "Tom Hale and others").
    const n = found.words.length;
    if (found.kind === 'name' && n >= 3 && found.words[n - 2]!.toLowerCase() === 'and' && found.words[n - 1]!.toLowerCase() === 'others') {
      const words = found.words.slice(0, -2);
      return resolve({ ...found, words, text: words.join(' '), acronym: null });
    }
    // "his office said", "her campaign said": they speak for the one "his" or "her" stands for.
    const owner = found.possessor && found.words.length === 1 && SPEAKS_FOR_OWNER.has(found.words[0]!.toLowerCase())
      ? memory.pronoun(OWNER_PRONOUNS.get(found.possessor) ?? '')
      : null;
    if (owner) return owner;
    // "which his wife says": the wife the article named ("Khan's wife Hendrina").
    if (found.possessor && found.words.length === 1 && KIN_NOUNS.has(found.words[0]!.toLowerCase())) {
      introductions ??= collectIntroductions(article, paragraphTokens, names);
      const relative = introductions.relative(found.words[0]!.toLowerCase(), readUpTo);
      if (relative) return relative;
    }
    // "a spokesperson for Tesco said": the organisation speaks; "the spokesperson added" goes on speaking for it.
    const spokesHead = found.words[0]!.toLowerCase();
    const spokesFor = SPOKES_NOUNS.has(spokesHead) && found.words.length >= 3 && ['for', 'of', 'at'].includes(found.words[1]!.toLowerCase());
    // "a spokesman for the firm said": the business the article last named, as "the firm said" would be.
    if (spokesFor && found.words.length === 4 && found.words[2]!.toLowerCase() === 'the' && BUSINESS_HEADS.has(found.words[3]!.toLowerCase())) {
      const business = memory.organisation(true);
      // Never a public body ("the Securities and Exchange Commission"): the bank's spokesman does not speak for it.
      const publicBody = business?.name.toLowerCase().split(/\s+/u).some((word) => ORGANISATION_HEADS.has(word) && !BUSINESS_HEADS.has(word));
      if (business && !publicBody) return { ...business, role: business.role ?? spokesHead, description: false };
    }
    if (spokesFor) {
      const rest = found.words.slice(2).filter((word, index) => index > 0 || word.toLowerCase() !== 'the');
      const owner = rest.length > 0 && rest.every((word) => isNameWord(word) || ['of', 'for', 'and', '&'].includes(word))
        ? names.resolve({ ...found, kind: 'name', text: rest.join(' '), words: rest, acronym: null, role: null })
        : null;
      if (owner && (owner.kind === 'organisation' || (owner.kind === 'person' && owner.gender === null && !owner.name.includes(' ')))) {
        const organisation: ResolvedSpeaker = { ...owner, kind: 'organisation', role: owner.role ?? found.words[0]!, description: false };
        spokespeople.set(spokesHead, organisation);
        return organisation;
      }
    }
    if (found.definite && found.words.length === 1 && spokespeople.has(spokesHead)) return spokespeople.get(spokesHead)!;
    // "the ministry spokesman" after "A Ministry of Finance spokesman said": the spokesman, or the organisation, the
    // article named with the same words (in lower case: "the Trafford Centre spokeswoman" is a name already).
    const spokesLast = found.words[found.words.length - 1]!.toLowerCase();
    if (found.definite && found.words.length >= 2 && SPOKES_NOUNS.has(spokesLast) && found.words.every((word) => word === word.toLowerCase())) {
      const qualifiers = found.words.slice(0, -1).map((word) => word.toLowerCase());
      const same = memory.find((speaker) => {
        const named = speaker.name.toLowerCase().split(/\s+/u);
        const last = named[named.length - 1]!;
        // "Company officials said …": several of the company's people, read as an organisation by its name's
        // "Company"; "the company spokesman" is one of them, not all.
        return speaker.name !== found.text && qualifiers.every((word) => named.includes(word)) &&
          ((speaker.kind === 'organisation' && !isPluralRole(last)) || last === spokesLast);
      });
      if (same) return same;
    }
    // "Prime Minister John Key and Finance Minister Bill English said": the first of the people named.
    // "Gen. X, commander of U.S. forces in Iraq and Zalmay Khalilzad, ambassador to Iraq, issued": a person named
    // after "and" ends the first one's description.
    const partner = found.kind === 'name' ? partnerEndingRole(found.role) : null;
    const first = found.kind === 'name'
      ? ((partner ? firstOfCoordinated({ ...found, text: `${found.text} and ${partner.join(' ')}`, words: [...found.words, 'and', ...partner] }) : null) ?? firstOfCoordinated(found))
      : null;
    if (first) {
      memory.speaksWithOthers(first);
      return first;
    }
    const phrase = nameAfterDescription(found);
    const resolved = names.resolve(phrase);
    // A capitalised title alone ("Prime Minister", "the President", "Ms."); "a spokesman" stays a description.
    // "King says" in an article that named Jason King: a surname that is also a title is the person.
    const surnameOfNamed = resolved.kind === 'person' && resolved.name !== phrase.text && resolved.name.includes(' ') && !isBareTitle(resolved.name);
    const bare = phrase.kind === 'name' && !surnameOfNamed && (isBareTitle(phrase.text) || isBareTitle(resolved.name));
    // "the harbour master", "the security firm", "the Prime Minister": the one the article introduced that way.
    // "the Treasury Secretary", "the Finance Minister": a title the article gave someone with their name.
    const titled = phrase.definite && phrase.kind === 'name' && TITLES.has(phrase.words[phrase.words.length - 1]!.toLowerCase());
    if (bare || titled || (phrase.definite && (resolved.description || phrase.kind === 'group') && isSingular(phrase.words))) {
      introductions ??= collectIntroductions(article, paragraphTokens, names);
      const introduced = introductions.resolve(phrase.words, readUpTo);
      if (introduced) return introduced;
    }
    const head = phrase.words[phrase.words.length - 1]!.toLowerCase();
    // "A national newspaper columnist has attacked …. Columnist Jane Moore wrote": a lead's description of someone
    // the lead then names with the same words (never a spokesman: those stay unnamed).
    if (phrase.indefinite && resolved.description && resolved.kind === 'person' && readUpTo < position(1, 0) &&
      !SPOKES_NOUNS.has(head) && !memory.person(null, { descriptions: true })) {
      introductions ??= collectIntroductions(article, paragraphTokens, names);
      const named = introductions.firstNamedAfter(readUpTo, phrase.words.filter((word) => (word === word.toLowerCase() && ROLE_NOUNS.has(word)) || TITLES.has(word)));
      if (named) return named;
    }
    // "…, a leading industry figure has said. Tim Renner, the head of Universal Music, …": a vague description in the
    // lead, before anyone is named, names no role to share; the first person the lead then introduces is the one.
    if (VAGUE_PERSON_NOUNS.has(head) && !phrase.definite && phrase.kind === 'group' && readUpTo < position(1, 0) && !memory.person(null, { descriptions: true })) {
      introductions ??= collectIntroductions(article, paragraphTokens, names);
      const named = introductions.firstNamedAfter(readUpTo);
      if (named) return named;
    }
    // "A Labour spokesman said": someone new, as described; never someone named before.
    if (phrase.indefinite && (bare || resolved.description)) return { ...resolved, kind: 'person', description: true };
    // "the general said" after "a general in the Bolivian Air Force": the unnamed speaker introduced so.
    if (phrase.definite && (bare || resolved.description) && phrase.words.length <= MAX_REFERRING_WORDS) {
      introductions ??= collectIntroductions(article, paragraphTokens, names);
      const described = introductions.describedBefore(phrase.words, readUpTo);
      if (described) return { name: described, kind: 'person', gender: resolved.gender, role: resolved.role, description: true };
    }
    // "The MP for Sittingbourne and Sheppey said": one seat, one person, the one the article is speaking of.
    // ("the Tory MP for Sleaford": a party before the title.)
    const seatAt = SEAT_TITLES.has(phrase.words[0]!.toLowerCase()) ? 0 : 1;
    const seat = phrase.definite && phrase.words.length >= seatAt + 3 && SEAT_TITLES.has(phrase.words[seatAt]!.toLowerCase()) &&
      ['for', 'of'].includes(phrase.words[seatAt + 1]!.toLowerCase()) && /^\p{Lu}/u.test(phrase.words[seatAt + 2]!);
    if (seat) {
      const holder = memory.person(null);
      if (holder) return holder;
    }
    // "the statement said", "a statement said": the words of whoever the article last named.
    if (DOCUMENT_NOUNS.has(head) && phrase.words.length <= 2) return documentIssuer ?? memory.last() ?? resolved;
    // "the sixty-seven-year-old", "the American", "the world indoor champion": someone the article has already named.
    const aged = phrase.definite && (AGE_DESCRIPTION.test(head) || DEMONYMS.has(head) || head === 'champion');
    // "The deputy commander of the brigade advised …": a description that says whose it is stands for itself.
    const linked = phrase.words.some((word) => DESCRIPTION_LINKS.has(word.toLowerCase()));
    // "The BBC spokeswoman said": whoever speaks for the organisation named, as described (like "a BBC spokeswoman"),
    // never a person the article named before.
    if (phrase.definite && SPOKES_NOUNS.has(head) && resolved.description && phrase.words.slice(0, -1).some((word) => /^\p{Lu}/u.test(word))) {
      return { ...resolved, kind: 'person', description: true };
    }
    // "the Tory leader", "the 74-year-old comedian", "Ms.": someone the article has already named.
    if (!linked && ((resolved.description && resolved.kind === 'person') || bare || aged) && (phrase.definite || bare)) {
      // "The SSP executive", "the party leadership": a body of people, not the person last named.
      const body = COLLECTIVE_HEADS.has(head) && phrase.words.length >= 2 && !phrase.words.some((word) => word.toLowerCase() === 'chief');
      // "The prime minister told …" after "Tony Blair has pledged not to attack Tory leader Michael Howard": an office
      // is never held by someone the article gave another role or title.
      const office = phrase.definite && !bare && TITLES.has(head);
      const accepts = office
        ? (speaker: ResolvedSpeaker): boolean => {
            introductions ??= collectIntroductions(article, paragraphTokens, names);
            const own = new Set(phrase.words.map((word) => word.toLowerCase()));
            const given = [...introductions.wordsOf(speaker.name), ...(speaker.role ?? '').toLowerCase().split(/\s+/u)];
            return !given.some((word) => (TITLES.has(word) || ROLE_NOUNS.has(word)) && !own.has(word));
          }
        : undefined;
      const named = body ? null : ((accepts ? memory.person(resolved.gender, { accepts }) : null) ?? memory.person(resolved.gender));
      if (named || bare) return named;
      if (body) return { ...resolved, kind: 'organisation' };
    }
    // "the company", "the party" the article never introduced as such: the organisation it last named.
    // "the security firm", "the power company": a kind of business, qualified, is still the business last named.
    const qualifiedBusiness = BUSINESS_HEADS.has(head) && phrase.words.length <= MAX_REFERRING_WORDS && phrase.words.every((word) => word === word.toLowerCase());
    if (phrase.definite && phrase.kind === 'group' && (phrase.words.length === 1 || qualifiedBusiness) && ORGANISATION_HEADS.has(head)) {
      const last = memory.organisation(BUSINESS_HEADS.has(head));
      return last && !namesOtherBody(last.name, head) ? last : resolved;
    }
    // "The EU's highest justice official has warned …. EU Justice Commissioner Franco Frattini said": a lead that
    // describes someone before anyone is named stands for the first person it then names.
    if (resolved.description && resolved.kind === 'person' && !phrase.indefinite && readUpTo < position(1, 0) && !memory.person(null, { descriptions: true })) {
      introductions ??= collectIntroductions(article, paragraphTokens, names);
      const named = introductions.firstNamedAfter(readUpTo);
      if (named) return named;
    }
    // A title alone ("Prime Minister", "President") is never a speaker; an office of a named place or body ("the
    // President of Gabon") is one person, named by it when the article names them no other way.
    if (bare && isOfficeOf(phrase)) {
      // "the President of Cyprus" in an article that names "President Dimitris Christofias": the holder, by name.
      introductions ??= collectIntroductions(article, paragraphTokens, names);
      const of = phrase.words.indexOf('of');
      return introductions.officeHolder(phrase.words[of - 1]!, phrase.words.slice(of + 1)) ?? { ...resolved, name: phrase.text, role: null, description: true };
    }
    if (bare) return null;
    return resolved;
  };

  /**
   * The last person the tokens from `from` to `to` name in full, of no other gender than `gender`, whom the article
   * gives a gender or introduces with a role or title (`… when chairman George Pearsons took office` → George
   * Pearsons; "Czech Republic" and "Underlying U.K. Inflation" are no one).
   */
  const personNamedBefore = (tokens: readonly Token[], from: number, to: number, gender: 'male' | 'female' | null): ResolvedSpeaker | null => {
    for (let end = to; end > from; ) {
      if (tokens[end - 1]!.kind !== 'word' || !tokens[end - 1]!.capitalised) {
        end -= 1;
        continue;
      }
      let start = end - 1;
      while (start > from && tokens[start - 1]!.kind === 'word' && tokens[start - 1]!.capitalised) start -= 1;
      const phrase = end - start >= 2 && end - start <= MAX_PERSON_NAME_WORDS ? speakerAfter(tokens, start - 1, end) : null;
      const person = phrase?.kind === 'name' ? names.resolve(phrase) : null;
      if (person?.kind === 'person' && !person.description && person.name.includes(' ') && !isBareTitle(person.name) &&
        (gender === null || person.gender === null || person.gender === gender) && (person.gender !== null || introducedAs(person))) return person;
      end = start;
    }
    return null;
  };

  /** True when the article introduces `person` with a role or title ("chairman George Pearsons"). */
  const introducedAs = (person: ResolvedSpeaker): boolean => {
    introductions ??= collectIntroductions(article, paragraphTokens, names);
    return introductions.wordsOf(person.name).some((word) => ROLE_NOUNS.has(word) || TITLES.has(word));
  };

  article.paragraphs.forEach((paragraph, paragraphIndex) => {
    // Crossheads and captions are skipped without breaking a quotation that runs on around them.
    if (paragraph.kind !== 'body') return;
    const text = paragraph.text;
    const sentences = quoteSentences(text, findQuoteSpans(text));
    let lastSpeaker: ResolvedSpeaker | null = null;
    /** Who made the reported claim of the previous sentence, if it was one. */
    let claimant: ResolvedSpeaker | null = null;
    const push = (quote: string, speaker: ResolvedSpeaker | null, kind: QuoteKind) => {
      quotes.push({ quote, speaker: speaker?.name ?? null, role: speaker?.role ?? null, kind, articleId: article.id, paragraphIndex });
    };
    /**
     * Quotations opening the paragraph with no words of attribution, given for now to the previous paragraph's
     * speaker: `"It is wrong." "It is unfair," said Ann Jones.` makes them Ann Jones's once the next sentence is read.
     */
    let carried: { from: number; speaker: ResolvedSpeaker } | null = null;

    sentences.forEach((sentence, sentenceIndex) => {
      const tokens = sentenceTokens(text, paragraphTokens[paragraphIndex]!, sentence.start, sentence.end, sentence.spans);
      readUpTo = position(paragraphIndex, sentence.end);
      const subjectPhrase = sentenceSubject(tokens);
      const subject = resolve(subjectPhrase);
      /**
       * `Pinola said …, which he said he finds "…"`: "he" or "she" after the sentence's own named subject is that
       * person, not whoever an earlier sentence named.
       */
      const resolveHere = (found: SpeakerPhrase): ResolvedSpeaker | null => {
        const wanted = found.kind === 'pronoun' ? PRONOUNS.get(found.text) : undefined;
        // `Mr Sullivan "made accounting decisions," he told the court`: a subject the quotation follows at once is what
        // the pronoun reports on, not who it is (`Mr Shaath added, saying "…," he said` is still Mr Shaath).
        // `But Mr Blair had been "hurt" by Iraq, he added`: a subject that says nothing is spoken of, so "he" is someone else.
        const own = (wanted === 'male' || wanted === 'female') && subject?.kind === 'person' && isNamed(subject) && subjectPhrase !== null &&
          subjectPhrase.start < found.start && (subject.gender === null || subject.gender === wanted) && !quotedAtOnce(tokens, subjectPhrase.start, found.start) &&
          !(isTrailingAttribution(tokens, found.start) && !subjectReports(tokens, subjectPhrase.start, found.start));
        // `The Home Office has produced a report which it describes as "…"`: "it" after the sentence's own named
        // organisation is that organisation, not whichever one an earlier sentence named.
        const itsOwn = wanted === 'thing' && subject?.kind === 'organisation' && isNamed(subject) && subjectPhrase !== null &&
          subjectPhrase.start < found.start && !quotedAtOnce(tokens, subjectPhrase.start, found.start);
        // `Business leaders opposed the plan as they said it would cost too much`: "they" after the sentence's own group
        // (`The suppliers, they said, could …`: an inserted "they said" is someone else's).
        const theirOwn = wanted === 'group' && subject !== null && subject.kind !== 'person' && (isNamed(subject) || subject.description) &&
          subjectPhrase !== null && subjectPhrase.start < found.start && tokens[found.start - 1]?.text !== ',' &&
          !quotedAtOnce(tokens, subjectPhrase.start, found.start);
        return own || itsOwn || theirOwn ? subject : resolve(found);
      };
      /**
       * The speaker of an attribution between two quotations of the sentence whose own attribution is `outer`:
       * "he" is the person named in full since `outer` (`The Tulsa World reported that chairman George Pearsons
       * … he said: "…"`), else `outer`'s speaker when it can be "he" (`"…," said Phil Pace. He said the merger "…"`).
       */
      const nearestSpeaker = (nearest: Attribution, outer: Attribution, outerSpeaker: ResolvedSpeaker | null): ResolvedSpeaker | null => {
        const wanted = nearest.phrase.kind === 'pronoun' ? PRONOUNS.get(nearest.phrase.text) : undefined;
        if (standsFor(nearest.phrase, outerSpeaker) && (outerSpeaker!.gender !== null || introducedAs(outerSpeaker!))) return outerSpeaker;
        const from = Math.max(outer.verbIndex + 1, nearest.phrase.start - MAX_MENTION_TOKENS);
        const named = wanted === 'male' || wanted === 'female' ? personNamedBefore(tokens, from, nearest.phrase.start, wanted) : null;
        return named ?? (standsFor(nearest.phrase, outerSpeaker) ? outerSpeaker : resolveHere(nearest.phrase));
      };
      let said: ResolvedSpeaker | null = null;
      /** `Mr Howard denied Mr Yeo … said "…"`: the sentence's subject reports the quotation's speaker's words. */
      let reportsSpeaker = false;
      if (sentence.spans.length === 0) {
        const claim = findReportedClaim(tokens);
        said = claim ? resolveHere(claim.phrase) : null;
        if (claim && said && saysOfItself(tokens, claim.from, claim.verbIndex, said)) memory.speaksOfItselfAsIt(said);
        if (claim && said) {
          push(text.slice(tokens[claim.from]!.start, tokens[claim.to - 1]!.end), said, 'indirect');
        } else {
          // "Before now, he said, it has been hard …", "The firm's view is that …".
          const shaped = findInsertedAttribution(tokens) ?? findViewClaim(tokens);
          said = shaped ? resolve(shaped.phrase) : null;
          if (shaped && said) {
            push(shaped.parts.map(([from, to]) => text.slice(tokens[from]!.start, tokens[to - 1]!.end)).join(' '), said, 'indirect');
          } else if (claimant && tokens[0]?.lower === 'and' && tokens.length > MIN_CONTINUED_CLAIM_TOKENS) {
            // "Mr Cable said 40% of pensioners paid 50%. And 1.5 million families were paying 60%.": the claim goes on.
            let to = tokens.length;
            while (to > 1 && isClosingPunct(tokens[to - 1]!)) to -= 1;
            push(text.slice(tokens[1]!.start, tokens[to - 1]!.end), claimant, 'indirect');
            said = claimant;
          }
        }
        claimant = said;
        // "However during the case Mr Ebbers denied the allegations.": no claim, but whoever denied is who "he" is next.
        if (!said && !subject && tokens.length <= MAX_ACTOR_SENTENCE_TOKENS) {
          const actor = findAttribution(tokens);
          const named = actor && actor.phrase.kind === 'name' ? resolve(actor.phrase) : null;
          if (named && isNamed(named) && named.kind === 'person') memory.remember(named);
        }
      } else {
        claimant = null;
        const attribution = findAttribution(tokens);
        const attributed = attribution ? resolveHere(attribution.phrase) : null;
        reportsSpeaker = attribution !== null && attributed !== null && subjectPhrase !== null && subject !== null && subject.kind === 'person' &&
          isNamed(subject) && attributed.name !== subject.name && reportsBefore(tokens, subjectPhrase.start, attribution.phrase.start);
        const bare = tokens.every((token) => token.kind !== 'word');
        const continued = bare ? (newSubject ?? lastSpeaker ?? (sentenceIndex === 0 ? previousParagraphSpeaker : null)) : null;
        // (`The WTO declared it illegal.` `"We know …." Mamadou Habi, Niger's trade minister, said.`: a quotation
        // given for now to the subject before it goes, like one given to the previous speaker, to whoever is named next.)
        if (bare && sentenceIndex === 0 && !lastSpeaker && continued) carried = { from: quotes.length, speaker: continued };
        // Without attributing words, a quotation in a sentence about someone is theirs ("Corbett goes on to criticise "…"");
        // after a reporting participle (", saying "…"") it is the subject's whatever the subject is.
        const participle = tokens.findIndex((token) => REPORTING_PARTICIPLES.has(token.lower));
        // `Troops were put on alert after N. Korea issued threats saying "…"`: the participle's clause has its own subject.
        const fallback =
          attribution || bare || !subject
            ? null
            : ((participle > 0 ? participleClauseSubject(tokens, participle, resolve) : null) ??
              (participle >= 0 || isNamed(subject) || subject.description ? subject : null));
        // `US regulators intend to fine Toyota for failing to act in "a timely way"`: a group named with capitals speaks
        // a phrase of some words (a single word after them is a label: `Turkish officials reject "genocide"`).
        // ("The Tories", one word after "the", is a group that speaks only through words of saying.)
        const namedGroup = !attribution && !bare && subject?.kind === 'group' && subjectPhrase?.kind === 'name' &&
          !(subjectPhrase.definite && subjectPhrase.words.length === 1) ? subject : null;
        // Found once per sentence, not once per quotation (see `kindOf`).
        const firstCommaQuote = tokens.findIndex((token) => token.kind === 'quote' && /,\s*["”]?$/u.test(token.text));
        tokens.forEach((token, index) => {
          if (token.kind !== 'quote') return;
          const content = contentOf(text, token);
          if (!/[\p{L}\p{N}]{2}/u.test(content) || isNamingQuote(tokens, index, content)) return;
          const kind = kindOf(tokens, index, content, firstCommaQuote);
          // `William Hill's "overwhelming evidence" came … when callers asked`: the owner, unless attributed before it.
          const owned = kind === 'partial' && (!attribution || attribution.verbIndex > index) ? possessiveBefore(tokens, index, resolve) : null;
          // `Caroline Lucas welcomed Tony Blair's "courage"`: an owner after a named subject is what the subject speaks of.
          const subjectSpeaks = subjectPhrase !== null && subject !== null && isNamed(subject) && subjectPhrase.start < index - 1 && owned?.name !== subject.name;
          const owner = subjectSpeaks ? null : owned;
          // `plans described by one union as a "bonfire of the quangos"`: the one who describes.
          // `welcomed by Beijing, which described the embargo as a "product of the Cold War"`: the one the clause is about.
          // `Simon Hughes branded Mr Howard "arrogant" for claiming the Tories were the "natural party"`: the one judged.
          const describer = kind === 'partial' ? (describedBy(tokens, index) ?? relativeClauseSpeaker(tokens, index) ?? judgedForSaying(tokens, index)) : null;
          const credited = describer ? resolve(describer) : null;
          // `…, as stated by Information Minister X. "…," he said`: the one credited is who "he" is next.
          if (credited && isNamed(credited)) memory.remember(credited);
          // `X described it as "a disgrace", while Y called it "a triumph"`: each quotation is its nearest attribution's;
          // one before the sentence's attribution is the reporting clause's before it, if any.
          const nearest = attribution
            ? (attributionBetweenQuotes(tokens, index) ?? (attribution.verbIndex > index ? reportingClauseBefore(tokens, index, attribution.verbIndex) : null))
            : null;
          const own = nearest && nearest.verbIndex !== attribution!.verbIndex && !RELATIVE_SUBJECTS.has(tokens[nearest.verbIndex - 1]?.lower ?? '')
            ? nearestSpeaker(nearest, attribution!, attributed)
            : null;
          const speaker = credited ?? owner ?? (attribution ? (own ?? attributed) : (continued ?? fallback ?? (namedGroup && wordCount(content) >= MIN_GROUP_PHRASE_WORDS ? namedGroup : null)));
          if (!speaker && !attribution && (kind === 'partial' || wordCount(content) < MIN_UNATTRIBUTED_WORDS)) return;
          push(content, speaker, kind);
          said ??= speaker;
        });
        said = attributed ?? said;
        // `Jones said that the service was an "essential link"`: the reported claim around a partial quotation.
        const claim = findReportedClaim(tokens);
        const by = claim ? (resolveHere(claim.phrase) ?? said) : null;
        // A claim before "X said" must hold the quotation: `In a speech, X said: "…"` opens with no claim.
        // `Iran resumed research today, the IAEA announced, adding that "…"`: a claim before the verb that does not
        // introduce a quotation of its own (no colon after it) is reported speech too.
        const claimFirst = claim !== null && claim.to <= claim.verbIndex && opensClaimOfItsOwn(tokens, claim.from, claim.to) &&
          !PASSIVE_AUXILIARIES.has(tokens[claim.verbIndex - 1]?.lower ?? '') &&
          !tokens.slice(claim.verbIndex + 1, claim.verbIndex + 4).some((token) => token.text === ':');
        const holdsQuote = claim !== null && (claim.from > claim.verbIndex || claimFirst || tokens.slice(claim.from, claim.to).some((token) => token.kind === 'quote'));
        if (claim && by && holdsQuote && tokens.slice(claim.from, claim.to).filter((token) => token.kind === 'word').length >= MIN_CLAIM_WORDS_AROUND_QUOTES) {
          push(text.slice(tokens[claim.from]!.start, tokens[claim.to - 1]!.end), by, 'indirect');
        }
      }
      // "The Embassy has warned citizens in a statement …": "the statement" is theirs from now on.
      // "Acme faces a complaint from the Federal Trade Commission": the one it is from issued it, not the subject.
      const from = documentFrom(tokens);
      const issuer = (from ? resolve(from) : null) ?? said ?? (subject && isNamed(subject) ? subject : null);
      if (issuer && (from || tokens.some((token, index) => DOCUMENT_NOUNS.has(token.lower) && ['a', 'an', 'its', 'their', 'his', 'her'].includes(tokens[index - 1]?.lower ?? '')))) {
        documentIssuer = issuer;
      }
      if (carried && sentenceIndex === 1) {
        // The sentence right after names who spoke: by a quotation's attribution, or as the subject of a sentence without one.
        // `"…." Jens Lehmann said: "…"` introduces a new speaker's own quotation: the carried one stays where it was.
        const ownQuote = sentence.spans.length > 0 && tokens[0]?.kind !== 'quote';
        const named = ownQuote ? null : sentence.spans.length > 0 ? said : subject && isNamed(subject) && subject.kind === 'person' && !said ? subject : null;
        if (named && named.name !== carried.speaker.name) {
          for (let q = carried.from; q < quotes.length; q += 1) {
            if (quotes[q]!.speaker === carried.speaker.name) quotes[q] = { ...quotes[q]!, speaker: named.name, role: named.role };
          }
          said ??= named;
        }
      }
      if (sentenceIndex >= 1) carried = null;
      newSubject = sentence.spans.length === 0 && !said && subject && isNamed(subject) ? subject : null;
      // `The Daily Post reported that chairman Bill Hart was upbeat. "…," he said.`: an organisation reporting as the
      // sentence's subject leaves the person it names for "he" or "she" (remembered first: "the statement" is still
      // the organisation's).
      const mentioned = said?.kind === 'organisation' && said.name === subject?.name ? personNamedBefore(tokens, subjectPhrase ? subjectPhrase.start + subjectPhrase.words.length : 0, tokens.length, null) : null;
      if (mentioned) memory.remember(mentioned);
      if (said) {
        memory.remember(said);
        lastSpeaker = said;
      }
      // "the NIESR report was optimistic. It said …": the organisation whose document the sentence is about.
      const owner = subject && !said ? documentOwner(subjectPhrase) : null;
      if (owner) memory.remember(owner);
      // "A Labour spokesman denied it. "…," he said.": a described person is someone "he" or "she" may stand for.
      // "Ministers deny it. Instead, they say …": a described group is who "they" may stand for.
      if (subject && subject !== said && (isNamed(subject) || subject.description)) memory.remember(subject);
      // "He also said" after `Mr Howard denied Mr Yeo said "…"` is Mr Howard, who spoke, not Mr Yeo, reported on.
      if (said && subject !== said && !reportsSpeaker) memory.remember(said);
    });
    previousParagraphSpeaker = lastSpeaker;
  });
  // `"Do you have it in your heart? …"` opening the article, then `These are the questions Jimmy Connors will be
  // asking …`: a lead made only of a quotation is the words of the first person the next paragraph names, when that
  // paragraph points back at it.
  const opening = article.paragraphs.findIndex((paragraph) => paragraph.kind === 'body');
  const next = article.paragraphs[opening + 1];
  if (opening >= 0 && next?.kind === 'body' && POINTS_BACK.test(next.text) && QUOTE_OPENS.test(article.paragraphs[opening]!.text) &&
    quotes.some((quote) => quote.paragraphIndex === opening && quote.speaker === null)) {
    introductions ??= collectIntroductions(article, paragraphTokens, names);
    const named = introductions.firstNamedAfter(position(opening, article.paragraphs[opening]!.text.length));
    if (named) {
      for (let q = 0; q < quotes.length; q += 1) {
        if (quotes[q]!.paragraphIndex === opening && quotes[q]!.speaker === null) quotes[q] = { ...quotes[q]!, speaker: named.name, role: named.role };
      }
    }
  }
  // `"… we don't let this thing fall back down the hole again,"` as a paragraph of its own, then `William Fallon
  // said. Fallon, the commander …`: a quotation ending in a comma waits for its attribution, which a paragraph break
  // moved to the start of the next paragraph; it is that name's, not the speaker carried from before.
  article.paragraphs.forEach((paragraph, index) => {
    const attribution = article.paragraphs[index + 1];
    if (paragraph.kind !== 'body' || attribution?.kind !== 'body' || !QUOTE_OPENS.test(paragraph.text) || !ENDS_WAITING.test(paragraph.text)) return;
    const named = NAME_SAID.exec(attribution.text)?.[1];
    const own = quotes.filter((quote) => quote.paragraphIndex === index);
    if (!named || own.length !== 1 || own[0]!.kind === 'indirect') return;
    const words = named.split(/\s+/u);
    // "He said." or "The group said." is no name: the speaker carried there stays.
    const first = words[0]!.toLowerCase();
    if (SUBJECT_PRONOUNS.has(first) || DETERMINERS.has(first)) return;
    const speaker = names.resolve({ kind: 'name', text: words.join(' '), words, acronym: null, role: null, start: 0, definite: false });
    quotes[quotes.indexOf(own[0]!)] = { ...own[0]!, speaker: speaker.name, role: speaker.role };
  });
  return quotes;
}

/** A paragraph made of one quotation whose last words end in a comma inside the marks: its attribution is still to come. */
const ENDS_WAITING = /,\s*["”’']\s*$/u;

/** A paragraph opening with `<Name> said.` and nothing else in the sentence: the attribution of the quotation before it. */
const NAME_SAID = /^\s*((?:[A-Z][\p{L}'’.-]*\s+){0,3}[A-Z][\p{L}'’-]*)\s+(?:said|says|added|adds)\s*\.(?:\s|$)/u;

/** `King, 30, who describes Butters as "…"`: a relative clause's verb, whose subject is the one the clause is about. */
const RELATIVE_SUBJECTS = new Set(['who', 'which', 'that']);

/**
 * True when a pronoun can stand for `speaker`: `"…," said Phil Pace. He said the merger "…"` is still Phil Pace
 * ("he" never stands for an organisation, "it" never for a person).
 */
function standsFor(phrase: SpeakerPhrase, speaker: ResolvedSpeaker | null): boolean {
  if (phrase.kind !== 'pronoun' || !speaker) return false;
  const wanted = PRONOUNS.get(phrase.text);
  if (wanted === 'male' || wanted === 'female') return speaker.kind === 'person' && (speaker.gender === null || speaker.gender === wanted);
  return wanted === 'thing' ? speaker.kind === 'organisation' : speaker.kind !== 'person';
}

/**
 * The name that ends a description after its last "and" (`commander of U.S. forces in Iraq and Zalmay Khalilzad`):
 * two capitalised words or more; null when there is none ("head of the union and a friend", "Trade and Industry").
 * @example partnerEndingRole('commander of U.S. forces in Iraq and Zalmay Khalilzad') // => ['Zalmay', 'Khalilzad']
 */
function partnerEndingRole(role: string | null): string[] | null {
  if (!role?.includes(' and ')) return null;
  const words = role.split(' ');
  const and = words.lastIndexOf('and');
  const partner = words.slice(and + 1);
  return and > 0 && partner.length >= 2 && partner.every(isNameWord) ? partner : null;
}

/** A paragraph that opens with a quotation mark. */
const QUOTE_OPENS = /^\s*["“‘']/u;
/** A paragraph opening by pointing back at the quotation before it: "These are the questions …", "Those were the words of …". */
const POINTS_BACK = /^\s*(?:These|Those|That|This|Such|So)\s+(?:are|were|is|was|says|said|the)\b/u;

/**
 * A sentence's subject counts as someone named when it is an organisation or a person named with at least two
 * words (a lone capitalised word opening a sentence is too often not a name: "Shops", "Half", "Should").
 */
function isNamed(speaker: ResolvedSpeaker): boolean {
  if (speaker.description || speaker.kind === 'group') return false;
  return speaker.kind === 'organisation' || speaker.name.includes(' ');
}

/** `President of Gabon`, `Mayor of London`: a capitalised title, "of", and a capitalised place or body. */
function isOfficeOf(phrase: SpeakerPhrase): boolean {
  const of = phrase.words.indexOf('of');
  return phrase.kind === 'name' && of >= 1 && of + 1 < phrase.words.length && phrase.words.every((word) => word === 'of' || /^\p{Lu}/u.test(word));
}

/** A description of one speaker ("the company"), not of several ("the judges"). */
function isSingular(words: readonly string[]): boolean {
  const head = words[words.length - 1]?.toLowerCase() ?? '';
  return !head.endsWith('s') || head.endsWith('ss');
}

/** True when a quotation follows the capitalised words from `from` with no other word between, before `to`. */
function quotedAtOnce(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const token = tokens[i]!;
    if (token.kind === 'quote') return true;
    if (token.kind === 'word' && !token.capitalised) return false;
  }
  return false;
}

/** `a complaint from the Federal Trade Commission`, `a statement by Acme`: the name a document is from, if any. */
function documentFrom(tokens: readonly Token[]): SpeakerPhrase | null {
  for (let i = 1; i + 1 < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token.kind !== 'word' || !DOCUMENT_NOUNS.has(token.lower) || !['a', 'an', 'the'].includes(tokens[i - 1]!.lower)) continue;
    const link = tokens[i + 1]!.lower === 'filed' || tokens[i + 1]!.lower === 'issued' ? i + 2 : i + 1;
    if (tokens[link]?.lower !== 'from' && tokens[link]?.lower !== 'by') continue;
    const phrase = speakerAfter(tokens, link, tokens.length);
    if (phrase?.kind === 'name') return phrase;
  }
  return null;
}

/** True when the pronoun at `at` opens a closing `, he added.` after a quotation: the words it attributes are before it. */
function isTrailingAttribution(tokens: readonly Token[], at: number): boolean {
  if (tokens[at - 1]?.text !== ',' && tokens[at - 1]?.kind !== 'quote') return false;
  if (!REPORTING_VERBS.has(tokens[at + 1]?.lower ?? '')) return false;
  for (let i = at + 2; i < tokens.length; i += 1) if (tokens[i]!.kind === 'quote') return false;
  return tokens.slice(0, at).some((token) => token.kind === 'quote');
}

/**
 * True when a verb of saying comes after the subject opening at `start` and before the first quotation (`Mr Shaath
 * gave context, saying, "…," he said`): the subject is one who speaks, not one spoken of.
 */
function subjectReports(tokens: readonly Token[], start: number, to: number): boolean {
  for (let i = start; i < to; i += 1) {
    const token = tokens[i]!;
    if (token.kind === 'quote') return false;
    if (token.kind === 'word' && !token.capitalised && (REPORTING_VERBS.has(token.lower) || REPORTING_PARTICIPLES.has(token.lower))) return true;
  }
  return false;
}

/** Most tokens of a subject's name before its own verb: "Tory leader Michael Howard denied". */
const MAX_SUBJECT_TOKENS = 6;

/**
 * True when the subject opening at `start` is followed by its own reporting verb before the quotation's speaker at
 * `speakerStart` (`Mr Howard denied Mr Yeo, his spokesman, said "…"`): the subject reports what the speaker said.
 */
function reportsBefore(tokens: readonly Token[], start: number, speakerStart: number): boolean {
  for (let i = start; i < speakerStart && i - start <= MAX_SUBJECT_TOKENS; i += 1) {
    const token = tokens[i]!;
    if (token.kind !== 'word') return false;
    if (!token.capitalised) return REPORTING_VERBS.has(token.lower);
  }
  return false;
}

/** Words opening a scene-setting phrase rather than a claim: "When asked …", "Shortly before …", "Referring to …". */
const SCENE_OPENERS = new Set(['when', 'while', 'as', 'asked', 'in', 'at', 'on', 'after', 'before', 'during', 'following', 'since', 'speaking', 'responding', 'commenting', 'referring', 'writing', 'addressing']);

/**
 * True when the words before `X said` read as a claim of their own (`Iran resumed research today, the IAEA
 * announced`), not as a phrase setting the scene (`When asked about it, X said`) nor a clause reporting someone else.
 */
function opensClaimOfItsOwn(tokens: readonly Token[], from: number, to: number): boolean {
  const first = tokens[from];
  if (first?.kind !== 'word' || SCENE_OPENERS.has(first.lower) || /(?:ing|ly)$/u.test(first.lower)) return false;
  for (let i = from; i < to; i += 1) if (tokens[i]!.kind === 'word' && REPORTING_VERBS.has(tokens[i]!.lower)) return false;
  return true;
}

/** `William Hill's "overwhelming evidence"`: a quotation owned by the capitalised name right before it. */
function possessiveBefore(tokens: readonly Token[], index: number, resolve: (phrase: SpeakerPhrase | null) => ResolvedSpeaker | null): ResolvedSpeaker | null {
  const previous = tokens[index - 1];
  if (previous?.kind !== 'word' || !previous.capitalised || !/['’]s$/u.test(previous.text)) return null;
  return resolve(speakerAfter(tokens, previousNameStart(tokens, index - 1) - 1, index));
}

function previousNameStart(tokens: readonly Token[], index: number): number {
  let start = index;
  while (start > 0 && tokens[start - 1]!.kind === 'word' && tokens[start - 1]!.capitalised) start -= 1;
  return start;
}
