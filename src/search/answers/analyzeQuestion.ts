import type { SpanType } from './recognise.js';

/** What a question asks for, read from its wording. */
export type ExpectedAnswer =
  | 'money'
  | 'quantity'
  | 'percent'
  | 'amount'
  | 'date'
  | 'person'
  | 'place'
  | 'name'
  | 'reason'
  | 'quote'
  | 'definition'
  | 'event'
  | null;

/** The analysis of one question. */
export interface QuestionAnalysis {
  /** The kind of answer expected; null when the wording does not say (keywords, "tell me about"). */
  expected: ExpectedAnswer;
  /** The span types that answer it, best first (e.g. money, then quantity, for "how much … worth"). */
  accepts: readonly SpanType[];
  /**
   * For "how tall / deep / wide is …": the answer is a length, so only a quantity measured in a unit of length
   * answers ("thousands of police" does not say how tall the Eiffel Tower is); for "how often": a frequency ("six to
   * 10 times a year", "every four years") answers, a bare count ("hundreds of alerts") barely; null otherwise.
   */
  measure: 'length' | 'frequency' | null;
  /**
   * For "what is X called" / "what was the name of X": the answer is the name given after "called", "known as",
   * "named" …, not any name in the sentence.
   */
  naming: boolean;
  /**
   * For "how many X …": the words of X as typed ("mobile phones" of "how many mobile phones were sold"), which the
   * number answering counts ("674 million mobiles"); empty otherwise.
   */
  counted: readonly string[];
  /** For "what did X say (about Y)": X as typed; null otherwise. */
  speaker: string | null;
  /** For "what did X say about Y" (or "tell Y"): Y as typed; null when nothing follows the verb or there is no X. */
  about: string | null;
}

/** Longest question analysed: a question is at most a few hundred characters; the rest is not read. */
const MAX_QUESTION_LENGTH = 500;

const ACCEPTS: Record<Exclude<ExpectedAnswer, null>, readonly SpanType[]> = {
  money: ['money', 'quantity', 'percent'],
  quantity: ['quantity', 'money', 'percent'],
  percent: ['percent', 'quantity'],
  amount: ['money', 'percent', 'quantity'],
  date: ['date'],
  person: ['name'],
  place: ['name'],
  name: ['name'],
  reason: ['reason'],
  quote: ['quote'],
  definition: ['definition'],
  event: [],
};

/**
 * "what is the French digital TV service called", "whats berlusconis plan called", "what was the name of the ship",
 * "what name will Genentech sell TPA under": the question asks for a name given to something.
 */
const NAMING = /^(?:what|whats|what's)\b.{0,200}\bcalled\??$|\bwhat (?:is|was|are|were|will be) the (?:name|title)s? of\b|^what (?:name|title)\b/u;

/**
 * A request for instructions or for how a thing works in general ("how to renew a uk passport", "how do i get a
 * mortgage", "how do vaccines work"): news reports what happened, and answers none of these, however many of their
 * words a story shares ("his British passport would not be issued"). "How did …" and "how many …" ask about events.
 */
const INSTRUCTIONS = /^\W*how\s+(?:to|(?:do|can|should)\s+(?:i|you|we|one))\b|^\W*how\s+(?:do|does)\b.*\bwork\W*$/iu;

/**
 * Whether `question` asks for instructions or how something works (see {@link INSTRUCTIONS}): search answers it
 * "nothing matches" before ranking anything.
 * @example asksForInstructions('how do vaccines work?') // => true
 */
export function asksForInstructions(question: string): boolean {
  return INSTRUCTIONS.test(question);
}

/** Words after "how much" that ask for an amount of money rather than a quantity. */
const MONEY_WORDS = /\b(?:cost|costs|worth|pay|paid|paying|price|sell|sold|offer|offering|offered|spend|spending|value|fine|fined|compensation|raise|raised|lend|lent|invest|budget|profit|profits|fee|fees)\b/u;

/**
 * Verbs of change in "how much did/has … <verb>": the answer is a rate of change ("up 35.4%") more often than an
 * amount ("how much snow fell", without the auxiliary, asks for an amount).
 */
const CHANGE_WORDS = /\b(?:grow|grew|grown|rise|rose|risen|fall|fell|fallen|increase|increased|decrease|decreased|drop|dropped|climb|climbed|gain|gained|jump|jumped|slump|slumped|shrink|shrank)\b/u;

/**
 * Words of a keyword query (no question word: "wpp annual profit grey global", "califronia spywear law damages") that
 * name an amount: the reader wants the figure, though the words do not ask for it as "how much" does.
 */
const AMOUNT_KEYWORDS =
  /\b(?:profits?|losses|sales|revenues?|turnover|earnings|prices?|costs?|worth|valued?|valuation|fines?|damages|compensation|prizes?|salary|fees?|bid|offer|rate|rates|figures?|total|toll|attendance|majority|poll|stake|deficit|surplus|growth|budget|funds|money|investment|charge|gain|coupon|limit|amount|size)\b/u;

/**
 * The thing a "what/which …" question asks for: its words up to the verb ("oil price" in "what oil price does ecuador
 * need"); at most four words, so a question with no auxiliary gives nothing.
 */
const WHAT_THING = /^(?:what|which) ((?:\S+ ){1,4}?)(?:does|did|do|is|are|was|were|will|would|could|should|can|has|have|had|must|might|may)\b/u;

/** Words of a keyword query that ask when ("opec meeting date", "takeover deadline"): the reader wants the date. */
const DATE_KEYWORDS = /\b(?:date|dates|deadline)\b/u;

/** A question asking what someone died of (see {@link analyzeQuestion}). */
const DEATH_CAUSE = /\b(?:die|died) (?:of|from)\b|\bhow (?:did|does|do) .{1,80}? die\b|\bcause of (?:(?:his|her|their|the) )?death\b|\bwhat killed\b/u;

/** Words that open a question: a query that starts with one is not a bare list of keywords. */
const QUESTION_OPENING = /^(?:what|whats|what's|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|tell|show|list|give|find)\b/u;

/**
 * What "how many" counts: up to {@link MAX_COUNTED} words after it, to the first word that starts the clause's verb
 * (an auxiliary: "how many mobile phones were sold", "how many usair shares does twa own"). A word not followed by an
 * auxiliary is taken alone: "how many people smoke in china" counts people.
 */
const HOW_MANY = /\bhow many ((?:[\p{L}\p{N}'’-]+ ){0,2}?)([\p{L}\p{N}'’-]+)(?= (?:do|does|did|is|are|was|were|will|would|could|can|should|have|has|had|may|might)\b)|\bhow many ([\p{L}\p{N}'’-]+)/u;
const MAX_COUNTED = 3;

function countedWords(lower: string): string[] {
  const found = HOW_MANY.exec(lower);
  if (!found) return [];
  return (found[3] ?? `${found[1]}${found[2]}`).split(' ').filter(Boolean).slice(0, MAX_COUNTED);
}

/**
 * Reads the expected answer of a question from its wording (how many / how much → quantity or money, when → date,
 * who → person, where → place, why → reason, what did X say → quotations by X, what does X stand for → definition,
 * what happened → event). Linear in the question's length (cut at 500 characters).
 * @example analyzeQuestion('how much is the Nike deal with Chelsea worth').expected // => 'money'
 * @example analyzeQuestion('what did Peter Andren say about cancer?').speaker // => 'Peter Andren'
 * @example analyzeQuestion('what did Peter Andren say about cancer?').about // => 'cancer'
 */
export function analyzeQuestion(question: string): QuestionAnalysis {
  const text = question.slice(0, MAX_QUESTION_LENGTH).replace(/\s+/gu, ' ').trim();
  const lower = text.toLowerCase();
  const measure = /\bhow (?:tall|deep|wide)\b/u.test(lower) ? 'length' : /\bhow (?:often|frequently)\b/u.test(lower) ? 'frequency' : null;
  const result = (expected: ExpectedAnswer, speaker: string | null = null, about: string | null = null): QuestionAnalysis => ({
    expected,
    accepts: expected === null ? [] : expected === 'quantity' && measure === 'frequency' ? ['frequency', 'quantity'] : ACCEPTS[expected],
    speaker,
    about,
    measure: expected === 'quantity' ? measure : null,
    naming: expected === 'name' && NAMING.test(lower),
    counted: expected === 'quantity' ? countedWords(lower) : [],
  });
  const said = /\bwhat (?:did|does|do|has|have) (.{2,80}?) (?:say|said|tell|told|think|thinks|call|called|claim|claimed|warn|warned)\b/u.exec(lower);
  if (said) {
    const from = said.index + said[0].indexOf(said[1]!);
    // The rest of the question is its subject: "about Y", "of Y", or what was told ("tell the Labour conference").
    const about = /^\s*(?:(?:about|of|on|regarding|to)\s+)?(\S.*?)[\s?.!]*$/u.exec(text.slice(said.index + said[0].length));
    return result('quote', text.slice(from, from + said[1]!.length), about?.[1] ?? null);
  }
  if (NAMING.test(lower)) return result('name');
  if (/\bstand for\b/u.test(lower) || /^(?:what|who) (?:is|are|was) (?:the |an? )?\p{L}{2,10}\??$/u.test(lower)) return result('definition');
  if (/\bhow much\b/u.test(lower)) {
    // "how much did exports grow" asks for a change, said in per cent; "how much is the rescue plan" for a sum.
    if (MONEY_WORDS.test(lower)) return result('money');
    if (/\bof\b/u.test(lower) || (/\bhow much (?:did|does|do|has|have|had|will|would|could)\b/u.test(lower) && CHANGE_WORDS.test(lower))) return result('percent');
    return result(/\bhow much (?:is|are|was|were)\b/u.test(lower) ? 'money' : 'quantity');
  }
  if (/\b(?:how (?:many|big|far|fast|old|tall|deep|wide|large|high|long|heavy|often|frequently)|by how|what (?:was|is|were) (?:the )?\S+ (?:turnover|profit|net profit|figure|total|rate|score|vote))\b/u.test(lower)) {
    return result(/\bhow long will\b/u.test(lower) ? 'date' : 'quantity');
  }
  if (/\b(?:percentage|per cent|percent|what share)\b/u.test(lower)) return result('percent');
  if (/^(?:when|what (?:date|day|year|time))\b|\bwhen (?:is|was|will|did|does|do|are)\b/u.test(lower)) return result('date');
  if (/^(?:who|whom|whose)\b|\bwho (?:is|was|are|did|will|has)\b/u.test(lower)) return result('person');
  if (/^where\b|\bwhere (?:is|was|did|does|will)\b/u.test(lower)) return result('place');
  // "what did Peter Andren die of", "how did he die", "cause of death": the illness or the injury, said as a reason
  // ("died of pancreatic cancer", "died from his injuries").
  if (DEATH_CAUSE.test(lower)) return result('reason');
  if (/^why\b|\bwhy (?:is|was|did|does|do|are|were|has|have|should|may|could|will)\b|\bwhat (?:caused|causes)\b|\breason\b/u.test(lower)) return result('reason');
  if (/^(?:which|what) (?!is\b|was\b|are\b|were\b|did\b|does\b|do\b|has\b|have\b|happened\b)\S+/u.test(lower)) {
    // "what fine did …", "what oil price does …", "what income tax rate would …": the thing asked for is an amount.
    const asked = WHAT_THING.exec(lower)?.[1] ?? '';
    return result(AMOUNT_KEYWORDS.test(asked) ? 'amount' : 'name');
  }
  if (/\bwhat happened\b/u.test(lower)) return result('event');
  // Keywords naming a date ("opec meeting date") or an amount ("wpp annual profit grey global"): a date or a figure is
  // likely the answer, not certain.
  if (!QUESTION_OPENING.test(lower) && DATE_KEYWORDS.test(lower)) return result('date');
  if (!QUESTION_OPENING.test(lower) && AMOUNT_KEYWORDS.test(lower)) return result('amount');
  return result(null);
}
