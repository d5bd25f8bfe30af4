import type { Token } from './tokenize.js';
import { sentenceSubject, speakerAfter, subjectBefore, type SpeakerPhrase } from './findSpeakerPhrase.js';
import { describedChunk, findWithin, isComma, nounPhraseEndingAt, toPhrase } from './nounPhrase.js';
import { NOUN_LIKE_VERBS, NP_STOP_WORDS, PASSIVE_AUXILIARIES, REPORTED_SPEECH_VERBS, REPORTING_PARTICIPLES, REPORTING_VERBS, SUBJECT_PRONOUNS, VIEW_NOUNS } from './vocabulary.js';

/** Who a sentence says is speaking, and where the attributing words are. */
export interface Attribution {
  phrase: SpeakerPhrase;
  /** Index of the reporting verb (or of "according") in the sentence's tokens. */
  verbIndex: number;
}

/** What someone issues: `according to statements by X` names X. */
const STATEMENT_NOUNS = new Set(['statement', 'statements', 'remarks', 'comments', 'documents', 'figures', 'testimony', 'report', 'reports', 'letter', 'study']);

/** Words allowed between a reporting verb and the quotation it introduces: `told BFMTV television on Sunday:`. */
const MAX_WORDS_BEFORE_QUOTE = 9;
/** Words allowed between a quotation and the verb attributing it: `"…," Alain Juppe, the French minister, told`. */
const MAX_WORDS_AFTER_QUOTE = 16;
/** Most tokens of a phrase of time or place between a quotation and its inverted verb: `"…" in 2005, said X`. */
const MAX_SCENE_TOKENS = 4;

const isVerb = (token: Token | undefined): boolean =>
  token?.kind === 'word' && REPORTING_VERBS.has(token.lower) && !token.capitalised;
const isClauseEnd = (token: Token): boolean => token.kind === 'punct' && /[;.!?]/.test(token.text);

/**
 * Punctuation that closes a sentence or clause, trimmed off a claim's end ("%" and ")" are kept).
 * @example isClosingPunct({ kind: 'punct', text: '.' } as Token) // => true
 */
export const isClosingPunct = (token: Token): boolean => token.kind === 'punct' && /^[.,;:!?…]+$/u.test(token.text);

/** `according to X` at `i` (the index of "according"), or null when no speaker follows. */
function accordingAt(tokens: readonly Token[], i: number): Attribution | null {
  // "according to statements yesterday by Prime Minister David Cameron": the one who made them.
  const by = findWithin(tokens, i + 2, i + 7, (token) => token.lower === 'by');
  const noun = ['a', 'an', 'the'].includes(tokens[i + 2]?.lower ?? '') ? tokens[i + 3] : tokens[i + 2];
  const made = by > 0 && STATEMENT_NOUNS.has(noun?.lower ?? '') ? speakerAfter(tokens, by, tokens.length) : null;
  const phrase = made ?? speakerAfter(tokens, i + 1, tokens.length);
  return phrase ? { phrase, verbIndex: i } : null;
}

const isAccording = (tokens: readonly Token[], i: number): boolean => tokens[i]!.lower === 'according' && tokens[i + 1]?.lower === 'to';

/** `according to X` anywhere in the sentence: the first that names someone. */
function accordingTo(tokens: readonly Token[]): Attribution | null {
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    if (!isAccording(tokens, i)) continue;
    const found = accordingAt(tokens, i);
    if (found) return found;
  }
  return null;
}

/**
 * The `according to X` nearest before the quotation at `quoteIndex`, if any, else the first in the sentence:
 * `according to analysts Gartner …, according to Gartner analyst Carolina Milanesi is "seldom strong"`.
 */
function accordingToNearest(tokens: readonly Token[], quoteIndex: number): Attribution | null {
  for (let i = quoteIndex - 2; i >= 0; i -= 1) if (isAccording(tokens, i)) return accordingAt(tokens, i) ?? accordingTo(tokens);
  return accordingTo(tokens);
}

/** What someone writes and is quoted from: `reads a memo by X`, `said a letter by X`. */
const AUTHORED_DOCUMENTS = new Set([...STATEMENT_NOUNS, 'memo', 'memorandum', 'email', 'e-mail', 'note', 'paper', 'article', 'editorial', 'release', 'post', 'blog']);
/** Most tokens between an inverted verb and "by" in `reads a July 15, 2005 memo by X`. */
const MAX_DOCUMENT_TOKENS = 9;

/** Participles naming who put a document out: `a statement issued by X`. */
const ISSUING_PARTICIPLES = new Set(['issued', 'released', 'signed', 'published', 'posted', 'sent']);

/** The author named after `<document> by` (or `from`, `issued by`) shortly after the verb at `verb`, or null. */
function authorOfDocument(tokens: readonly Token[], verb: number): SpeakerPhrase | null {
  for (let i = verb + 1; i + 1 < tokens.length && i - verb <= MAX_DOCUMENT_TOKENS; i += 1) {
    const token = tokens[i]!;
    if (token.kind === 'quote' || isClauseEnd(token)) return null;
    if (token.kind !== 'word' || !AUTHORED_DOCUMENTS.has(token.lower)) continue;
    // `said a statement from the Refugee Council`, `said a statement issued by X`: its issuer too.
    const link = ISSUING_PARTICIPLES.has(tokens[i + 1]!.lower) ? i + 2 : i + 1;
    const by = tokens[link]?.lower;
    const next = DETERMINERS_BEFORE.has(tokens[link + 1]?.lower ?? '') ? tokens[link + 2] : tokens[link + 1];
    if ((by === 'by' || by === 'from') && next?.capitalised) {
      const author = speakerAfter(tokens, link, tokens.length);
      return author?.kind === 'name' ? author : null;
    }
  }
  return null;
}

/** "himself", "themselves": they repeat a subject named before, never name an inverted speaker. */
const REFLEXIVE_PRONOUNS = new Set(['himself', 'herself', 'itself', 'themselves', 'myself', 'ourselves', 'yourself']);

/** `"…," was the opinion of X`, `"…" is the view of X`. */
const COPULAS_OF_VIEW = new Set(['was', 'is']);

/** `"…," said X` or `"…," X said`, right after the quotation at `quoteIndex`. */
function afterQuote(tokens: readonly Token[], quoteIndex: number): Attribution | null {
  let k = quoteIndex + 1;
  if (tokens[k]?.text === ',') k += 1;
  // `"…" calling the Conservatives' win "…"`: a participle's object is no inverted speaker; nor is the object of
  // an infinitive the quotation sits in (`pledged to "never, ever" attack Tory leader Michael Howard`).
  const inInfinitive = tokens[quoteIndex - 1]?.lower === 'to';
  // `a "serious" claim that …`: after a determiner the quotation qualifies a noun, and the word after it is that noun.
  const qualifiesNoun = ['a', 'an', 'the'].includes(tokens[quoteIndex - 1]?.lower ?? '') && tokens[quoteIndex + 1]?.kind === 'word';
  // `as "dramatic" as Mr Renner believed`, `more "radical" than Labour said`: the name after a comparison is whom
  // the words are measured against, not who said them.
  if (isComparison(tokens, quoteIndex, k)) return null;
  // `"…," was the opinion of Prime Minister X`: the one whose view the quotation is.
  if (COPULAS_OF_VIEW.has(tokens[k]?.lower ?? '') && tokens[k + 1]?.lower === 'the' && VIEW_NOUNS.has(tokens[k + 2]?.lower ?? '') && tokens[k + 3]?.lower === 'of') {
    const holder = speakerAfter(tokens, k + 3, tokens.length);
    if (holder?.kind === 'name') return { phrase: holder, verbIndex: k };
  }
  // `"…," said said Thomas McKiernan`: a verb typed twice is one.
  if (isVerb(tokens[k]) && tokens[k + 1]?.lower === tokens[k]!.lower) k += 1;
  // `"…," Said Christine Lagarde`: a verb capitalised by a slip after the quotation's comma is still the verb.
  const capitalisedVerb = tokens[k]?.kind === 'word' && tokens[k]!.capitalised && REPORTING_VERBS.has(tokens[k]!.lower) &&
    tokens[k + 1]?.kind === 'word' && tokens[k + 1]!.capitalised;
  if ((isVerb(tokens[k]) || capitalisedVerb) && !tokens[k]!.lower.endsWith('ing') && !inInfinitive && !qualifiesNoun) {
    // `"…," reads a July 15, 2005 memo by William Granger`: the author of the document read out.
    const phrase = authorOfDocument(tokens, k) ?? speakerAfter(tokens, k, tokens.length);
    // `"…", says he did` is no inversion: a pronoun after the verb that goes on is the next clause's subject.
    const clause = phrase?.kind === 'pronoun' && tokens[phrase.start + 1]?.kind === 'word';
    // `giving only "brief" answers himself`: a noun after the quotation, and a reflexive pronoun is no speaker.
    if (phrase && !clause && !REFLEXIVE_PRONOUNS.has(phrase.text.toLowerCase())) return { phrase, verbIndex: k };
  }
  for (let v = k; v < tokens.length && v - k <= MAX_WORDS_AFTER_QUOTE; v += 1) {
    const token = tokens[v]!;
    if (token.kind === 'quote' || isClauseEnd(token)) break;
    // `"many" of 122 items on which Washington recently asked`: a verb inside a relative clause after the quotation
    // has its own subject, never the quotation's speaker.
    if (token.kind === 'word' && RELATIVE_PRONOUNS.has(token.lower)) break;
    // `host Rice, "the most powerful woman in the world," who they say is a war criminal`: a relative clause with a
    // subject of its own speaks of the one the quotation describes; it does not attribute the quotation.
    if (v === k && token.lower === 'who' && SUBJECT_PRONOUNS.has(tokens[v + 1]?.lower ?? '')) break;
    // `conceded that … "…," but that while the department supported it, it would continue to …`: a second "that"
    // clause of the same report goes on after the quotation, with verbs of its own.
    if (token.lower === 'that' && (v === k || (v === k + 1 && CLAUSE_COORDINATORS.has(tokens[k]!.lower)))) break;
    // `"…" once he realised the journalist was Jewish, said Mr Blair`: a clause of time or cause, then the inversion.
    // `"…" in 2005, said Kurt Karl`: a short phrase of time or place the quotation ends with, then the inversion.
    const scene = v === k && CLAIM_PREPOSITIONS.has(token.lower) && isShortScene(tokens, v);
    if (v === k && token.kind === 'word' && (SUBORDINATORS.has(token.lower) || scene)) {
      const comma = commaAfter(tokens, v);
      const inverted = comma - v <= MAX_WORDS_AFTER_QUOTE && isVerb(tokens[comma + 1]) ? speakerAfter(tokens, comma + 1, tokens.length) : null;
      if (inverted?.kind === 'name') return { phrase: inverted, verbIndex: comma + 1 };
    }
    if (!isVerb(token)) continue;
    // `"…," Jarrar was told`: the subject heard the words; whoever said them is not named here.
    if (isPassiveHearing(tokens, v)) break;
    // `"…" as soon as the election is called`: a passive verb's subject is what is spoken of, not a speaker.
    if (isPassive(tokens, v)) continue;
    // `"…." Arsenal keeper Jens Lehmann said: "…"`: a verb that opens the next quotation does not close this one.
    if (introducesNextQuote(tokens, v)) break;
    const phrase = subjectBefore(tokens, v, k);
    // `described it as "a disgrace", while Jane Roe called it "a triumph"`: a clause after the quotation whose verb
    // takes a quotation of its own attributes that one, not this.
    // (`Mr Blair's promise to produce an "…"`: a noun takes no quotation of its own.)
    if (phrase && phrase.start > k && !NOUN_LIKE_VERBS.has(token.lower) && quotesAfter(tokens, v)) break;
    if (phrase) return { phrase, verbIndex: v };
    break;
  }
  return null;
}

/** Words joining a second clause of the same report: `said that "…," but that …`. */
const CLAUSE_COORDINATORS = new Set(['but', 'and', 'or']);

/** Relative pronouns that open a clause of their own after a quotation (not "that" or "who", which also report). */
const RELATIVE_PRONOUNS = new Set(['which', 'whom', 'whose']);

/** True when the words from `from` to the next comma are a short phrase without a verb (`in 2005`). */
function isShortScene(tokens: readonly Token[], from: number): boolean {
  for (let i = from; i < tokens.length && i - from <= MAX_SCENE_TOKENS; i += 1) {
    const token = tokens[i]!;
    if (token.text === ',') return i > from;
    if (token.kind !== 'word' || isVerb(token)) return false;
  }
  return false;
}

/** Words that open a comparison's second term: `as "…" as X believed`, `more "…" than X said`. */
const COMPARISON_WORDS = new Set(['as', 'than']);

/**
 * True when the word at `k`, right after the quotation at `quoteIndex`, opens the second term of a comparison:
 * "than", or "as" when "as" or "so" comes right before the quotation (`"…", as Mr Blair put it` is an attribution).
 */
function isComparison(tokens: readonly Token[], quoteIndex: number, k: number): boolean {
  const word = tokens[k]?.lower ?? '';
  if (!COMPARISON_WORDS.has(word)) return false;
  return word === 'than' || ['as', 'so'].includes(tokens[quoteIndex - 1]?.lower ?? '');
}

/**
 * True when the reporting verb at `index` introduces the quotation that follows it (`X said: "…"`, `X told the BBC:
 * "…"`): the colon and a quotation right after it, or after a few words naming the hearer.
 */
function introducesNextQuote(tokens: readonly Token[], index: number): boolean {
  for (let i = index + 1; i < tokens.length && i - index <= MAX_WORDS_BEFORE_QUOTE; i += 1) {
    const token = tokens[i]!;
    if (token.kind === 'punct' && token.text === ':') return tokens[i + 1]?.kind === 'quote';
    if (token.kind !== 'word') return false;
  }
  return false;
}

/** True when a quotation follows the verb at `index` with only words between: `called it "a triumph"`. */
function quotesAfter(tokens: readonly Token[], index: number): boolean {
  for (let i = index + 1; i < tokens.length && i - index <= MAX_WORDS_BEFORE_QUOTE; i += 1) {
    if (tokens[i]!.kind === 'quote') return true;
    if (tokens[i]!.kind !== 'word') return false;
  }
  return false;
}

/**
 * The attribution nearest before the quotation at `quoteIndex` with no earlier quotation between them (`…, while Jane
 * Roe called it "a triumph"`): the words that quotation belongs to when a sentence attributes several. Null when
 * none stands there, or when no quotation comes earlier in the sentence (the sentence's attribution is that one's).
 */
export function attributionBetweenQuotes(tokens: readonly Token[], quoteIndex: number): Attribution | null {
  let previous = quoteIndex - 1;
  while (previous >= 0 && tokens[previous]!.kind !== 'quote') previous -= 1;
  return previous < 0 ? null : beforeQuote(tokens, quoteIndex, previous + 1, true);
}

/** Words joining a sentence to the one before: "But according to X, …". */
const CONNECTIVES = new Set(['but', 'and', 'yet', 'however', 'so', 'still']);

/** Words opening a clause of time, cause or condition. */
const SUBORDINATORS = new Set(['after', 'when', 'because', 'before', 'since', 'while', 'until', 'although', 'though', 'if', 'once']);

/** Verbs whose passive subject is the one spoken to: `X was told`, `X was asked`. */
const HEARING_VERBS = new Set(['told', 'asked', 'warned', 'informed', 'reminded', 'assured', 'advised']);

/**
 * `the election is called`, `the plan was announced`: a reporting verb in the passive (a past participle right after
 * a form of "be"), whose subject says nothing. `X is saying` is active.
 */
function isPassive(tokens: readonly Token[], index: number): boolean {
  return PASSIVE_AUXILIARIES.has(tokens[index - 1]?.lower ?? '') && !tokens[index]!.lower.endsWith('ing');
}

/** `X was told`: the verb at `index` is passive, so its subject is the hearer, not the speaker. */
function isPassiveHearing(tokens: readonly Token[], index: number): boolean {
  return HEARING_VERBS.has(tokens[index]!.lower) && isPassive(tokens, index);
}

/**
 * `X said: "…"`, `X told Y on Sunday: "…"`: the last reporting verb shortly before the quotation. `strict` passes over
 * a passive (`customer deposits were assured while any incentive to "…"`) and a noun (`the PPI report was "…"`).
 */
function beforeQuote(tokens: readonly Token[], quoteIndex: number, bound: number, strict = false): Attribution | null {
  for (let v = quoteIndex - 1; v >= bound && quoteIndex - v <= MAX_WORDS_BEFORE_QUOTE; v -= 1) {
    const token = tokens[v]!;
    if (token.kind === 'quote' || isClauseEnd(token)) break;
    if (!isVerb(token)) continue;
    if (strict && (isPassive(tokens, v) || (NOUN_LIKE_VERBS.has(token.lower) && !SUBJECT_PRONOUNS.has(tokens[v - 1]?.lower ?? '')))) continue;
    const phrase = subjectBefore(tokens, v, bound) ?? withParticipleSubject(tokens, v, bound) ?? gerundSubject(tokens, v, bound);
    // `Kim Beazley used Mr Howard's comments to attack the policy saying "…"`: a participle right before the
    // quotation is the sentence subject's; an earlier verb's object is not its speaker.
    if (!phrase && REPORTING_PARTICIPLES.has(token.lower) && quoteIndex - v <= 2) return null;
    if (!phrase) continue;
    // `he said that the administration believes China is "manipulating"`: a belief he reports is his wording.
    // `Mr Howard said the police had said they needed it to "…"`: what someone had said, reported inside another's
    // report, is in the reporter's wording.
    if (BELIEF_VERBS.has(token.lower) || tokens[v - 1]?.lower === 'had') {
      const outer = outerReporter(tokens, phrase.start, bound);
      if (outer) return outer;
    }
    // `It said data from employment tribunals suggested 1,500 "…"`: a name that is only where the subject came from
    // ("data from X") speaks through whoever reports the clause.
    const source = nounBeforeSource(tokens, phrase.start, bound);
    const reporter = source === null ? null : outerReporter(tokens, source, bound);
    if (reporter) return reporter;
    return { phrase, verbIndex: v };
  }
  return null;
}

/** Past participles that give a description its author: `described by one union as a "…"`. */
const DESCRIBED_PARTICIPLES = new Set(['described', 'branded', 'labelled', 'labeled', 'dubbed', 'called', 'hailed', 'denounced', 'condemned', 'derided', 'criticised', 'criticized', 'attacked']);
/** Most words between "by" and "as": `described by Tory leader Michael Howard as`. */
const MAX_DESCRIBER_WORDS = 8;

/**
 * The one who describes something as a quotation: `plans described by one civil service union as a "bonfire of the
 * quangos"` → one civil service union; with the agent after the quotation, `hailed as a "hero" by the President of
 * Gabon` → President of Gabon. Null for any other shape.
 * @example describedBy(tokensOf('plans described by one union as a "bonfire"'), 7)?.text // => 'one union'
 */
export function describedBy(tokens: readonly Token[], quoteIndex: number): SpeakerPhrase | null {
  const statedBy = statedByAgent(tokens, quoteIndex);
  if (statedBy) return statedBy;
  let as = quoteIndex - 1;
  if (['a', 'an', 'the'].includes(tokens[as]?.lower ?? '')) as -= 1;
  if (tokens[quoteIndex + 1]?.lower === 'by') return agentAfterDescription(tokens, quoteIndex, tokens[as]?.lower === 'as' ? as - 1 : as);
  if (tokens[as]?.lower !== 'as' || tokens[as]!.kind !== 'word') return null;
  for (let by = as - 2; by >= 1 && as - by <= MAX_DESCRIBER_WORDS + 1; by -= 1) {
    const token = tokens[by]!;
    if (token.kind !== 'word') return null;
    if (token.lower !== 'by') continue;
    if (!DESCRIBED_PARTICIPLES.has(tokens[by - 1]!.lower)) return null;
    return speakerAfter(tokens, by, as);
  }
  return null;
}

/**
 * `hailed as a "hero" by the President of Gabon`, `branded "reckless" by the union`: the passive's agent named right
 * after the quotation, when the participle at `participle` describes (`backed by "…"` names no describer).
 */
function agentAfterDescription(tokens: readonly Token[], quoteIndex: number, participle: number): SpeakerPhrase | null {
  if (!DESCRIBED_PARTICIPLES.has(tokens[participle]?.lower ?? '') || tokens[participle]!.kind !== 'word' || !isPassiveAt(tokens, participle)) return null;
  return agentAfterBy(tokens, quoteIndex + 1);
}

/**
 * The agent named in the words right after the "by" at `by`: a name or a description, not a pronoun, and not a count
 * (`labeled as "genocide" by 40 of the 50 states`: a count of those who agree is no one speaking).
 */
function agentAfterBy(tokens: readonly Token[], by: number): SpeakerPhrase | null {
  let end = by + 1;
  while (end < tokens.length && end - by <= MAX_DESCRIBER_WORDS && tokens[end]!.kind === 'word') end += 1;
  const agent = speakerAfter(tokens, by, end);
  return agent && agent.kind !== 'pronoun' && /^\p{L}/u.test(agent.words[0] ?? '') ? agent : null;
}

/** Participles of saying in `"…", as stated by X`. */
const STATED_PARTICIPLES = new Set(['stated', 'said', 'told', 'announced', 'reported', 'put', 'explained', 'noted', 'quoted']);

/**
 * `called it a "welcome resolution", as stated by Information Minister X`: the one the quotation is credited to right
 * after it, whoever the sentence's subject is.
 */
function statedByAgent(tokens: readonly Token[], quoteIndex: number): SpeakerPhrase | null {
  const as = tokens[quoteIndex + 1]?.text === ',' ? quoteIndex + 2 : quoteIndex + 1;
  if (tokens[as]?.lower !== 'as' || !STATED_PARTICIPLES.has(tokens[as + 1]?.lower ?? '') || tokens[as + 2]?.lower !== 'by') return null;
  return agentAfterBy(tokens, as + 2);
}

/** Words opening a clause that may give the participle after them a subject of its own: `what she described as`. */
const ACTIVE_CLAUSE_OPENERS = new Set(['what', 'which', 'that', 'who']);
/** Most words between such an opener and the participle: `what Tory leader Michael Howard described as`. */
const MAX_ACTIVE_SUBJECT_WORDS = 6;

/**
 * True when the participle at `participle` is passive: after a form of "be" (`was described as`, `being hailed as`),
 * or after a noun with no clause of its own around it (`plans described as`). `what she described as "scaremongering"
 * by the opposition` is active: its "by" phrase is part of what is named.
 */
function isPassiveAt(tokens: readonly Token[], participle: number): boolean {
  const before = tokens[participle - 1];
  if (PASSIVE_AUXILIARIES.has(before?.lower ?? '')) return true;
  if (before?.kind !== 'word' || before.capitalised || SUBJECT_PRONOUNS.has(before.lower)) return false;
  for (let w = participle - 1; w >= 0 && participle - w <= MAX_ACTIVE_SUBJECT_WORDS; w -= 1) {
    if (tokens[w]!.kind !== 'word') break;
    if (ACTIVE_CLAUSE_OPENERS.has(tokens[w]!.lower)) return false;
  }
  return true;
}

/** Words before a relative clause's verb: "which had described", "who also said", "who has long argued". */
const RELATIVE_FILLERS = new Set(['has', 'have', 'had', 'also', 'then', 'later', 'once', 'previously', 'recently', 'long', 'repeatedly', 'already']);
/** Verbs of describing in the present: "which calls it a …". */
const DESCRIBING_VERBS = new Set([...DESCRIBED_PARTICIPLES, 'calls', 'brands', 'labels', 'dubs']);
/** Most words between a relative clause's verb and its quotation: `who said on Monday ministers were agreed on …`. */
const MAX_RELATIVE_CLAUSE_WORDS = 12;
/** Participles whose agent only asked: "a broker contacted by Reuters, who said …" is the broker. */
const ASKING_PARTICIPLES = new Set(['contacted', 'interviewed', 'quoted', 'cited', 'polled', 'surveyed', 'asked']);
/** Prepositions of place: "the campaign in Crewe and Nantwich, which …" is the campaign's, not the place's. */
const PLACE_PREPOSITIONS = new Set(['in', 'at']);

/**
 * The one a relative clause holding the quotation speaks of: `welcomed by Beijing, which described the embargo as a
 * "product of the Cold War"` → Beijing; `the Labour Party's campaign in Crewe, which had described him as a "toff"` →
 * Labour Party (the owner of what is described by place). Only the quotation(s) of the clause before its first comma;
 * null for any other shape.
 * @example relativeClauseSpeaker(tokensOf('welcomed by Beijing, which called it a "relic"'), 9)?.text // => 'Beijing'
 */
export function relativeClauseSpeaker(tokens: readonly Token[], quoteIndex: number): SpeakerPhrase | null {
  for (let i = quoteIndex - 1; i >= 0 && quoteIndex - i <= MAX_RELATIVE_CLAUSE_WORDS + 4; i -= 1) {
    const token = tokens[i]!;
    if (token.kind !== 'word') return null;
    if (token.lower !== 'which' && token.lower !== 'who') continue;
    let v = i + 1;
    while (RELATIVE_FILLERS.has(tokens[v]?.lower ?? '')) v += 1;
    const said = tokens[v];
    if (!said || said.capitalised || !(REPORTING_VERBS.has(said.lower) || DESCRIBING_VERBS.has(said.lower)) || v >= quoteIndex) return null;
    return isComma(tokens[i - 1]) ? antecedentBefore(tokens, i - 1) : null;
  }
  return null;
}

/** The name a relative clause opening after the comma at `comma` is about (see {@link relativeClauseSpeaker}). */
function antecedentBefore(tokens: readonly Token[], comma: number): SpeakerPhrase | null {
  const found = nounPhraseEndingAt(tokens, 0, comma);
  if (!found) return null;
  const before = tokens[found.start - 1];
  if (before?.lower === 'by' && ASKING_PARTICIPLES.has(tokens[found.start - 2]?.lower ?? '')) return null;
  // "Princess Marguerite, the eldest daughter of ex-King Michael, who said": "who" may be the one described.
  for (let i = found.start - 1; i >= Math.max(0, found.start - 3) && tokens[i]!.kind === 'word'; i -= 1) if (tokens[i]!.lower === 'of') return null;
  if (before && PLACE_PREPOSITIONS.has(before.lower)) {
    // "the Labour Party's campaign in Crewe": the owner of what the place qualifies, or no one.
    const thing = nounPhraseEndingAt(tokens, 0, found.start - 1);
    const owner = thing ? tokens[thing.start - 1] : undefined;
    if (!thing || owner?.kind !== 'word' || !owner.capitalised || !/['’]s$/u.test(owner.text)) return null;
    let start = thing.start - 1;
    while (start > 0 && tokens[start - 1]!.kind === 'word' && tokens[start - 1]!.capitalised) start -= 1;
    return toPhrase(tokens, start, thing.start, null, null);
  }
  const phrase = toPhrase(tokens, found.start, comma, found.acronym, null);
  return phrase?.kind === 'name' ? phrase : null;
}

/** Gerunds of saying after "for" or "of": `branded Mr Howard "arrogant" for claiming …`, `accused him of saying …`. */
const SAYING_GERUNDS = new Set(['saying', 'claiming', 'calling', 'describing', 'suggesting', 'insisting', 'arguing', 'branding', 'labelling', 'labeling', 'declaring', 'dismissing']);
/** Verbs that judge someone for what they said: their object said it. */
const JUDGING_VERBS = new Set([
  'branded', 'accused', 'accuses', 'attacked', 'attacks', 'criticised', 'criticises', 'criticized', 'criticizes', 'condemned', 'condemns', 'slammed', 'slams',
  'praised', 'praises', 'mocked', 'ridiculed', 'rebuked', 'blamed', 'thanked', 'fined', 'punished', 'sacked', 'suspended', 'banned', 'censured', 'reprimanded',
]);
/** Most tokens between a judging verb and "for"/"of", and between the gerund and the quotation. */
const MAX_JUDGED_TOKENS = 10;

/**
 * The one judged for saying the quotation: `Simon Hughes branded Mr Howard "arrogant and wrong" for claiming the
 * Tories were the "natural party"` → Mr Howard (the judging verb's object), not the sentence's speaker. Null for any
 * other shape, and for a passive ("was criticised for saying": the subject said it).
 * @example judgedForSaying(tokensOf('Ann branded Tom "wrong" for calling it a "sham"'), 9)?.text // => 'Tom'
 */
export function judgedForSaying(tokens: readonly Token[], quoteIndex: number): SpeakerPhrase | null {
  let gerund = quoteIndex - 1;
  while (gerund > 0 && quoteIndex - gerund <= MAX_JUDGED_TOKENS && tokens[gerund]!.kind === 'word' && !SAYING_GERUNDS.has(tokens[gerund]!.lower)) gerund -= 1;
  const link = tokens[gerund - 1]?.lower;
  if (!SAYING_GERUNDS.has(tokens[gerund]?.lower ?? '') || (link !== 'for' && link !== 'of')) return null;
  for (let v = gerund - 2; v >= 0 && gerund - v <= MAX_JUDGED_TOKENS; v -= 1) {
    const token = tokens[v]!;
    if (token.kind === 'punct') return null;
    if (token.kind !== 'word' || !JUDGING_VERBS.has(token.lower)) continue;
    if (PASSIVE_AUXILIARIES.has(tokens[v - 1]?.lower ?? '')) return null;
    const object = speakerAfter(tokens, v, gerund - 1);
    return object?.kind === 'name' ? object : null;
  }
  return null;
}

/** Verbs that report someone else's words: `X quoted Y as saying "…"`. */
const QUOTING_VERBS = new Set(['quoted', 'quotes', 'quote', 'cited', 'cites', 'cite']);
/** Most words between the quoting verb and "as saying": `quoted American Honda president Tetsuo Chino as saying`. */
const MAX_QUOTED_WORDS = 10;

/**
 * `He quoted American Honda president Tetsuo Chino as saying, "…"`: the one quoted is the speaker, not the one
 * quoting. Null unless "as saying" (or "as telling") comes right before the quotation.
 */
function quotedAsSaying(tokens: readonly Token[], quoteIndex: number, bound: number): Attribution | null {
  let v = quoteIndex - 1;
  if (tokens[v]?.text === ',' || tokens[v]?.text === ':') v -= 1;
  // `quoted a diplomat as saying that the remark "…"`, `cited a diplomat saying that …`: the quotation inside the claim.
  const that = sayingThatBefore(tokens, quoteIndex, bound);
  if (that >= 0) v = that - 1;
  if (!QUOTED_PARTICIPLES.has(tokens[v]?.lower ?? '') || (tokens[v - 1]?.lower !== 'as' && that < 0)) return null;
  const as = tokens[v - 1]?.lower === 'as' ? v - 1 : v;
  for (let i = as - 1; i >= bound && as - i <= MAX_QUOTED_WORDS; i -= 1) {
    const token = tokens[i]!;
    // `quoted Tom Hale, the chairman, as saying`: the commas of a description after the name are still its words.
    if (token.text === ',') continue;
    if (token.kind !== 'word') return null;
    if (!QUOTING_VERBS.has(token.lower)) continue;
    // `quoted an unnamed Downing Street source as saying`: the whole description before "as", read as a subject is.
    const phrase = subjectBefore(tokens, as, i + 1) ?? speakerAfter(tokens, i, as);
    return phrase && phrase.kind !== 'pronoun' ? { phrase, verbIndex: v } : null;
  }
  return null;
}

/** Participles of `quoted X as saying`. */
const QUOTED_PARTICIPLES = new Set(['saying', 'telling', 'writing']);
/** Most words of a claim between `saying that` and the quotation in it. */
const MAX_CLAIM_WORDS_BEFORE_QUOTE = 12;

/** The index of "that" in `saying that <words> "…"` before the quotation at `quoteIndex`, or -1. */
function sayingThatBefore(tokens: readonly Token[], quoteIndex: number, bound: number): number {
  for (let i = quoteIndex - 1; i > bound && quoteIndex - i <= MAX_CLAIM_WORDS_BEFORE_QUOTE; i -= 1) {
    const token = tokens[i]!;
    if (token.kind !== 'word') return -1;
    if (token.lower === 'that' && QUOTED_PARTICIPLES.has(tokens[i - 1]?.lower ?? '')) return i;
  }
  return -1;
}

/** Most capitalised words of a name right before `Name: "…"`. */
const MAX_NAME_BEFORE_QUOTE = 5;

/**
 * `… such as refugee Paul Waweru, "The deal will help."`, `Mr Smith: "No."`: a person named right before a comma or
 * colon and a quotation that ends the sentence, with no verb of saying anywhere near, is its speaker.
 */
function nameThenQuote(tokens: readonly Token[], quoteIndex: number, bound: number): Attribution | null {
  const mark = tokens[quoteIndex - 1];
  if (mark?.kind !== 'punct' || (mark.text !== ',' && mark.text !== ':')) return null;
  for (let i = quoteIndex + 1; i < tokens.length; i += 1) if (!isClosingPunct(tokens[i]!)) return null;
  let start = quoteIndex - 1;
  while (start - 1 >= bound && quoteIndex - start <= MAX_NAME_BEFORE_QUOTE && tokens[start - 1]!.kind === 'word' && tokens[start - 1]!.capitalised) start -= 1;
  if (quoteIndex - 1 - start < 2) return null;
  const phrase = speakerAfter(tokens, start - 1, quoteIndex - 1);
  return phrase?.kind === 'name' && phrase.words.length >= 2 ? { phrase, verbIndex: quoteIndex - 1 } : null;
}

/** Most words between "with" and the participle its speaker governs. */
const MAX_WITH_WORDS = 8;

/**
 * `…, with foreign ministry spokesman Kong Quan saying "…"`: the speaker named between "with" and the participle,
 * with no punctuation between ("He met with Tony Blair, saying …" is his own).
 */
function withParticipleSubject(tokens: readonly Token[], participle: number, bound: number): SpeakerPhrase | null {
  if (!REPORTING_PARTICIPLES.has(tokens[participle]!.lower)) return null;
  for (let w = participle - 1; w >= bound && participle - w <= MAX_WITH_WORDS; w -= 1) {
    const token = tokens[w]!;
    if (token.kind !== 'word') return null;
    if (token.lower !== 'with') continue;
    const phrase = w + 1 < participle ? speakerAfter(tokens, w, participle) : null;
    return phrase?.kind === 'name' && phrase.start + phrase.words.length >= participle - 1 ? phrase : null;
  }
  return null;
}

/** Prepositions that take a reporting participle as their object: `despite saying`, `after telling`, `without adding`. */
const GERUND_PREPOSITIONS = new Set(['despite', 'after', 'before', 'without', 'while', 'since', 'by']);
/** Finite verbs and auxiliaries that end the subject of the clause a gerund hangs from: `Tony Blair has failed …`. */
const CLAUSE_AUXILIARIES = new Set(['has', 'have', 'had', 'is', 'was', 'were', 'are', 'will', 'would', 'could', 'did', 'does', 'do', 'can', 'may', 'might']);
/** Most words between the clause's auxiliary and the gerund's preposition. */
const MAX_GERUND_CLAUSE_WORDS = 8;

/**
 * `issues which Prime Minister Tony Blair has failed to deliver on despite saying his party would be "…"`: the
 * speaker of a reporting participle after a preposition is the subject of the clause it hangs from, named right
 * before that clause's auxiliary. Null when no name stands there.
 */
function gerundSubject(tokens: readonly Token[], participle: number, bound: number): SpeakerPhrase | null {
  if (!REPORTING_PARTICIPLES.has(tokens[participle]!.lower) || !GERUND_PREPOSITIONS.has(tokens[participle - 1]?.lower ?? '')) return null;
  for (let a = participle - 2; a > bound && participle - a <= MAX_GERUND_CLAUSE_WORDS + 2; a -= 1) {
    const token = tokens[a]!;
    if (token.kind !== 'word') return null;
    if (!CLAUSE_AUXILIARIES.has(token.lower)) continue;
    const start = nounPhraseEndingAt(tokens, bound, a);
    if (!start || !tokens[start.start]!.capitalised) return null;
    const phrase = speakerAfter(tokens, start.start - 1, a);
    return phrase?.kind === 'name' ? phrase : null;
  }
  return null;
}

/** Verbs of belief: a quotation in what someone is reported to believe is the reporter's wording. */
const BELIEF_VERBS = new Set(['believe', 'believes', 'believed', 'think', 'thinks', 'thought', 'feel', 'feels', 'felt', 'fear', 'fears', 'feared', 'hope', 'hopes', 'hoped', 'want', 'wants', 'wanted']);

/** Words that tie a noun to where it came from: "data from X", "figures by X". */
const SOURCE_LINKS = new Set(['from', 'by']);
/** What is drawn from a source and says nothing itself ("the notice from its accountants" is the accountants' words). */
const SOURCED_NOUNS = new Set(['data', 'figures', 'statistics', 'numbers', 'evidence', 'research', 'records']);
/** Most words of the noun phrase before such a link: "the latest official data from X". */
const MAX_SOURCED_NOUN_WORDS = 4;

/**
 * Where the lower-case noun phrase starts that the name at `start` is the source of (`data from employment
 * tribunals` → the index of "data"), or null when no such noun (`SOURCED_NOUNS`) comes right before "from" or "by".
 */
function nounBeforeSource(tokens: readonly Token[], start: number, bound: number): number | null {
  if (!SOURCE_LINKS.has(tokens[start - 1]?.lower ?? '') || !SOURCED_NOUNS.has(tokens[start - 2]?.lower ?? '')) return null;
  let from = start - 1;
  while (from - 1 >= bound && start - 1 - from < MAX_SOURCED_NOUN_WORDS) {
    const token = tokens[from - 1]!;
    if (token.kind !== 'word' || token.capitalised || token.lower === 'that' || REPORTING_VERBS.has(token.lower)) break;
    from -= 1;
  }
  return from < start - 1 ? from : null;
}

/** The reporting verb whose "that" clause holds the words before `start`, and its subject: `he said that …`. */
function outerReporter(tokens: readonly Token[], start: number, bound: number): Attribution | null {
  const verb = tokens[start - 1]?.lower === 'that' ? start - 2 : start - 1;
  if (verb < bound || !isVerb(tokens[verb]) || BELIEF_VERBS.has(tokens[verb]!.lower)) return null;
  const phrase = subjectBefore(tokens, verb, bound);
  return phrase ? { phrase, verbIndex: verb } : null;
}

/** `Mr Mallon's`, `the firm’s`: a possessive, after which a reporting verb's form is a noun ("claim", "comments"). */
const isPossessive = (token: Token | undefined): boolean => /['’]s$/u.test(token?.text ?? '');

/**
 * The first reporting verb of the sentence (from `start` to `end`) whose subject names someone: `Juppe described the
 * veto as a "…"`.
 */
function firstReportingClause(tokens: readonly Token[], verbs: ReadonlySet<string>, start = 0, end = tokens.length): Attribution | null {
  let bound = start;
  for (let v = start; v < end; v += 1) {
    const token = tokens[v]!;
    if (token.kind === 'quote') bound = v + 1;
    if (token.kind !== 'word' || token.capitalised || !verbs.has(token.lower) || isPassiveHearing(tokens, v)) continue;
    // `used Mr Howard's comments to attack the policy`: an infinitive's subject is not the noun before "to", and
    // after a possessive the word is a noun ("comments").
    if (tokens[v - 1]?.lower === 'to' || isPossessive(tokens[v - 1])) continue;
    const phrase = subjectBefore(tokens, v, bound);
    // `"…," Jarrar was told after he complained`: a verb in a clause of time or cause reports no quotation.
    if (phrase && SUBORDINATORS.has(tokens[phrase.start - 1]?.lower ?? '')) continue;
    if (phrase) return { phrase, verbIndex: v };
  }
  return null;
}

/** Words joining a clause with a subject of its own to a quotation: `"…", while X said`, `"…", and X has called`. */
const NEXT_CLAUSE_JOINERS = new Set(['and', 'but', 'while', 'whereas']);

/** True when the verb at `verbIndex` opens a clause joined right after the quotation at `quoteIndex` ("…", and X has called). */
function joinedAfterQuote(tokens: readonly Token[], quoteIndex: number, verbIndex: number): boolean {
  const joiner = tokens[quoteIndex + 1]?.text === ',' ? quoteIndex + 2 : quoteIndex + 1;
  return NEXT_CLAUSE_JOINERS.has(tokens[joiner]?.lower ?? '') && verbIndex > joiner + 1;
}

/** True when a quotation follows the token at `index` in the sentence. */
function quotationAfter(tokens: readonly Token[], index: number): boolean {
  for (let i = index + 1; i < tokens.length; i += 1) if (tokens[i]!.kind === 'quote') return true;
  return false;
}

/**
 * True when the attributing verb at `verbIndex` belongs to a clause joined after the quotation at `quoteIndex` by
 * "and", "but", "while" or "whereas", with its subject between the joiner and the verb, and no quotation after it.
 * @example opensNextClause(tokensOf('He called it "desperate", while Ann said no'), 3, 7) // => true
 */
function opensNextClause(tokens: readonly Token[], quoteIndex: number, verbIndex: number): boolean {
  // `… "the fourth force" and their candidate X said "…"`: a clause that goes on to a quotation of its own speaks
  // for the sentence's quotations (one attribution serves them all).
  return joinedAfterQuote(tokens, quoteIndex, verbIndex) && !quotationAfter(tokens, verbIndex);
}

/**
 * The reporting clause before the quotation at `quoteIndex` when the sentence's attribution (its verb at `verbIndex`)
 * opens a clause joined after that quotation and goes on to a quotation of its own: `X has said the network risked
 * being labelled "…", and Y has called its coverage "…"` gives the first quotation to X. Null otherwise, and for a
 * clause whose subject is "it" (`claiming that it confirms the party's position as "…" and X said "…"` is X's).
 */
export function reportingClauseBefore(tokens: readonly Token[], quoteIndex: number, verbIndex: number): Attribution | null {
  if (!joinedAfterQuote(tokens, quoteIndex, verbIndex) || !quotationAfter(tokens, verbIndex)) return null;
  // Only the words since the quotation before, so that a sentence of many quotations is read once.
  let previous = quoteIndex - 1;
  while (previous >= 0 && tokens[previous]!.kind !== 'quote') previous -= 1;
  const found = firstReportingClause(tokens, REPORTING_VERBS, previous + 1, quoteIndex);
  return found && !(found.phrase.kind === 'pronoun' && found.phrase.text.toLowerCase() === 'it') ? found : null;
}

/**
 * Finds who the quotations of one sentence are attributed to: first the words right around a quotation
 * (`"…," X said`, `"…," said X`, `X said: "…"`), then `according to X`, then the subject of the sentence's
 * first reporting verb (`He said Nicolas Sarkozy, the French president, "will…"` is his, not Sarkozy's).
 *
 * @example
 * findAttribution(tokenize('"Go," Ann said.', 0, 15, spans))
 * // => { phrase: { kind: 'name', text: 'Ann', … }, verbIndex: 2 }
 */
export function findAttribution(tokens: readonly Token[]): Attribution | null {
  let bound = 0;
  for (let q = 0; q < tokens.length; q += 1) {
    if (tokens[q]!.kind !== 'quote') continue;
    const quoted = quotedAsSaying(tokens, q, bound);
    if (quoted) return quoted;
    const adjacent = afterQuote(tokens, q);
    // `The Tories dismissed it as "desperate", while the Liberal Democrats said …`: the subject of a clause joined
    // after the quotation reports words of its own, so the quotation keeps the speaker before it, if any.
    const after = adjacent && opensNextClause(tokens, q, adjacent.verbIndex) ? null : adjacent;
    if (after && after.phrase.kind !== 'pronoun') return after;
    // `X said: "…," he said`: the pronoun after the quotation is the speaker named before it.
    const found = beforeQuote(tokens, q, bound) ?? after ?? nameThenQuote(tokens, q, bound);
    if (found) return found;
    bound = q + 1;
  }
  return accordingToNearest(tokens, tokens.findIndex((token) => token.kind === 'quote')) ?? firstReportingClause(tokens, REPORTING_VERBS);
}

/** The reported claim of a sentence without quotation marks, and who made it. */
export interface ReportedClaim extends Attribution {
  /** Token range of the claim. */
  from: number;
  to: number;
}

/** Verbs whose claim may follow without "that" (`Opposition groups say at least 6,000 …`). */
const CLAIM_WITHOUT_THAT = new Set(['say', 'says', 'said', 'add', 'adds', 'added', 'warn', 'warns', 'warned', 'believe', 'believes', 'believed', 'insist', 'insists', 'insisted', 'claim', 'claims', 'claimed', 'estimate', 'estimated', 'predicted', 'predict', 'predicts', 'argued', 'argue', 'argues', 'stressed', 'noted']);
const CLAIM_PREPOSITIONS = new Set(['in', 'on', 'at', 'to', 'by', 'for', 'with', 'during', 'after', 'before']);
/** Prepositions after which no claim follows the verb: "the final say over mergers", "argued against it". */
const NON_CLAIM_PREPOSITIONS = new Set(['over', 'against', 'between', 'through', 'into', 'onto', 'upon', 'under', 'via', 'among', 'across']);
/** Verbs whose hearer comes before the claim: `told reporters that …`, `assured investors that …`. */
const TELL_VERBS = new Set(['tell', 'tells', 'told', 'assure', 'assures', 'assured', 'inform', 'informs', 'informed', 'remind', 'reminds', 'reminded', 'warned', 'advised']);

/** Most words describing a speaker between a claim's comma and the name: `…, its Hong Kong office general manager X told`. */
const MAX_DESCRIPTION_BEFORE_NAME = 8;
/** Words opening a phrase that sets the scene before a subject ("In a speech …, X said"). */
const INTRODUCTORY_OPENERS = new Set(['in', 'at', 'on', 'during', 'after', 'before', 'speaking', 'asked', 'with', 'from', 'when', 'while', 'addressing', 'writing', 'responding', 'following']);
/** Longest introductory phrase: a longer run before "X said" is a claim ("In 2004 profits rose 10% …"). */
const MAX_INTRODUCTION_WORDS = 10;
/** Fewest words a reported claim must have. */
const MIN_CLAIM_TOKENS = 4;

/**
 * Finds reported speech in a sentence: `X said (that) CLAIM`, `X told reporters that CLAIM`, `CLAIM, X said`,
 * `CLAIM, X told Reuters`, `CLAIM, according to X`, `X declined to comment but said CLAIM`. Quotations inside the
 * claim are part of it (`X said the service was an "essential link"`); a claim that opens with a quotation is a
 * direct quotation, not reported speech. Returns null when the sentence reports no one's words.
 *
 * @example
 * findReportedClaim(tokenize('Opposition groups say at least 6,000 people have died.', …))
 * // => { phrase: { text: 'Opposition groups', … }, verbIndex: 2, from: 3, to: 9 }
 */
export function findReportedClaim(tokens: readonly Token[]): ReportedClaim | null {
  let end = tokens.length;
  while (end > 0 && isClosingPunct(tokens[end - 1]!)) end -= 1;
  const according = accordingTo(tokens);
  /** "According to the commission, many firms had found CLAIM": the account of X when no one inside it speaks. */
  let accountOf: ReportedClaim | null = null;
  if (according) {
    // "But according to X, CLAIM": a connective before "according" opens no claim.
    const opensSentence = according.verbIndex === 0 || (according.verbIndex === 1 && CONNECTIVES.has(tokens[0]!.lower));
    // "according to Michael Brown, a former Conservative MP, CLAIM": the claim follows the appositive.
    const named = commaAfter(tokens, according.verbIndex);
    const afterName = according.phrase.role !== null && according.phrase.kind === 'name' ? commaAfter(tokens, named + 1) : named;
    const claim = !opensSentence ? { from: 0, to: according.verbIndex } : { from: afterName + 1, to: end };
    const to = tokens[claim.to - 1]?.text === ',' ? claim.to - 1 : claim.to;
    // "According to Reuters, a source from the ministry said CLAIM": the source speaks; the outlet only reports it.
    const inner = opensSentence ? speakerOpeningClaim(tokens, claim.from) : null;
    if (to - claim.from >= MIN_CLAIM_TOKENS && tokens[claim.from]?.kind === 'word') {
      accountOf = { ...according, from: claim.from, to };
      if (!inner) return accountOf;
    }
  }
  let opening: { phrase: SpeakerPhrase | null } | undefined;
  /** Read once, when a verb first needs it. */
  let firstQuote: number | undefined;
  for (let v = 0; v < end; v += 1) {
    const token = tokens[v]!;
    if (token.kind !== 'word' || token.capitalised || !REPORTED_SPEECH_VERBS.has(token.lower) || isPassiveHearing(tokens, v)) continue;
    // "their Grand Slam hopes", "the new rules": a plural noun unless a clause follows or a pronoun is its subject.
    if (NOUN_LIKE_VERBS.has(token.lower) && tokens[v + 1]?.lower !== 'that' && !SUBJECT_PRONOUNS.has(tokens[v - 1]?.lower ?? '')) continue;
    // "hit back at Mr Mallon's claim that …": after a possessive the word is a noun, and its owner made no claim here.
    if (isPossessive(tokens[v - 1])) continue;
    // "He declined comment … but said the firm would …": the coordinated verb's subject opens the sentence.
    // The sentence's subject is the same for every such verb: read once, not once per "and said".
    const afterCoordinator = ['but', 'and'].includes(tokens[v - 1]?.lower ?? '');
    if (afterCoordinator) opening ??= { phrase: sentenceSubject(tokens) };
    const coordinated = afterCoordinator ? (opening?.phrase ?? null) : null;
    const phrase = subjectBefore(tokens, v, 0) ?? coordinated;
    if (!phrase) {
      // "CLAIM, said Mr Jain.": the speaker named after the verb, the claim before its comma.
      firstQuote ??= tokens.findIndex((t) => t.kind === 'quote');
      const inverted = invertedAfterClaim(tokens, v, end, firstQuote);
      if (inverted) return inverted;
      continue;
    }
    let from = v + 1;
    let that = false;
    if (TELL_VERBS.has(token.lower)) {
      // "told reporters that …", "told a Nikkei conference on Tokyo financial markets that …".
      let found = findWithin(tokens, v + 1, v + 11, (t) => t.lower === 'that');
      // "has told the company it is confident …", "told reporters he would …": the hearer, then the claim's own clause.
      if (found < 0 || tokens.slice(v + 1, found).some((t) => t.kind !== 'word')) {
        const opened = claimAfterShortPhrase(tokens, v, end);
        if (opened !== null) found = opened - 1;
      }
      if (found < 0 || tokens.slice(v + 1, found).some((t) => t.kind !== 'word')) {
        // "CLAIM, its general manager Elliott Burnside told Reuters."
        const subjectStart = claimEndBefore(tokens, phrase);
        if (subjectStart !== null && subjectStart >= MIN_CLAIM_TOKENS && tokens[0]!.kind !== 'quote' && !accountOf) return { phrase, verbIndex: v, from: 0, to: subjectStart };
        continue;
      }
      from = found + 1;
      that = true;
    }
    // "Juppe cautioned, however, that …": skip the adverb, not a comma that ends the clause ("…, X said, a day after").
    if (tokens[from]?.text === ',' && ['however', 'though', 'also'].includes(tokens[from + 1]?.lower ?? '') && tokens[from + 2]?.text === ',') from += 3;
    if (tokens[from]?.lower === 'that') {
      from += 1;
      that = true;
    }
    // "said that, as of March 2, it had …": the claim goes on after the inserted phrase.
    if (that && tokens[from]?.text === ',') from += 1;
    // "The pair admitted the act", "denies any knowledge": only say/add/warn/believe take a claim without "that".
    if (!that && !CLAIM_WITHOUT_THAT.has(token.lower) && end - from > 0 && tokens[from]?.kind === 'word' && !CLAIM_PREPOSITIONS.has(tokens[from]!.lower)) {
      from = end;
    }
    // "the final say over mergers": a claim never opens with a preposition other than a scene's ("in", "on" …).
    if (!that && NON_CLAIM_PREPOSITIONS.has(tokens[from]?.lower ?? '')) from = end;
    // "X said in a statement that …": the claim starts after "that"; "X said on Monday." has no claim.
    if (!that && CLAIM_PREPOSITIONS.has(tokens[from]?.lower ?? '') && tokens[from + 1]?.lower !== 'least') {
      const found = findWithin(tokens, from + 1, from + 9, (t) => t.lower === 'that');
      from = found < 0 ? (claimAfterShortPhrase(tokens, from, end) ?? end) : found + 1;
    }
    if (end - from >= MIN_CLAIM_TOKENS && tokens[from]?.kind === 'word') {
      return { phrase, verbIndex: v, from, to: end };
    }
    // "CLAIM, X said (on Monday)." — the claim comes before the subject ("According to X," is none).
    const subjectStart = claimEndBefore(tokens, phrase);
    if (subjectStart !== null && subjectStart >= MIN_CLAIM_TOKENS && tokens[0]!.kind !== 'quote' && !accountOf) return { phrase, verbIndex: v, from: 0, to: subjectStart };
  }
  return accountOf;
}

/** Most tokens of the subject opening a claim after "According to X,": "a source from the French finance ministry". */
const MAX_INNER_SUBJECT_TOKENS = 12;

/**
 * The unnamed speaker of a reporting verb whose subject opens the words at `from` (`a source from the ministry said
 * …`), or null when those words are the claim itself or name someone.
 */
function speakerOpeningClaim(tokens: readonly Token[], from: number): SpeakerPhrase | null {
  for (let v = from + 1; v < tokens.length && v - from <= MAX_INNER_SUBJECT_TOKENS; v += 1) {
    const token = tokens[v]!;
    if (token.kind !== 'word') return null;
    if (token.capitalised || !REPORTED_SPEECH_VERBS.has(token.lower) || NOUN_LIKE_VERBS.has(token.lower)) continue;
    // Only an unnamed speaker: "According to Mandaric, Redknapp vowed …" is Mandaric's account of what Redknapp said.
    const phrase = describedChunk(tokens, [from, v]) ?? subjectBefore(tokens, v, from);
    return phrase?.kind === 'group' && phrase.start <= from + 1 ? phrase : null;
  }
  return null;
}

/**
 * `CLAIM, said X.`: a claim closed by a comma, then the verb and its speaker ending the sentence; null when the
 * words before the comma set the scene ("In a speech, said …" never occurs, but "Asked about it, …" does).
 */
function invertedAfterClaim(tokens: readonly Token[], v: number, end: number, firstQuote: number): ReportedClaim | null {
  if (tokens[v - 1]?.text !== ',' || v - 1 < MIN_CLAIM_TOKENS || tokens[0]!.kind !== 'word') return null;
  if (firstQuote >= 0 && firstQuote < v) return null;
  if (INTRODUCTORY_OPENERS.has(tokens[0]!.lower) && wordsUpTo(tokens, v - 1, MAX_INTRODUCTION_WORDS + 1) <= MAX_INTRODUCTION_WORDS) return null;
  // An appositive is short: a longer tail is a clause of its own (and a bound keeps each verb's check short).
  if (end - v > MAX_INVERTED_TAIL_TOKENS) return null;
  const phrase = speakerAfter(tokens, v, end);
  if (!phrase || phrase.kind === 'pronoun' || phrase.start !== v + 1) return null;
  // The name closes the sentence, or its appositive does ("said Mr Jain, head of Adamind").
  const after = phrase.start + phrase.words.length + (phrase.words.length > 0 && DETERMINERS_BEFORE.has(tokens[phrase.start]!.lower) ? 1 : 0);
  if (after < end && tokens[after]?.text !== ',' && !APPOSITIVE_LINKS.has(tokens[after]!.lower)) return null;
  // "If Steam proves effective, said Mr Fahey, other firms would …": the claim goes on after the name (an inserted
  // attribution, read by findInsertedAttribution); an appositive ("head of Adamind") has no verb of its own.
  if (SUBORDINATORS.has(tokens[0]!.lower) || tokens[0]!.lower === 'unless') return null;
  for (let i = after; i < end; i += 1) if (FINITE_WORDS.has(tokens[i]!.lower)) return null;
  return { phrase, verbIndex: v, from: 0, to: v - 1 };
}

/** Most tokens after the verb of `CLAIM, said X, the firm's head.`: the speaker and a short appositive. */
const MAX_INVERTED_TAIL_TOKENS = 24;
/** Auxiliaries and copulas: a clause of its own after an inverted speaker. */
const FINITE_WORDS = new Set(['is', 'are', 'was', 'were', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'has', 'have', 'had', 'must', 'do', 'does', 'did']);
/** Words tying an inverted speaker to whom they speak for: "said a spokesman for the firm". */
const APPOSITIVE_LINKS = new Set(['of', 'for', 'at', 'from', 'with']);
/** Determiners that may open an inverted speaker without being one of its words. */
const DETERMINERS_BEFORE = new Set(['a', 'an', 'the']);

/** Words that open a claim's own clause right after a short phrase: `said in a statement the board believes …`. */
const CLAIM_OPENERS = new Set(['the', 'it', 'he', 'she', 'they', 'we', 'its', 'his', 'her', 'their', 'there']);
/** Most words of the noun after the preposition of `said in a statement`, `said on Monday`. */
const MAX_SHORT_PHRASE_WORDS = 2;

/**
 * Where the claim starts when a short phrase without "that" follows the word at `after` (a preposition or a verb of
 * telling): `said in a statement the board believes …`, `said on Monday the company would …`, `told the company it
 * is …`; null when no clause opens right after the phrase (`said on Monday.`).
 */
function claimAfterShortPhrase(tokens: readonly Token[], after: number, end: number): number | null {
  let i = after + 1;
  if (['a', 'an', 'the', 'its', 'his', 'her', 'their'].includes(tokens[i]?.lower ?? '')) i += 1;
  const nounStart = i;
  // "told a hearing of the Senate …": a preposition in the phrase makes it longer than a hearer or a time.
  while (i < end && i - nounStart < MAX_SHORT_PHRASE_WORDS && tokens[i]!.kind === 'word' && !CLAIM_OPENERS.has(tokens[i]!.lower)) {
    if (NP_STOP_WORDS.has(tokens[i]!.lower)) return null;
    i += 1;
  }
  if (i === nounStart || i >= end || tokens[i]!.kind !== 'word' || !CLAIM_OPENERS.has(tokens[i]!.lower)) return null;
  return end - i >= MIN_CLAIM_TOKENS ? i : null;
}

/** Words among the tokens before `end`, counted up to `limit`: the count is only compared with a small limit. */
function wordsUpTo(tokens: readonly Token[], end: number, limit: number): number {
  let count = 0;
  for (let i = 0; i < end && count < limit; i += 1) if (tokens[i]!.kind === 'word') count += 1;
  return count;
}

function commaAfter(tokens: readonly Token[], index: number): number {
  for (let i = index; i < tokens.length; i += 1) if (tokens[i]!.text === ',') return i;
  return tokens.length;
}

/** Where the claim ends in `CLAIM, X said`: the comma before the subject (and its appositives), if any. */
function claimEndBefore(tokens: readonly Token[], phrase: SpeakerPhrase): number | null {
  // "In a speech in East Haddam, Connecticut, the senator said": an introductory phrase, not a claim.
  const opener = tokens[0]?.lower ?? '';
  if (INTRODUCTORY_OPENERS.has(opener) && wordsUpTo(tokens, phrase.start, MAX_INTRODUCTION_WORDS + 1) <= MAX_INTRODUCTION_WORDS) return null;
  let comma = phrase.start - 1;
  // "…, its Hong Kong office general manager Elliott Burnside told Reuters": over the words describing the speaker.
  while (comma > 0 && phrase.start - comma <= MAX_DESCRIPTION_BEFORE_NAME && tokens[comma]!.kind === 'word') {
    if (['that', 'which', 'who', 'and', 'but'].includes(tokens[comma]!.lower)) return null;
    comma -= 1;
  }
  return comma > 0 && tokens[comma]!.text === ',' ? comma : null;
}
